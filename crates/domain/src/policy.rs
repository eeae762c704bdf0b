//! The one access policy: every read and write in Brygga asks `decide` first.
//!
//! The store works out how a record relates to the actor (`Relation`); the policy turns
//! role × action × resource × relation into a decision. List operations in the store apply the
//! same relations as SQL filters, and a store test checks that the two agree.

use crate::model::{PlacementStatus, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resource {
    Participant,
    Employer,
    Placement,
    Organisation,
    User,
    AuditLog,
    /// An interest submitted through the public placement portal (not yet a participant).
    Interest,
    /// A participant's place in a placement's candidate pool.
    Proposal,
    Interview,
    /// The employment service's eligibility confirmation and decision for a participant.
    Clearance,
    /// Collaboration (employer level) and internship (per intern) agreements, with their files.
    Agreement,
    /// A programme's stages and checkpoints.
    ProcessMap,
    /// The background job queue (outgoing email).
    Job,
    /// A course (vocational Swedish, SFI, the preparatory course …) with its teachers, sessions
    /// and enrolments: the schedule and the enrolled participants' names.
    Course,
    /// What happens in a course: attendance per session and progress notes per enrolment.
    CourseProgress,
    /// A login for a person in the records: invitations and password-reset links, and the link
    /// between a login and its record (a supervisor, an employer contact, a participant). Which
    /// roles one may invite is [`may_invite`].
    Invitation,
    /// A participant's schedule: workplace days, vocational Swedish, SFI, meetings.
    Schedule,
    /// A participant's reported absences (the reason is the participant's business and the
    /// coordinating function's, not the employer's).
    Absence,
    /// A participant's internship: placement, supervisor, period, days, its end.
    Internship,
    /// A follow-up meeting about a participant, with its notes. `OwnRecord`: the actor is invited.
    Meeting,
    /// An action agreed at a meeting. `OwnRecord`: the actor owns the action.
    MeetingAction,
    /// The coordinating function's case log about a participant: special-category data.
    CaseLog,
    /// An intern's checklist: learning goals with criteria and the supervisor's ticks.
    Checklist,
    /// The participant's progress log about her internship, with comments and photos.
    ProgressLog,
    /// The mid-point and end assessments (the supervisor's and the participant's own).
    Assessment,
    /// The participant's individual development plan: next steps with owner and date.
    DevelopmentPlan,
    /// An event (matching fair, supervisor training, network meeting …) with its sessions,
    /// registrations, attendance and a fair's timetable. `OwnRecord`: the actor is invited or
    /// registered; `OwnEmployer`: the actor's employer takes part in the fair; `Public`: the
    /// event is on the portal.
    Event,
    /// The register of trained staff (name, organisation, role level, gender): what an ESF
    /// project reports as its participants.
    StaffRegister,
    /// An internship certificate or validated competence certificate, with its signed
    /// credential and its revocation. Anyone may verify one by its credential id without a
    /// login; this resource is about issuing, revoking and downloading.
    Certificate,
    /// A programme's running log of lessons and challenges.
    Lesson,
    /// The socio-economic value table: yearly values per status with source and date, one for
    /// the installation, edited by an admin and read by the programmes' staff.
    GainTable,
    /// A programme's socio-economic calculation: its parameters and programme costs (the
    /// programme manager's), and the report worked out from its outcome records.
    Gain,
    /// A programme's pseudonymised export for evaluation: no direct identifiers, a pseudonym
    /// per export, small cells suppressed.
    EvaluationExport,
    /// A programme's indicators and dashboard (counts split by gender and age group, never a
    /// person), with the project data and goals they are measured against.
    Indicators,
}

impl Resource {
    /// Records whose existence says something about one participant: out of scope they are
    /// hidden (404), not refused.
    pub fn is_about_a_participant(self) -> bool {
        matches!(
            self,
            Resource::Participant
                | Resource::Meeting
                | Resource::MeetingAction
                | Resource::CaseLog
                | Resource::Checklist
                | Resource::ProgressLog
                | Resource::Assessment
                | Resource::DevelopmentPlan
                | Resource::Certificate
        )
    }

    pub const ALL: &'static [Resource] = &[
        Resource::Participant,
        Resource::Employer,
        Resource::Placement,
        Resource::Organisation,
        Resource::Course,
        Resource::CourseProgress,
        Resource::User,
        Resource::AuditLog,
        Resource::Interest,
        Resource::Proposal,
        Resource::Interview,
        Resource::Clearance,
        Resource::Agreement,
        Resource::Meeting,
        Resource::MeetingAction,
        Resource::CaseLog,
        Resource::ProcessMap,
        Resource::Job,
        Resource::Invitation,
        Resource::Schedule,
        Resource::Absence,
        Resource::Internship,
        Resource::Checklist,
        Resource::ProgressLog,
        Resource::Assessment,
        Resource::DevelopmentPlan,
        Resource::Event,
        Resource::StaffRegister,
        Resource::Certificate,
        Resource::Lesson,
        Resource::GainTable,
        Resource::Gain,
        Resource::EvaluationExport,
        Resource::Indicators,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Lists and search: the store filters by relation; `decide` says whether the list exists.
    List,
    Read,
    Create,
    Update,
    Delete,
    /// Special-category data on a participant (health, disability, other special needs).
    ReadSpecialNeeds,
    /// Confirm what the other party attests: publish an employer's placement on the portal,
    /// record an employer's collaboration agreement as signed and its supervisors' training.
    /// An employer contact edits its own organisation but never approves its own word.
    Approve,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::List,
        Action::Read,
        Action::Create,
        Action::Update,
        Action::Delete,
        Action::ReadSpecialNeeds,
        Action::Approve,
    ];
}

/// How a record relates to the actor, worked out by the store from the actor's memberships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// The record belongs to an organisation the actor is a member of (or one below it).
    InOrgScope,
    /// The record is (or belongs to) the employer the actor works for.
    OwnEmployer,
    /// A participant placed in an internship with this supervisor.
    Supervised,
    /// A participant proposed as a candidate to the actor's employer.
    ProposedToOwnEmployer,
    /// A participant whose case is shared with this employment-service officer.
    SharedCase,
    /// The actor's own record.
    OwnRecord,
    /// A placement that is published (public information).
    Public,
    /// A course the actor (an education provider's teacher) teaches.
    Teaches,
    /// None of the above.
    Unrelated,
}

impl Relation {
    pub const ALL: &'static [Relation] = &[
        Relation::InOrgScope,
        Relation::OwnEmployer,
        Relation::Supervised,
        Relation::ProposedToOwnEmployer,
        Relation::SharedCase,
        Relation::OwnRecord,
        Relation::Public,
        Relation::Unrelated,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// 403: the actor may know the record exists but may not do this.
    Forbidden,
    /// 404: the actor may not even learn that the record exists.
    Hidden,
}

impl Decision {
    pub fn allowed(self) -> bool {
        self == Decision::Allow
    }
}

/// Which relations give a role access to a resource for an action. `None` means the role has
/// no business with the resource at all (403); an empty or non-matching list means the record
/// is out of scope (404 for participants, whose existence is itself personal data).
fn grants(role: Role, action: Action, resource: Resource) -> Option<&'static [Relation]> {
    use Action::*;
    use Relation::*;
    use Resource::{
        Agreement, AuditLog, CaseLog, Clearance, Course, CourseProgress, Employer, Interest,
        Internship, Interview, Job, Meeting, MeetingAction, Organisation, Placement, ProcessMap,
        Proposal, User,
    };
    use Role::*;
    type Res = Resource;

    const ANY: &[Relation] = &[
        InOrgScope,
        OwnEmployer,
        Supervised,
        ProposedToOwnEmployer,
        SharedCase,
        OwnRecord,
        Public,
        Teaches,
        Unrelated,
    ];
    match (role, resource, action) {
        (Admin, AuditLog, List | Read) => Some(ANY),
        (_, AuditLog, _) => None,
        (Admin, _, _) => Some(ANY),

        // Participants: personal data, scoped tightly.
        (
            Coordinator,
            Res::Participant,
            List | Read | Create | Update | Delete | ReadSpecialNeeds,
        ) => Some(&[InOrgScope]),
        (ProgrammeManager, Res::Participant, List | Read) => Some(&[InOrgScope]),
        (Supervisor, Res::Participant, List | Read) => Some(&[Supervised]),
        (EmployerContact, Res::Participant, List | Read) => Some(&[ProposedToOwnEmployer]),
        (EsOfficer, Res::Participant, List | Read) => Some(&[SharedCase]),
        // A participant reads her whole own record, special-category data included.
        (Participant, Res::Participant, Read | ReadSpecialNeeds) => Some(&[OwnRecord]),
        (_, Res::Participant, _) => None,

        // Employers: contact persons are personal data, so evaluators stay out.
        (Coordinator | ProgrammeManager, Employer, List | Read | Create | Update | Approve) => {
            Some(ANY)
        }
        (EmployerContact, Employer, List | Read | Update) => Some(&[OwnEmployer]),
        (Supervisor, Employer, List | Read) => Some(&[OwnEmployer]),
        (EsOfficer | EducationProvider, Employer, List | Read) => Some(ANY),
        (_, Employer, _) => None,

        // Placements: published ones are public information.
        (
            Coordinator | ProgrammeManager,
            Placement,
            List | Read | Create | Update | Delete | Approve,
        ) => Some(ANY),
        (EmployerContact, Placement, List | Read | Create | Update) => Some(&[OwnEmployer]),
        (EmployerContact, Placement, _) => None,
        (Supervisor, Placement, List | Read) => Some(&[OwnEmployer, Public]),
        (EsOfficer | EducationProvider | Participant | Evaluator, Placement, List | Read) => {
            Some(&[Public])
        }
        (_, Placement, _) => None,

        // The organisation tree is not personal data; only admins change it.
        (_, Organisation, List | Read) => Some(ANY),
        (_, Organisation, _) => None,

        (_, User, _) => None,

        // Interest from the public portal: people who are not yet participants. Coordinators
        // handle the inbox; programme managers may look.
        (Coordinator, Interest, List | Read | Update | Delete) => Some(ANY),
        (ProgrammeManager, Interest, List | Read) => Some(ANY),
        (_, Interest, _) => None,

        // The candidate pool: a participant's relation is that of the participant (coordinators)

        // Follow-up meetings: the staff in scope book, move and cancel them; whoever is invited
        // reads the meeting (the participant only its shared notes, see `meeting::reads_note`).
        (Coordinator | ProgrammeManager, Meeting, List | Read | Create | Update | Delete) => {
            Some(&[InOrgScope])
        }
        (Supervisor | EmployerContact | EsOfficer | Participant, Meeting, List | Read) => {
            Some(&[OwnRecord])
        }
        (_, Meeting, _) => None,
        // An action's owner marks it done; the staff in scope agree and follow up actions.
        (Coordinator | ProgrammeManager, MeetingAction, List | Read | Create | Update) => {
            Some(&[InOrgScope])
        }
        (
            Supervisor | EmployerContact | EsOfficer | Participant,
            MeetingAction,
            List | Read | Update,
        ) => Some(&[OwnRecord]),
        (_, MeetingAction, _) => None,

        // The case log is special-category data (needs, health, income): the coordinators in
        // scope only, as special needs; programme managers see no special-category data, and it
        // is append-only (a correction is a new entry).
        (Coordinator, CaseLog, List | Read | Create) => Some(&[InOrgScope]),
        (_, CaseLog, _) => None,
        // or of the placement's employer (employer contacts see only what was proposed to them).
        (Coordinator, Proposal, List | Read | Create | Update | Delete) => Some(&[InOrgScope]),
        (ProgrammeManager, Proposal, List | Read) => Some(&[InOrgScope]),
        (EmployerContact, Proposal, List | Read | Update) => Some(&[OwnEmployer]),
        (_, Proposal, _) => None,

        (Coordinator, Interview, List | Read | Create | Update | Delete) => Some(&[InOrgScope]),
        (ProgrammeManager, Interview, List | Read) => Some(&[InOrgScope]),
        (EmployerContact, Interview, List | Read | Create | Update) => Some(&[OwnEmployer]),
        (Participant, Interview, List | Read) => Some(&[OwnRecord]),
        (_, Interview, _) => None,

        // Clearance is the employment service's business: its officer only on shared cases.
        (Coordinator, Clearance, List | Read | Create | Update) => Some(&[InOrgScope]),
        (ProgrammeManager, Clearance, List | Read) => Some(&[InOrgScope]),
        (EsOfficer, Clearance, List | Read | Create | Update) => Some(&[SharedCase]),
        // A participant may read where their own case stands (their staircase).
        (Participant, Clearance, Read) => Some(&[OwnRecord]),
        (_, Clearance, _) => None,

        // Agreements: a collaboration agreement is InOrgScope for every coordinator (employers
        // are shared across the programme tree); an internship agreement is the participant's.
        (Coordinator, Agreement, List | Read | Create | Update | Delete) => Some(&[InOrgScope]),
        (ProgrammeManager, Agreement, List | Read) => Some(&[InOrgScope]),
        // The employer reads its agreements; that one is signed is recorded by a coordinator.
        (EmployerContact, Agreement, List | Read) => Some(&[OwnEmployer]),
        // The employment service is a party to the internship agreement of a shared case.
        (EsOfficer, Agreement, List | Read) => Some(&[SharedCase]),
        (_, Agreement, _) => None,

        // The internship: the coordinator creates and ends it; everyone it concerns reads it.
        (Coordinator, Internship, List | Read | Create | Update) => Some(&[InOrgScope]),
        (ProgrammeManager, Internship, List | Read) => Some(&[InOrgScope]),
        (EmployerContact, Internship, List | Read) => Some(&[OwnEmployer]),
        (Supervisor, Internship, List | Read) => Some(&[Supervised]),
        (EsOfficer, Internship, List | Read) => Some(&[SharedCase]),
        (Participant, Internship, List | Read) => Some(&[OwnRecord]),
        (_, Internship, _) => None,

        // Everyone may read a process map (stage names); only admins change one.
        (_, ProcessMap, List | Read) => Some(ANY),
        (_, ProcessMap, _) => None,

        // The job queue holds email addresses and messages: admins only.
        (_, Job, _) => None,

        // Courses: the programme's staff manage them and their enrolments; the education
        // provider reads only the courses it teaches (names and schedule, never the participant
        // record); a participant her own courses, a supervisor her interns' (the schedule).
        (Coordinator | ProgrammeManager, Course, List | Read | Create | Update | Delete) => {
            Some(&[InOrgScope])
        }
        (EducationProvider, Course, List | Read) => Some(&[Teaches]),
        (Participant, Course, List | Read) => Some(&[OwnRecord]),
        (Supervisor, Course, List | Read) => Some(&[Supervised]),
        (_, Course, _) => None,

        // Attendance and progress notes: recorded by the course's teacher or a coordinator.
        (Coordinator, CourseProgress, List | Read | Create | Update) => Some(&[InOrgScope]),
        (ProgrammeManager, CourseProgress, List | Read) => Some(&[InOrgScope]),
        (EducationProvider, CourseProgress, List | Read | Create | Update) => Some(&[Teaches]),
        (_, CourseProgress, _) => None,

        // Logins for the people in the records: a coordinator invites, links and unlinks them
        // for records in their scope (which roles: `may_invite`).
        (Coordinator, Res::Invitation, List | Read | Create | Update | Delete) => {
            Some(&[InOrgScope])
        }
        (_, Res::Invitation, _) => None,
        // Schedules: written by the coordinating function, read by the participant, her
        // supervisor and her employer (who see only the workplace days: the store filters).
        (Coordinator | ProgrammeManager, Res::Schedule, List | Read | Create | Update | Delete) => {
            Some(&[InOrgScope])
        }
        (Participant, Res::Schedule, List | Read) => Some(&[OwnRecord]),
        (Supervisor, Res::Schedule, List | Read) => Some(&[Supervised]),
        (EmployerContact, Res::Schedule, List | Read) => Some(&[OwnEmployer]),
        // The teacher reads the schedules of the participants enrolled in her courses, so that
        // sessions can be planned around the workplace days.
        (EducationProvider, Res::Schedule, List | Read) => Some(&[Teaches]),
        (_, Res::Schedule, _) => None,

        // Absences: reported by the participant or her supervisor; the coordinating function
        // sees the patterns and may correct a report.
        (Coordinator, Res::Absence, List | Read | Create | Delete) => Some(&[InOrgScope]),
        (ProgrammeManager, Res::Absence, List | Read) => Some(&[InOrgScope]),
        (Participant, Res::Absence, List | Read | Create) => Some(&[OwnRecord]),
        (Supervisor, Res::Absence, List | Read | Create) => Some(&[Supervised]),
        (_, Res::Absence, _) => None,

        // Learning at the workplace. The checklist: the coordinator draws and adapts it, the
        // supervisor ticks it (Update), the intern and her employer read it.
        (Coordinator, Res::Checklist, List | Read | Create | Update | Delete) => {
            Some(&[InOrgScope])
        }
        (ProgrammeManager, Res::Checklist, List | Read) => Some(&[InOrgScope]),
        (Supervisor, Res::Checklist, List | Read | Update) => Some(&[Supervised]),
        (Participant, Res::Checklist, List | Read) => Some(&[OwnRecord]),
        (EmployerContact, Res::Checklist, List | Read) => Some(&[OwnEmployer]),
        (_, Res::Checklist, _) => None,
        // The progress log is the participant's: she writes it, her supervisor and the
        // coordinator comment (Create); the employer's contact reads only what she shares
        // (the store filters).
        (Participant | Supervisor, Res::ProgressLog, List | Read | Create) => {
            Some(&[OwnRecord, Supervised])
        }
        (Coordinator, Res::ProgressLog, List | Read | Create) => Some(&[InOrgScope]),
        (ProgrammeManager, Res::ProgressLog, List | Read) => Some(&[InOrgScope]),
        (EmployerContact, Res::ProgressLog, List | Read) => Some(&[OwnEmployer]),
        (_, Res::ProgressLog, _) => None,
        // Assessments: the supervisor assesses and signs, the participant assesses herself
        // (the store keeps each to her own kind); the coordinator sees them side by side.
        (Supervisor | Participant, Res::Assessment, List | Read | Create | Update) => {
            Some(&[Supervised, OwnRecord])
        }
        (Coordinator | ProgrammeManager, Res::Assessment, List | Read) => Some(&[InOrgScope]),
        (EmployerContact, Res::Assessment, List | Read) => Some(&[OwnEmployer]),
        (_, Res::Assessment, _) => None,
        // The development plan: the coordinator writes it with the participant, who marks her
        // own steps done (Update); the supervisor reads it.
        (Coordinator, Res::DevelopmentPlan, List | Read | Create | Update | Delete) => {
            Some(&[InOrgScope])
        }
        (ProgrammeManager, Res::DevelopmentPlan, List | Read) => Some(&[InOrgScope]),
        (Participant, Res::DevelopmentPlan, List | Read | Update) => Some(&[OwnRecord]),
        (Supervisor, Res::DevelopmentPlan, List | Read) => Some(&[Supervised]),
        (_, Res::DevelopmentPlan, _) => None,

        // Events: the programme's staff arrange them and take attendance; whoever is invited or
        // registered reads the event and registers or cancels herself (Update); an employer
        // taking part in a fair reads it and marks whom it wants to meet again.
        (Coordinator | ProgrammeManager, Res::Event, List | Read | Create | Update | Delete) => {
            Some(&[InOrgScope])
        }
        (EmployerContact, Res::Event, List | Read | Update) => {
            Some(&[OwnRecord, OwnEmployer, Public])
        }
        (
            Supervisor | Participant | EsOfficer | EducationProvider,
            Res::Event,
            List | Read | Update,
        ) => Some(&[OwnRecord, Public]),
        (_, Res::Event, _) => None,
        // The register of trained staff is personal data: the programme's staff keep it.
        (Coordinator | ProgrammeManager, Res::StaffRegister, List | Read | Create | Update) => {
            Some(&[InOrgScope])
        }
        (_, Res::StaffRegister, _) => None,
        // Certificates: the coordinator issues and revokes them (Update); the participant
        // downloads her own, her supervisor and the programme manager read them.
        (Coordinator, Res::Certificate, List | Read | Create | Update) => Some(&[InOrgScope]),
        (ProgrammeManager, Res::Certificate, List | Read) => Some(&[InOrgScope]),
        (Participant, Res::Certificate, List | Read) => Some(&[OwnRecord]),
        (Supervisor, Res::Certificate, List | Read) => Some(&[Supervised]),
        (_, Res::Certificate, _) => None,
        // The lessons log is the programme staff's working document.
        (Coordinator | ProgrammeManager, Res::Lesson, List | Read | Create | Update) => {
            Some(&[InOrgScope])
        }
        (_, Res::Lesson, _) => None,
        // The value table is reference data for the staff who read the calculations; only an
        // admin edits it. The calculation holds counts and sums, never a person: the programme
        // manager sets its parameters, the coordinator and the evaluator read it.
        (Coordinator | ProgrammeManager | Evaluator, Res::GainTable, List | Read) => Some(ANY),
        (_, Res::GainTable, _) => None,
        (ProgrammeManager, Res::Gain, List | Read | Update) => Some(&[InOrgScope]),
        (Coordinator | Evaluator, Res::Gain, List | Read) => Some(&[InOrgScope]),
        (_, Res::Gain, _) => None,
        // The evaluator's export, and the programme manager who commissions the evaluation.
        (Evaluator | ProgrammeManager, Res::EvaluationExport, Read) => Some(&[InOrgScope]),
        (_, Res::EvaluationExport, _) => None,
        // The dashboard, and the project data and goals it measures against: the programme
        // manager keeps those.
        (ProgrammeManager, Res::Indicators, List | Read | Update) => Some(&[InOrgScope]),
        (Coordinator | Evaluator, Res::Indicators, List | Read) => Some(&[InOrgScope]),
        (_, Res::Indicators, _) => None,
    }
}

/// Decide whether `role` may do `action` on a `resource` related to the actor by `relation`.
pub fn decide(role: Role, action: Action, resource: Resource, relation: Relation) -> Decision {
    match grants(role, action, resource) {
        None => Decision::Forbidden,
        Some(rels) if rels.contains(&relation) => Decision::Allow,
        // A participant outside one's scope must not be confirmed to exist, nor may her
        // meetings, their actions or her case log.
        Some(_) if resource.is_about_a_participant() => Decision::Hidden,
        Some(_) => Decision::Forbidden,
    }
}

/// Whether `role` may ever do `action` on `resource` (for some record). Checked before input
/// is validated, so a role that may never act gets 403 rather than a list of field errors.
pub fn may_ever(role: Role, action: Action, resource: Resource) -> bool {
    grants(role, action, resource).is_some_and(|r| !r.is_empty())
}

/// The relations under which `role` may list `resource`; the store turns them into filters.
/// Empty means the role gets no list (403).
pub fn list_scope(role: Role, resource: Resource) -> &'static [Relation] {
    grants(role, Action::List, resource).unwrap_or(&[])
}

/// Whether `inviter` may make (invite, link) a login with `role`. A coordinator brings in the
/// people the records name and the partners they work with, never someone with more rights
/// than their own; only an administrator makes administrators, programme managers,
/// coordinators and evaluators.
pub fn may_invite(inviter: Role, role: Role) -> bool {
    use Role::*;
    match inviter {
        Admin => true,
        Coordinator => matches!(
            role,
            Supervisor | EmployerContact | Participant | EducationProvider | EsOfficer
        ),
        _ => false,
    }
}

/// How many (action, resource, relation) triples the policy allows `role`.
pub fn rights(role: Role) -> usize {
    let mut n = 0;
    for action in Action::ALL {
        for res in Resource::ALL {
            for rel in Relation::ALL {
                if decide(role, *action, *res, *rel).allowed() {
                    n += 1;
                }
            }
        }
    }
    n
}

/// The role with the fewest rights: what a new user gets unless told otherwise, so that a
/// slip on the new-user form gives too little, never too much.
pub fn least_powerful_role() -> Role {
    Role::ALL
        .iter()
        .copied()
        .min_by_key(|r| rights(*r))
        .unwrap_or(Role::Evaluator)
}

/// Classes of personal data on a participant, each shown only to those the policy lets see it.
/// Everything else on a record (name, skills, languages, wishes) goes with the right to read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldClass {
    /// The personnummer.
    IdentityNumber,
    /// E-mail and phone.
    Contact,
    /// Special needs and accommodations (GDPR art. 9).
    SpecialCategory,
    /// Which consents were given and withdrawn.
    Consents,
    /// Eligibility for the programme (the employment service's business).
    Eligibility,
    /// The staff's working notes about the participant: interview notes, outcome comments,
    /// proposal and case notes.
    StaffNotes,
}

impl FieldClass {
    pub const ALL: &'static [FieldClass] = &[
        FieldClass::IdentityNumber,
        FieldClass::Contact,
        FieldClass::SpecialCategory,
        FieldClass::Consents,
        FieldClass::Eligibility,
        FieldClass::StaffNotes,
    ];
}

/// Which classes one relation opens to a role:
///
/// | role | relation | sees |
/// |---|---|---|
/// | admin | any | everything |
/// | coordinator | in org scope | everything |
/// | programme manager | in org scope | all but special-category data |
/// | employment-service officer | shared case | identity number, eligibility, staff notes |
/// | participant | own record | all but staff notes |
/// | supervisor, employer contact | supervised, proposed, own employer | staff notes only |
/// | anyone else | | nothing |
///
/// Supervisors and employer contacts never see identity numbers or contact details: the
/// coordinator mediates. A relation that gives the role no right to read the participant opens
/// nothing (an employer contact who is also a member of an organisation stays an employer
/// contact). Special-category data follows `ReadSpecialNeeds`, so the two can never disagree.
fn opens(role: Role, field: FieldClass, rel: Relation) -> bool {
    use FieldClass::*;
    use Relation::*;
    use Role::*;
    if field == SpecialCategory {
        return decide(role, Action::ReadSpecialNeeds, Resource::Participant, rel).allowed();
    }
    match (role, rel) {
        (Admin, _) | (Coordinator, InOrgScope) => true,
        (ProgrammeManager, InOrgScope) => true,
        (EsOfficer, SharedCase) => matches!(field, IdentityNumber | Eligibility | StaffNotes),
        (Participant, OwnRecord) => field != StaffNotes,
        (Supervisor, Supervised) | (EmployerContact, ProposedToOwnEmployer | OwnEmployer) => {
            field == StaffNotes
        }
        _ => false,
    }
}

/// Whether `role` sees `field` on a participant related to the actor by all of `rels` (a user
/// can have several relations at once; the field shows if any of them opens it). No relation
/// at all is `Unrelated`, as in `decide`.
pub fn sees(role: Role, field: FieldClass, rels: &[Relation]) -> bool {
    if rels.is_empty() {
        return opens(role, field, Relation::Unrelated);
    }
    rels.iter().any(|r| opens(role, field, *r))
}

/// The field classes one actor sees on one record, worked out once by the store and carried
/// with the record so that pages, API and exports show the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Visible {
    pub identity_number: bool,
    pub contact: bool,
    pub special_category: bool,
    pub consents: bool,
    pub eligibility: bool,
    pub staff_notes: bool,
}

impl Visible {
    pub fn of(role: Role, rels: &[Relation]) -> Visible {
        let s = |f| sees(role, f, rels);
        Visible {
            identity_number: s(FieldClass::IdentityNumber),
            contact: s(FieldClass::Contact),
            special_category: s(FieldClass::SpecialCategory),
            consents: s(FieldClass::Consents),
            eligibility: s(FieldClass::Eligibility),
            staff_notes: s(FieldClass::StaffNotes),
        }
    }
}

/// The status a placement gets when `role` saves it with `wanted` (from `from`, or new when
/// `None`); `None` when the role may not make that move. Only those who may `Approve` a
/// placement publish it; an employer contact submits it for review, and an edit of a published
/// placement by its employer sends it back for review.
pub fn placement_status_after(
    role: Role,
    from: Option<PlacementStatus>,
    wanted: PlacementStatus,
) -> Option<PlacementStatus> {
    use PlacementStatus::*;
    let moves = |to: PlacementStatus| from.is_none_or(|f| f.can_move_to(to));
    if may_ever(role, Action::Approve, Resource::Placement) {
        return moves(wanted).then_some(wanted);
    }
    match (from, wanted) {
        (None, Draft | Submitted) => Some(wanted),
        (None, _) => None,
        (Some(Published), Published) => Some(Submitted),
        (Some(_), Published) => None,
        (Some(_), to) => moves(to).then_some(to),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use Decision::*;
    use Relation::*;
    use Resource::{
        Agreement, Assessment, AuditLog, CaseLog, Checklist, Clearance, Course, CourseProgress,
        DevelopmentPlan, Employer, Interest, Internship, Interview, Invitation, Job, Meeting,
        MeetingAction, Organisation, Placement, ProcessMap, ProgressLog, Proposal, User,
    };
    use Role::*;
    const P: Resource = Resource::Participant;

    const ACTIONS: [Action; 7] = [
        List,
        Read,
        Create,
        Update,
        Delete,
        ReadSpecialNeeds,
        Approve,
    ];
    const RELATIONS: [Relation; 9] = [
        InOrgScope,
        OwnEmployer,
        Supervised,
        ProposedToOwnEmployer,
        SharedCase,
        OwnRecord,
        Public,
        Teaches,
        Unrelated,
    ];

    /// The whole policy, written out once more as a table that a reviewer can read row by row:
    /// (role, resource, actions, relations that allow). Everything not listed is refused.
    fn full_table() -> Vec<(Role, Resource, Vec<Action>, Vec<Relation>)> {
        let all = RELATIONS.to_vec();
        let every = ACTIONS.to_vec();
        let read = vec![List, Read];
        vec![
            (Admin, P, every.clone(), all.clone()),
            (Admin, Employer, every.clone(), all.clone()),
            (Admin, Placement, every.clone(), all.clone()),
            (Admin, Organisation, every.clone(), all.clone()),
            (Admin, User, every.clone(), all.clone()),
            (Admin, AuditLog, read.clone(), all.clone()),
            (
                Coordinator,
                P,
                vec![List, Read, Create, Update, Delete, ReadSpecialNeeds],
                vec![InOrgScope],
            ),
            (
                Coordinator,
                Employer,
                vec![List, Read, Create, Update, Approve],
                all.clone(),
            ),
            (
                Coordinator,
                Placement,
                vec![List, Read, Create, Update, Delete, Approve],
                all.clone(),
            ),
            (ProgrammeManager, P, read.clone(), vec![InOrgScope]),
            (
                ProgrammeManager,
                Employer,
                vec![List, Read, Create, Update, Approve],
                all.clone(),
            ),
            (
                ProgrammeManager,
                Placement,
                vec![List, Read, Create, Update, Delete, Approve],
                all.clone(),
            ),
            (Supervisor, P, read.clone(), vec![Supervised]),
            (Supervisor, Employer, read.clone(), vec![OwnEmployer]),
            (
                Supervisor,
                Placement,
                read.clone(),
                vec![OwnEmployer, Public],
            ),
            (
                EmployerContact,
                P,
                read.clone(),
                vec![ProposedToOwnEmployer],
            ),
            (
                EmployerContact,
                Employer,
                vec![List, Read, Update],
                vec![OwnEmployer],
            ),
            (
                EmployerContact,
                Placement,
                vec![List, Read, Create, Update],
                vec![OwnEmployer],
            ),
            (EsOfficer, P, read.clone(), vec![SharedCase]),
            (EsOfficer, Employer, read.clone(), all.clone()),
            (EsOfficer, Placement, read.clone(), vec![Public]),
            (EducationProvider, Employer, read.clone(), all.clone()),
            (EducationProvider, Placement, read.clone(), vec![Public]),
            (
                Participant,
                P,
                vec![Read, ReadSpecialNeeds],
                vec![OwnRecord],
            ),
            (Participant, Placement, read.clone(), vec![Public]),
            (Evaluator, Placement, read.clone(), vec![Public]),
            (Admin, Interest, every.clone(), all.clone()),
            (Admin, Proposal, every.clone(), all.clone()),
            (Admin, Interview, every.clone(), all.clone()),
            (Admin, Clearance, every.clone(), all.clone()),
            (Admin, Agreement, every.clone(), all.clone()),
            (Admin, ProcessMap, every.clone(), all.clone()),
            (Admin, Job, every.clone(), all.clone()),
            (Admin, Meeting, every.clone(), all.clone()),
            (Admin, MeetingAction, every.clone(), all.clone()),
            (Admin, CaseLog, every.clone(), all.clone()),
            (
                Coordinator,
                Meeting,
                vec![List, Read, Create, Update, Delete],
                vec![InOrgScope],
            ),
            (
                ProgrammeManager,
                Meeting,
                vec![List, Read, Create, Update, Delete],
                vec![InOrgScope],
            ),
            (Supervisor, Meeting, read.clone(), vec![OwnRecord]),
            (EmployerContact, Meeting, read.clone(), vec![OwnRecord]),
            (EsOfficer, Meeting, read.clone(), vec![OwnRecord]),
            (Participant, Meeting, read.clone(), vec![OwnRecord]),
            (
                Coordinator,
                MeetingAction,
                vec![List, Read, Create, Update],
                vec![InOrgScope],
            ),
            (
                ProgrammeManager,
                MeetingAction,
                vec![List, Read, Create, Update],
                vec![InOrgScope],
            ),
            (
                Supervisor,
                MeetingAction,
                vec![List, Read, Update],
                vec![OwnRecord],
            ),
            (
                EmployerContact,
                MeetingAction,
                vec![List, Read, Update],
                vec![OwnRecord],
            ),
            (
                EsOfficer,
                MeetingAction,
                vec![List, Read, Update],
                vec![OwnRecord],
            ),
            (
                Participant,
                MeetingAction,
                vec![List, Read, Update],
                vec![OwnRecord],
            ),
            (
                Coordinator,
                CaseLog,
                vec![List, Read, Create],
                vec![InOrgScope],
            ),
            (Admin, Course, every.clone(), all.clone()),
            (Admin, CourseProgress, every.clone(), all.clone()),
            (
                Coordinator,
                Course,
                vec![List, Read, Create, Update, Delete],
                vec![InOrgScope],
            ),
            (
                ProgrammeManager,
                Course,
                vec![List, Read, Create, Update, Delete],
                vec![InOrgScope],
            ),
            (EducationProvider, Course, read.clone(), vec![Teaches]),
            (Participant, Course, read.clone(), vec![OwnRecord]),
            (Supervisor, Course, read.clone(), vec![Supervised]),
            (
                Coordinator,
                CourseProgress,
                vec![List, Read, Create, Update],
                vec![InOrgScope],
            ),
            (
                ProgrammeManager,
                CourseProgress,
                read.clone(),
                vec![InOrgScope],
            ),
            (
                EducationProvider,
                CourseProgress,
                vec![List, Read, Create, Update],
                vec![Teaches],
            ),
            (Admin, Resource::Schedule, every.clone(), all.clone()),
            (Admin, Resource::Event, every.clone(), all.clone()),
            (Admin, Resource::StaffRegister, every.clone(), all.clone()),
            (Admin, Resource::Certificate, every.clone(), all.clone()),
            (Admin, Resource::Lesson, every.clone(), all.clone()),
            (Admin, Resource::GainTable, every.clone(), all.clone()),
            (Admin, Resource::Gain, every.clone(), all.clone()),
            (
                Admin,
                Resource::EvaluationExport,
                every.clone(),
                all.clone(),
            ),
            (Admin, Resource::Indicators, every.clone(), all.clone()),
            (
                Coordinator,
                Resource::Indicators,
                read.clone(),
                vec![InOrgScope],
            ),
            (
                ProgrammeManager,
                Resource::Indicators,
                vec![List, Read, Update],
                vec![InOrgScope],
            ),
            (
                Evaluator,
                Resource::Indicators,
                read.clone(),
                vec![InOrgScope],
            ),
            (Admin, Resource::Absence, every.clone(), all.clone()),
            (
                Coordinator,
                Resource::Schedule,
                vec![List, Read, Create, Update, Delete],
                vec![InOrgScope],
            ),
            (
                ProgrammeManager,
                Resource::Schedule,
                vec![List, Read, Create, Update, Delete],
                vec![InOrgScope],
            ),
            (
                Participant,
                Resource::Schedule,
                read.clone(),
                vec![OwnRecord],
            ),
            (
                Supervisor,
                Resource::Schedule,
                read.clone(),
                vec![Supervised],
            ),
            (
                EmployerContact,
                Resource::Schedule,
                read.clone(),
                vec![OwnEmployer],
            ),
            (
                EducationProvider,
                Resource::Schedule,
                read.clone(),
                vec![Teaches],
            ),
            (
                Coordinator,
                Resource::Absence,
                vec![List, Read, Create, Delete],
                vec![InOrgScope],
            ),
            (
                ProgrammeManager,
                Resource::Absence,
                read.clone(),
                vec![InOrgScope],
            ),
            (
                Participant,
                Resource::Absence,
                vec![List, Read, Create],
                vec![OwnRecord],
            ),
            (
                Supervisor,
                Resource::Absence,
                vec![List, Read, Create],
                vec![Supervised],
            ),
            (
                Coordinator,
                Interest,
                vec![List, Read, Update, Delete],
                all.clone(),
            ),
            (ProgrammeManager, Interest, read.clone(), all.clone()),
            (
                Coordinator,
                Proposal,
                vec![List, Read, Create, Update, Delete],
                vec![InOrgScope],
            ),
            (ProgrammeManager, Proposal, read.clone(), vec![InOrgScope]),
            (
                EmployerContact,
                Proposal,
                vec![List, Read, Update],
                vec![OwnEmployer],
            ),
            (
                Coordinator,
                Interview,
                vec![List, Read, Create, Update, Delete],
                vec![InOrgScope],
            ),
            (ProgrammeManager, Interview, read.clone(), vec![InOrgScope]),
            (
                EmployerContact,
                Interview,
                vec![List, Read, Create, Update],
                vec![OwnEmployer],
            ),
            (Participant, Interview, read.clone(), vec![OwnRecord]),
            (
                Coordinator,
                Clearance,
                vec![List, Read, Create, Update],
                vec![InOrgScope],
            ),
            (ProgrammeManager, Clearance, read.clone(), vec![InOrgScope]),
            (
                EsOfficer,
                Clearance,
                vec![List, Read, Create, Update],
                vec![SharedCase],
            ),
            (Participant, Clearance, vec![Read], vec![OwnRecord]),
            (
                Coordinator,
                Agreement,
                vec![List, Read, Create, Update, Delete],
                vec![InOrgScope],
            ),
            (ProgrammeManager, Agreement, read.clone(), vec![InOrgScope]),
            (EmployerContact, Agreement, read.clone(), vec![OwnEmployer]),
            (Admin, Invitation, every.clone(), all.clone()),
            (
                Coordinator,
                Invitation,
                vec![List, Read, Create, Update, Delete],
                vec![InOrgScope],
            ),
            (EsOfficer, Agreement, read.clone(), vec![SharedCase]),
            (Admin, Internship, every.clone(), all.clone()),
            (
                Coordinator,
                Internship,
                vec![List, Read, Create, Update],
                vec![InOrgScope],
            ),
            (ProgrammeManager, Internship, read.clone(), vec![InOrgScope]),
            (EmployerContact, Internship, read.clone(), vec![OwnEmployer]),
            (Supervisor, Internship, read.clone(), vec![Supervised]),
            (EsOfficer, Internship, read.clone(), vec![SharedCase]),
            (Participant, Internship, read.clone(), vec![OwnRecord]),
            (Admin, Checklist, every.clone(), all.clone()),
            (
                Coordinator,
                Checklist,
                vec![List, Read, Create, Update, Delete],
                vec![InOrgScope],
            ),
            (ProgrammeManager, Checklist, read.clone(), vec![InOrgScope]),
            (
                Supervisor,
                Checklist,
                vec![List, Read, Update],
                vec![Supervised],
            ),
            (Participant, Checklist, read.clone(), vec![OwnRecord]),
            (EmployerContact, Checklist, read.clone(), vec![OwnEmployer]),
            (Admin, ProgressLog, every.clone(), all.clone()),
            (
                Participant,
                ProgressLog,
                vec![List, Read, Create],
                vec![OwnRecord, Supervised],
            ),
            (
                Supervisor,
                ProgressLog,
                vec![List, Read, Create],
                vec![OwnRecord, Supervised],
            ),
            (
                Coordinator,
                ProgressLog,
                vec![List, Read, Create],
                vec![InOrgScope],
            ),
            (
                ProgrammeManager,
                ProgressLog,
                read.clone(),
                vec![InOrgScope],
            ),
            (
                EmployerContact,
                ProgressLog,
                read.clone(),
                vec![OwnEmployer],
            ),
            (Admin, Assessment, every.clone(), all.clone()),
            (
                Supervisor,
                Assessment,
                vec![List, Read, Create, Update],
                vec![Supervised, OwnRecord],
            ),
            (
                Participant,
                Assessment,
                vec![List, Read, Create, Update],
                vec![Supervised, OwnRecord],
            ),
            (Coordinator, Assessment, read.clone(), vec![InOrgScope]),
            (ProgrammeManager, Assessment, read.clone(), vec![InOrgScope]),
            (EmployerContact, Assessment, read.clone(), vec![OwnEmployer]),
            (Admin, DevelopmentPlan, every.clone(), all.clone()),
            (
                Coordinator,
                DevelopmentPlan,
                vec![List, Read, Create, Update, Delete],
                vec![InOrgScope],
            ),
            (
                ProgrammeManager,
                DevelopmentPlan,
                read.clone(),
                vec![InOrgScope],
            ),
            (
                Participant,
                DevelopmentPlan,
                vec![List, Read, Update],
                vec![OwnRecord],
            ),
            (Supervisor, DevelopmentPlan, read.clone(), vec![Supervised]),
            (
                Coordinator,
                Resource::Event,
                vec![List, Read, Create, Update, Delete],
                vec![InOrgScope],
            ),
            (
                ProgrammeManager,
                Resource::Event,
                vec![List, Read, Create, Update, Delete],
                vec![InOrgScope],
            ),
            (
                EmployerContact,
                Resource::Event,
                vec![List, Read, Update],
                vec![OwnRecord, OwnEmployer, Public],
            ),
            (
                Supervisor,
                Resource::Event,
                vec![List, Read, Update],
                vec![OwnRecord, Public],
            ),
            (
                Participant,
                Resource::Event,
                vec![List, Read, Update],
                vec![OwnRecord, Public],
            ),
            (
                EsOfficer,
                Resource::Event,
                vec![List, Read, Update],
                vec![OwnRecord, Public],
            ),
            (
                EducationProvider,
                Resource::Event,
                vec![List, Read, Update],
                vec![OwnRecord, Public],
            ),
            (
                Coordinator,
                Resource::StaffRegister,
                vec![List, Read, Create, Update],
                vec![InOrgScope],
            ),
            (
                ProgrammeManager,
                Resource::StaffRegister,
                vec![List, Read, Create, Update],
                vec![InOrgScope],
            ),
            (
                Coordinator,
                Resource::Certificate,
                vec![List, Read, Create, Update],
                vec![InOrgScope],
            ),
            (
                ProgrammeManager,
                Resource::Certificate,
                read.clone(),
                vec![InOrgScope],
            ),
            (
                Participant,
                Resource::Certificate,
                read.clone(),
                vec![OwnRecord],
            ),
            (
                Supervisor,
                Resource::Certificate,
                read.clone(),
                vec![Supervised],
            ),
            (
                Coordinator,
                Resource::Lesson,
                vec![List, Read, Create, Update],
                vec![InOrgScope],
            ),
            (
                ProgrammeManager,
                Resource::Lesson,
                vec![List, Read, Create, Update],
                vec![InOrgScope],
            ),
            (Coordinator, Resource::GainTable, read.clone(), all.clone()),
            (
                ProgrammeManager,
                Resource::GainTable,
                read.clone(),
                all.clone(),
            ),
            (Evaluator, Resource::GainTable, read.clone(), all.clone()),
            (
                ProgrammeManager,
                Resource::Gain,
                vec![List, Read, Update],
                vec![InOrgScope],
            ),
            (Coordinator, Resource::Gain, read.clone(), vec![InOrgScope]),
            (Evaluator, Resource::Gain, read.clone(), vec![InOrgScope]),
            (
                Evaluator,
                Resource::EvaluationExport,
                vec![Read],
                vec![InOrgScope],
            ),
            (
                ProgrammeManager,
                Resource::EvaluationExport,
                vec![Read],
                vec![InOrgScope],
            ),
        ]
        .into_iter()
        .chain(
            Role::ALL
                .iter()
                .map(|r| (*r, Organisation, read.clone(), all.clone())),
        )
        .chain(
            Role::ALL
                .iter()
                .map(|r| (*r, ProcessMap, read.clone(), all.clone())),
        )
        .collect()
    }

    #[test]
    fn every_role_action_resource_and_relation_matches_the_table() {
        let table = full_table();
        let mut checked = 0;
        for role in Role::ALL {
            for res in Resource::ALL.iter().copied() {
                for action in ACTIONS {
                    for rel in RELATIONS {
                        let expected = table.iter().any(|(r, x, acts, rels)| {
                            r == role && *x == res && acts.contains(&action) && rels.contains(&rel)
                        });
                        let got = decide(*role, action, res, rel);
                        assert_eq!(
                            got.allowed(),
                            expected,
                            "{role:?} {action:?} {res:?} {rel:?}"
                        );
                        if !expected && res.is_about_a_participant() && may_ever(*role, action, res)
                        {
                            assert_eq!(got, Hidden, "an out-of-scope participant is not confirmed");
                        }
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(
            checked,
            9 * Resource::ALL.len() * ACTIONS.len() * RELATIONS.len()
        );
    }

    #[test]
    fn special_needs_are_for_coordinators_admins_and_the_participant_herself() {
        for role in Role::ALL {
            let any = RELATIONS
                .iter()
                .any(|rel| decide(*role, ReadSpecialNeeds, P, *rel).allowed());
            assert_eq!(
                any,
                matches!(role, Admin | Coordinator | Participant),
                "{role:?}"
            );
        }
        assert!(!decide(Participant, ReadSpecialNeeds, P, Unrelated).allowed());
    }

    /// Every subset of the relations, as a list.
    fn subsets() -> Vec<Vec<Relation>> {
        (0u32..1 << RELATIONS.len())
            .map(|bits| {
                RELATIONS
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, r)| *r)
                    .collect()
            })
            .collect()
    }

    /// Field visibility written out as a table: (role, relation, classes it opens).
    fn field_table() -> Vec<(Role, Relation, Vec<FieldClass>)> {
        use FieldClass::*;
        let all = FieldClass::ALL.to_vec();
        let mut t: Vec<(Role, Relation, Vec<FieldClass>)> =
            RELATIONS.iter().map(|r| (Admin, *r, all.clone())).collect();
        t.extend([
            (Coordinator, InOrgScope, all.clone()),
            (
                ProgrammeManager,
                InOrgScope,
                vec![IdentityNumber, Contact, Consents, Eligibility, StaffNotes],
            ),
            (
                EsOfficer,
                SharedCase,
                vec![IdentityNumber, Eligibility, StaffNotes],
            ),
            (
                Participant,
                OwnRecord,
                vec![
                    IdentityNumber,
                    Contact,
                    SpecialCategory,
                    Consents,
                    Eligibility,
                ],
            ),
            (Supervisor, Supervised, vec![StaffNotes]),
            (EmployerContact, ProposedToOwnEmployer, vec![StaffNotes]),
            (EmployerContact, OwnEmployer, vec![StaffNotes]),
        ]);
        t
    }

    #[test]
    fn field_visibility_for_every_role_and_every_combination_of_relations() {
        let table = field_table();
        let mut checked = 0;
        for role in Role::ALL {
            for rels in subsets() {
                for field in FieldClass::ALL {
                    let effective = if rels.is_empty() {
                        vec![Unrelated]
                    } else {
                        rels.clone()
                    };
                    let expected = table.iter().any(|(r, rel, fields)| {
                        r == role && effective.contains(rel) && fields.contains(field)
                    });
                    assert_eq!(
                        sees(*role, *field, &rels),
                        expected,
                        "{role:?} {field:?} {rels:?}"
                    );
                    checked += 1;
                }
                let v = Visible::of(*role, &rels);
                assert_eq!(
                    v.identity_number,
                    sees(*role, FieldClass::IdentityNumber, &rels)
                );
                assert_eq!(v.staff_notes, sees(*role, FieldClass::StaffNotes, &rels));
            }
        }
        assert_eq!(checked, 9 * (1 << RELATIONS.len()) * FieldClass::ALL.len());
    }

    #[test]
    fn supervisors_and_employer_contacts_never_see_identity_or_contact_details() {
        for role in [Supervisor, EmployerContact] {
            for rels in subsets() {
                for f in [
                    FieldClass::IdentityNumber,
                    FieldClass::Contact,
                    FieldClass::SpecialCategory,
                    FieldClass::Consents,
                    FieldClass::Eligibility,
                ] {
                    assert!(!sees(role, f, &rels), "{role:?} {f:?} {rels:?}");
                }
            }
        }
        // The case the attacker found: an employer contact with an organisation membership.
        let both = [InOrgScope, ProposedToOwnEmployer];
        assert!(!sees(EmployerContact, FieldClass::IdentityNumber, &both));
        assert!(!sees(EmployerContact, FieldClass::Contact, &both));
    }

    #[test]
    fn special_category_visibility_is_the_special_needs_right() {
        for role in Role::ALL {
            for rel in RELATIONS {
                assert_eq!(
                    sees(*role, FieldClass::SpecialCategory, &[rel]),
                    decide(*role, ReadSpecialNeeds, P, rel).allowed()
                );
            }
        }
    }

    #[test]
    fn participants_never_see_staff_notes() {
        for rels in subsets() {
            assert!(!sees(Participant, FieldClass::StaffNotes, &rels));
        }
    }

    #[test]
    fn only_approvers_publish_and_employers_submit_for_review() {
        use crate::model::PlacementStatus::*;
        let statuses = crate::model::PlacementStatus::ALL;
        for role in Role::ALL {
            let approver = matches!(role, Admin | Coordinator | ProgrammeManager);
            for to in statuses {
                let new = placement_status_after(*role, None, *to);
                if approver {
                    assert_eq!(new, Some(*to));
                } else {
                    assert_eq!(
                        new.is_some(),
                        matches!(to, Draft | Submitted),
                        "{role:?} {to:?}"
                    );
                }
                for from in statuses {
                    let after = placement_status_after(*role, Some(*from), *to);
                    if approver {
                        assert_eq!(after.is_some(), from.can_move_to(*to));
                    } else {
                        assert_ne!(after, Some(Published), "{role:?} {from:?} → {to:?}");
                    }
                }
            }
        }
        assert_eq!(
            placement_status_after(EmployerContact, Some(Draft), Submitted),
            Some(Submitted)
        );
        assert_eq!(
            placement_status_after(EmployerContact, Some(Published), Published),
            Some(Submitted),
            "an employer's edit of a published placement goes back for review"
        );
        assert_eq!(
            placement_status_after(Coordinator, Some(Submitted), Published),
            Some(Published)
        );
        assert_eq!(
            placement_status_after(Coordinator, Some(Submitted), Draft),
            Some(Draft)
        );
    }

    #[test]
    fn evaluators_see_no_personal_data() {
        for action in ACTIONS {
            for rel in RELATIONS {
                assert!(!decide(Evaluator, action, P, rel).allowed());
                assert!(!decide(Evaluator, action, Employer, rel).allowed());
                assert!(!decide(Evaluator, action, User, rel).allowed());
                assert!(!decide(Evaluator, action, AuditLog, rel).allowed());
                for res in [
                    Interest,
                    Proposal,
                    Interview,
                    Clearance,
                    Agreement,
                    Job,
                    Invitation,
                    Course,
                    CourseProgress,
                    Internship,
                    Meeting,
                    MeetingAction,
                    CaseLog,
                ] {
                    assert!(!decide(Evaluator, action, res, rel).allowed(), "{res:?}");
                }
            }
        }
        assert!(decide(Evaluator, Read, Placement, Public).allowed());
        assert!(!decide(Evaluator, Read, Placement, Unrelated).allowed());
    }

    #[test]
    fn out_of_scope_participants_are_hidden_but_foreign_resources_forbidden() {
        assert_eq!(decide(Coordinator, Read, P, Unrelated), Hidden);
        assert_eq!(decide(Supervisor, Read, P, InOrgScope), Hidden);
        assert_eq!(decide(Supervisor, Update, P, Supervised), Forbidden);
        assert_eq!(decide(Evaluator, Read, P, Unrelated), Forbidden);
        assert_eq!(
            decide(EmployerContact, Update, Employer, Unrelated),
            Forbidden
        );
    }

    #[test]
    fn employer_contacts_work_on_their_own_organisation_only() {
        for action in [List, Read, Update] {
            assert_eq!(
                decide(EmployerContact, action, Employer, OwnEmployer),
                Allow
            );
            assert_ne!(decide(EmployerContact, action, Employer, Unrelated), Allow);
        }
        assert_eq!(
            decide(EmployerContact, Create, Placement, OwnEmployer),
            Allow
        );
        assert_ne!(decide(EmployerContact, Create, Placement, Unrelated), Allow);
        assert_ne!(
            decide(EmployerContact, Delete, Placement, OwnEmployer),
            Allow
        );
        assert_ne!(
            decide(EmployerContact, Delete, Employer, OwnEmployer),
            Allow
        );
    }

    #[test]
    fn only_admins_read_the_audit_log_and_manage_users() {
        for role in Role::ALL {
            for action in ACTIONS {
                let audit = decide(*role, action, AuditLog, Unrelated).allowed();
                let users = decide(*role, action, User, Unrelated).allowed();
                assert_eq!(audit, *role == Admin && matches!(action, List | Read));
                assert_eq!(users, *role == Admin);
            }
        }
    }

    #[test]
    fn who_may_invite_whom() {
        let staff_only = [Admin, ProgrammeManager, Coordinator, Evaluator];
        for inviter in Role::ALL {
            for role in Role::ALL {
                let expected = match inviter {
                    Admin => true,
                    Coordinator => !staff_only.contains(role),
                    _ => false,
                };
                assert_eq!(may_invite(*inviter, *role), expected, "{inviter} {role}");
                // Whoever may invite may also create invitations at all.
                if may_invite(*inviter, *role) {
                    assert!(may_ever(*inviter, Create, Invitation), "{inviter}");
                }
            }
        }
        assert!(!may_invite(Coordinator, Admin));
        assert!(!may_invite(Coordinator, ProgrammeManager));
        assert!(!may_invite(Supervisor, Supervisor));
    }

    #[test]
    fn the_least_powerful_role_has_the_fewest_rights_and_is_never_admin() {
        let least = least_powerful_role();
        assert_eq!(least, Evaluator);
        for role in Role::ALL {
            assert!(rights(least) <= rights(*role), "{role}");
        }
        assert!(rights(least) < rights(Participant));
        assert!(rights(least) < rights(Admin));
    }

    #[test]
    fn may_ever_agrees_with_decide() {
        for role in Role::ALL {
            for action in ACTIONS {
                for res in Resource::ALL.iter().copied() {
                    let some = RELATIONS
                        .iter()
                        .any(|rel| decide(*role, action, res, *rel).allowed());
                    assert_eq!(
                        may_ever(*role, action, res),
                        some,
                        "{role:?} {action:?} {res:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn list_scope_agrees_with_decide() {
        for role in Role::ALL {
            for res in Resource::ALL.iter().copied() {
                for rel in RELATIONS {
                    assert_eq!(
                        list_scope(*role, res).contains(&rel),
                        decide(*role, List, res, rel).allowed()
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod journey_tests {
    use super::*;
    use Action::*;
    use Relation::*;
    use Resource::{Agreement, Clearance, Interview, Job, Proposal};
    use Role::*;

    #[test]
    fn employer_contacts_see_only_the_pool_of_their_own_employer() {
        assert!(decide(EmployerContact, Read, Proposal, OwnEmployer).allowed());
        assert!(decide(EmployerContact, Update, Proposal, OwnEmployer).allowed());
        assert!(!decide(EmployerContact, Read, Proposal, Unrelated).allowed());
        assert!(!decide(EmployerContact, Create, Proposal, OwnEmployer).allowed());
        assert!(!decide(EmployerContact, Read, Clearance, OwnEmployer).allowed());
    }

    #[test]
    fn officers_reach_only_the_clearance_of_shared_cases() {
        for action in [List, Read, Create, Update] {
            assert!(decide(EsOfficer, action, Clearance, SharedCase).allowed());
            assert!(!decide(EsOfficer, action, Clearance, InOrgScope).allowed());
        }
        // The employment service is a party to the internship agreement: read only.
        assert!(decide(EsOfficer, Read, Agreement, SharedCase).allowed());
        assert!(!decide(EsOfficer, Update, Agreement, SharedCase).allowed());
        assert!(!decide(EsOfficer, Read, Agreement, InOrgScope).allowed());
        assert!(!decide(EsOfficer, Read, Interview, SharedCase).allowed());
    }

    #[test]
    fn schedules_are_read_by_those_around_the_intern_and_written_by_the_coordinating_function() {
        use Resource::{Absence, Schedule};
        for role in [EducationProvider, EsOfficer, Evaluator] {
            for action in [List, Read, Create, Update, Delete] {
                for rel in [InOrgScope, OwnEmployer, Supervised, OwnRecord, SharedCase] {
                    assert!(!decide(role, action, Schedule, rel).allowed(), "{role:?}");
                    assert!(!decide(role, action, Absence, rel).allowed(), "{role:?}");
                }
            }
        }
        // The teacher reads the schedules of her enrolled participants, writes nothing, and
        // sees no absences.
        assert!(decide(EducationProvider, Read, Schedule, Teaches).allowed());
        assert!(decide(EducationProvider, List, Schedule, Teaches).allowed());
        for action in [Create, Update, Delete] {
            assert!(!decide(EducationProvider, action, Schedule, Teaches).allowed());
        }
        for action in [List, Read, Create] {
            assert!(!decide(EducationProvider, action, Absence, Teaches).allowed());
        }
        assert!(decide(Supervisor, Read, Schedule, Supervised).allowed());
        assert!(!decide(Supervisor, Update, Schedule, Supervised).allowed());
        assert!(!decide(Supervisor, Read, Schedule, OwnEmployer).allowed());
        assert!(decide(EmployerContact, Read, Schedule, OwnEmployer).allowed());
        assert!(!decide(EmployerContact, Read, Absence, OwnEmployer).allowed());
        assert!(decide(Participant, Create, Absence, OwnRecord).allowed());
        assert!(!decide(Participant, Create, Schedule, OwnRecord).allowed());
        assert!(decide(Supervisor, Create, Absence, Supervised).allowed());
        assert!(!decide(Coordinator, Update, Schedule, Unrelated).allowed());
        assert!(decide(ProgrammeManager, Create, Schedule, InOrgScope).allowed());
    }

    #[test]
    fn an_internship_is_read_by_everyone_it_concerns_and_changed_by_coordinators() {
        use Resource::Internship;
        let readers = [
            (Coordinator, InOrgScope),
            (ProgrammeManager, InOrgScope),
            (EmployerContact, OwnEmployer),
            (Supervisor, Supervised),
            (EsOfficer, SharedCase),
            (Participant, OwnRecord),
        ];
        for (role, rel) in readers {
            assert!(decide(role, Read, Internship, rel).allowed(), "{role:?}");
            assert!(
                !decide(role, Read, Internship, Unrelated).allowed(),
                "{role:?}"
            );
            assert_eq!(
                decide(role, Update, Internship, rel).allowed(),
                role == Coordinator,
                "{role:?} ends an internship"
            );
        }
        // Never deleted, except by an administrator's hand.
        for role in Role::ALL {
            assert_eq!(
                decide(*role, Delete, Internship, InOrgScope).allowed(),
                *role == Admin
            );
        }
        assert!(!decide(Supervisor, Read, Internship, OwnEmployer).allowed());
        assert!(!decide(EducationProvider, Read, Internship, InOrgScope).allowed());
        assert!(!decide(Evaluator, Read, Internship, InOrgScope).allowed());
    }

    #[test]
    fn the_job_queue_is_for_admins_only() {
        for role in Role::ALL {
            assert_eq!(
                decide(*role, List, Job, Unrelated).allowed(),
                *role == Admin,
                "{role:?}"
            );
        }
    }
}

#[cfg(test)]
mod course_tests {
    use super::*;
    use Action::*;
    use Relation::*;
    use Resource::{Course, CourseProgress, Participant as P};
    use Role::*;

    #[test]
    fn the_education_provider_reaches_only_the_courses_it_teaches_and_never_the_participant() {
        for action in [List, Read] {
            assert!(decide(EducationProvider, action, Course, Teaches).allowed());
            assert!(!decide(EducationProvider, action, Course, InOrgScope).allowed());
            assert!(!decide(EducationProvider, action, Course, Unrelated).allowed());
        }
        for action in [Create, Update, Delete] {
            assert!(!decide(EducationProvider, action, Course, Teaches).allowed());
        }
        assert!(decide(EducationProvider, Create, CourseProgress, Teaches).allowed());
        assert!(!decide(EducationProvider, Create, CourseProgress, InOrgScope).allowed());
        // Teaching a participant's course opens nothing on the participant record.
        for action in [List, Read, ReadSpecialNeeds] {
            assert!(!may_ever(EducationProvider, action, P), "{action:?}");
        }
        for f in FieldClass::ALL {
            assert!(
                !sees(EducationProvider, *f, &[Teaches, InOrgScope]),
                "{f:?}"
            );
        }
    }

    #[test]
    fn participants_and_supervisors_read_the_schedule_only() {
        assert!(decide(Participant, Read, Course, OwnRecord).allowed());
        assert!(!decide(Participant, Read, Course, Unrelated).allowed());
        assert!(decide(Supervisor, Read, Course, Supervised).allowed());
        for role in [
            Participant,
            Supervisor,
            EmployerContact,
            EsOfficer,
            Evaluator,
        ] {
            for action in [List, Read, Create, Update] {
                for rel in [OwnRecord, Supervised, Teaches, InOrgScope] {
                    assert!(
                        !decide(role, action, CourseProgress, rel).allowed(),
                        "{role:?} {action:?} {rel:?}"
                    );
                }
            }
            assert!(!decide(role, Create, Course, OwnRecord).allowed());
        }
    }
}

#[cfg(test)]
mod followup_tests {
    use super::*;
    use Action::*;
    use Relation::*;
    use Resource::{CaseLog, Meeting, MeetingAction, Participant as P};
    use Role::*;

    #[test]
    fn the_case_log_is_read_as_special_needs_are_less_the_participant_herself() {
        for role in Role::ALL {
            for rel in [
                InOrgScope,
                OwnRecord,
                Supervised,
                SharedCase,
                OwnEmployer,
                Unrelated,
            ] {
                let log = decide(*role, Read, CaseLog, rel).allowed();
                let special = decide(*role, ReadSpecialNeeds, P, rel).allowed();
                // The same protection as special needs, never wider; the participant reads her
                // special needs but the staff's case log is not hers.
                assert!(!log || special, "{role:?} {rel:?}");
                assert_eq!(log, special && *role != Participant, "{role:?} {rel:?}");
            }
        }
        assert!(!may_ever(ProgrammeManager, Read, CaseLog));
        assert!(!may_ever(Coordinator, Update, CaseLog), "append-only");
        assert!(!may_ever(Coordinator, Delete, CaseLog), "append-only");
    }

    #[test]
    fn the_invited_read_a_meeting_and_owners_mark_their_actions_done() {
        for role in [Supervisor, EmployerContact, EsOfficer, Participant] {
            assert!(decide(role, Read, Meeting, OwnRecord).allowed(), "{role:?}");
            assert!(
                !decide(role, Update, Meeting, OwnRecord).allowed(),
                "{role:?}"
            );
            assert!(
                decide(role, Update, MeetingAction, OwnRecord).allowed(),
                "{role:?}"
            );
            assert!(
                !decide(role, Create, MeetingAction, OwnRecord).allowed(),
                "{role:?}"
            );
            // Another participant's meeting (no relation) is not confirmed to exist.
            assert_eq!(
                decide(role, Read, Meeting, Unrelated),
                Decision::Hidden,
                "{role:?}"
            );
        }
        for role in [Coordinator, ProgrammeManager] {
            for action in [Create, Update, Delete] {
                assert!(decide(role, action, Meeting, InOrgScope).allowed());
                assert!(!decide(role, action, Meeting, OwnRecord).allowed());
            }
            assert_eq!(decide(role, Read, Meeting, Unrelated), Decision::Hidden);
        }
        for action in [List, Read, Create] {
            assert!(!may_ever(EducationProvider, action, Meeting));
            assert!(!may_ever(Evaluator, action, Meeting));
        }
    }
}
