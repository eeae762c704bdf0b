//! Store cases: agreements and their files.

use super::*;
use brygga_domain::model::AgreementStatus;
use brygga_store::files::{FileStore, MAX_FILE_BYTES, Upload};

both!(
    store:
    agreements_are_created_issued_and_signed,
    uploads_are_judged_by_their_content,
    agreements_and_their_files_follow_the_owner_records_rules,
    files_live_behind_any_object_store,
);

#[test]
fn file_storage_is_chosen_by_the_configuration() {
    let local = FileStore::from_config("brygga-data/files").unwrap();
    assert_eq!(
        local.root(),
        Some(std::path::Path::new("brygga-data/files"))
    );
    if !cfg!(feature = "s3") {
        assert!(FileStore::from_config("s3://bucket/prefix").is_err());
    }
}

/// A tiny but real PDF header followed by filler: `infer` judges by the first bytes.
fn pdf_bytes(len: usize) -> Vec<u8> {
    let mut v = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    v.resize(len.max(v.len()), b' ');
    v
}

fn upload(name: &str, bytes: Vec<u8>) -> Upload {
    Upload {
        filename: name.into(),
        bytes: bytes.into(),
    }
}

struct World {
    files: FileStore,
    _dir: tempfile::TempDir,
    t: Tree,
    e1: i32,
    e2: i32,
    placement: i32,
    supervisor: i32,
    participant: i32,
    coordinator: Actor,
}

/// A programme with a coordinator, two employers (the first with a contact, a supervisor and a
/// placement) and a participant proposed for that placement.
async fn world(store: &Store) -> World {
    let t = tree(store).await;
    let s = sys();
    let mut d = employer_draft("Vårdhemmet Solgläntan AB", &orgnr(31), "private");
    d.contacts = vec![ContactDraft {
        id: Default::default(),
        name: "Åsa Öberg".into(),
        title: "Enhetschef".into(),
        email: "asa@solglantan.example".into(),
        phone: "070-1234567".into(),
    }];
    d.supervisors = vec![SupervisorDraft {
        id: Default::default(),
        name: "Per Persson".into(),
        training_status: "trained".into(),
        ..Default::default()
    }];
    let e1 = store
        .employer_create(&s, &valid_employer(&d))
        .await
        .unwrap();
    let e2 = store
        .employer_create(
            &s,
            &valid_employer(&employer_draft("Bygg & Co AB", &orgnr(32), "private")),
        )
        .await
        .unwrap();
    let placement = store
        .placement_create(
            &s,
            &valid_placement(&placement_draft(
                e1,
                "Undersköterska",
                PlacementStatus::Published,
            )),
        )
        .await
        .unwrap();
    let supervisor = store.supervisors_of(&sys(), e1).await.unwrap()[0].id;
    let participant = add(store, &s, &sharing(draft(t.programme, "Amina", "Yusuf"))).await;
    propose(store, participant, placement, "proposed").await;
    let coordinator = user(
        store,
        "koordinator@jobbsteget.example",
        Role::Coordinator,
        &[t.programme],
        None,
    )
    .await;
    let coordinator = actor(store, coordinator).await;
    let dir = tempfile::tempdir().unwrap();
    World {
        files: FileStore::local(dir.path().join("files")),
        _dir: dir,
        t,
        e1,
        e2,
        placement,
        supervisor,
        participant,
        coordinator,
    }
}

async fn propose(store: &Store, participant: i32, placement: i32, status: &str) {
    insert_row(
        store,
        "candidate_proposals",
        &[
            ("participant_id", participant.into()),
            ("placement_id", placement.into()),
            ("created_at", chrono::Utc::now().into()),
            ("status", status.into()),
            ("note", "".into()),
            ("version", 1.into()),
        ],
    )
    .await;
}

async fn agreements_are_created_issued_and_signed(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;

    // Collaboration agreement: draft → generated → sent → signed, which also signs the employer.
    let a = store.agreement_create_collaboration(c, w.e1).await.unwrap();
    assert_invalid(store.agreement_create_collaboration(c, w.e1).await, "kind");
    let r = store.agreement_get(c, a).await.unwrap();
    assert_eq!(
        (r.status, r.version, r.employer_name.as_str()),
        (AgreementStatus::Draft, 1, "Vårdhemmet Solgläntan AB")
    );
    assert!(r.may_prepare && r.may_sign && r.may_end);
    assert_invalid(store.agreement_mark_sent(c, a, 1).await, "status");

    let doc = store.agreement_document(c, a).await.unwrap();
    let brygga_domain::agreement::AgreementDocument::Collaboration(doc) = doc else {
        panic!("a collaboration document");
    };
    assert_eq!(doc.org_number, orgnr(31));
    assert!(doc.contact.contains("Åsa Öberg"), "{}", doc.contact);
    assert_eq!(doc.programme, "Jobbsteget");
    assert_eq!(doc.organisation, "Stockholms stad");
    store
        .agreement_attach_generated(&w.files, c, a, 1, &upload("avtal.pdf", pdf_bytes(2000)))
        .await
        .unwrap();
    assert!(matches!(
        store
            .agreement_attach_generated(&w.files, c, a, 1, &upload("avtal.pdf", pdf_bytes(2000)))
            .await,
        Err(StoreError::Conflict)
    ));
    let r = store.agreement_get(c, a).await.unwrap();
    let generated = r.generated.clone().expect("a generated file");
    assert_eq!(
        (generated.content_type.as_str(), generated.size, r.version),
        ("application/pdf", 2000, 2)
    );
    let (meta, bytes) = store.file_get(&w.files, c, generated.id).await.unwrap();
    assert_eq!(meta.sha256.len(), 64);
    assert_eq!(bytes.as_ref(), pdf_bytes(2000).as_slice());

    store.agreement_mark_sent(c, a, 2).await.unwrap();
    assert_invalid(store.agreement_document(c, a).await, "status");
    let signed_on = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    store
        .agreement_sign(
            &w.files,
            c,
            a,
            3,
            &upload("signerat.pdf", pdf_bytes(3000)),
            signed_on,
        )
        .await
        .unwrap();
    let r = store.agreement_get(c, a).await.unwrap();
    assert_eq!(
        (r.status, r.signed_on),
        (AgreementStatus::Signed, Some(signed_on))
    );
    assert_eq!(
        r.signed.as_ref().map(|f| f.filename.as_str()),
        Some("signerat.pdf")
    );
    let e = store.employer_get(&sys(), w.e1).await.unwrap();
    assert_eq!(
        (e.agreement_status, e.agreement_date),
        (AgreementStatus::Signed, Some(signed_on))
    );
    assert_invalid(
        store
            .agreement_sign(
                &w.files,
                c,
                a,
                4,
                &upload("igen.pdf", pdf_bytes(100)),
                signed_on,
            )
            .await,
        "status",
    );
    store.agreement_end(c, a, 4).await.unwrap();
    let e = store.employer_get(&sys(), w.e1).await.unwrap();
    assert_eq!(e.agreement_status, AgreementStatus::Ended);
    // Once ended, a new collaboration agreement may be drafted.
    store.agreement_create_collaboration(c, w.e1).await.unwrap();

    // Internship agreement: needs a live proposal for the placement and the employer's supervisor.
    let other_placement = store
        .placement_create(
            &sys(),
            &valid_placement(&placement_draft(
                w.e2,
                "Snickare",
                PlacementStatus::Published,
            )),
        )
        .await
        .unwrap();
    assert_invalid(
        store
            .agreement_create_internship(c, w.participant, Some(other_placement), None)
            .await,
        "placement_id",
    );
    assert_invalid(
        store
            .agreement_create_internship(c, w.participant, None, None)
            .await,
        "placement_id",
    );
    let other_supervisor = {
        let mut d = store.employer_get(&sys(), w.e2).await.unwrap().to_draft();
        d.supervisors = vec![SupervisorDraft {
            id: Default::default(),
            name: "Fel Handledare".into(),
            training_status: "trained".into(),
            ..Default::default()
        }];
        store
            .employer_update(&sys(), w.e2, 1, &valid_employer(&d))
            .await
            .unwrap();
        store.supervisors_of(&sys(), w.e2).await.unwrap()[0].id
    };
    assert_invalid(
        store
            .agreement_create_internship(
                c,
                w.participant,
                Some(w.placement),
                Some(other_supervisor),
            )
            .await,
        "supervisor_id",
    );
    let choices = store.internship_choices(c, w.participant).await.unwrap();
    assert_eq!(
        choices.placements.iter().map(|p| p.0).collect::<Vec<_>>(),
        vec![w.placement]
    );
    assert_eq!(
        choices.supervisors.iter().map(|s| s.0).collect::<Vec<_>>(),
        vec![w.supervisor]
    );
    let i = store
        .agreement_create_internship(c, w.participant, Some(w.placement), Some(w.supervisor))
        .await
        .unwrap();
    assert_invalid(
        store
            .agreement_create_internship(c, w.participant, Some(w.placement), Some(w.supervisor))
            .await,
        "placement_id",
    );
    let brygga_domain::agreement::AgreementDocument::Internship(doc) =
        store.agreement_document(c, i).await.unwrap()
    else {
        panic!("an internship document");
    };
    assert_eq!(
        (
            doc.participant_name.as_str(),
            doc.birth_year,
            doc.placement_title.as_str(),
            doc.supervisor.as_str(),
            doc.employer_name.as_str(),
            doc.decision.is_none(),
        ),
        (
            "Amina Yusuf",
            1990,
            "Undersköterska",
            "Per Persson",
            "Vårdhemmet Solgläntan AB",
            true
        )
    );
    let listed = store
        .agreements_of_participant(c, w.participant)
        .await
        .unwrap();
    assert_eq!(listed.iter().map(|a| a.id).collect::<Vec<_>>(), vec![i]);
    let of_employer: BTreeSet<i32> = store
        .agreements_of_employer(c, w.e1)
        .await
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    assert!(of_employer.contains(&a) && of_employer.contains(&i));
    // Cancelling a draft ends it; an ended agreement takes no more steps.
    store.agreement_end(c, i, 1).await.unwrap();
    assert_invalid(store.agreement_end(c, i, 2).await, "status");
    // A rejected proposal no longer supports a new agreement.
    execute(&store, "UPDATE candidate_proposals SET status = 'rejected'").await;
    assert_invalid(
        store
            .agreement_create_internship(c, w.participant, Some(w.placement), None)
            .await,
        "placement_id",
    );
    let _ = w.t.programme2;
}

async fn uploads_are_judged_by_their_content(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let a = store.agreement_create_collaboration(c, w.e2).await.unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let count_files = || async {
        query_strings(&store, "SELECT object_key FROM stored_files")
            .await
            .len()
    };

    // Text named .pdf: refused, nothing kept.
    assert_invalid(
        store
            .agreement_sign(
                &w.files,
                c,
                a,
                1,
                &upload("avtal.pdf", b"hello, I am text".to_vec()),
                day,
            )
            .await,
        "file",
    );
    // Over 10 MiB, even if it is a PDF: refused.
    assert_invalid(
        store
            .agreement_sign(
                &w.files,
                c,
                a,
                1,
                &upload("stor.pdf", pdf_bytes(MAX_FILE_BYTES + 1)),
                day,
            )
            .await,
        "file",
    );
    assert_invalid(
        store
            .agreement_sign(&w.files, c, a, 1, &upload("tom.pdf", vec![]), day)
            .await,
        "file",
    );
    assert_eq!(count_files().await, 0);
    assert_eq!(
        store.agreement_get(c, a).await.unwrap().status,
        AgreementStatus::Draft,
        "a refused upload changes nothing"
    );

    // A PDF named .png is a PDF: kept, with the type read from its bytes.
    store
        .agreement_sign(
            &w.files,
            c,
            a,
            1,
            &upload("scan.png", pdf_bytes(MAX_FILE_BYTES)),
            day,
        )
        .await
        .unwrap();
    let r = store.agreement_get(c, a).await.unwrap();
    let f = r.signed.expect("the signed copy");
    assert_eq!(
        (
            f.content_type.as_str(),
            f.filename.as_str(),
            f.size as usize
        ),
        ("application/pdf", "scan.png", MAX_FILE_BYTES)
    );
    assert_eq!(count_files().await, 1);

    // A PNG and a JPEG pass too (a scanned signature page).
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let jpeg = b"\xff\xd8\xff\xe0\0\x10JFIF\0".to_vec();
    assert_eq!(
        brygga_store::files::check_upload("file", &png),
        Ok("image/png")
    );
    assert_eq!(
        brygga_store::files::check_upload("file", &jpeg),
        Ok("image/jpeg")
    );
    assert!(brygga_store::files::check_upload("file", b"GIF89a......").is_err());
}

async fn agreements_and_their_files_follow_the_owner_records_rules(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let contact1 = user(
        &store,
        "kontakt1@solglantan.example",
        Role::EmployerContact,
        &[],
        Some(w.e1),
    )
    .await;
    let contact1 = actor(&store, contact1).await;
    let contact2 = user(
        &store,
        "kontakt2@bygg.example",
        Role::EmployerContact,
        &[],
        Some(w.e2),
    )
    .await;
    let contact2 = actor(&store, contact2).await;
    let es = user(
        &store,
        "handlaggare@af.example",
        Role::EsOfficer,
        &[w.t.region],
        None,
    )
    .await;
    let es = actor(&store, es).await;
    let other_coord = user(
        &store,
        "koordinator@vagenin.example",
        Role::Coordinator,
        &[w.t.programme2],
        None,
    )
    .await;
    let other_coord = actor(&store, other_coord).await;

    let collab = store.agreement_create_collaboration(c, w.e1).await.unwrap();
    let intern = store
        .agreement_create_internship(c, w.participant, Some(w.placement), Some(w.supervisor))
        .await
        .unwrap();
    store
        .agreement_attach_generated(
            &w.files,
            c,
            intern,
            1,
            &upload("praktikavtal.pdf", pdf_bytes(500)),
        )
        .await
        .unwrap();
    let file_id = store
        .agreement_get(c, intern)
        .await
        .unwrap()
        .generated
        .unwrap()
        .id;

    // The employer's own contact sees both agreements and the file, but does not draft, sign or
    // end agreements: that its own agreement is signed is recorded by a coordinator.
    let seen: BTreeSet<i32> = store
        .agreements_of_employer(&contact1, w.e1)
        .await
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(seen, set(&[collab, intern]));
    let r = store.agreement_get(&contact1, intern).await.unwrap();
    assert!(!r.may_prepare && !r.may_sign && !r.may_end);
    store.file_get(&w.files, &contact1, file_id).await.unwrap();
    assert!(matches!(
        store.agreement_create_collaboration(&contact1, w.e1).await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        store.agreement_end(&contact1, collab, 1).await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        store.agreement_document(&contact1, collab).await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        store
            .agreement_sign(
                &w.files,
                &contact1,
                collab,
                1,
                &upload("signerat.pdf", pdf_bytes(100)),
                NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            )
            .await,
        Err(StoreError::Forbidden)
    ));
    assert!(
        store
            .agreement_get(c, collab)
            .await
            .unwrap()
            .signed_on
            .is_none()
    );

    // Another employer's contact: not found, for the agreements and for the file.
    for id in [collab, intern] {
        assert!(matches!(
            store.agreement_get(&contact2, id).await,
            Err(StoreError::NotFound)
        ));
    }
    assert!(matches!(
        store.file_get(&w.files, &contact2, file_id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.agreements_of_employer(&contact2, w.e1).await,
        Err(StoreError::Forbidden)
    ));
    assert!(matches!(
        store
            .agreement_sign(
                &w.files,
                &contact2,
                intern,
                2,
                &upload("x.pdf", pdf_bytes(100)),
                NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
            )
            .await,
        // No employer contact signs any agreement: the same 403 for every id, which says
        // nothing about whether this one exists.
        Err(StoreError::Forbidden)
    ));

    // The employment-service officer reads only the internship agreements of the cases shared
    // with it (a party to them): none here, and a collaboration agreement is never its business.
    assert!(matches!(
        store.agreement_get(&es, collab).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.agreement_get(&es, intern).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.file_get(&w.files, &es, file_id).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        store
            .agreements_of_employer(&es, w.e1)
            .await
            .unwrap()
            .is_empty()
    );

    // A coordinator of another programme sees the collaboration agreement (employers are shared)
    // but not the internship agreement of someone else's participant, nor its file.
    store.agreement_get(&other_coord, collab).await.unwrap();
    assert!(matches!(
        store.agreement_get(&other_coord, intern).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.file_get(&w.files, &other_coord, file_id).await,
        Err(StoreError::NotFound)
    ));
    let seen: BTreeSet<i32> = store
        .agreements_of_employer(&other_coord, w.e1)
        .await
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(seen, set(&[collab]));
    assert!(matches!(
        store
            .agreement_create_internship(&other_coord, w.participant, Some(w.placement), None)
            .await,
        Err(StoreError::NotFound)
    ));

    // Reads of files are audited.
    let log = store
        .audit_list(
            &sys(),
            &AuditFilter {
                resource: Some("stored_file".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        log.items.iter().filter(|e| e.action == "read").count() >= 1,
        "file reads are in the audit log"
    );
}

/// The same flow against another object store (in memory here; S3 in production): nothing
/// depends on the local folder.
async fn files_live_behind_any_object_store(store: Store) {
    let w = world(&store).await;
    let files =
        FileStore::with_object_store(std::sync::Arc::new(object_store::memory::InMemory::new()));
    assert_eq!(files.root(), None);
    let c = &w.coordinator;
    let a = store.agreement_create_collaboration(c, w.e1).await.unwrap();
    store
        .agreement_sign(
            &files,
            c,
            a,
            1,
            &upload("signerat.pdf", pdf_bytes(4096)),
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        )
        .await
        .unwrap();
    let f = store.agreement_get(c, a).await.unwrap().signed.unwrap();
    let (_, bytes) = store.file_get(&files, c, f.id).await.unwrap();
    assert_eq!(bytes.as_ref(), pdf_bytes(4096).as_slice());
    // The local folder of the other cases was never written to.
    assert!(!w.files.root().unwrap().exists());
}
