//! Store cases: the follow-up survey goes out once when its point falls due, to those with an
//! address, takes one answer before it expires and records it as the outcome from the survey; a
//! coordinator sends it again and the old link stops working.

use std::sync::Mutex;

use super::internship::{People, days, now_date, people, world};
use super::*;
use brygga_domain::exit::ExitDraft;
use brygga_domain::outcome::{FollowUpPoint, OutcomeDraft, OutcomeSource, OutcomeStatus};
use brygga_domain::survey::{ExitRatings, SurveyAnswer, SurveyState};
use brygga_store::jobs::OutgoingEmail;
use brygga_store::survey::{SurveyLetter, SurveyLink};

both!(store: a_survey_goes_out_once_when_its_point_falls_due_and_takes_one_answer);
both!(store: a_coordinator_sends_the_survey_again_and_the_old_link_stops_working);

/// The letters written, kept for the test to read the links from.
#[derive(Default)]
struct Outbox(Mutex<Vec<SurveyLetter>>);

impl Outbox {
    fn write(&self, l: &SurveyLetter) -> Option<OutgoingEmail> {
        self.0.lock().unwrap().push(l.clone());
        Some(OutgoingEmail {
            to: vec![l.to.clone()],
            subject: format!("survey {}", l.point),
            text: format!("/survey/{}", l.token),
            attachments: vec![],
        })
    }

    fn take(&self) -> Vec<SurveyLetter> {
        std::mem::take(&mut *self.0.lock().unwrap())
    }
}

async fn leave(store: &Store, c: &Actor, p: i32, on: chrono::NaiveDate) {
    let exit = ExitDraft {
        left_on: on.to_string(),
        exit_reason: "completed".into(),
        exit_note: String::new(),
    }
    .validate(now_date())
    .unwrap();
    store.participant_exit_set(c, p, &exit).await.unwrap();
}

async fn with_email(store: &Store, w: &super::internship::World, first: &str, email: &str) -> i32 {
    let mut d = draft(w.t.programme, first, "Testsson");
    d.email = email.into();
    d.consents = vec!["registry".into(), "contact_by_email".into()];
    add(store, &sys(), &d).await
}

fn answer(status: OutcomeStatus, ratings: Option<ExitRatings>) -> SurveyAnswer {
    SurveyAnswer {
        status,
        ratings,
        comment: "Tack för hjälpen".into(),
    }
}

async fn a_survey_goes_out_once_when_its_point_falls_due_and_takes_one_answer(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let today = now_date();
    let outbox = Outbox::default();
    let letter = |l: &SurveyLetter| outbox.write(l);

    // Amina left 100 days ago: her three-month point has fallen due, the earlier ones are too
    // old to send. Leyla leaves today: the exit questionnaire goes out even though the
    // coordinator recorded the outcome at leaving. Noor has no e-mail address: nothing is sent.
    // (A link for either is made by the coordinator, to hand over.)
    let amina = with_email(&store, &w, "Amina", "amina@example.se").await;
    let leyla = with_email(&store, &w, "Leyla", "leyla@example.se").await;
    let noor = with_email(&store, &w, "Noor", "").await;
    let stays = with_email(&store, &w, "Sara", "sara@example.se").await;
    // Hana has an address but did not consent to e-mail: not mailed either.
    let mut d = draft(w.t.programme, "Hana", "Testsson");
    d.email = "hana@example.se".into();
    let hana = add(&store, &sys(), &d).await;
    leave(&store, c, hana, today).await;
    leave(&store, c, amina, today - days(100)).await;
    leave(&store, c, leyla, today).await;
    leave(&store, c, noor, today).await;
    let at_exit = OutcomeDraft {
        point: "exit".into(),
        status: "seeking".into(),
        source: "coordinator".into(),
        recorded_on: today.to_string(),
        hire: "later".into(),
        note: String::new(),
    }
    .validate(today, today)
    .unwrap();
    store.outcome_set(c, leyla, &at_exit).await.unwrap();

    assert_eq!(store.surveys_queue(today, &letter).await.unwrap(), 2);
    let mut sent = outbox.take();
    sent.sort_by_key(|l| l.to.clone());
    let got: Vec<_> = sent.iter().map(|l| (l.to.as_str(), l.point)).collect();
    assert_eq!(
        got,
        [
            ("amina@example.se", FollowUpPoint::Month3),
            ("leyla@example.se", FollowUpPoint::Exit),
        ]
    );
    assert_eq!(sent[0].lang, "sv");
    assert!(sent.iter().all(|l| l.token.len() == 64));
    // Each once, however often the worker runs; nobody who stays is sent one.
    assert_eq!(store.surveys_queue(today, &letter).await.unwrap(), 0);
    assert!(outbox.take().is_empty());
    let _ = stays;

    // The link opens her survey without a login; the answer records the outcome.
    let token = sent[0].token.clone();
    match store.survey_link(&token).await.unwrap() {
        SurveyLink::Open {
            point, first_name, ..
        } => assert_eq!(
            (point, first_name.as_str()),
            (FollowUpPoint::Month3, "Amina")
        ),
        other => panic!("not open: {other:?}"),
    }
    let a = answer(OutcomeStatus::StudiesKomvux, None);
    assert_eq!(
        store.survey_answer(&token, &a, today).await.unwrap(),
        Ok(())
    );
    // A second answer (a double submit, the link used again) changes nothing.
    let again = answer(OutcomeStatus::JobRegular, None);
    assert_eq!(
        store.survey_answer(&token, &again, today).await.unwrap(),
        Err(SurveyLink::Closed {
            state: SurveyState::Answered,
            lang: "sv".into()
        })
    );
    let o = store.outcomes(c, amina).await.unwrap();
    let m3 = &o.points[2];
    assert_eq!(m3.point, FollowUpPoint::Month3);
    assert_eq!(m3.records.len(), 1);
    assert_eq!(
        (
            m3.records[0].status,
            m3.records[0].source,
            m3.records[0].recorded_on
        ),
        (OutcomeStatus::StudiesKomvux, OutcomeSource::Survey, today)
    );
    assert_eq!(m3.records[0].note, "Tack för hjälpen");
    assert_eq!(m3.surveys.len(), 1);
    assert_eq!(m3.surveys[0].state, SurveyState::Answered);
    assert_eq!(m3.surveys[0].status, Some(OutcomeStatus::StudiesKomvux));

    // The exit questionnaire keeps her ratings; an expired link takes no answer.
    let exit_token = sent[1].token.clone();
    execute(
        &store,
        "UPDATE surveys SET expires_at = created_at WHERE point = 'exit'",
    )
    .await;
    let rated = answer(
        OutcomeStatus::Seeking,
        Some(ExitRatings {
            benefit: 5,
            swedish: 4,
            closer: 3,
        }),
    );
    assert_eq!(
        store
            .survey_answer(&exit_token, &rated, today)
            .await
            .unwrap(),
        Err(SurveyLink::Closed {
            state: SurveyState::Expired,
            lang: "sv".into()
        })
    );
    let o = store.outcomes(c, leyla).await.unwrap();
    assert_eq!(o.points[0].records.len(), 1, "only the coordinator's");
    assert_eq!(o.points[0].surveys[0].state, SurveyState::Expired);

    // Unknown links, however odd, are simply unknown.
    for t in ["", "nope", "a\u{0}b", &"f".repeat(300)] {
        assert_eq!(store.survey_link(t).await.unwrap(), SurveyLink::Unknown);
        assert_eq!(
            store.survey_answer(t, &a, today).await.unwrap(),
            Err(SurveyLink::Unknown)
        );
    }
}

async fn a_coordinator_sends_the_survey_again_and_the_old_link_stops_working(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let People {
        supervisor,
        me,
        manager,
        other_coordinator,
        ..
    } = people(&store, &w).await;
    let today = now_date();
    let outbox = Outbox::default();
    let letter = |l: &SurveyLetter| outbox.write(l);
    let p = with_email(&store, &w, "Leyla", "leyla@example.se").await;

    // Not before she has left.
    match store
        .survey_send(c, p, FollowUpPoint::Exit, "ar", &letter)
        .await
    {
        Err(StoreError::Invalid(e)) => {
            assert_eq!(
                e.get("point").map(|e| e.key),
                Some("outcome-error-not-left")
            )
        }
        other => panic!("sent before she left: {other:?}"),
    }
    leave(&store, c, p, today).await;
    assert_eq!(store.surveys_queue(today, &letter).await.unwrap(), 1);
    let first = outbox.take().remove(0).token;

    // Sent again in Arabic: a new link, mailed; the first one is replaced.
    let sent = store
        .survey_send(c, p, FollowUpPoint::Exit, "ar", &letter)
        .await
        .unwrap();
    assert_eq!(sent.sent_to, "leyla@example.se");
    let mailed = outbox.take();
    assert_eq!(mailed.len(), 1);
    assert_eq!(
        (mailed[0].lang.as_str(), &mailed[0].token),
        ("ar", &sent.token)
    );
    assert_eq!(
        store.survey_link(&first).await.unwrap(),
        SurveyLink::Closed {
            state: SurveyState::Replaced,
            lang: "sv".into()
        }
    );
    assert!(matches!(
        store.survey_link(&sent.token).await.unwrap(),
        SurveyLink::Open { lang, .. } if lang == "ar"
    ));
    let o = store.outcomes(c, p).await.unwrap();
    let states: Vec<_> = o.points[0].surveys.iter().map(|s| s.state).collect();
    assert_eq!(states, [SurveyState::Open, SurveyState::Replaced]);
    assert_eq!(o.points[0].surveys[0].created_by_name, c.name());

    // Without consent to e-mail the link is made but not mailed: the coordinator hands it over.
    let mut d = draft(w.t.programme, "Hana", "Testsson");
    d.email = "hana@example.se".into();
    let hana = add(&store, &sys(), &d).await;
    leave(&store, c, hana, today).await;
    let handed = store
        .survey_send(c, hana, FollowUpPoint::Exit, "so", &letter)
        .await
        .unwrap();
    assert_eq!(handed.sent_to, "");
    assert!(outbox.take().is_empty());
    assert!(matches!(
        store.survey_link(&handed.token).await.unwrap(),
        SurveyLink::Open { .. }
    ));

    // Only those who may update her; another programme's coordinator does not learn of her.
    for (who, what) in [
        (&supervisor, "supervisor"),
        (&me, "a participant"),
        (&manager, "programme manager"),
    ] {
        assert!(
            matches!(
                store
                    .survey_send(who, p, FollowUpPoint::Exit, "sv", &letter)
                    .await,
                Err(StoreError::Forbidden)
            ),
            "{what}"
        );
    }
    assert!(matches!(
        store
            .survey_send(&other_coordinator, p, FollowUpPoint::Exit, "sv", &letter)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(outbox.take().is_empty());
}
