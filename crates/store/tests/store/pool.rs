//! Store cases: the candidate pool and interviews.

use super::*;
use brygga_domain::interview::{Attendee, AttendeeRole, InterviewDraft, InterviewInput};
use brygga_domain::model::{InterviewOutcome, ProposalStatus};
use brygga_store::interview::{Invitation, Recipient};
use brygga_store::jobs::{Attachment, OutgoingEmail};

both!(
    store:
    proposing_needs_consent_and_happens_once,
    statuses_move_only_as_the_role_allows,
    employer_contacts_see_cards_of_their_own_pools_only,
    interviews_refuse_overlaps_and_queue_invitations,
    an_employer_contact_with_an_org_membership_sees_no_identity_number_of_a_candidate,
    withdrawn_consent_ends_every_employer_access_at_once,
    a_participant_never_sees_staff_notes_on_her_interview,
    an_employer_contact_submits_placements_and_records_no_approvals,
    an_interview_waits_for_the_employment_service_s_confirmation,
    an_employer_contact_books_for_its_own_placement_and_the_coordinators_are_invited,
    a_proposal_overriding_a_rule_keeps_its_reason_for_those_who_read_special_needs,
);

struct Fixture {
    coord: Actor,
    other_coord: Actor,
    contact: Actor,
    other_contact: Actor,
    placement: i32,
    other_placement: i32,
    /// Consents to sharing, has special needs and an email address.
    sara: i32,
    /// Has not consented to sharing.
    nils: i32,
}

async fn fixture(store: &Store) -> Fixture {
    let t = tree(store).await;
    let s = sys();
    let e1 = store
        .employer_create(
            &s,
            &valid_employer(&employer_draft("Ängens kök", &orgnr(11), "private")),
        )
        .await
        .unwrap();
    let e2 = store
        .employer_create(
            &s,
            &valid_employer(&employer_draft("Bageriet", &orgnr(12), "private")),
        )
        .await
        .unwrap();
    let placement = store
        .placement_create(
            &s,
            &valid_placement(&placement_draft(e1, "Kock", PlacementStatus::Published)),
        )
        .await
        .unwrap();
    let other_placement = store
        .placement_create(
            &s,
            &valid_placement(&placement_draft(e2, "Bagare", PlacementStatus::Published)),
        )
        .await
        .unwrap();
    let mut d = sharing(draft(t.programme, "Sara", "Said"));
    d.special_needs = "Behöver tolk vid möten".into();
    d.needed_accommodations = vec!["interpreter".into()];
    d.email = "sara.said@example.se".into();
    d.skills = vec!["matlagning".into()];
    let sara = add(store, &s, &d).await;
    confirm(store, sara).await;
    let nils = add(store, &s, &draft(t.programme, "Nils", "Nord")).await;
    let coord = user(
        store,
        "k@example.se",
        Role::Coordinator,
        &[t.programme],
        None,
    )
    .await;
    let other_coord = user(
        store,
        "k2@example.se",
        Role::Coordinator,
        &[t.programme2],
        None,
    )
    .await;
    let contact = user(store, "hr@angen.se", Role::EmployerContact, &[], Some(e1)).await;
    let other_contact = user(
        store,
        "hr@bageriet.se",
        Role::EmployerContact,
        &[],
        Some(e2),
    )
    .await;
    Fixture {
        coord: actor(store, coord).await,
        other_coord: actor(store, other_coord).await,
        contact: actor(store, contact).await,
        other_contact: actor(store, other_contact).await,
        placement,
        other_placement,
        sara,
        nils,
    }
}

async fn proposing_needs_consent_and_happens_once(store: Store) {
    let f = fixture(&store).await;
    assert_invalid(
        store.propose(&f.coord, f.nils, f.placement, "").await,
        "participant_id",
    );
    let id = store
        .propose(&f.coord, f.sara, f.placement, "Stark i köket")
        .await
        .unwrap();
    match store.propose(&f.coord, f.sara, f.placement, "").await {
        Err(StoreError::Invalid(e)) => {
            assert_eq!(e.get("participant_id").unwrap().key, "pool-error-duplicate")
        }
        other => panic!("a duplicate must be refused, got {other:?}"),
    }
    assert!(matches!(
        store
            .propose(&f.other_coord, f.sara, f.other_placement, "")
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.propose(&f.contact, f.sara, f.placement, "").await,
        Err(StoreError::NotFound | StoreError::Forbidden)
    ));
    let pool = store
        .pool_for_placement(&f.coord, f.placement)
        .await
        .unwrap();
    assert!(!pool.employer_view);
    assert_eq!(pool.proposals.len(), 1);
    let p = &pool.proposals[0];
    assert_eq!((p.id, p.status), (id, ProposalStatus::Proposed));
    assert_eq!(p.note, "Stark i köket");
    assert!(p.eligibility.is_some(), "coordinators see the summary");
}

async fn statuses_move_only_as_the_role_allows(store: Store) {
    let f = fixture(&store).await;
    let id = store
        .propose(&f.coord, f.sara, f.placement, "")
        .await
        .unwrap();
    store
        .proposal_set_status(&f.contact, id, 1, ProposalStatus::Shortlisted, "")
        .await
        .unwrap();
    assert!(matches!(
        store
            .proposal_set_status(&f.contact, id, 1, ProposalStatus::InterviewRequested, "")
            .await,
        Err(StoreError::Conflict)
    ));
    assert_invalid(
        store
            .proposal_set_status(&f.contact, id, 2, ProposalStatus::Selected, "")
            .await,
        "status",
    );
    assert_invalid(
        store
            .proposal_set_status(&f.coord, id, 2, ProposalStatus::Selected, "")
            .await,
        "status",
    );
    store
        .proposal_set_status(
            &f.contact,
            id,
            2,
            ProposalStatus::InterviewRequested,
            "Gärna",
        )
        .await
        .unwrap();
    let got = store.proposal_get(&f.coord, id).await.unwrap();
    assert_eq!(got.status, ProposalStatus::InterviewRequested);
    assert_eq!(got.note, "Gärna");
    assert!(matches!(
        store
            .proposal_set_status(&f.other_contact, id, 3, ProposalStatus::Rejected, "")
            .await,
        Err(StoreError::Forbidden | StoreError::NotFound)
    ));
    store
        .proposal_set_status(&f.coord, id, 3, ProposalStatus::Withdrawn, "")
        .await
        .unwrap();
    assert!(
        store
            .pool_for_placement(&f.contact, f.placement)
            .await
            .unwrap()
            .proposals
            .is_empty(),
        "a withdrawn candidate leaves the employer's view"
    );
}

async fn employer_contacts_see_cards_of_their_own_pools_only(store: Store) {
    let f = fixture(&store).await;
    let id = store
        .propose(&f.coord, f.sara, f.placement, "")
        .await
        .unwrap();
    let pool = store
        .pool_for_placement(&f.contact, f.placement)
        .await
        .unwrap();
    assert!(pool.employer_view);
    assert_eq!(pool.proposals.len(), 1);
    let card = &pool.proposals[0];
    assert_eq!(card.card.first_name, "Sara");
    assert_eq!(card.card.skills, vec!["matlagning"]);
    assert_eq!(card.eligibility, None);
    let json = serde_json::to_string(&pool).unwrap();
    for secret in ["tolk", "interpreter", "sara.said@example.se", "1990"] {
        assert!(
            !json.contains(secret),
            "{secret} reached the employer: {json}"
        );
    }
    let audited = store
        .audit_list(
            &sys(),
            &AuditFilter {
                page: 1,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        audited.items.iter().any(|e| e.resource == "participant"
            && e.record_id == Some(f.sara)
            && e.actor_id == f.contact.user_id()),
        "reading a card is audited"
    );
    assert!(matches!(
        store
            .pool_for_placement(&f.other_contact, f.placement)
            .await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        store.proposal_get(&f.other_contact, id).await,
        Err(StoreError::Forbidden | StoreError::NotFound)
    ));
    assert!(
        store
            .pool_for_placement(&f.other_coord, f.placement)
            .await
            .unwrap()
            .proposals
            .is_empty(),
        "a coordinator of another programme sees none of this programme's candidates"
    );
}

fn compose(inv: &Invitation, r: &Recipient) -> Option<OutgoingEmail> {
    let method = if inv.cancelled { "CANCEL" } else { "REQUEST" };
    Some(OutgoingEmail {
        to: vec![r.email.clone()],
        subject: format!("{method} {}", inv.interview.placement_title),
        text: format!("{:?}", r.kind),
        attachments: vec![Attachment {
            filename: "intervju.ics".into(),
            content_type: format!("text/calendar; method={method}"),
            data_base64: String::new(),
        }],
    })
}

fn booking(start_in_days: i64, hour: u32, attendees: &[(&str, &str)]) -> InterviewInput {
    let day = (chrono::Utc::now() + chrono::Duration::days(start_in_days)).date_naive();
    let starts = day.and_hms_opt(hour, 0, 0).unwrap().and_utc();
    InterviewInput {
        starts_at: starts,
        ends_at: starts + chrono::Duration::hours(1),
        location: "Storgatan 1".into(),
        meeting_link: String::new(),
        notes: String::new(),
        attendees: attendees
            .iter()
            .map(|(n, e)| Attendee {
                name: n.to_string(),
                email: brygga_domain::ids::Email::parse(e).unwrap(),
                role: AttendeeRole::Employer,
            })
            .collect(),
    }
}

/// The employment service's confirmation of eligibility, which an interview needs by default.
async fn confirm(store: &Store, participant: i32) -> i32 {
    store
        .eligibility_confirm(
            &sys(),
            participant,
            &brygga_domain::clearance::ConfirmationInput {
                officer_name: "Hedda Handläggarsdotter".into(),
                confirmed_on: chrono::Utc::now().date_naive(),
                note: String::new(),
            },
        )
        .await
        .unwrap()
}

async fn emails(store: &Store) -> Vec<OutgoingEmail> {
    query_strings(store, "SELECT payload FROM jobs ORDER BY id")
        .await
        .iter()
        .map(|p| serde_json::from_str(p).unwrap())
        .collect()
}

async fn interviews_refuse_overlaps_and_queue_invitations(store: Store) {
    let f = fixture(&store).await;
    let id = store
        .propose(&f.coord, f.sara, f.placement, "")
        .await
        .unwrap();
    let eva = [("Eva Ek", "eva@angen.se")];
    let first = store
        .interview_book(&f.coord, id, &booking(10, 9, &eva), &compose)
        .await
        .unwrap();
    assert_eq!(
        store.proposal_get(&f.coord, id).await.unwrap().status,
        ProposalStatus::Interviewing
    );
    let sent = emails(&store).await;
    let to: BTreeSet<String> = sent.iter().map(|e| e.to[0].clone()).collect();
    assert_eq!(
        to,
        ["sara.said@example.se", "eva@angen.se", "k@example.se"]
            .map(String::from)
            .into(),
        "the participant, the attendee and the booker"
    );
    assert!(sent.iter().any(|e| e.text == "Booker"));
    assert!(
        sent.iter()
            .all(|e| e.attachments[0].content_type.ends_with("REQUEST"))
    );

    // The same participant half an hour later; another candidate with the same attendee.
    let mut clash = booking(10, 9, &[("Olle", "olle@angen.se")]);
    clash.starts_at += chrono::Duration::minutes(30);
    clash.ends_at += chrono::Duration::minutes(30);
    match store.interview_book(&f.coord, id, &clash, &compose).await {
        Err(StoreError::Invalid(e)) => assert_eq!(
            e.get("starts_at").unwrap().key,
            "pool-error-overlap-participant"
        ),
        other => panic!("an overlap must be refused, got {other:?}"),
    }
    let mut d = sharing(draft(
        store
            .participant_get(&f.coord, f.sara)
            .await
            .unwrap()
            .programme_id,
        "Omar",
        "Ali",
    ));
    d.email = String::new();
    let omar = add(&store, &sys(), &d).await;
    confirm(&store, omar).await;
    let omar_p = store
        .propose(&f.coord, omar, f.placement, "")
        .await
        .unwrap();
    let mut same_attendee = booking(10, 9, &[("Eva", "EVA@angen.se")]);
    same_attendee.starts_at += chrono::Duration::minutes(59);
    match store
        .interview_book(&f.coord, omar_p, &same_attendee, &compose)
        .await
    {
        Err(StoreError::Invalid(e)) => assert_eq!(
            e.get("starts_at").unwrap().key,
            "pool-error-overlap-attendee"
        ),
        other => panic!("a busy attendee must be refused, got {other:?}"),
    }
    // Back to back is fine, and a participant without an address gets no email.
    let before = emails(&store).await.len();
    store
        .interview_book(&f.coord, omar_p, &booking(10, 10, &eva), &compose)
        .await
        .unwrap();
    assert_eq!(emails(&store).await.len(), before + 2);

    // An end before the start never reaches the store.
    let bad = InterviewDraft {
        starts_at: "2031-05-05T10:00".into(),
        ends_at: "2031-05-05T09:00".into(),
        location: "Här".into(),
        attendees: vec![["Eva".into(), "eva@angen.se".into(), "employer".into()]],
        ..Default::default()
    };
    assert_eq!(
        bad.validate(chrono::Utc::now())
            .unwrap_err()
            .get("ends_at")
            .unwrap()
            .key,
        "pool-error-end-before-start"
    );

    // The employer sees the interview and records the outcome; a coordinator then selects.
    let seen = store
        .interviews_for_placement(&f.contact, f.placement)
        .await
        .unwrap();
    assert_eq!(seen.len(), 2);
    assert!(matches!(
        store.interview_get(&f.other_contact, first).await,
        Err(StoreError::Forbidden | StoreError::NotFound)
    ));
    assert_invalid(
        store
            .interview_outcome(&f.contact, first, 1, InterviewOutcome::Pending, "")
            .await,
        "outcome",
    );
    store
        .interview_outcome(&f.contact, first, 1, InterviewOutcome::Passed, "Bra samtal")
        .await
        .unwrap();
    let got = store.interview_get(&f.coord, first).await.unwrap();
    assert_eq!(got.outcome, InterviewOutcome::Passed);
    assert_eq!(got.outcome_note, "Bra samtal");
    assert!(matches!(
        store
            .interview_outcome(&f.contact, first, 1, InterviewOutcome::Failed, "")
            .await,
        Err(StoreError::Conflict)
    ));
    let version = store.proposal_get(&f.coord, id).await.unwrap().version;
    store
        .proposal_set_status(&f.coord, id, version, ProposalStatus::Selected, "")
        .await
        .unwrap();

    // Cancelling sends everyone a cancellation and frees the time.
    let second = seen.iter().find(|i| i.id != first).unwrap();
    let before = emails(&store).await.len();
    store
        .interview_cancel(&f.coord, second.id, second.version, &compose)
        .await
        .unwrap();
    let after = emails(&store).await;
    assert_eq!(after.len(), before + 2);
    assert!(
        after[before..]
            .iter()
            .all(|e| e.attachments[0].content_type.ends_with("CANCEL"))
    );
    assert_eq!(
        store
            .interview_get(&f.coord, second.id)
            .await
            .unwrap()
            .outcome,
        InterviewOutcome::Cancelled
    );
    assert_eq!(
        store.proposal_get(&f.coord, omar_p).await.unwrap().status,
        ProposalStatus::InterviewRequested
    );
    store
        .interview_book(&f.coord, omar_p, &booking(10, 10, &eva), &compose)
        .await
        .expect("the cancelled interview no longer blocks the time");
}

async fn an_employer_contact_with_an_org_membership_sees_no_identity_number_of_a_candidate(
    store: Store,
) {
    let f = fixture(&store).await;
    let s = sys();
    let mut d = store.participant_get(&s, f.sara).await.unwrap().to_draft();
    d.personnummer = pnr("19900415", 238);
    d.phone = "070-123 45 67".into();
    let v = store.participant_get(&s, f.sara).await.unwrap().version;
    store
        .participant_update(&s, f.sara, v, &valid(&d))
        .await
        .unwrap();
    store
        .propose(&f.coord, f.sara, f.placement, "")
        .await
        .unwrap();
    let programme = store
        .participant_get(&s, f.sara)
        .await
        .unwrap()
        .programme_id;
    let employer = store
        .placement_get(&s, f.placement)
        .await
        .unwrap()
        .employer_id;
    // The same employer's contact, who is also a member of the participant's programme.
    let both = user(
        &store,
        "hr2@angen.se",
        Role::EmployerContact,
        &[programme],
        Some(employer),
    )
    .await;
    let both = actor(&store, both).await;
    let full = store.participant_get(&f.coord, f.sara).await.unwrap();
    assert!(full.personnummer.is_some() && !full.phone.is_empty());
    for a in [&f.contact, &both] {
        let p = store.participant_get(a, f.sara).await.unwrap();
        assert_eq!(p.personnummer, None);
        assert_eq!((p.email.as_str(), p.phone.as_str()), ("", ""));
        assert_eq!(p.special_needs, None);
        assert_eq!(p.eligibility, None);
        assert!(p.consents.is_empty());
        assert!(!p.may_edit && !p.may_read_clearance);
        assert_eq!(p.to_draft().personnummer, "");
        let list = store
            .participant_list(a, &Default::default())
            .await
            .unwrap();
        assert_eq!(list.total, 1);
        assert!(list.items.iter().all(|x| x.eligibility.is_none()));
    }
}

async fn withdrawn_consent_ends_every_employer_access_at_once(store: Store) {
    let f = fixture(&store).await;
    let s = sys();
    let id = store
        .propose(&f.coord, f.sara, f.placement, "")
        .await
        .unwrap();
    let iv = store
        .interview_book(
            &f.coord,
            id,
            &booking(10, 9, &[("Eva Ek", "eva@angen.se")]),
            &compose,
        )
        .await
        .unwrap();
    let agreement = store
        .agreement_create_internship(&f.coord, f.sara, Some(f.placement), None)
        .await
        .unwrap();
    let employer = store
        .placement_get(&s, f.placement)
        .await
        .unwrap()
        .employer_id;
    // Before: the employer's contact reaches her everywhere.
    store.participant_get(&f.contact, f.sara).await.unwrap();
    store.interview_get(&f.contact, iv).await.unwrap();
    store.agreement_get(&f.contact, agreement).await.unwrap();
    assert_eq!(
        store
            .pool_for_placement(&f.contact, f.placement)
            .await
            .unwrap()
            .proposals
            .len(),
        1
    );

    // She withdraws consent to share with employers.
    let p = store.participant_get(&s, f.sara).await.unwrap();
    let mut d = p.to_draft();
    d.consents = vec!["registry".into()];
    store
        .participant_update(&s, f.sara, p.version, &valid(&d))
        .await
        .unwrap();

    assert!(matches!(
        store.participant_get(&f.contact, f.sara).await,
        Err(StoreError::NotFound)
    ));
    let list = store
        .participant_list(&f.contact, &Default::default())
        .await
        .unwrap();
    assert_eq!(list.total, 0);
    assert!(
        store
            .pool_for_placement(&f.contact, f.placement)
            .await
            .unwrap()
            .proposals
            .is_empty()
    );
    assert!(store.proposal_get(&f.contact, id).await.is_err());
    assert!(store.interview_get(&f.contact, iv).await.is_err());
    assert!(
        store
            .interviews_for_placement(&f.contact, f.placement)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(store.agreement_get(&f.contact, agreement).await.is_err());
    let agreements = store
        .agreements_of_employer(&f.contact, employer)
        .await
        .unwrap();
    assert!(agreements.iter().all(|a| a.id != agreement));
    // Nor can she be proposed again, to this or any placement.
    assert_invalid(
        store.propose(&f.coord, f.sara, f.other_placement, "").await,
        "participant_id",
    );
    assert!(
        matches!(
            store
                .accept_plan(&f.coord, p.programme_id, &[(f.sara, f.other_placement)])
                .await,
            Err(StoreError::Invalid(_))
        ),
        "an accepted plan proposes no one without consent"
    );
    // The coordinator still sees everything.
    store.agreement_get(&f.coord, agreement).await.unwrap();
    store.interview_get(&f.coord, iv).await.unwrap();
}

async fn a_participant_never_sees_staff_notes_on_her_interview(store: Store) {
    let f = fixture(&store).await;
    let s = sys();
    let id = store
        .propose(&f.coord, f.sara, f.placement, "")
        .await
        .unwrap();
    let mut b = booking(10, 9, &[("Eva Ek", "eva@angen.se")]);
    b.notes = "Verkar osäker, kolla referenser".into();
    let iv = store
        .interview_book(&f.coord, id, &b, &compose)
        .await
        .unwrap();
    store
        .interview_outcome(&f.coord, iv, 1, InterviewOutcome::Passed, "Svag svenska")
        .await
        .unwrap();
    let uid = user(&store, "sara@example.se", Role::Participant, &[], None).await;
    store.participant_link_user(&s, f.sara, uid).await.unwrap();
    let sara = actor(&store, uid).await;
    let staff = store.interview_get(&f.coord, iv).await.unwrap();
    assert!(!staff.notes.is_empty() && !staff.outcome_note.is_empty());
    let own = store.interview_get(&sara, iv).await.unwrap();
    assert_eq!((own.notes.as_str(), own.outcome_note.as_str()), ("", ""));
    assert_eq!(own.outcome, InterviewOutcome::Passed);
    // Her own record shows her what is hers.
    let me = store.participant_get(&sara, f.sara).await.unwrap();
    assert_eq!(me.email, "sara.said@example.se");
    assert!(me.special_needs.is_some());
}

async fn an_employer_contact_submits_placements_and_records_no_approvals(store: Store) {
    let f = fixture(&store).await;
    let s = sys();
    let employer = store
        .placement_get(&s, f.placement)
        .await
        .unwrap()
        .employer_id;
    let published = placement_draft(employer, "Diskare", PlacementStatus::Published);
    assert_invalid(
        store
            .placement_create(&f.contact, &valid_placement(&published))
            .await,
        "status",
    );
    let mut submitted = placement_draft(employer, "Diskare", PlacementStatus::Submitted);
    let id = store
        .placement_create(&f.contact, &valid_placement(&submitted))
        .await
        .unwrap();
    let r = store.placement_get(&f.contact, id).await.unwrap();
    assert!(!r.status_choices.contains(&PlacementStatus::Published));
    submitted.status = "published".into();
    assert_invalid(
        store
            .placement_update(&f.contact, id, 1, &valid_placement(&submitted))
            .await,
        "status",
    );
    // The portal does not show it until a coordinator publishes it.
    assert!(matches!(
        store.placement_get(&f.other_contact, id).await,
        Err(StoreError::Forbidden)
    ));
    store
        .placement_update(&f.coord, id, 1, &valid_placement(&submitted))
        .await
        .unwrap();
    assert_eq!(
        store.placement_get(&s, id).await.unwrap().status,
        PlacementStatus::Published
    );
    // An edit by the employer sends it back for review.
    submitted.title = "Diskare och kallskänka".into();
    store
        .placement_update(&f.contact, id, 2, &valid_placement(&submitted))
        .await
        .unwrap();
    assert_eq!(
        store.placement_get(&s, id).await.unwrap().status,
        PlacementStatus::Submitted
    );

    // Its own agreement status and its supervisors' training are not the contact's to record.
    let mut d = employer_draft("Ängens kök", &orgnr(11), "private");
    d.agreement_status = "signed".into();
    d.agreement_date = "2026-01-10".into();
    let sup = brygga_domain::registry::SupervisorDraft {
        id: String::new(),
        name: "Eva Ek".into(),
        email: "eva@angen.se".into(),
        phone: String::new(),
        training_status: "trained".into(),
    };
    d.supervisors = vec![sup];
    let v = store.employer_get(&s, employer).await.unwrap().version;
    store
        .employer_update(&f.contact, employer, v, &valid_employer(&d))
        .await
        .unwrap();
    let e = store.employer_get(&s, employer).await.unwrap();
    assert_ne!(e.agreement_status.as_str(), "signed");
    assert_eq!(e.supervisors.len(), 1);
    assert_eq!(e.supervisors[0].training_status.as_str(), "not_started");
    assert!(
        !store
            .employer_get(&f.contact, employer)
            .await
            .unwrap()
            .may_approve
    );
    // A coordinator records the agreement; the training follows from attendance at a
    // supervisor training (events), so no form sets it.
    store
        .employer_update(&f.coord, employer, e.version, &valid_employer(&d))
        .await
        .unwrap();
    let e = store.employer_get(&s, employer).await.unwrap();
    assert_eq!(e.agreement_status.as_str(), "signed");
    assert_eq!(e.supervisors[0].training_status.as_str(), "not_started");
}

async fn an_interview_waits_for_the_employment_service_s_confirmation(store: Store) {
    let f = fixture(&store).await;
    let programme = store
        .participant_get(&f.coord, f.sara)
        .await
        .unwrap()
        .programme_id;
    let omar = add(&store, &sys(), &sharing(draft(programme, "Omar", "Ali"))).await;
    let id = store
        .propose(&f.coord, omar, f.placement, "")
        .await
        .unwrap();
    let eva = [("Eva Ek", "eva@angen.se")];
    let not_confirmed = |r: Result<i32, StoreError>| match r {
        Err(StoreError::Invalid(e)) => {
            assert_eq!(e.get("starts_at").unwrap().key, "pool-error-not-confirmed")
        }
        other => panic!("an unconfirmed participant must be refused, got {other:?}"),
    };
    // On by default: refused, and nothing booked, sent or moved.
    not_confirmed(
        store
            .interview_book(&f.coord, id, &booking(10, 9, &eva), &compose)
            .await,
    );
    assert!(emails(&store).await.is_empty());
    assert_eq!(
        store.proposal_get(&f.coord, id).await.unwrap().status,
        ProposalStatus::Proposed
    );
    // Confirmed: booked.
    let c = confirm(&store, omar).await;
    store
        .interview_book(&f.coord, id, &booking(10, 9, &eva), &compose)
        .await
        .unwrap();
    // The confirmation withdrawn: refused again.
    store.eligibility_withdraw(&sys(), omar, c).await.unwrap();
    not_confirmed(
        store
            .interview_book(&f.coord, id, &booking(11, 9, &eva), &compose)
            .await,
    );
    // The programme turns the rule off: an unconfirmed participant can be booked.
    store
        .set_matching_settings(&sys(), programme, r#"{"confirm_before_interview":false}"#)
        .await
        .unwrap();
    store
        .interview_book(&f.coord, id, &booking(11, 9, &eva), &compose)
        .await
        .unwrap();
    // And back on (other keys kept as the settings page writes them).
    store
        .set_matching_settings(
            &sys(),
            programme,
            r#"{"eligibility":"flag","confirm_before_interview":true}"#,
        )
        .await
        .unwrap();
    not_confirmed(
        store
            .interview_book(&f.coord, id, &booking(12, 9, &eva), &compose)
            .await,
    );
}

async fn an_employer_contact_books_for_its_own_placement_and_the_coordinators_are_invited(
    store: Store,
) {
    let f = fixture(&store).await;
    let id = store
        .propose(&f.coord, f.sara, f.placement, "")
        .await
        .unwrap();
    let eva = [("Eva Ek", "eva@angen.se")];
    // Another employer's contact: the proposal does not exist for them.
    assert!(matches!(
        store
            .interview_book(&f.other_contact, id, &booking(10, 9, &eva), &compose)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(emails(&store).await.is_empty());
    // Its own employer's contact books; the programme's coordinator is an invitee and gets
    // the invitation, the other programme's coordinator does not.
    let iv = store
        .interview_book(&f.contact, id, &booking(10, 9, &eva), &compose)
        .await
        .unwrap();
    let r = store.interview_get(&f.coord, iv).await.unwrap();
    assert!(
        r.attendees
            .iter()
            .any(|a| a.email.as_str() == "k@example.se" && a.role == AttendeeRole::Coordinator),
        "{:?}",
        r.attendees
    );
    let to: BTreeSet<String> = emails(&store)
        .await
        .iter()
        .map(|e| e.to[0].clone())
        .collect();
    assert!(to.contains("k@example.se"), "{to:?}");
    assert!(
        to.contains("hr@angen.se"),
        "the booker's confirmation: {to:?}"
    );
    assert!(!to.contains("k2@example.se"), "{to:?}");
    // The employment service's confirmation is needed here too.
    let programme = store
        .participant_get(&f.coord, f.sara)
        .await
        .unwrap()
        .programme_id;
    let omar = add(&store, &sys(), &sharing(draft(programme, "Omar", "Ali"))).await;
    let omar_p = store
        .propose(&f.coord, omar, f.placement, "")
        .await
        .unwrap();
    match store
        .interview_book(&f.contact, omar_p, &booking(11, 9, &eva), &compose)
        .await
    {
        Err(StoreError::Invalid(e)) => {
            assert_eq!(e.get("starts_at").unwrap().key, "pool-error-not-confirmed")
        }
        other => panic!("an unconfirmed participant must be refused, got {other:?}"),
    }
}

async fn a_proposal_overriding_a_rule_keeps_its_reason_for_those_who_read_special_needs(
    store: Store,
) {
    use brygga_store::audit::AuditFilter;
    use brygga_store::pool::Override;
    let f = fixture(&store).await;
    let t_programme = store
        .participant_get(&sys(), f.sara)
        .await
        .unwrap()
        .programme_id;
    let manager = user(
        &store,
        "pm@example.se",
        Role::ProgrammeManager,
        &[t_programme],
        None,
    )
    .await;
    let manager = actor(&store, manager).await;

    // Without a reason (blank counts as none), refused beside the reason; nothing stored.
    for blank in ["", "   \n "] {
        let over = Override {
            reason: blank,
            rule: "accommodations",
        };
        match store
            .propose_override(&f.coord, f.sara, f.placement, "", over)
            .await
        {
            Err(StoreError::Invalid(e)) => {
                assert_eq!(
                    e.get("override_reason").map(|e| e.key),
                    Some("match-error-reason-required")
                )
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(
        store
            .pool_for_placement(&f.coord, f.placement)
            .await
            .unwrap()
            .proposals
            .is_empty()
    );
    // Too long a reason is refused as a note is.
    let long = "x".repeat(1001);
    assert!(matches!(
        store
            .propose_override(
                &f.coord,
                f.sara,
                f.placement,
                "",
                Override {
                    reason: &long,
                    rule: "swedish"
                }
            )
            .await,
        Err(StoreError::Invalid(_))
    ));

    // With a reason: stored with the rule, audited by field name.
    let reason = "Arbetsplatsen ordnar tolk via kommunen";
    let id = store
        .propose_override(
            &f.coord,
            f.sara,
            f.placement,
            "",
            Override {
                reason: &format!("  {reason} "),
                rule: "accommodations",
            },
        )
        .await
        .unwrap();
    let mine = |v: &brygga_store::pool::PoolView| {
        v.proposals.iter().find(|p| p.id == id).cloned().unwrap()
    };
    let seen = mine(
        &store
            .pool_for_placement(&f.coord, f.placement)
            .await
            .unwrap(),
    );
    assert_eq!(seen.override_reason.as_deref(), Some(reason));
    assert_eq!(seen.override_rule.as_deref(), Some("accommodations"));
    assert_eq!(
        store
            .proposal_get(&f.coord, id)
            .await
            .unwrap()
            .override_reason
            .as_deref(),
        Some(reason)
    );
    let created = store
        .audit_list(
            &sys(),
            &AuditFilter {
                action: Some("create".into()),
                resource: Some("candidate_proposal".into()),
                record_id: Some(id),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .items;
    assert_eq!(created.len(), 1);
    let fields: Vec<String> = serde_json::from_str(&created[0].fields).unwrap();
    assert!(
        fields.contains(&"override_reason".to_string()),
        "{fields:?}"
    );
    assert!(fields.contains(&"override_rule".to_string()), "{fields:?}");
    assert!(!created[0].fields.contains("tolk"), "never the value");

    // The employer contact and the programme manager (no special-category data) see the
    // proposal but neither the reason nor the rule.
    for other in [&f.contact, &manager] {
        let seen = mine(&store.pool_for_placement(other, f.placement).await.unwrap());
        assert_eq!(seen.override_reason, None, "{:?}", other.role());
        assert_eq!(seen.override_rule, None, "{:?}", other.role());
    }

    // An ordinary proposal overrides nothing.
    let mut d = sharing(draft(t_programme, "Omar", "Ali"));
    d.skills = vec!["matlagning".into()];
    let omar = add(&store, &sys(), &d).await;
    let plain = store
        .propose(&f.coord, omar, f.placement, "")
        .await
        .unwrap();
    let view = store
        .pool_for_placement(&f.coord, f.placement)
        .await
        .unwrap();
    let plain = view.proposals.iter().find(|p| p.id == plain).unwrap();
    assert_eq!(plain.override_reason, None);
    assert_eq!(plain.override_rule, None);
}
