//! Accounts for the people in the records: which record an invitation is for, what login it
//! makes, and how long its one-time link lives. A password-reset link is the same kind of
//! one-time link with a shorter life.

use crate::FieldError;
use crate::model::{Role, str_enum};

str_enum!(
    /// The record a login is made for. `Staff` has no record (an education provider or an
    /// employment-service officer): the login gets the organisations it is invited with.
    InviteKind, "invite-kind" {
        Supervisor = "supervisor",
        EmployerContact = "employer_contact",
        Participant = "participant",
        Staff = "staff",
    }
);

str_enum!(
    /// What a one-time link does: make a login (and link it), or set a new password.
    TokenPurpose, "token-purpose" {
        Invite = "invite",
        Reset = "reset",
    }
);

/// How long an invitation link lives.
pub const INVITE_DAYS: i64 = 7;
/// How long a password-reset link lives.
pub const RESET_HOURS: i64 = 24;

impl TokenPurpose {
    /// How long a link for this purpose lives.
    pub fn lifetime(self) -> chrono::Duration {
        match self {
            TokenPurpose::Invite => chrono::Duration::days(INVITE_DAYS),
            TokenPurpose::Reset => chrono::Duration::hours(RESET_HOURS),
        }
    }
}

impl InviteKind {
    /// The role of a login made for (or linked to) this kind of record; `None` for staff,
    /// whose role the inviter chooses.
    pub fn role(self) -> Option<Role> {
        match self {
            InviteKind::Supervisor => Some(Role::Supervisor),
            InviteKind::EmployerContact => Some(Role::EmployerContact),
            InviteKind::Participant => Some(Role::Participant),
            InviteKind::Staff => None,
        }
    }

    /// Whether a login of `role` may be linked to (or invited for) this kind of record.
    pub fn fits(self, role: Role) -> bool {
        match self.role() {
            Some(r) => r == role,
            None => !matches!(
                role,
                Role::Supervisor | Role::EmployerContact | Role::Participant
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_takes_a_login_of_its_own_role_and_staff_any_other() {
        for kind in InviteKind::ALL {
            for role in Role::ALL {
                let fits = kind.fits(*role);
                match kind.role() {
                    Some(r) => assert_eq!(fits, r == *role, "{kind} {role}"),
                    None => assert_eq!(
                        fits,
                        InviteKind::ALL.iter().all(|k| k.role() != Some(*role)),
                        "{kind} {role}"
                    ),
                }
            }
        }
    }

    #[test]
    fn a_reset_link_lives_a_day_and_an_invitation_a_week() {
        assert_eq!(TokenPurpose::Reset.lifetime(), chrono::Duration::hours(24));
        assert_eq!(TokenPurpose::Invite.lifetime(), chrono::Duration::days(7));
        assert!(InviteKind::parse("admin").is_err());
    }
}
