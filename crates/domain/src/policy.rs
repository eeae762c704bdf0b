//! The one access policy: every read and write in Brygga asks `decide` first.
//!
//! The store works out how a record relates to the actor (`Relation`); the policy turns
//! role × action × resource × relation into a decision. List operations in the store apply the
//! same relations as SQL filters, and a store test checks that the two agree.

use crate::model::Role;

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
}

impl Resource {
    pub const ALL: &'static [Resource] = &[
        Resource::Participant,
        Resource::Employer,
        Resource::Placement,
        Resource::Organisation,
        Resource::User,
        Resource::AuditLog,
        Resource::Interest,
        Resource::Proposal,
        Resource::Interview,
        Resource::Clearance,
        Resource::Agreement,
        Resource::ProcessMap,
        Resource::Job,
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
    /// None of the above.
    Unrelated,
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
        Agreement, AuditLog, Clearance, Employer, Interest, Interview, Job, Organisation,
        Placement, ProcessMap, Proposal, User,
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
        (Participant, Res::Participant, Read) => Some(&[OwnRecord]),
        (_, Res::Participant, _) => None,

        // Employers: contact persons are personal data, so evaluators stay out.
        (Coordinator | ProgrammeManager, Employer, List | Read | Create | Update) => Some(ANY),
        (EmployerContact, Employer, List | Read | Update) => Some(&[OwnEmployer]),
        (Supervisor, Employer, List | Read) => Some(&[OwnEmployer]),
        (EsOfficer | EducationProvider, Employer, List | Read) => Some(ANY),
        (_, Employer, _) => None,

        // Placements: published ones are public information.
        (Coordinator | ProgrammeManager, Placement, List | Read | Create | Update | Delete) => {
            Some(ANY)
        }
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
        // or of the placement's employer (employer contacts see only what was proposed to them).
        (Coordinator, Proposal, List | Read | Create | Update | Delete) => Some(&[InOrgScope]),
        (ProgrammeManager, Proposal, List | Read) => Some(&[InOrgScope]),
        (EmployerContact, Proposal, List | Read | Update) => Some(&[OwnEmployer]),
        (_, Proposal, _) => None,

        (Coordinator, Interview, List | Read | Create | Update | Delete) => Some(&[InOrgScope]),
        (ProgrammeManager, Interview, List | Read) => Some(&[InOrgScope]),
        (EmployerContact, Interview, List | Read | Update) => Some(&[OwnEmployer]),
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
        (EmployerContact, Agreement, List | Read | Update) => Some(&[OwnEmployer]),
        (_, Agreement, _) => None,

        // Everyone may read a process map (stage names); only admins change one.
        (_, ProcessMap, List | Read) => Some(ANY),
        (_, ProcessMap, _) => None,

        // The job queue holds email addresses and messages: admins only.
        (_, Job, _) => None,
    }
}

/// Decide whether `role` may do `action` on a `resource` related to the actor by `relation`.
pub fn decide(role: Role, action: Action, resource: Resource, relation: Relation) -> Decision {
    match grants(role, action, resource) {
        None => Decision::Forbidden,
        Some(rels) if rels.contains(&relation) => Decision::Allow,
        // A participant outside one's scope must not be confirmed to exist.
        Some(_) if resource == Resource::Participant => Decision::Hidden,
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

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use Decision::*;
    use Relation::*;
    use Resource::{
        Agreement, AuditLog, Clearance, Employer, Interest, Interview, Job, Organisation,
        Placement, ProcessMap, Proposal, User,
    };
    use Role::*;
    const P: Resource = Resource::Participant;

    const ACTIONS: [Action; 6] = [List, Read, Create, Update, Delete, ReadSpecialNeeds];
    const RELATIONS: [Relation; 8] = [
        InOrgScope,
        OwnEmployer,
        Supervised,
        ProposedToOwnEmployer,
        SharedCase,
        OwnRecord,
        Public,
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
            (Coordinator, P, every.clone(), vec![InOrgScope]),
            (
                Coordinator,
                Employer,
                vec![List, Read, Create, Update],
                all.clone(),
            ),
            (
                Coordinator,
                Placement,
                vec![List, Read, Create, Update, Delete],
                all.clone(),
            ),
            (ProgrammeManager, P, read.clone(), vec![InOrgScope]),
            (
                ProgrammeManager,
                Employer,
                vec![List, Read, Create, Update],
                all.clone(),
            ),
            (
                ProgrammeManager,
                Placement,
                vec![List, Read, Create, Update, Delete],
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
            (Participant, P, vec![Read], vec![OwnRecord]),
            (Participant, Placement, read.clone(), vec![Public]),
            (Evaluator, Placement, read.clone(), vec![Public]),
            (Admin, Interest, every.clone(), all.clone()),
            (Admin, Proposal, every.clone(), all.clone()),
            (Admin, Interview, every.clone(), all.clone()),
            (Admin, Clearance, every.clone(), all.clone()),
            (Admin, Agreement, every.clone(), all.clone()),
            (Admin, ProcessMap, every.clone(), all.clone()),
            (Admin, Job, every.clone(), all.clone()),
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
                vec![List, Read, Update],
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
            (
                EmployerContact,
                Agreement,
                vec![List, Read, Update],
                vec![OwnEmployer],
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
                        if !expected && res == P && may_ever(*role, action, res) {
                            assert_eq!(got, Hidden, "an out-of-scope participant is not confirmed");
                        }
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 9 * Resource::ALL.len() * 6 * 8);
    }

    #[test]
    fn special_needs_are_for_coordinators_and_admins_only() {
        for role in Role::ALL {
            let any = RELATIONS
                .iter()
                .any(|rel| decide(*role, ReadSpecialNeeds, P, *rel).allowed());
            assert_eq!(any, matches!(role, Admin | Coordinator), "{role:?}");
        }
    }

    #[test]
    fn evaluators_see_no_personal_data() {
        for action in ACTIONS {
            for rel in RELATIONS {
                assert!(!decide(Evaluator, action, P, rel).allowed());
                assert!(!decide(Evaluator, action, Employer, rel).allowed());
                assert!(!decide(Evaluator, action, User, rel).allowed());
                assert!(!decide(Evaluator, action, AuditLog, rel).allowed());
                for res in [Interest, Proposal, Interview, Clearance, Agreement, Job] {
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
        assert!(!decide(EsOfficer, Read, Agreement, SharedCase).allowed());
        assert!(!decide(EsOfficer, Read, Interview, SharedCase).allowed());
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
