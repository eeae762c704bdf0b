//! What every page's layout needs: the language, the logged-in user (for the navigation) and the
//! session's CSRF token for its forms.

use brygga_domain::model::Role;
use brygga_domain::policy::{Action, Relation, Resource};
use brygga_i18n::I18n;
use brygga_store::Actor;

/// The page chrome, one per request; pages hold it in a field named `chrome`.
#[derive(Debug, Clone, Default)]
pub struct Chrome {
    pub i18n: I18n,
    /// `None` on pages for anyone (login, the public portal, error pages).
    pub user: Option<UserInfo>,
    pub csrf: String,
}

impl Chrome {
    /// Whether the language menu offers every language (to a participant and to visitors, who
    /// may be one) rather than the Swedish–English switch.
    pub fn all_languages(&self) -> bool {
        self.user.as_ref().is_none_or(|u| u.all_languages)
    }

    /// The chrome of a page shown to someone not logged in.
    pub fn anonymous(i18n: I18n) -> Self {
        Chrome {
            i18n,
            user: None,
            csrf: String::new(),
        }
    }
}

/// What the layout needs to know about the logged-in user: the links the policy lets them use.
#[derive(Debug, Clone)]
pub struct UserInfo {
    pub name: String,
    pub role: Role,
    pub sees_participants: bool,
    pub sees_employers: bool,
    pub sees_placements: bool,
    pub is_admin: bool,
    /// The participant record of a participant who is logged in.
    pub own_participant: Option<i32>,
    /// May rank, plan and propose (the matching pages).
    pub matches: bool,
    /// Sees the board of participants by stage.
    pub board: bool,
    /// Handles the inbox of interest from the public portal.
    pub inbox: bool,
    /// Sees the queue of outgoing email.
    pub jobs: bool,
    /// Sees courses (the education provider's own, a participant's, the programme's).
    pub courses: bool,
    /// Has a week of their own: an intern's schedule, a supervisor's or employer's interns'.
    pub my_week: bool,
    /// Sees the absence patterns of the programme's participants.
    pub absences: bool,
    /// Has internships to learn in or supervise (the participant, the supervisor).
    pub learning: bool,
    /// Chooses among all the interface languages (a participant), not only Swedish and English.
    pub all_languages: bool,
    /// Which of an internship's learning pages the role may read (their links show only then).
    pub sees_checklist: bool,
    pub sees_log: bool,
    pub sees_assessments: bool,
    pub sees_plan: bool,
    pub sees_certificates: bool,
    /// Sees events (those in scope, invited to, registered for, or public).
    pub events: bool,
    /// Keeps a programme's log of lessons and challenges.
    pub lessons: bool,
    /// Reads the programmes' socio-economic calculations.
    pub gain: bool,
    /// Takes the programmes' pseudonymised exports for evaluation.
    pub evaluation: bool,
    /// Reads the programmes' dashboards.
    pub dashboard: bool,
}

impl UserInfo {
    pub fn of(a: &Actor) -> Self {
        let lists = |r| !brygga_domain::policy::list_scope(a.role(), r).is_empty();
        UserInfo {
            name: a.name().to_string(),
            role: a.role(),
            sees_participants: lists(Resource::Participant),
            sees_employers: lists(Resource::Employer),
            sees_placements: lists(Resource::Placement),
            is_admin: a.can(Action::List, Resource::AuditLog, Relation::Unrelated),
            own_participant: a.participant_id(),
            matches: brygga_app::matching::may_match(a),
            board: brygga_domain::policy::list_scope(a.role(), Resource::Participant)
                .contains(&Relation::InOrgScope),
            inbox: lists(Resource::Interest),
            jobs: lists(Resource::Job),
            courses: lists(Resource::Course),
            my_week: [
                Relation::OwnRecord,
                Relation::Supervised,
                Relation::OwnEmployer,
                Relation::Teaches,
            ]
            .iter()
            .any(|r| a.can(Action::Read, Resource::Schedule, *r)),
            absences: lists(Resource::Absence)
                && a.may(Action::List, Resource::Participant)
                && !matches!(a.role(), brygga_domain::model::Role::Supervisor),
            learning: matches!(
                a.role(),
                brygga_domain::model::Role::Participant | brygga_domain::model::Role::Supervisor
            ),
            all_languages: brygga_app::account::keeps_language(a),
            sees_checklist: a.may(Action::Read, Resource::Checklist),
            sees_log: a.may(Action::Read, Resource::ProgressLog),
            sees_assessments: a.may(Action::Read, Resource::Assessment),
            sees_plan: a.may(Action::Read, Resource::DevelopmentPlan),
            sees_certificates: a.may(Action::Read, Resource::Certificate),
            events: lists(Resource::Event),
            lessons: lists(Resource::Lesson),
            gain: lists(Resource::Gain),
            evaluation: a.may(Action::Read, Resource::EvaluationExport),
            dashboard: lists(Resource::Indicators),
        }
    }

    pub fn role_key(&self) -> String {
        self.role.label_key()
    }
}
