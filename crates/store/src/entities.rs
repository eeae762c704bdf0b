//! SeaORM entities: one set for SQLite and PostgreSQL. JSON-shaped values (lists of languages,
//! skills, …) are stored as JSON text so that both backends read and write them the same way.

macro_rules! no_relations {
    () => {
        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}
        impl ActiveModelBehavior for ActiveModel {}
    };
}

pub mod organisation {
    use crate::stored::Stored;
    use brygga_domain::model::OrgKind;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "organisations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub kind: Stored<OrgKind>,
        pub name: String,
        pub parent_id: Option<i32>,
        pub municipality_code: Option<String>,
        pub created_at: DateTimeUtc,
        /// JSON read by the matching crate; `None` for the defaults.
        pub matching_settings: Option<String>,
        /// A programme's checklist template: "goal: criterion" a line.
        pub checklist_template: Option<String>,
    }
    no_relations!();
}

pub mod user {
    use crate::stored::Stored;
    use brygga_domain::model::Role;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "users")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub email: String,
        pub name: String,
        pub role: Stored<Role>,
        pub password_hash: String,
        pub employer_id: Option<i32>,
        pub active: bool,
        pub created_at: DateTimeUtc,
        /// Whether the to-do digest and reminders are e-mailed.
        pub notify_email: bool,
        /// The language e-mail to the user is written in ("sv", "en").
        pub lang: String,
        pub version: i32,
    }
    no_relations!();
}

pub mod membership {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "memberships")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        pub org_id: i32,
    }
    no_relations!();
}

pub mod session {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "sessions")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub data: String,
        pub expires_at: DateTimeUtc,
        /// The logged-in user, so that a password change can end their other sessions.
        pub user_id: Option<i32>,
    }
    no_relations!();
}

pub mod login_attempt {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "login_attempts")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub email: String,
        pub ip: String,
        pub at: DateTimeUtc,
        pub success: bool,
    }
    no_relations!();
}

pub mod api_token {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "api_tokens")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        pub name: String,
        #[sea_orm(unique)]
        pub token_hash: String,
        pub created_at: DateTimeUtc,
        pub last_used_at: Option<DateTimeUtc>,
        pub expires_at: Option<DateTimeUtc>,
        pub revoked_at: Option<DateTimeUtc>,
    }
    no_relations!();
}

pub mod login_throttle {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "login_throttle")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub key: String,
        pub window_start: DateTimeUtc,
        pub failures: i32,
    }
    no_relations!();
}

pub mod audit_entry {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "audit_log")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub at: DateTimeUtc,
        pub actor_id: Option<i32>,
        pub actor: String,
        pub action: String,
        pub resource: String,
        pub record_id: Option<i32>,
        pub fields: String,
        pub prev_hash: String,
        pub hash: String,
        /// `hmac` (keyed with the installation secret) or `sha256` (entries from before).
        pub scheme: String,
    }
    no_relations!();
}

pub mod employer {
    use crate::stored::Stored;
    use brygga_domain::model::AgreementStatus;
    use brygga_domain::model::Sector;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "employers")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
        #[sea_orm(unique)]
        pub org_number: String,
        pub sector: Stored<Sector>,
        pub agreement_status: Stored<AgreementStatus>,
        pub agreement_date: Option<Date>,
        pub notes: String,
        pub search_text: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod employer_unit {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "employer_units")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub employer_id: i32,
        pub name: String,
        pub address: String,
        pub municipality_code: String,
    }
    no_relations!();
}

pub mod employer_contact {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "employer_contacts")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub employer_id: i32,
        pub name: String,
        pub title: String,
        pub email: String,
        pub phone: String,
        /// The contact's own login, when she has one.
        pub user_id: Option<i32>,
    }
    no_relations!();
}

pub mod supervisor {
    use crate::stored::Stored;
    use brygga_domain::model::TrainingStatus;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "supervisors")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub employer_id: i32,
        pub unit_id: Option<i32>,
        pub name: String,
        pub email: String,
        pub phone: String,
        pub training_status: Stored<TrainingStatus>,
        pub user_id: Option<i32>,
    }
    no_relations!();
}

pub mod placement {
    use crate::stored::Stored;
    use brygga_domain::model::DrivingLicence;
    use brygga_domain::model::EducationLevel;
    use brygga_domain::model::PlacementStatus;
    use brygga_domain::values::Cefr;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "placements")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub employer_id: i32,
        pub unit_id: Option<i32>,
        pub title: String,
        pub ssyk_code: String,
        pub tasks: String,
        pub required_skills: String,
        pub desired_skills: String,
        pub min_swedish: Stored<Cefr>,
        pub other_languages: String,
        pub education_level: Stored<EducationLevel>,
        pub driving_licence: Stored<DrivingLicence>,
        pub days_per_week: i32,
        pub hours_per_week: i32,
        pub municipality_code: String,
        pub address: String,
        pub period_start: Date,
        pub period_end: Date,
        pub places: i32,
        pub accommodations: String,
        pub status: Stored<PlacementStatus>,
        pub search_text: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod participant {
    use crate::stored::Stored;
    use brygga_domain::model::DrivingLicence;
    use brygga_domain::model::EducationLevel;
    use brygga_domain::model::EligibilityStatus;
    use brygga_domain::values::Cefr;
    use brygga_domain::values::Gender;
    use brygga_domain::values::SfiCourse;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "participants")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub programme_id: i32,
        pub cohort_id: Option<i32>,
        pub first_name: String,
        pub last_name: String,
        #[sea_orm(unique)]
        pub personnummer: Option<String>,
        pub email: String,
        pub phone: String,
        pub municipality_code: String,
        pub gender: Stored<Gender>,
        pub birth_year: i32,
        pub swedish_level: Option<Stored<Cefr>>,
        pub languages: String,
        pub sfi_level: Option<Stored<SfiCourse>>,
        pub education_level: Stored<EducationLevel>,
        pub education_field: String,
        pub education_country: String,
        pub experience: String,
        pub skills: String,
        pub wished_occupations: String,
        pub available_days: String,
        pub max_commute_km: i32,
        pub driving_licence: Stored<DrivingLicence>,
        pub special_needs: String,
        pub needed_accommodations: String,
        pub eligibility: Stored<EligibilityStatus>,
        pub consents: String,
        pub shares_with_employers: bool,
        pub user_id: Option<i32>,
        pub search_text: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod internship {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "internships")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub participant_id: i32,
        pub placement_id: i32,
        pub supervisor_id: Option<i32>,
        pub start_date: Date,
        /// The planned end.
        pub end_date: Date,
        pub days_per_week: i32,
        pub hours_per_week: Option<i32>,
        /// The signed internship agreement it was created from.
        pub agreement_id: Option<i32>,
        /// Set when it ended (never deleted); "live" means this is `None`.
        pub ended_on: Option<Date>,
        /// `brygga_domain::internship::EndReason`.
        pub end_reason: Option<String>,
        pub end_note: Option<String>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod candidate_proposal {
    use crate::stored::Stored;
    use brygga_domain::model::ProposalStatus;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "candidate_proposals")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub participant_id: i32,
        pub placement_id: i32,
        pub created_at: DateTimeUtc,
        /// The candidate pool's status (`brygga_domain::journey::ProposalStatus`).
        pub status: Stored<ProposalStatus>,
        pub note: String,
        pub proposed_by: Option<i32>,
        pub updated_at: Option<DateTimeUtc>,
        pub version: i32,
        /// Who selected the candidate as intern, and when (the employer decides).
        pub selected_at: Option<DateTimeUtc>,
        pub selected_by: Option<i32>,
        /// Proposed although the pair fails a hard rule of the matching: the coordinator's
        /// reason, and the rule (`brygga_matching::HardKind::as_str`, comma-separated when
        /// several fail). May name special-category data: shown as special needs are.
        pub override_reason: Option<String>,
        pub override_rule: Option<String>,
    }
    no_relations!();
}

pub mod case_share {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "case_shares")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub participant_id: i32,
        pub user_id: i32,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod create_key {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "create_keys")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        pub key: String,
        pub resource: String,
        pub record_id: Option<i32>,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod audit_head {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "audit_head")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: i32,
        pub seq: i64,
        pub hash: String,
    }
    no_relations!();
}

pub mod match_rule {
    use crate::matching::RuleKind;
    use crate::stored::Stored;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "match_rules")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub programme_id: i32,
        pub participant_id: i32,
        pub placement_id: i32,
        /// "lock" or "exclude".
        pub kind: Stored<RuleKind>,
        pub created_by: Option<i32>,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod process_stage {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "process_stages")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub programme_id: i32,
        pub position: i32,
        /// The default map's stage key ("registered", "cleared", …) or "custom".
        pub key: String,
        pub name_sv: String,
        pub name_en: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod process_checkpoint {
    use crate::stored::Stored;
    use brygga_domain::journey::CheckpointKind;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "process_checkpoints")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub stage_id: i32,
        pub position: i32,
        /// What must hold (`brygga_domain::journey::CheckpointKind`); "manual" is ticked by hand.
        pub kind: Stored<CheckpointKind>,
        pub label_sv: String,
        pub label_en: String,
    }
    no_relations!();
}

pub mod participant_event {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "participant_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub participant_id: i32,
        /// "stage" (moved to `stage_id`) or "checkpoint" (manual checkpoint confirmed).
        pub kind: String,
        pub stage_id: Option<i32>,
        pub checkpoint_id: Option<i32>,
        pub note: String,
        pub actor_id: Option<i32>,
        pub actor: String,
        pub at: DateTimeUtc,
    }
    no_relations!();
}

pub mod interest {
    use crate::stored::Stored;
    use brygga_domain::model::InterestStatus;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "interests")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub placement_id: Option<i32>,
        pub name: String,
        pub email: String,
        pub phone: String,
        pub languages: String,
        pub message: String,
        pub lang: String,
        pub consent_at: DateTimeUtc,
        pub consent_version: String,
        /// A keyed hash of the client address, for the rate limit (the address is not kept).
        pub client_hash: String,
        pub status: Stored<InterestStatus>,
        pub participant_id: Option<i32>,
        pub handled_by: Option<i32>,
        pub handled_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod interview {
    use crate::stored::Stored;
    use brygga_domain::model::InterviewOutcome;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "interviews")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub proposal_id: i32,
        pub participant_id: i32,
        pub placement_id: i32,
        pub starts_at: DateTimeUtc,
        pub ends_at: DateTimeUtc,
        pub location: String,
        pub meeting_link: String,
        /// JSON list of attendees (name, email, role).
        pub attendees: String,
        pub notes: String,
        pub outcome: Stored<InterviewOutcome>,
        pub outcome_note: String,
        pub outcome_at: Option<DateTimeUtc>,
        pub created_by: Option<i32>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod es_confirmation {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "es_confirmations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub participant_id: i32,
        pub officer_name: String,
        pub confirmed_on: Date,
        pub note: String,
        pub recorded_by: Option<i32>,
        pub recorded_at: DateTimeUtc,
        pub withdrawn_at: Option<DateTimeUtc>,
        pub withdrawn_by: Option<i32>,
    }
    no_relations!();
}

pub mod es_decision {
    use crate::stored::Stored;
    use brygga_domain::model::Compensation;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "es_decisions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub participant_id: i32,
        pub reference: String,
        pub decision_date: Date,
        pub period_start: Date,
        pub period_end: Date,
        pub insured: bool,
        pub compensation: Stored<Compensation>,
        pub note: String,
        pub recorded_by: Option<i32>,
        pub recorded_at: DateTimeUtc,
        pub withdrawn_at: Option<DateTimeUtc>,
        pub withdrawn_by: Option<i32>,
    }
    no_relations!();
}

pub mod stored_file {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "stored_files")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub object_key: String,
        pub filename: String,
        pub content_type: String,
        pub size: i64,
        pub sha256: String,
        /// The record the file belongs to ("agreement"), whose access rules it shares.
        pub owner_kind: String,
        pub owner_id: i32,
        pub uploaded_by: Option<i32>,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod agreement {
    use crate::stored::Stored;
    use brygga_domain::model::AgreementKind;
    use brygga_domain::model::AgreementStatus;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "agreements")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        /// "collaboration" (employer level) or "internship" (per intern).
        pub kind: Stored<AgreementKind>,
        pub employer_id: i32,
        pub participant_id: Option<i32>,
        pub placement_id: Option<i32>,
        /// The intern's supervisor (internship agreements).
        pub supervisor_id: Option<i32>,
        pub status: Stored<AgreementStatus>,
        pub generated_file_id: Option<i32>,
        pub signed_file_id: Option<i32>,
        pub signed_on: Option<Date>,
        pub created_by: Option<i32>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod job {
    use crate::stored::Stored;
    use brygga_domain::model::JobStatus;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "jobs")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub kind: String,
        pub payload: String,
        /// "queued", "running", "done" or "failed" (gave up after `max_attempts`).
        pub status: Stored<JobStatus>,
        pub attempts: i32,
        pub max_attempts: i32,
        pub run_at: DateTimeUtc,
        pub locked_until: Option<DateTimeUtc>,
        pub locked_by: Option<String>,
        pub last_error: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub done_at: Option<DateTimeUtc>,
    }
    no_relations!();
}

macro_rules! versioned {
    ($($m:ident),+) => {$(
        impl crate::Versioned for $m::Entity {
            fn id_column() -> $m::Column {
                $m::Column::Id
            }
            fn version_column() -> $m::Column {
                $m::Column::Version
            }
        }
    )+};
}

versioned!(
    employer,
    placement,
    participant,
    candidate_proposal,
    interview,
    agreement,
    learning_criterion,
    assessment,
    development_step
);

// --- courses ---

pub mod course {
    use crate::stored::Stored;
    use brygga_domain::course::CourseKind;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "courses")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub programme_id: i32,
        pub kind: Stored<CourseKind>,
        pub name: String,
        pub location: String,
        pub start_date: Date,
        pub end_date: Date,
        pub capacity: i32,
        pub created_by: Option<i32>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod course_teacher {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "course_teachers")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub course_id: i32,
        pub user_id: i32,
    }
    no_relations!();
}

pub mod course_session {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "course_sessions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub course_id: i32,
        pub date: Date,
        /// Swedish local time.
        pub start_time: Time,
        pub end_time: Time,
        pub topic: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod course_enrolment {
    use crate::stored::Stored;
    use brygga_domain::course::EnrolmentStatus;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "course_enrolments")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub course_id: i32,
        pub participant_id: i32,
        pub status: Stored<EnrolmentStatus>,
        pub created_by: Option<i32>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod course_attendance {
    use crate::stored::Stored;
    use brygga_domain::course::AttendanceMark;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "course_attendance")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub session_id: i32,
        pub enrolment_id: i32,
        pub mark: Stored<AttendanceMark>,
        pub recorded_by: Option<i32>,
        pub recorded_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod course_progress_note {
    use sea_orm::entity::prelude::*;
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "course_progress_notes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub enrolment_id: i32,
        pub note_date: Date,
        pub text: String,
        pub author_id: Option<i32>,
        pub author: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

versioned!(course, course_enrolment);

// --- notifications ---

pub mod notification_digest {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "notification_digests")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub user_id: i32,
        /// JSON list of the to-do entries (ids) the last digest named.
        pub sent_entries: String,
        pub sent_at: DateTimeUtc,
    }
    no_relations!();
}

// --- accounts ---

pub mod invitation {
    use sea_orm::entity::prelude::*;

    /// A one-time link: an invitation to a login, or a password reset. Only the token's hash
    /// is kept.
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "invitations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[serde(skip)]
        pub token_hash: String,
        pub purpose: String,
        pub kind: String,
        pub record_id: Option<i32>,
        pub email: String,
        pub name: String,
        pub role: String,
        pub org_ids: String,
        pub employer_id: Option<i32>,
        pub lang: String,
        pub user_id: Option<i32>,
        pub created_by: Option<i32>,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        pub used_at: Option<DateTimeUtc>,
        pub revoked_at: Option<DateTimeUtc>,
    }
    no_relations!();
}

// --- schedule ---

pub mod schedule_entry {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "schedule_entries")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub participant_id: i32,
        pub internship_id: Option<i32>,
        pub date: Date,
        pub start_minute: i32,
        pub end_minute: i32,
        /// An `EntryKind`'s `as_str`.
        pub kind: String,
        pub title: String,
        pub location: String,
        pub course_id: Option<i32>,
        pub created_by: Option<i32>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

versioned!(user);
versioned!(schedule_entry);

pub mod absence {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "absences")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub participant_id: i32,
        pub date: Date,
        /// An `AbsenceReason`'s `as_str`.
        pub reason: String,
        pub note: String,
        pub reported_by: Option<i32>,
        pub reported_by_name: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod calendar_feed {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "calendar_feeds")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        pub token_hash: String,
        pub created_at: DateTimeUtc,
        pub revoked_at: Option<DateTimeUtc>,
        pub last_used_at: Option<DateTimeUtc>,
    }
    no_relations!();
}
// --- internship ---
versioned!(internship);

// --- follow-up ---

pub mod meeting {
    use crate::stored::Stored;
    use brygga_domain::meeting::{MeetingKind, MeetingStatus};
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "meetings")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub participant_id: i32,
        pub internship_id: Option<i32>,
        pub kind: Stored<MeetingKind>,
        pub starts_at: DateTimeUtc,
        pub ends_at: DateTimeUtc,
        pub location: String,
        pub meeting_link: String,
        pub status: Stored<MeetingStatus>,
        pub created_by: Option<i32>,
        pub organizer_name: String,
        pub organizer_email: String,
        pub reminded_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod meeting_invitee {
    use crate::stored::Stored;
    use brygga_domain::meeting::InviteeRole;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "meeting_invitees")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub meeting_id: i32,
        pub user_id: Option<i32>,
        pub role: Stored<InviteeRole>,
        pub name: String,
        pub email: String,
    }
    no_relations!();
}

pub mod meeting_note {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "meeting_notes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub meeting_id: i32,
        pub text: String,
        pub shared: bool,
        pub author_id: Option<i32>,
        pub author_name: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod meeting_action {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "meeting_actions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub meeting_id: i32,
        pub text: String,
        pub owner_user_id: i32,
        pub due_on: Date,
        pub done_at: Option<DateTimeUtc>,
        pub done_by: Option<i32>,
        pub reminded_at: Option<DateTimeUtc>,
        pub created_by: Option<i32>,
        pub created_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod case_log_entry {
    use crate::stored::Stored;
    use brygga_domain::caselog::{CaseLogKind, NeedTopic, ReferralTarget};
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "case_log_entries")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub participant_id: i32,
        pub entry_date: Date,
        pub kind: Stored<CaseLogKind>,
        pub topic: Option<Stored<NeedTopic>>,
        pub referral: Option<Stored<ReferralTarget>>,
        pub text: String,
        pub corrects_id: Option<i32>,
        pub author_id: Option<i32>,
        pub author_name: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

versioned!(meeting, meeting_action);

/// The matching index's change feed (written by triggers, see migration m0017).
pub mod matching_change {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "matching_changes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        /// "participant", "placement", "employer" or "programme".
        pub entity: String,
        pub entity_id: i32,
        /// Unix seconds, by the database's clock.
        pub at: i64,
    }
    no_relations!();
}

pub mod participant_exit {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "participant_exits")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub participant_id: i32,
        pub left_on: Date,
        /// An `ExitReason`'s `as_str`.
        pub reason: String,
        pub note: String,
        pub recorded_by: Option<i32>,
        pub recorded_by_name: String,
        pub recorded_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod learning_criterion {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "learning_criteria")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub internship_id: i32,
        pub goal: String,
        pub text: String,
        /// A `CriterionSource`'s `as_str`.
        pub source: String,
        pub position: i32,
        /// Removed by the coordinator: kept for its ticks' history, no longer on the checklist.
        pub removed_at: Option<DateTimeUtc>,
        pub created_by: Option<i32>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod criterion_tick {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "criterion_ticks")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub criterion_id: i32,
        pub internship_id: i32,
        /// A `CriterionStatus`'s `as_str`.
        pub status: String,
        pub on_date: Date,
        pub comment: String,
        pub by_user: Option<i32>,
        pub by_name: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod progress_entry {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "progress_entries")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub internship_id: i32,
        pub did: String,
        pub learned: String,
        pub words: String,
        /// Whether the employer's contact person may read it.
        pub shared: bool,
        pub photo_file_id: Option<i32>,
        pub created_by: Option<i32>,
        pub created_by_name: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod progress_comment {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "progress_comments")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub entry_id: i32,
        pub text: String,
        pub author_user: Option<i32>,
        pub author_name: String,
        /// The author's role's `as_str` when she wrote it.
        pub author_role: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod assessment {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "assessments")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub internship_id: i32,
        /// An `AssessmentKind`'s `as_str`.
        pub kind: String,
        /// An `Assessor`'s `as_str`.
        pub assessor: String,
        /// 1 for the first; a change after signing is the next.
        pub revision: i32,
        /// JSON: the `Rating`s.
        pub ratings: String,
        pub signed_at: Option<DateTimeUtc>,
        pub signed_by: Option<i32>,
        pub signed_by_name: Option<String>,
        pub updated_by: Option<i32>,
        pub updated_by_name: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod development_step {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "development_steps")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub participant_id: i32,
        pub text: String,
        /// A `StepOwner`'s `as_str`.
        pub owner: String,
        pub due_on: Date,
        pub done_on: Option<Date>,
        pub done_by_name: Option<String>,
        pub created_by: Option<i32>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

// --- events ---

pub mod event_kind {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "event_kinds")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod event {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub programme_id: i32,
        /// A built-in kind's key, or `custom-<id>` of an `event_kinds` row.
        pub kind: String,
        pub title: String,
        pub description: String,
        pub capacity: i32,
        /// Comma-separated `Audience` keys.
        pub audience: String,
        pub public: bool,
        pub slot_minutes: i32,
        pub meetings_per_candidate: i32,
        pub timetable_sent_at: Option<DateTimeUtc>,
        pub created_by: Option<i32>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod event_session {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "event_sessions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub event_id: i32,
        pub starts_at: DateTimeUtc,
        pub ends_at: DateTimeUtc,
        pub place: String,
        pub link: String,
        pub reminded_at: Option<DateTimeUtc>,
    }
    no_relations!();
}

pub mod event_person {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "event_people")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub programme_id: i32,
        pub name: String,
        pub email: String,
        pub organisation: String,
        /// A `RoleLevel`'s `as_str`.
        pub role_level: String,
        /// A `Gender`'s `as_str`.
        pub gender: String,
        pub supervisor_id: Option<i32>,
        pub user_id: Option<i32>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod event_registration {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "event_registrations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub event_id: i32,
        /// One registration per person and event: `participant:<id>`, `person:<id>` or
        /// `email:<address>` (a registration from the portal).
        pub who_key: String,
        pub participant_id: Option<i32>,
        pub person_id: Option<i32>,
        pub user_id: Option<i32>,
        pub name: String,
        pub email: String,
        pub phone: String,
        /// A `RegistrationStatus`'s `as_str`.
        pub status: String,
        /// A `RegistrationSource`'s `as_str`.
        pub source: String,
        pub consent_at: Option<DateTimeUtc>,
        /// For a registration from the portal: the client's keyed hash (rate limit).
        pub client_hash: String,
        pub created_by: Option<i32>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod event_attendance {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "event_attendance")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub session_id: i32,
        pub registration_id: i32,
        /// An `AttendanceMark`'s `as_str`.
        pub mark: String,
        pub recorded_by: Option<i32>,
        pub recorded_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod event_invitation {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "event_invitations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub event_id: i32,
        pub who_key: String,
        pub user_id: Option<i32>,
        pub name: String,
        pub email: String,
        pub sent_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod fair_employer {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "fair_employers")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub event_id: i32,
        pub employer_id: i32,
        /// How many tables (candidates met at once).
        pub tables: i32,
        /// Its tables are numbered `first_table .. first_table + tables`.
        pub first_table: i32,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod fair_meeting {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "fair_meetings")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub event_id: i32,
        pub registration_id: i32,
        pub employer_id: i32,
        pub slot: i32,
        pub table_no: i32,
        pub fit: f64,
    }
    no_relations!();
}

pub mod fair_wish {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "fair_wishes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub event_id: i32,
        pub employer_id: i32,
        pub participant_id: i32,
        pub created_by: Option<i32>,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

versioned!(event, event_person, event_registration);

pub mod certificate {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "certificates")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub internship_id: i32,
        pub participant_id: i32,
        pub kind: String,
        pub credential_id: String,
        /// `{internship_id}:{kind}` while live, NULL once revoked (unique).
        pub live_key: Option<String>,
        /// The `CertificateContent` as JSON.
        #[sea_orm(column_type = "Text")]
        pub content: String,
        /// The signed credential (a VC-JWT).
        #[sea_orm(column_type = "Text")]
        pub credential: String,
        pub key_id: String,
        /// The participant's language for the second half of the PDF ("" when Swedish only).
        pub language: String,
        pub issued_at: DateTimeUtc,
        pub issued_by: Option<i32>,
        pub issued_by_name: String,
        pub revoked_at: Option<DateTimeUtc>,
        pub revoked_by_name: Option<String>,
        #[sea_orm(column_type = "Text", nullable)]
        pub revoked_reason: Option<String>,
        pub version: i32,
    }
    no_relations!();
}

pub mod credential_key {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "credential_keys")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub key_id: String,
        /// The Ed25519 public key, base64url without padding (a JWK's `x`).
        pub public_key: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod lesson {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "lessons")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub programme_id: i32,
        pub kind: String,
        pub noted_on: Date,
        #[sea_orm(column_type = "Text")]
        pub text: String,
        #[sea_orm(column_type = "Text")]
        pub action: String,
        pub created_by: Option<i32>,
        pub created_by_name: String,
        pub created_at: DateTimeUtc,
        pub updated_by_name: String,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod outcome {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "outcomes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub participant_id: i32,
        pub point: String,
        pub status: String,
        pub source: String,
        pub recorded_on: Date,
        /// The employer's hiring decision at leaving ("" at the other points).
        pub hire: String,
        #[sea_orm(column_type = "Text")]
        pub note: String,
        pub recorded_by: Option<i32>,
        pub recorded_by_name: String,
        pub recorded_at: DateTimeUtc,
    }
    no_relations!();
}

pub mod survey {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "surveys")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub participant_id: i32,
        pub point: String,
        /// 1 for the first link at a point, one more for each sent again.
        pub seq: i32,
        pub lang: String,
        #[serde(skip)]
        pub token_hash: String,
        /// The address it was mailed to ("" when handed over by the coordinator).
        pub sent_to: String,
        pub created_by_name: String,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        pub replaced_at: Option<DateTimeUtc>,
        pub answered_at: Option<DateTimeUtc>,
        /// Her answer: where she stands ("" until answered) and at leaving her three ratings.
        pub status: String,
        pub benefit: Option<i16>,
        pub swedish: Option<i16>,
        pub closer: Option<i16>,
        #[sea_orm(column_type = "Text")]
        pub comment: String,
    }
    no_relations!();
}

pub mod gain_value {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "gain_values")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub status: String,
        pub item: String,
        pub kind: String,
        /// "" for production and income.
        pub party: String,
        pub amount: i64,
        #[sea_orm(column_type = "Text")]
        pub source: String,
        pub dated_on: Date,
        pub example: bool,
        pub updated_by_name: String,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod gain_setting {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "gain_settings")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub programme_id: i32,
        /// `brygga_domain::gain::Params` as JSON.
        #[sea_orm(column_type = "Text")]
        pub params: String,
        /// The programme's costs, `[(party, SEK)]` as JSON.
        #[sea_orm(column_type = "Text")]
        pub costs: String,
        pub updated_by_name: String,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod programme_project {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "programme_projects")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub programme_id: i32,
        pub project_number: String,
        pub period_start: Option<Date>,
        pub period_end: Option<Date>,
        pub budget: Option<i64>,
        pub co_financing: Option<i64>,
        pub planned_women: Option<i64>,
        pub planned_men: Option<i64>,
        #[sea_orm(column_type = "Text")]
        pub overall_goal: String,
        pub updated_by_name: String,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }
    no_relations!();
}

pub mod programme_goal {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "programme_goals")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub programme_id: i32,
        #[sea_orm(column_type = "Text")]
        pub text: String,
        pub indicator: String,
        pub target: i64,
        pub created_by_name: String,
        pub created_at: DateTimeUtc,
    }
    no_relations!();
}

versioned!(certificate, lesson, gain_value);

// One row per programme, keyed by it.
macro_rules! versioned_by_programme {
    ($($m:ident),+) => {$(
        impl crate::Versioned for $m::Entity {
            fn id_column() -> $m::Column {
                $m::Column::ProgrammeId
            }
            fn version_column() -> $m::Column {
                $m::Column::Version
            }
        }
    )+};
}

versioned_by_programme!(gain_setting, programme_project);
