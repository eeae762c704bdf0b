//! Closed sets of values used across the registry. Each is stored and sent as its `as_str`
//! form; the UI label is the translation key `<prefix>-<as_str>`.

use crate::FieldError;

/// Defines a string-backed enum with `ALL`, `as_str`, `parse`, `label_key`, serde and Display.
macro_rules! str_enum {
    ($(#[$m:meta])* $name:ident, $prefix:literal { $($variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "&'static str")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }

            pub fn parse(s: &str) -> Result<Self, FieldError> {
                let s = s.trim();
                $(if s == $s { return Ok($name::$variant); })+
                Err(FieldError::new($prefix, "error-invalid-choice"))
            }

            /// Translation key of the value's label.
            pub fn label_key(self) -> String {
                format!("{}-{}", $prefix, self.as_str())
            }
        }

        impl TryFrom<String> for $name {
            type Error = FieldError;
            fn try_from(s: String) -> Result<Self, FieldError> { Self::parse(&s) }
        }

        impl From<$name> for &'static str {
            fn from(v: $name) -> &'static str { v.as_str() }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// In the OpenAPI document: a string with the closed set of values.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($s),+]))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {
            fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }
        }
    };
}
pub(crate) use str_enum;

str_enum!(
    /// A user's role within an organisation (DESIGN.md, "Who uses it").
    Role, "role" {
        Admin = "admin",
        ProgrammeManager = "programme_manager",
        Coordinator = "coordinator",
        EmployerContact = "employer_contact",
        Supervisor = "supervisor",
        EducationProvider = "education_provider",
        EsOfficer = "es_officer",
        Participant = "participant",
        Evaluator = "evaluator",
    }
);

str_enum!(OrgKind, "org-kind" {
    Region = "region",
    Municipality = "municipality",
    Programme = "programme",
    Cohort = "cohort",
});

impl OrgKind {
    /// The level above in the tree: region → municipality → programme → cohort.
    pub fn parent_kind(self) -> Option<OrgKind> {
        match self {
            OrgKind::Region => None,
            OrgKind::Municipality => Some(OrgKind::Region),
            OrgKind::Programme => Some(OrgKind::Municipality),
            OrgKind::Cohort => Some(OrgKind::Programme),
        }
    }

    /// Whether an organisation of this kind names its municipality (by its official code): a
    /// municipality does; the levels above and below take it from the tree.
    pub fn has_municipality_code(self) -> bool {
        self == OrgKind::Municipality
    }

    /// The level below, if any.
    pub fn child_kind(self) -> Option<OrgKind> {
        OrgKind::ALL
            .iter()
            .copied()
            .find(|k| k.parent_kind() == Some(self))
    }
}

str_enum!(Sector, "sector" {
    Public = "public",
    Private = "private",
    NonProfit = "non_profit",
});

str_enum!(AgreementStatus, "agreement" {
    None = "none",
    Draft = "draft",
    Sent = "sent",
    Signed = "signed",
    Ended = "ended",
});

str_enum!(TrainingStatus, "training" {
    NotStarted = "not_started",
    Booked = "booked",
    FirstHalfDone = "first_half_done",
    Trained = "trained",
});

str_enum!(PlacementStatus, "placement-status" {
    Draft = "draft",
    Submitted = "submitted",
    Published = "published",
    Filled = "filled",
    Closed = "closed",
});

impl PlacementStatus {
    /// draft → (submitted →) published → filled → closed; a published or filled placement may
    /// also close, and a filled one reopen to published when an intern leaves. A submitted one is
    /// published or returned to draft after review; a published one goes back for review when
    /// its employer edits it (who may make which move is the policy's
    /// `placement_status_after`).
    pub fn can_move_to(self, next: PlacementStatus) -> bool {
        use PlacementStatus::*;
        matches!(
            (self, next),
            (Draft, Published)
                | (Draft, Submitted)
                | (Submitted, Draft)
                | (Submitted, Published)
                | (Submitted, Closed)
                | (Published, Submitted)
                | (Published, Filled)
                | (Published, Closed)
                | (Filled, Closed)
                | (Filled, Published)
                | (Published, Draft)
                | (Draft, Closed)
        ) || self == next
    }
}

str_enum!(EligibilityStatus, "eligibility" {
    Unknown = "unknown",
    Pending = "pending",
    Eligible = "eligible",
    NotEligible = "not_eligible",
});

str_enum!(
    /// SUN 2020 level groups (Svensk utbildningsnomenklatur), the coarse levels used in forms.
    EducationLevel, "education" {
        None = "none",
        Primary = "primary",
        LowerSecondary = "lower_secondary",
        UpperSecondary = "upper_secondary",
        PostSecondaryShort = "post_secondary_short",
        Bachelor = "bachelor",
        Master = "master",
        Doctoral = "doctoral",
    }
);

str_enum!(
    /// Swedish driving licence classes.
    DrivingLicence, "licence" {
        None = "none",
        Am = "AM",
        A1 = "A1",
        A2 = "A2",
        A = "A",
        B = "B",
        Be = "BE",
        C1 = "C1",
        C1e = "C1E",
        C = "C",
        Ce = "CE",
        D1 = "D1",
        D1e = "D1E",
        D = "D",
        De = "DE",
    }
);

str_enum!(Weekday, "weekday" {
    Mon = "mon",
    Tue = "tue",
    Wed = "wed",
    Thu = "thu",
    Fri = "fri",
    Sat = "sat",
    Sun = "sun",
});

str_enum!(
    /// Purposes a participant can consent to; sharing with employers and statistics are separate.
    ConsentPurpose, "consent" {
        Registry = "registry",
        ShareWithEmployers = "share_with_employers",
        Statistics = "statistics",
        ContactByEmail = "contact_by_email",
    }
);

str_enum!(
    /// Accommodations a workplace can offer and a participant may need.
    Accommodation, "accommodation" {
        StepFreeAccess = "step_free_access",
        QuietRoom = "quiet_room",
        FlexibleHours = "flexible_hours",
        Interpreter = "interpreter",
        WrittenInstructions = "written_instructions",
        PartTime = "part_time",
    }
);

str_enum!(
    /// A participant's place in a placement's candidate pool.
    ProposalStatus, "proposal-status" {
        Proposed = "proposed",
        Shortlisted = "shortlisted",
        InterviewRequested = "interview_requested",
        Interviewing = "interviewing",
        Selected = "selected",
        Rejected = "rejected",
        Withdrawn = "withdrawn",
    }
);

str_enum!(
    /// How an interview went.
    InterviewOutcome, "interview-outcome" {
        Pending = "pending",
        Passed = "passed",
        Failed = "failed",
        NoShow = "no_show",
        Cancelled = "cancelled",
    }
);

str_enum!(
    /// Collaboration agreements are made with an employer; internship agreements per intern.
    AgreementKind, "agreement-kind" {
        Collaboration = "collaboration",
        Internship = "internship",
    }
);

str_enum!(
    /// What happened to an interest submitted through the public portal.
    InterestStatus, "interest-status" {
        New = "new",
        Handled = "handled",
        Dismissed = "dismissed",
        Registered = "registered",
    }
);

str_enum!(
    /// The compensation the employment service's decision gives the participant.
    Compensation, "compensation" {
        None = "none",
        Aktivitetsstod = "aktivitetsstod",
        Utvecklingsersattning = "utvecklingsersattning",
        Etableringsersattning = "etableringsersattning",
        Other = "other",
    }
);

str_enum!(
    /// A queued background job's state.
    JobStatus, "job-status" {
        Queued = "queued",
        Running = "running",
        Done = "done",
        Failed = "failed",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_through_its_string() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Ok(*r));
        }
        for l in DrivingLicence::ALL {
            assert_eq!(DrivingLicence::parse(l.as_str()), Ok(*l));
        }
        assert_eq!(
            Role::parse("boss").map_err(|e| e.key),
            Err("error-invalid-choice")
        );
        assert_eq!(Sector::NonProfit.label_key(), "sector-non_profit");
    }

    #[test]
    fn the_organisation_tree_has_four_levels() {
        assert_eq!(OrgKind::Region.parent_kind(), None);
        assert_eq!(OrgKind::Cohort.parent_kind(), Some(OrgKind::Programme));
        assert_eq!(OrgKind::Region.child_kind(), Some(OrgKind::Municipality));
        assert_eq!(OrgKind::Municipality.child_kind(), Some(OrgKind::Programme));
        assert_eq!(OrgKind::Cohort.child_kind(), None);
    }

    #[test]
    fn placement_status_moves_forward_and_not_back_from_closed() {
        use PlacementStatus::*;
        assert!(Draft.can_move_to(Published));
        assert!(Published.can_move_to(Filled));
        assert!(Filled.can_move_to(Closed));
        assert!(!Closed.can_move_to(Published));
        assert!(!Draft.can_move_to(Filled));
    }
}
