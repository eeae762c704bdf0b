//! Store cases: accounts for the people in the records — invitations that work once and
//! expire, password-reset links, linking and unlinking a login and its record, and who may
//! invite whom.

use super::*;
use brygga_domain::account::{InviteKind, TokenPurpose};
use brygga_store::invitation::{InviteInput, LinkState, Mailing};
use brygga_store::jobs::OutgoingEmail;
use brygga_store::users::UserEdit;

both!(
    store:
    an_invitation_makes_a_linked_login_once_and_expires,
    unlink_and_relink_a_record_and_a_login,
    who_may_invite_whom_and_for_which_records,
    a_reset_link_sets_a_new_password_once_and_an_admin_edits_users_by_version,
);

fn mail(m: &Mailing) -> OutgoingEmail {
    OutgoingEmail {
        to: vec![m.email.clone()],
        subject: format!("{:?}", m.purpose),
        text: format!("/invitation/{}", m.token),
        attachments: vec![],
    }
}

struct World {
    tree: Tree,
    coordinator: Actor,
    employer: i32,
    supervisor: i32,
    contact: i32,
    participant: i32,
    /// A participant of the other programme, outside the coordinator's scope.
    foreign: i32,
}

async fn world(store: &Store) -> World {
    let tree = tree(store).await;
    let c = user(
        store,
        "koordinator@ex.se",
        Role::Coordinator,
        &[tree.programme],
        None,
    )
    .await;
    let coordinator = actor(store, c).await;
    let mut d = employer_draft("Kocken AB", &orgnr(11), "private");
    d.contacts = vec![ContactDraft {
        name: "Karin Kontakt".into(),
        title: "Kökschef".into(),
        email: "karin@kocken.se".into(),
        ..Default::default()
    }];
    d.supervisors = vec![SupervisorDraft {
        name: "Sara Handledare".into(),
        email: "sara@kocken.se".into(),
        training_status: "not_started".into(),
        ..Default::default()
    }];
    let employer = store
        .employer_create(&coordinator, &valid_employer(&d))
        .await
        .unwrap();
    let rec = store.employer_get(&sys(), employer).await.unwrap();
    let participant = add(store, &coordinator, &draft(tree.programme, "Amina", "Ali")).await;
    let foreign = add(store, &sys(), &draft(tree.programme2, "Omar", "Osman")).await;
    World {
        supervisor: rec.supervisors[0].id,
        contact: rec.contacts[0].id,
        tree,
        coordinator,
        employer,
        participant,
        foreign,
    }
}

fn invite<'a>(kind: InviteKind, id: i32, email: &'a str) -> InviteInput<'a> {
    InviteInput {
        kind,
        record_id: Some(id),
        email,
        name: "Sara Handledare",
        role: None,
        org_ids: &[],
        lang: "sv",
    }
}

/// Make an invitation's link expire (as if a week had passed).
async fn expire(store: &Store, id: i32) {
    use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
    let q = Query::update()
        .table(Alias::new("invitations"))
        .value(
            Alias::new("expires_at"),
            chrono::Utc::now() - chrono::Duration::minutes(1),
        )
        .and_where(Expr::col(Alias::new("id")).eq(id))
        .to_owned();
    store.connection().execute(&q).await.unwrap();
}

async fn queued_to(store: &Store) -> Vec<String> {
    query_strings(store, "SELECT payload FROM jobs ORDER BY id").await
}

async fn an_invitation_makes_a_linked_login_once_and_expires(store: Store) {
    let w = world(&store).await;
    // A supervisor with an intern.
    let placement = store
        .placement_create(
            &w.coordinator,
            &valid_placement(&placement_draft(
                w.employer,
                "Kock",
                PlacementStatus::Published,
            )),
        )
        .await
        .unwrap();
    place(
        &store,
        &w.coordinator,
        w.participant,
        placement,
        Some(w.supervisor),
        today(),
        today() + chrono::Duration::days(40),
    )
    .await;

    let issued = store
        .invitation_create(
            &w.coordinator,
            &invite(InviteKind::Supervisor, w.supervisor, " Sara@Kocken.se "),
            &mail,
        )
        .await
        .unwrap();
    assert_eq!(issued.email, "sara@kocken.se");
    assert!(issued.expires_at > chrono::Utc::now() + chrono::Duration::days(6));
    // The email is queued with the link; only the token's hash is stored.
    let payloads = queued_to(&store).await;
    assert!(
        payloads
            .iter()
            .any(|p| p.contains(&issued.token) && p.contains("sara@kocken.se")),
        "{payloads:?}"
    );
    let stored = query_strings(&store, "SELECT token_hash FROM invitations").await;
    assert!(!stored.iter().any(|h| h.contains(&issued.token)));
    assert!(matches!(
        store.link_state(&issued.token).await.unwrap(),
        LinkState::Open {
            purpose: TokenPurpose::Invite,
            ..
        }
    ));
    assert_eq!(
        store.link_state("ingen-sådan").await.unwrap(),
        LinkState::Unknown
    );
    assert_eq!(
        store.link_state("nul\0byte").await.unwrap(),
        LinkState::Unknown
    );

    // Bad passwords are field errors and leave the link usable.
    assert_invalid(
        store.link_accept(&issued.token, "kort", "kort").await,
        "password",
    );
    assert_invalid(
        store
            .link_accept(&issued.token, PASSWORD, "något annat lösen")
            .await,
        "repeat",
    );
    // Two submits at once: one login.
    let (a, b) = tokio::join!(
        store.link_accept(&issued.token, PASSWORD, PASSWORD),
        store.link_accept(&issued.token, PASSWORD, PASSWORD)
    );
    let outcomes = [a.unwrap(), b.unwrap()];
    let made: Vec<i32> = outcomes.iter().filter_map(|o| o.clone().ok()).collect();
    assert_eq!(made.len(), 1, "{outcomes:?}");
    assert!(outcomes.contains(&Err(LinkState::Used)), "{outcomes:?}");
    let user_id = made[0];
    // Used once: never again.
    assert_eq!(
        store
            .link_accept(&issued.token, PASSWORD, PASSWORD)
            .await
            .unwrap(),
        Err(LinkState::Used)
    );
    // The login is the supervisor's: she sees her intern and logs in with her password.
    let sara = actor(&store, user_id).await;
    assert_eq!(sara.role(), Role::Supervisor);
    assert_eq!(sara.supervisor_ids(), &[w.supervisor]);
    assert_eq!(
        list_ids(&store, &sara, ParticipantFilter::default()).await,
        set(&[w.participant])
    );
    assert_eq!(
        store
            .login("sara@kocken.se", PASSWORD, "127.0.0.1")
            .await
            .unwrap(),
        LoginOutcome::Ok(user_id)
    );
    // The record now has a login: inviting it again is refused.
    assert_invalid(
        store
            .invitation_create(
                &w.coordinator,
                &invite(InviteKind::Supervisor, w.supervisor, "sara2@kocken.se"),
                &mail,
            )
            .await,
        "form",
    );

    // An expired link is refused, and a re-invitation replaces the earlier link.
    let first = store
        .invitation_create(
            &w.coordinator,
            &invite(InviteKind::EmployerContact, w.contact, "karin@kocken.se"),
            &mail,
        )
        .await
        .unwrap();
    expire(&store, first.id).await;
    assert_eq!(
        store.link_state(&first.token).await.unwrap(),
        LinkState::Expired
    );
    assert_eq!(
        store
            .link_accept(&first.token, PASSWORD, PASSWORD)
            .await
            .unwrap(),
        Err(LinkState::Expired)
    );
    let second = store
        .invitation_create(
            &w.coordinator,
            &invite(InviteKind::EmployerContact, w.contact, "karin@kocken.se"),
            &mail,
        )
        .await
        .unwrap();
    let third = store
        .invitation_create(
            &w.coordinator,
            &invite(InviteKind::EmployerContact, w.contact, "karin@kocken.se"),
            &mail,
        )
        .await
        .unwrap();
    assert_eq!(
        store.link_state(&second.token).await.unwrap(),
        LinkState::Unknown,
        "re-inviting revokes the earlier link"
    );
    let karin = store
        .link_accept(&third.token, PASSWORD, PASSWORD)
        .await
        .unwrap()
        .unwrap();
    let karin = actor(&store, karin).await;
    assert_eq!(karin.role(), Role::EmployerContact);
    assert_eq!(karin.employer_id(), Some(w.employer));
    let links = store
        .account_links(&w.coordinator, InviteKind::EmployerContact, &[w.contact])
        .await
        .unwrap();
    assert_eq!(links[0].login.as_deref(), Some("karin@kocken.se"));
    // Audited: the invitation, the new login and its link to the record.
    let audited = query_strings(
        &store,
        "SELECT resource || ':' || action FROM audit_log ORDER BY id",
    )
    .await;
    for want in ["invitation:create", "user:create", "supervisor:update"] {
        assert!(audited.iter().any(|a| a == want), "{want} in {audited:?}");
    }
    // An address that already has a login cannot be invited again.
    assert_invalid(
        store
            .invitation_create(
                &w.coordinator,
                &invite(InviteKind::Participant, w.participant, "sara@kocken.se"),
                &mail,
            )
            .await,
        "email",
    );
    // Markup and control characters in a name.
    let mut bad = invite(InviteKind::Participant, w.participant, "amina@ex.se");
    bad.name = "Amina\u{7}";
    assert_invalid(
        store.invitation_create(&w.coordinator, &bad, &mail).await,
        "name",
    );
    bad.name = "<b>Amina</b>";
    let ok = store
        .invitation_create(&w.coordinator, &bad, &mail)
        .await
        .unwrap();
    let amina = store
        .link_accept(&ok.token, PASSWORD, PASSWORD)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        store.user(&sys(), amina).await.unwrap().name,
        "<b>Amina</b>",
        "kept as typed; the pages escape it"
    );
    assert_eq!(
        actor(&store, amina).await.participant_id(),
        Some(w.participant)
    );
}

async fn unlink_and_relink_a_record_and_a_login(store: Store) {
    let w = world(&store).await;
    let placement = store
        .placement_create(
            &w.coordinator,
            &valid_placement(&placement_draft(
                w.employer,
                "Kock",
                PlacementStatus::Published,
            )),
        )
        .await
        .unwrap();
    place(
        &store,
        &w.coordinator,
        w.participant,
        placement,
        Some(w.supervisor),
        today(),
        today() + chrono::Duration::days(40),
    )
    .await;
    let sara = user(&store, "sara@kocken.se", Role::Supervisor, &[], None).await;
    store
        .account_link(
            &w.coordinator,
            InviteKind::Supervisor,
            w.supervisor,
            "SARA@kocken.se",
        )
        .await
        .unwrap();
    let a = actor(&store, sara).await;
    assert_eq!(
        list_ids(&store, &a, ParticipantFilter::default()).await,
        set(&[w.participant])
    );
    // Linked already: a second link is refused.
    assert_invalid(
        store
            .account_link(
                &w.coordinator,
                InviteKind::Supervisor,
                w.supervisor,
                "sara@kocken.se",
            )
            .await,
        "form",
    );
    // Unlinked: she sees no interns.
    store
        .account_unlink(&w.coordinator, InviteKind::Supervisor, w.supervisor)
        .await
        .unwrap();
    let a = actor(&store, sara).await;
    assert!(a.supervisor_ids().is_empty());
    assert_eq!(
        store
            .participant_list(&a, &ParticipantFilter::default())
            .await
            .unwrap()
            .total,
        0
    );

    // A login of the wrong role, or no such login, is a field error.
    let ada = user(
        &store,
        "ada@ex.se",
        Role::Coordinator,
        &[w.tree.programme],
        None,
    )
    .await;
    assert_invalid(
        store
            .account_link(
                &w.coordinator,
                InviteKind::Supervisor,
                w.supervisor,
                "ada@ex.se",
            )
            .await,
        "email",
    );
    assert_invalid(
        store
            .account_link(
                &w.coordinator,
                InviteKind::Supervisor,
                w.supervisor,
                "ingen@ex.se",
            )
            .await,
        "email",
    );
    let _ = ada;

    // One login, one participant record.
    let p = user(&store, "amina@ex.se", Role::Participant, &[], None).await;
    store
        .account_link(
            &w.coordinator,
            InviteKind::Participant,
            w.participant,
            "amina@ex.se",
        )
        .await
        .unwrap();
    let other = add(
        &store,
        &w.coordinator,
        &draft(w.tree.programme, "Bo", "Berg"),
    )
    .await;
    assert_invalid(
        store
            .account_link(
                &w.coordinator,
                InviteKind::Participant,
                other,
                "amina@ex.se",
            )
            .await,
        "email",
    );
    assert_eq!(actor(&store, p).await.participant_id(), Some(w.participant));
    store
        .account_unlink(&w.coordinator, InviteKind::Participant, w.participant)
        .await
        .unwrap();
    assert_eq!(actor(&store, p).await.participant_id(), None);
    // Relinked to the other record.
    store
        .account_link(
            &w.coordinator,
            InviteKind::Participant,
            other,
            "amina@ex.se",
        )
        .await
        .unwrap();
    assert_eq!(actor(&store, p).await.participant_id(), Some(other));

    // An employer contact's login works for the contact's employer, until unlinked.
    let karin = user(&store, "karin@kocken.se", Role::EmployerContact, &[], None).await;
    store
        .account_link(
            &w.coordinator,
            InviteKind::EmployerContact,
            w.contact,
            "karin@kocken.se",
        )
        .await
        .unwrap();
    assert_eq!(actor(&store, karin).await.employer_id(), Some(w.employer));
    store
        .account_unlink(&w.coordinator, InviteKind::EmployerContact, w.contact)
        .await
        .unwrap();
    assert_eq!(actor(&store, karin).await.employer_id(), None);
    // Unlinking a record also ends its open invitation.
    let issued = store
        .invitation_create(
            &w.coordinator,
            &invite(InviteKind::EmployerContact, w.contact, "kim@kocken.se"),
            &mail,
        )
        .await
        .unwrap();
    store
        .account_unlink(&w.coordinator, InviteKind::EmployerContact, w.contact)
        .await
        .unwrap();
    assert_eq!(
        store.link_state(&issued.token).await.unwrap(),
        LinkState::Unknown
    );
    // Audited.
    let audited = query_strings(
        &store,
        "SELECT resource || ':' || action FROM audit_log WHERE resource = 'participant' ORDER BY id",
    )
    .await;
    assert!(
        audited
            .iter()
            .filter(|a| *a == "participant:update")
            .count()
            >= 3
    );
    // Nobody outside the coordinator's scope: a participant of another programme is hidden.
    assert!(matches!(
        store
            .account_unlink(&w.coordinator, InviteKind::Participant, w.foreign)
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn who_may_invite_whom_and_for_which_records(store: Store) {
    let w = world(&store).await;
    let staff = |role, orgs: &'static [i32]| InviteInput {
        kind: InviteKind::Staff,
        record_id: None,
        email: "ny@ex.se",
        name: "Ny Person",
        role: Some(role),
        org_ids: orgs,
        lang: "en",
    };
    // A coordinator never invites an administrator or a programme manager.
    let orgs: &'static [i32] = Box::leak(vec![w.tree.programme].into_boxed_slice());
    for role in [Role::Admin, Role::ProgrammeManager, Role::Coordinator] {
        assert!(
            matches!(
                store
                    .invitation_create(&w.coordinator, &staff(role, orgs), &mail)
                    .await,
                Err(StoreError::Forbidden)
            ),
            "{role}"
        );
    }
    // An education provider or an officer in her own programme, yes; in another, no.
    store
        .invitation_create(&w.coordinator, &staff(Role::EsOfficer, orgs), &mail)
        .await
        .unwrap();
    let other: &'static [i32] = Box::leak(vec![w.tree.programme2].into_boxed_slice());
    assert!(matches!(
        store
            .invitation_create(
                &w.coordinator,
                &staff(Role::EducationProvider, other),
                &mail
            )
            .await,
        Err(StoreError::Forbidden)
    ));
    // Staff needs an organisation and a staff role.
    assert_invalid(
        store
            .invitation_create(&w.coordinator, &staff(Role::EducationProvider, &[]), &mail)
            .await,
        "org_ids",
    );
    assert_invalid(
        store
            .invitation_create(&w.coordinator, &staff(Role::Supervisor, orgs), &mail)
            .await,
        "role",
    );
    // A participant record outside the coordinator's scope is not confirmed to exist.
    assert!(matches!(
        store
            .invitation_create(
                &w.coordinator,
                &invite(InviteKind::Participant, w.foreign, "omar@ex.se"),
                &mail
            )
            .await,
        Err(StoreError::NotFound)
    ));
    // An administrator may invite anyone.
    store
        .invitation_create(
            &sys(),
            &invite(InviteKind::Participant, w.foreign, "omar@ex.se"),
            &mail,
        )
        .await
        .unwrap();
    let orgs2: &'static [i32] = Box::leak(vec![w.tree.region].into_boxed_slice());
    let mut admin_invite = staff(Role::ProgrammeManager, orgs2);
    admin_invite.email = "pm@ex.se";
    store
        .invitation_create(&sys(), &admin_invite, &mail)
        .await
        .unwrap();
    // Nobody else invites, links or unlinks anyone.
    let sup = user(&store, "sup@ex.se", Role::Supervisor, &[], Some(w.employer)).await;
    let pm = user(
        &store,
        "pm2@ex.se",
        Role::ProgrammeManager,
        &[w.tree.programme],
        None,
    )
    .await;
    for who in [sup, pm] {
        let a = actor(&store, who).await;
        assert!(matches!(
            store
                .invitation_create(
                    &a,
                    &invite(InviteKind::Supervisor, w.supervisor, "x@ex.se"),
                    &mail
                )
                .await,
            Err(StoreError::Forbidden)
        ));
        assert!(matches!(
            store
                .account_unlink(&a, InviteKind::Supervisor, w.supervisor)
                .await,
            Err(StoreError::Forbidden)
        ));
        assert!(
            store
                .account_links(&a, InviteKind::Supervisor, &[w.supervisor])
                .await
                .unwrap()
                .is_empty()
        );
    }
    // An unknown record is 404.
    assert!(matches!(
        store
            .invitation_create(
                &w.coordinator,
                &invite(InviteKind::Supervisor, 999_999, "x@ex.se"),
                &mail
            )
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn a_reset_link_sets_a_new_password_once_and_an_admin_edits_users_by_version(store: Store) {
    let w = world(&store).await;
    let ada = user(
        &store,
        "ada@ex.se",
        Role::Coordinator,
        &[w.tree.programme],
        None,
    )
    .await;
    let admin_id = user(&store, "admin@ex.se", Role::Admin, &[], None).await;
    let admin = actor(&store, admin_id).await;
    // Only administrators send resets.
    assert!(matches!(
        store
            .password_reset_issue(&w.coordinator, ada, "sv", &mail)
            .await,
        Err(StoreError::Forbidden)
    ));
    let token = store.token_create(&sys(), ada, "cli", 30).await.unwrap();
    let first = store
        .password_reset_issue(&admin, ada, "sv", &mail)
        .await
        .unwrap();
    assert!(first.expires_at < chrono::Utc::now() + chrono::Duration::hours(25));
    let second = store
        .password_reset_issue(&admin, ada, "sv", &mail)
        .await
        .unwrap();
    assert_eq!(
        store.link_state(&first.token).await.unwrap(),
        LinkState::Unknown
    );
    // The old password works until the link is used.
    assert_eq!(
        store
            .login("ada@ex.se", PASSWORD, "10.0.0.1")
            .await
            .unwrap(),
        LoginOutcome::Ok(ada)
    );
    let new = "ett helt nytt lösenord";
    assert_eq!(
        store.link_accept(&second.token, new, new).await.unwrap(),
        Ok(ada)
    );
    assert_eq!(
        store.link_accept(&second.token, new, new).await.unwrap(),
        Err(LinkState::Used)
    );
    assert_eq!(
        store
            .login("ada@ex.se", PASSWORD, "10.0.0.2")
            .await
            .unwrap(),
        LoginOutcome::Failed
    );
    assert_eq!(
        store.login("ada@ex.se", new, "10.0.0.3").await.unwrap(),
        LoginOutcome::Ok(ada)
    );
    assert!(
        store.actor_by_token(&token).await.unwrap().is_none(),
        "a reset revokes the API tokens"
    );
    // An expired reset link is refused.
    let third = store
        .password_reset_issue(&admin, ada, "en", &mail)
        .await
        .unwrap();
    expire(&store, third.id).await;
    assert_eq!(
        store.link_accept(&third.token, new, new).await.unwrap(),
        Err(LinkState::Expired)
    );

    // Editing a user: by version; a stale version is a conflict.
    let (u, orgs) = store.user_with_orgs(&admin, ada).await.unwrap();
    assert_eq!(orgs, vec![w.tree.programme]);
    let both_orgs = [w.tree.programme, w.tree.programme2];
    let edit = UserEdit {
        name: "Ada Berg",
        role: Role::ProgrammeManager,
        org_ids: &both_orgs,
        employer_id: None,
    };
    store
        .user_update(&admin, ada, u.version, &edit)
        .await
        .unwrap();
    let (after, orgs) = store.user_with_orgs(&admin, ada).await.unwrap();
    assert_eq!(after.name, "Ada Berg");
    assert_eq!(after.role, Role::ProgrammeManager);
    assert_eq!(orgs, both_orgs.to_vec());
    assert_eq!(after.version, u.version + 1);
    assert!(matches!(
        store.user_update(&admin, ada, u.version, &edit).await,
        Err(StoreError::Conflict)
    ));
    // Bad input is a field error; a coordinator may not edit users; an admin keeps her role.
    let bad = UserEdit {
        name: "Ada\u{0}",
        ..edit.clone()
    };
    assert_invalid(
        store.user_update(&admin, ada, after.version, &bad).await,
        "name",
    );
    let unknown_org = [999_999];
    assert_invalid(
        store
            .user_update(
                &admin,
                ada,
                after.version,
                &UserEdit {
                    org_ids: &unknown_org,
                    ..edit.clone()
                },
            )
            .await,
        "org_ids",
    );
    assert!(matches!(
        store
            .user_update(&w.coordinator, ada, after.version, &edit)
            .await,
        Err(StoreError::Forbidden)
    ));
    let me = store.user(&admin, admin_id).await.unwrap();
    assert_invalid(
        store
            .user_update(
                &admin,
                admin_id,
                me.version,
                &UserEdit {
                    name: "Admin",
                    role: Role::Coordinator,
                    org_ids: &[],
                    employer_id: None,
                },
            )
            .await,
        "role",
    );
    let audited = query_strings(
        &store,
        "SELECT action FROM audit_log WHERE resource = 'user' ORDER BY id",
    )
    .await;
    assert!(audited.iter().any(|a| a == "password_changed"));
    assert!(audited.iter().any(|a| a == "update"));
}
