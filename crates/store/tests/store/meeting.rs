//! Store cases: follow-up meetings (invitees, invitations, notes, actions, reminders) and the
//! case log.

use super::*;
use brygga_domain::caselog::{CaseLogDraft, CaseLogInput};
use brygga_domain::meeting::{
    ActionDraft, Guest, InviteeRole, MeetingInput, MeetingKind, MeetingStatus, NoteInput,
};
use brygga_store::jobs::OutgoingEmail;
use brygga_store::meeting::{Invitee, MeetingInvitation, Reminder};
use chrono::{DateTime, Duration, Utc};

both!(
    store:
    a_booking_invites_only_the_people_of_the_case_and_queues_one_email_each,
    the_invited_read_the_meeting_and_nobody_else_learns_it_exists,
    actions_belong_to_the_invited_and_their_owner_marks_them_done,
    a_moved_or_cancelled_meeting_updates_every_invitee_once,
    upcoming_meetings_and_open_actions_are_each_actors_own,
    reminders_are_queued_once_however_often_they_run,
    the_case_log_is_for_coordinators_in_scope_and_every_read_is_audited,
);

struct Fx {
    k1: Actor,
    k2: Actor,
    pm: Actor,
    omar: Actor,
    siv: Actor,
    hr: Actor,
    officer: Actor,
    amir_login: Actor,
    evaluator: Actor,
    /// In an internship with Omar, has a login, her case shared with the officer.
    amir: i32,
    /// In an internship with Siv.
    berit: i32,
    amir_internship: i32,
    berit_internship: i32,
}

async fn fx(store: &Store) -> Fx {
    let t = tree(store).await;
    let s = sys();
    let employer = |name: &str, n: u32, sup: &str| {
        let mut d = employer_draft(name, &orgnr(n), "private");
        d.supervisors = vec![SupervisorDraft {
            id: Default::default(),
            name: sup.into(),
            ..Default::default()
        }];
        valid_employer(&d)
    };
    let e1 = store
        .employer_create(&s, &employer("Restaurang Ängen AB", 31, "Omar Said"))
        .await
        .unwrap();
    let e2 = store
        .employer_create(&s, &employer("Städ AB", 32, "Siv Ek"))
        .await
        .unwrap();
    let pl1 = store
        .placement_create(
            &s,
            &valid_placement(&placement_draft(e1, "Kock", PlacementStatus::Published)),
        )
        .await
        .unwrap();
    let pl2 = store
        .placement_create(
            &s,
            &valid_placement(&placement_draft(e2, "Städare", PlacementStatus::Published)),
        )
        .await
        .unwrap();
    let sup1 = store.supervisors_of(&s, e1).await.unwrap()[0].id;
    let sup2 = store.supervisors_of(&s, e2).await.unwrap()[0].id;
    let amir = add(store, &s, &draft(t.programme, "Amir", "Ahmadi")).await;
    let berit = add(store, &s, &draft(t.programme, "Berit", "Berg")).await;

    let k1 = user(
        store,
        "k1@example.se",
        Role::Coordinator,
        &[t.programme],
        None,
    )
    .await;
    let k2 = user(
        store,
        "k2@example.se",
        Role::Coordinator,
        &[t.programme2],
        None,
    )
    .await;
    let pm = user(
        store,
        "pm@example.se",
        Role::ProgrammeManager,
        &[t.programme],
        None,
    )
    .await;
    let omar = user(store, "omar@angen.se", Role::Supervisor, &[], Some(e1)).await;
    let siv = user(store, "siv@stad.se", Role::Supervisor, &[], Some(e2)).await;
    let hr = user(store, "hr@angen.se", Role::EmployerContact, &[], Some(e1)).await;
    let officer = user(store, "af@example.se", Role::EsOfficer, &[], None).await;
    let amir_login = user(store, "amir@example.se", Role::Participant, &[], None).await;
    let evaluator = user(store, "eval@example.se", Role::Evaluator, &[], None).await;

    let start = today();
    let end = start + Duration::days(60);
    let amir_internship = place(store, &s, amir, pl1, Some(sup1), start, end).await;
    let berit_internship = place(store, &s, berit, pl2, Some(sup2), start, end).await;
    store.supervisor_link_user(&s, sup1, omar).await.unwrap();
    store.supervisor_link_user(&s, sup2, siv).await.unwrap();
    store
        .participant_link_user(&s, amir, amir_login)
        .await
        .unwrap();
    store.case_share(&s, amir, officer).await.unwrap();
    Fx {
        k1: actor(store, k1).await,
        k2: actor(store, k2).await,
        pm: actor(store, pm).await,
        omar: actor(store, omar).await,
        siv: actor(store, siv).await,
        hr: actor(store, hr).await,
        officer: actor(store, officer).await,
        amir_login: actor(store, amir_login).await,
        evaluator: actor(store, evaluator).await,
        amir,
        berit,
        amir_internship,
        berit_internship,
    }
}

/// A meeting in ten days' time, 10–11 UTC.
fn starts() -> DateTime<Utc> {
    use chrono::{SubsecRound, Timelike};
    (Utc::now() + Duration::days(10))
        .with_hour(10)
        .and_then(|t| t.with_minute(0))
        .and_then(|t| t.with_second(0))
        .unwrap()
        .trunc_subsecs(0)
}

fn input(users: &[&Actor], guests: &[(&str, &str)]) -> MeetingInput {
    MeetingInput {
        kind: MeetingKind::ThreeWay,
        starts_at: starts(),
        ends_at: starts() + Duration::hours(1),
        location: "Ängen, konferensrummet".into(),
        meeting_link: String::new(),
        internship_id: None,
        user_ids: users.iter().map(|a| a.user_id().unwrap()).collect(),
        guests: guests
            .iter()
            .map(|(n, e)| Guest {
                name: (*n).into(),
                email: brygga_domain::ids::Email::parse(e).unwrap(),
            })
            .collect(),
    }
}

/// One e-mail per invitee; the subject says what the calendar file would.
fn compose(inv: &MeetingInvitation, to: &Invitee) -> Option<OutgoingEmail> {
    Some(OutgoingEmail {
        to: vec![to.email.clone()],
        subject: format!(
            "{} meeting-{} seq {}",
            if inv.cancelled { "CANCEL" } else { "REQUEST" },
            inv.meeting.id,
            inv.sequence
        ),
        text: String::new(),
        attachments: vec![],
    })
}

fn remind(r: &Reminder) -> OutgoingEmail {
    let (to, subject) = match r {
        Reminder::Meeting { meeting, to } => (to, format!("REMIND meeting-{}", meeting.id)),
        Reminder::Action { action, to } => (to, format!("REMIND action-{}", action.id)),
    };
    OutgoingEmail {
        to: vec![to.email.clone()],
        subject,
        text: String::new(),
        attachments: vec![],
    }
}

/// Every queued e-mail as (recipient, subject), oldest first.
async fn mails(store: &Store) -> Vec<(String, String)> {
    query_strings(store, "SELECT payload FROM jobs ORDER BY id")
        .await
        .iter()
        .map(|p| {
            let v: serde_json::Value = serde_json::from_str(p).unwrap();
            (
                v["to"][0].as_str().unwrap().to_string(),
                v["subject"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

async fn book(store: &Store, f: &Fx) -> i32 {
    store
        .meeting_book(
            &f.k1,
            f.amir,
            &input(
                &[&f.k1, &f.amir_login, &f.omar],
                &[("Tolk Tina", "tina@tolk.se")],
            ),
            &compose,
        )
        .await
        .unwrap()
}

async fn a_booking_invites_only_the_people_of_the_case_and_queues_one_email_each(store: Store) {
    let f = fx(&store).await;
    let suggested = store
        .meeting_invitee_suggestions(&f.k1, f.amir)
        .await
        .unwrap();
    let roles: Vec<(String, InviteeRole)> = suggested
        .iter()
        .map(|s| (s.email.clone(), s.role))
        .collect();
    assert_eq!(
        roles,
        vec![
            ("k1@example.se".to_string(), InviteeRole::Coordinator),
            ("amir@example.se".to_string(), InviteeRole::Participant),
            ("omar@angen.se".to_string(), InviteeRole::Supervisor),
            ("hr@angen.se".to_string(), InviteeRole::Employer),
            ("af@example.se".to_string(), InviteeRole::EsOfficer),
        ]
    );

    // Siv supervises someone else: she cannot be invited to Amir's meeting.
    assert_invalid(
        store
            .meeting_book(&f.k1, f.amir, &input(&[&f.siv], &[]), &compose)
            .await,
        "invitees",
    );
    // Berit's internship is not Amir's.
    let mut other = input(&[&f.k1], &[]);
    other.internship_id = Some(f.berit_internship);
    assert_invalid(
        store.meeting_book(&f.k1, f.amir, &other, &compose).await,
        "internship_id",
    );
    // A guest with the address of an invited user is the same person.
    assert_invalid(
        store
            .meeting_book(
                &f.k1,
                f.amir,
                &input(&[&f.omar], &[("Omar", "omar@angen.se")]),
                &compose,
            )
            .await,
        "guests",
    );
    assert!(
        mails(&store).await.is_empty(),
        "nothing queued for a refused booking"
    );

    let mut ok = input(
        &[&f.k1, &f.amir_login, &f.omar],
        &[("Tolk Tina", "tina@tolk.se")],
    );
    ok.internship_id = Some(f.amir_internship);
    let id = store
        .meeting_book(&f.k1, f.amir, &ok, &compose)
        .await
        .unwrap();
    let sent = mails(&store).await;
    let to: BTreeSet<&str> = sent.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        to,
        BTreeSet::from([
            "k1@example.se",
            "amir@example.se",
            "omar@angen.se",
            "tina@tolk.se"
        ])
    );
    assert_eq!(sent.len(), 4, "one e-mail per invitee: {sent:?}");
    assert!(
        sent.iter()
            .all(|(_, s)| *s == format!("REQUEST meeting-{id} seq 0"))
    );

    // Programme managers book too; a coordinator of another programme may not.
    assert!(matches!(
        store
            .meeting_book(&f.k2, f.amir, &input(&[&f.k2], &[]), &compose)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.meeting_invitee_suggestions(&f.omar, f.amir).await,
        Err(StoreError::Forbidden)
    ));
    store
        .meeting_book(&f.pm, f.amir, &input(&[&f.pm], &[]), &compose)
        .await
        .unwrap();
    let audited = query_strings(
        &store,
        &format!("SELECT action FROM audit_log WHERE resource = 'meeting' AND record_id = {id}"),
    )
    .await;
    assert_eq!(audited, vec!["create"]);
}

async fn the_invited_read_the_meeting_and_nobody_else_learns_it_exists(store: Store) {
    let f = fx(&store).await;
    let id = book(&store, &f).await;
    store
        .meeting_note_add(
            &f.k1,
            id,
            &NoteInput {
                text: "Amir trivs; behöver mer yrkessvenska.".into(),
                shared: true,
            },
        )
        .await
        .unwrap();
    store
        .meeting_note_add(
            &f.k1,
            id,
            &NoteInput {
                text: "Handledaren är orolig för frånvaron.".into(),
                shared: false,
            },
        )
        .await
        .unwrap();

    for (who, name) in [(&f.k1, "coordinator"), (&f.pm, "programme manager")] {
        let m = store.meeting_get(who, id).await.unwrap();
        assert_eq!(m.notes.len(), 2, "{name}");
        assert!(m.may_update, "{name}");
        assert!(m.invitees.iter().all(|i| !i.email.is_empty()), "{name}");
    }
    let seen = store.meeting_get(&f.omar, id).await.unwrap();
    assert_eq!(
        seen.notes.len(),
        2,
        "the invited supervisor reads every note"
    );
    assert!(!seen.may_update);
    assert!(
        seen.invitees
            .iter()
            .filter(|i| i.user_id != f.omar.user_id())
            .all(|i| i.email.is_empty()),
        "other invitees' addresses stay with the coordinator"
    );
    let hers = store.meeting_get(&f.amir_login, id).await.unwrap();
    assert_eq!(
        hers.notes
            .iter()
            .map(|n| n.text.as_str())
            .collect::<Vec<_>>(),
        vec!["Amir trivs; behöver mer yrkessvenska."],
        "the participant reads only the shared note"
    );

    // Not invited, or another programme: the meeting does not exist for them.
    for (who, name) in [
        (&f.siv, "another supervisor"),
        (&f.hr, "the employer contact, not invited"),
        (&f.officer, "the officer, not invited"),
        (&f.k2, "a coordinator of another programme"),
    ] {
        assert!(
            matches!(store.meeting_get(who, id).await, Err(StoreError::NotFound)),
            "{name}"
        );
    }
    assert!(matches!(
        store.meeting_get(&f.evaluator, id).await,
        Err(StoreError::Forbidden)
    ));
    // The invited read, but only the staff write notes.
    assert!(matches!(
        store
            .meeting_note_add(
                &f.omar,
                id,
                &NoteInput {
                    text: "x".into(),
                    shared: false
                }
            )
            .await,
        Err(StoreError::Forbidden)
    ));
    // A participant's list: hers to the invited, Berit's is not Omar's business.
    let (_, list, may_book) = store
        .meetings_for_participant(&f.omar, f.amir)
        .await
        .unwrap();
    assert_eq!(list.len(), 1);
    assert!(!may_book);
    assert!(matches!(
        store.meetings_for_participant(&f.omar, f.berit).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.meetings_for_participant(&f.siv, f.amir).await,
        Err(StoreError::NotFound)
    ));
    let (_, list, may_book) = store
        .meetings_for_participant(&f.k1, f.berit)
        .await
        .unwrap();
    assert!(list.is_empty() && may_book);
}

async fn actions_belong_to_the_invited_and_their_owner_marks_them_done(store: Store) {
    let f = fx(&store).await;
    let id = book(&store, &f).await;
    let day = brygga_domain::calendar::date_at(starts());
    let action = |owner: &Actor, due: chrono::NaiveDate| ActionDraft {
        text: "Ordna arbetskläder".into(),
        owner_user_id: owner.user_id().unwrap().to_string(),
        due_on: due.to_string(),
    };
    assert_invalid(
        store
            .meeting_action_add(&f.k1, id, &action(&f.siv, day))
            .await,
        "owner_user_id",
    );
    assert_invalid(
        store
            .meeting_action_add(&f.k1, id, &action(&f.omar, day - Duration::days(1)))
            .await,
        "due_on",
    );
    assert!(matches!(
        store
            .meeting_action_add(&f.omar, id, &action(&f.omar, day))
            .await,
        Err(StoreError::Forbidden)
    ));
    let a = store
        .meeting_action_add(&f.k1, id, &action(&f.omar, day + Duration::days(3)))
        .await
        .unwrap();
    let m = store.meeting_get(&f.omar, id).await.unwrap();
    assert!(m.actions[0].may_mark_done);
    assert!(!m.actions[0].overdue);
    let m = store.meeting_get(&f.amir_login, id).await.unwrap();
    assert!(!m.actions[0].may_mark_done, "not hers");

    // Not the owner: Siv and Amir cannot; a stale version is a conflict.
    assert!(matches!(
        store.meeting_action_done(&f.siv, a, 1).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.meeting_action_done(&f.amir_login, a, 1).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.meeting_action_done(&f.omar, a, 7).await,
        Err(StoreError::Conflict)
    ));
    assert_eq!(store.meeting_action_done(&f.omar, a, 1).await.unwrap(), id);
    // Sent twice: nothing more happens.
    assert_eq!(store.meeting_action_done(&f.omar, a, 1).await.unwrap(), id);
    let m = store.meeting_get(&f.k1, id).await.unwrap();
    assert!(m.actions[0].done_at.is_some());
    assert!(!m.actions[0].may_mark_done);
}

async fn a_moved_or_cancelled_meeting_updates_every_invitee_once(store: Store) {
    let f = fx(&store).await;
    let id = book(&store, &f).await;
    let mut moved = input(&[], &[]);
    moved.starts_at = starts() + Duration::days(1);
    moved.ends_at = moved.starts_at + Duration::hours(2);
    moved.kind = MeetingKind::FollowUp;
    assert!(matches!(
        store.meeting_update(&f.omar, id, 1, &moved, &compose).await,
        Err(StoreError::Forbidden)
    ));
    store
        .meeting_update(&f.k1, id, 1, &moved, &compose)
        .await
        .unwrap();
    assert!(matches!(
        store.meeting_update(&f.k1, id, 1, &moved, &compose).await,
        Err(StoreError::Conflict)
    ));
    let m = store.meeting_get(&f.k1, id).await.unwrap();
    assert_eq!(m.meeting.starts_at, moved.starts_at);
    assert_eq!(m.meeting.kind, MeetingKind::FollowUp);
    assert_eq!(m.invitees.len(), 4, "the invitees stay");

    assert!(matches!(
        store.meeting_cancel(&f.k1, id, 1, &compose).await,
        Err(StoreError::Conflict)
    ));
    store.meeting_cancel(&f.k1, id, 2, &compose).await.unwrap();
    assert_invalid(store.meeting_cancel(&f.k1, id, 3, &compose).await, "form");
    let subjects: Vec<String> = mails(&store).await.into_iter().map(|(_, s)| s).collect();
    let count = |s: &str| subjects.iter().filter(|x| *x == s).count();
    assert_eq!(count(&format!("REQUEST meeting-{id} seq 0")), 4);
    assert_eq!(count(&format!("REQUEST meeting-{id} seq 1")), 4);
    assert_eq!(count(&format!("CANCEL meeting-{id} seq 2")), 4);
    assert_eq!(subjects.len(), 12);
    assert_eq!(
        store.meeting_get(&f.k1, id).await.unwrap().meeting.status,
        MeetingStatus::Cancelled
    );
}

async fn upcoming_meetings_and_open_actions_are_each_actors_own(store: Store) {
    let f = fx(&store).await;
    let id = book(&store, &f).await;
    let berits = store
        .meeting_book(&f.k1, f.berit, &input(&[&f.k1, &f.siv], &[]), &compose)
        .await
        .unwrap();
    let from = Utc::now();
    let to = from + Duration::days(30);
    async fn up(store: &Store, a: &Actor, from: DateTime<Utc>, to: DateTime<Utc>) -> BTreeSet<i32> {
        store
            .meetings_upcoming(a, from, to)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.id)
            .collect()
    }
    assert_eq!(
        up(&store, &f.k1, from, to).await,
        BTreeSet::from([id, berits])
    );
    assert_eq!(
        up(&store, &f.pm, from, to).await,
        BTreeSet::from([id, berits])
    );
    assert_eq!(up(&store, &f.omar, from, to).await, BTreeSet::from([id]));
    assert_eq!(up(&store, &f.siv, from, to).await, BTreeSet::from([berits]));
    assert_eq!(
        up(&store, &f.amir_login, from, to).await,
        BTreeSet::from([id])
    );
    assert!(up(&store, &f.k2, from, to).await.is_empty());
    assert!(up(&store, &f.hr, from, to).await.is_empty());
    assert!(up(&store, &f.evaluator, from, to).await.is_empty());
    assert!(
        up(&store, &f.k1, to, to + Duration::days(1))
            .await
            .is_empty(),
        "outside the window"
    );

    let day = brygga_domain::calendar::date_at(starts());
    let add = |owner: &Actor| ActionDraft {
        text: format!("Åtgärd för {}", owner.name()),
        owner_user_id: owner.user_id().unwrap().to_string(),
        due_on: day.to_string(),
    };
    let a1 = store
        .meeting_action_add(&f.k1, id, &add(&f.omar))
        .await
        .unwrap();
    let a2 = store
        .meeting_action_add(&f.k1, berits, &add(&f.siv))
        .await
        .unwrap();
    async fn open(store: &Store, a: &Actor, by: chrono::NaiveDate) -> BTreeSet<i32> {
        store
            .actions_open(a, by)
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect()
    }
    assert_eq!(open(&store, &f.omar, day).await, BTreeSet::from([a1]));
    assert_eq!(open(&store, &f.siv, day).await, BTreeSet::from([a2]));
    assert_eq!(open(&store, &f.k1, day).await, BTreeSet::from([a1, a2]));
    assert!(open(&store, &f.k2, day).await.is_empty());
    assert!(
        open(&store, &f.omar, day - Duration::days(1))
            .await
            .is_empty()
    );
    store.meeting_action_done(&f.omar, a1, 1).await.unwrap();
    assert!(open(&store, &f.omar, day).await.is_empty(), "done");
    let late = store
        .actions_open(&f.siv, day + Duration::days(400))
        .await
        .unwrap();
    assert_eq!(late.len(), 1);
    assert!(!late[0].overdue, "due in ten days");
}

async fn reminders_are_queued_once_however_often_they_run(store: Store) {
    let f = fx(&store).await;
    let id = book(&store, &f).await;
    let day = brygga_domain::calendar::date_at(starts());
    let a = store
        .meeting_action_add(
            &f.k1,
            id,
            &ActionDraft {
                text: "Skicka schemat".into(),
                owner_user_id: f.omar.user_id().unwrap().to_string(),
                due_on: (day + Duration::days(2)).to_string(),
            },
        )
        .await
        .unwrap();
    let before = mails(&store).await.len();
    // Two days ahead: nothing is due yet.
    let none = store
        .reminders_queue(day - Duration::days(2), &remind)
        .await
        .unwrap();
    assert_eq!((none.meetings, none.actions), (0, 0));
    let eve = day - Duration::days(1);
    let first = store.reminders_queue(eve, &remind).await.unwrap();
    let again = store.reminders_queue(eve, &remind).await.unwrap();
    assert_eq!((first.meetings, again.meetings), (1, 0));
    let reminded: Vec<(String, String)> = mails(&store).await.split_off(before);
    assert_eq!(reminded.len(), 4, "one per invitee: {reminded:?}");
    assert!(
        reminded
            .iter()
            .all(|(_, s)| *s == format!("REMIND meeting-{id}"))
    );

    let due = day + Duration::days(2);
    let first = store.reminders_queue(due, &remind).await.unwrap();
    let again = store.reminders_queue(due, &remind).await.unwrap();
    assert_eq!((first.actions, again.actions), (1, 0));
    let last = mails(&store).await.pop().unwrap();
    assert_eq!(last, ("omar@angen.se".into(), format!("REMIND action-{a}")));
    let after = mails(&store).await.len();
    assert_eq!(after, before + 5);
}

async fn the_case_log_is_for_coordinators_in_scope_and_every_read_is_audited(store: Store) {
    let f = fx(&store).await;
    let entry = |kind: &str| -> CaseLogInput {
        CaseLogDraft {
            entry_date: today().to_string(),
            kind: kind.into(),
            topic: "childcare".into(),
            referral: "supported_employment".into(),
            text: "Saknar förskoleplats från januari.".into(),
            corrects_id: String::new(),
        }
        .validate(today())
        .unwrap()
    };
    let first = store
        .caselog_add(&f.k1, f.amir, &entry("need_or_obstacle"))
        .await
        .unwrap();
    let mut correction = entry("need_or_obstacle");
    correction.corrects_id = Some(first);
    let second = store.caselog_add(&f.k1, f.amir, &correction).await.unwrap();
    // A correction names an entry of the same participant's log.
    let berits = store
        .caselog_add(&f.k1, f.berit, &entry("referral"))
        .await
        .unwrap();
    let mut wrong = entry("contact");
    wrong.corrects_id = Some(berits);
    assert_invalid(
        store.caselog_add(&f.k1, f.amir, &wrong).await,
        "corrects_id",
    );

    let log = store.caselog_get(&f.k1, f.amir).await.unwrap();
    assert_eq!(
        log.entries.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![second, first]
    );
    assert_eq!(log.entries[1].corrected_by, vec![second]);
    assert_eq!(log.entries[0].corrects_id, Some(first));
    let reads = query_strings(
        &store,
        &format!(
            "SELECT action FROM audit_log WHERE resource = 'case_log' AND record_id = {} \
             AND action = 'read_special_needs'",
            f.amir
        ),
    )
    .await;
    assert_eq!(
        reads.len(),
        1,
        "the read is audited as special-category data"
    );
    store.caselog_get(&sys(), f.amir).await.unwrap();

    // Programme managers see no special-category data; nobody outside the staff ever.
    for (who, name) in [
        (&f.pm, "programme manager"),
        (&f.omar, "supervisor"),
        (&f.hr, "employer contact"),
        (&f.officer, "officer on the shared case"),
        (&f.amir_login, "the participant herself"),
        (&f.evaluator, "evaluator"),
    ] {
        assert!(
            matches!(
                store.caselog_get(who, f.amir).await,
                Err(StoreError::Forbidden)
            ),
            "{name}"
        );
        assert!(
            matches!(
                store.caselog_add(who, f.amir, &entry("contact")).await,
                Err(StoreError::Forbidden)
            ),
            "{name}"
        );
    }
    assert!(matches!(
        store.caselog_get(&f.k2, f.amir).await,
        Err(StoreError::NotFound)
    ));
    let reads = query_strings(
        &store,
        "SELECT action FROM audit_log WHERE resource = 'case_log' AND action = 'read_special_needs'",
    )
    .await;
    assert_eq!(reads.len(), 2, "refused reads read nothing");
}
