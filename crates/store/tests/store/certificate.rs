//! Store cases: a certificate is issued only from a signed end assessment, once per kind while
//! it is live, read by the internship's people, revoked with a reason and a version, and then
//! found revoked by anyone who verifies it.

use super::internship::{People, days, input, now_date, people, world};
use super::*;
use brygga_domain::certificate::{CertificateContent, CertificateKind};
use brygga_domain::learning::{AssessmentDraft, AssessmentKind, Assessor};
use brygga_store::certificate::NewCertificate;

both!(store: a_certificate_needs_the_signed_end_assessment_and_is_revoked_for_all_to_see);

fn new(kind: CertificateKind, credential_id: &str, source_name: &str) -> NewCertificate {
    let today = now_date();
    NewCertificate {
        content: CertificateContent {
            kind,
            credential_id: credential_id.into(),
            participant_name: source_name.into(),
            programme: String::new(),
            organisation: String::new(),
            employer_name: String::new(),
            workplace: String::new(),
            placement_title: String::new(),
            occupation: String::new(),
            ssyk_code: String::new(),
            tasks: String::new(),
            supervisor: String::new(),
            period_start: today,
            period_end: today,
            days_per_week: 3,
            hours_per_week: 24,
            issued_on: today,
            issued_by: String::new(),
            assessed_by: String::new(),
            assessed_on: today,
            ratings: vec![],
        },
        credential: format!("header.{credential_id}.signature"),
        key_id: "key-1".into(),
        public_key: "x".into(),
        language: "ar".into(),
    }
}

fn invalid<T: std::fmt::Debug>(r: Result<T, StoreError>, field: &str, key: &str) {
    match &r {
        Err(StoreError::Invalid(e)) if e.get(field).map(|e| e.key) == Some(key) => {}
        _ => panic!("expected {field}: {key}, got {r:?}"),
    }
}

async fn a_certificate_needs_the_signed_end_assessment_and_is_revoked_for_all_to_see(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let start = now_date() - days(70);
    let end = now_date() - days(3);
    let id = store
        .internship_create(c, w.participant, &input(&w, start, end, 3))
        .await
        .unwrap();
    let People {
        supervisor,
        other_supervisor,
        contact,
        officer,
        me,
        someone,
        manager,
        other_coordinator,
        evaluator,
        ..
    } = people(&store, &w).await;

    // Without a signed end assessment there is nothing to certify.
    let src = store.certificate_source(c, id).await.unwrap();
    assert!(src.signed_end.is_none());
    assert_eq!(src.participant_name, "Amina Yusuf");
    assert_eq!(src.supervisor, "Per Persson");
    assert_eq!(src.period_end, end);
    let first = "5f1e0c56-8d1e-4d6b-9d2e-0a7a0f1c2b01";
    invalid(
        store
            .certificate_issue(c, id, &new(CertificateKind::Competence, first, "x"))
            .await,
        "kind",
        "certificate-error-unsigned",
    );

    // The supervisor signs the end assessment (a saved draft alone does not count).
    let rated = store.assessment_rated(&supervisor, id).await.unwrap();
    let mut draft = AssessmentDraft::default();
    for r in &rated {
        draft.levels.insert(r.key(), "3".into());
        draft
            .evidence
            .insert(r.key(), "Gör det självständigt".into());
    }
    let ratings = draft.validate(&rated, Some(Assessor::Supervisor)).unwrap();
    let today = now_date();
    store
        .assessment_save(&supervisor, id, AssessmentKind::End, 0, &ratings, today)
        .await
        .unwrap();
    assert!(
        store
            .certificate_source(c, id)
            .await
            .unwrap()
            .signed_end
            .is_none()
    );
    store
        .assessment_sign(&supervisor, id, AssessmentKind::End, 1, today, |_| Ok(()))
        .await
        .unwrap();
    let signed = store
        .certificate_source(c, id)
        .await
        .unwrap()
        .signed_end
        .unwrap();
    assert_eq!(signed.ratings.len(), rated.len());
    assert!(signed.ratings.iter().all(|r| r.level == 3));
    assert!(
        signed
            .ratings
            .iter()
            .filter(|r| r.generic.is_some())
            .count()
            == 4,
        "the four generic criteria"
    );

    // Only the coordinator in scope issues.
    let n = new(CertificateKind::Competence, first, "Amina Yusuf");
    for (who, hidden, what) in [
        (&supervisor, false, "the supervisor"),
        (&manager, false, "the programme manager"),
        (&me, false, "the intern"),
        (&other_coordinator, true, "another programme's coordinator"),
    ] {
        match (store.certificate_issue(who, id, &n).await, hidden) {
            (Err(StoreError::NotFound), true) | (Err(StoreError::Forbidden), false) => {}
            (r, _) => panic!("{what} issues: {r:?}"),
        }
    }
    let cert = store.certificate_issue(c, id, &n).await.unwrap();
    // A double submit, or a second coordinator: refused by name.
    invalid(
        store
            .certificate_issue(
                c,
                id,
                &new(
                    CertificateKind::Competence,
                    "5f1e0c56-8d1e-4d6b-9d2e-0a7a0f1c2b02",
                    "x",
                ),
            )
            .await,
        "kind",
        "certificate-error-already",
    );
    let internship_cert = store
        .certificate_issue(
            c,
            id,
            &new(
                CertificateKind::Internship,
                "5f1e0c56-8d1e-4d6b-9d2e-0a7a0f1c2b03",
                "Amina Yusuf",
            ),
        )
        .await
        .unwrap();

    // Read by the internship's people; hidden from other participants and programmes.
    for (who, what) in [
        (c, "coordinator"),
        (&manager, "programme manager"),
        (&supervisor, "supervisor"),
        (&me, "the intern"),
    ] {
        let list = store
            .certificates(who, id)
            .await
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(list.items.len(), 2, "{what}");
        assert!(list.signed_end);
        assert_eq!(list.may_issue, std::ptr::eq(who, c), "{what}");
        let (view, credential) = store.certificate(who, cert).await.unwrap();
        assert_eq!(view.content.credential_id, first);
        assert_eq!(view.language, "ar");
        assert!(credential.contains(first));
    }
    for (who, hidden, what) in [
        (&other_supervisor, true, "another employer's supervisor"),
        (&someone, true, "another participant"),
        (&other_coordinator, true, "another programme's coordinator"),
        (&contact, false, "the employer's contact"),
        (&officer, false, "the officer"),
        (&evaluator, false, "the evaluator"),
    ] {
        match (store.certificate(who, cert).await, hidden) {
            (Err(StoreError::NotFound), true) | (Err(StoreError::Forbidden), false) => {}
            (r, _) => panic!("{what} reads: {r:?}"),
        }
    }
    let mine = store
        .certificates_of_participant(&me, w.participant)
        .await
        .unwrap();
    assert_eq!(mine.len(), 2);
    assert!(
        store
            .certificates_of_participant(&someone, w.participant)
            .await
            .unwrap()
            .is_empty()
    );

    // Revoked with the version read: a stale one is a conflict, a second revocation refused.
    let version = store.certificate(c, cert).await.unwrap().0.version;
    assert!(matches!(
        store
            .certificate_revoke(c, cert, "Fel nivå", version + 1)
            .await,
        Err(StoreError::Conflict)
    ));
    assert!(matches!(
        store
            .certificate_revoke(&supervisor, cert, "Fel nivå", version)
            .await,
        Err(StoreError::Forbidden)
    ));
    store
        .certificate_revoke(c, cert, "Fel nivå på samarbete", version)
        .await
        .unwrap();
    invalid(
        store.certificate_revoke(c, cert, "Igen", version + 1).await,
        "reason",
        "certificate-error-revoked",
    );
    let public = store.credential_public(first).await.unwrap().unwrap();
    assert!(public.revoked_at.is_some());
    assert_eq!(
        public.revoked_reason.as_deref(),
        Some("Fel nivå på samarbete")
    );
    assert!(store.credential_public("no-such").await.unwrap().is_none());
    let revoked = store.credential_revocations().await.unwrap();
    assert_eq!(revoked.len(), 1);
    assert_eq!(revoked[0].credential_id, first);
    assert_eq!(store.credential_keys().await.unwrap().len(), 1);

    // Revoked, it may be issued again; the internship certificate stayed live throughout.
    let again = store
        .certificate_issue(
            c,
            id,
            &new(
                CertificateKind::Competence,
                "5f1e0c56-8d1e-4d6b-9d2e-0a7a0f1c2b04",
                "Amina Yusuf",
            ),
        )
        .await
        .unwrap();
    let list = store.certificates(c, id).await.unwrap();
    assert_eq!(list.items.len(), 3);
    assert_eq!(
        list.live(CertificateKind::Competence).map(|c| c.id),
        Some(again)
    );
    assert_eq!(
        list.live(CertificateKind::Internship).map(|c| c.id),
        Some(internship_cert)
    );
}
