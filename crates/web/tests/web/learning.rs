//! Web stories: learning at the workplace. The supervisor ticks the checklist the coordinator
//! drew and adapted, the participant writes her progress log with a photo, the assessments are
//! made side by side and locked once signed, the development plan answers "what is my next
//! step", in the participant's own language; and each only by those whose intern it is.

use super::*;

both!(
    app:
    the_supervisor_ticks_the_checklist_the_coordinator_adapted,
    the_participant_writes_her_log_with_a_photo_and_only_her_people_read_it,
    assessments_are_made_side_by_side_and_locked_once_signed,
    the_plan_shows_the_next_step_in_the_participants_language,
    a_checklist_nobody_touches_for_two_weeks_is_on_the_to_do_lists,
    the_api_reads_and_writes_under_the_same_rules,
);

/// The demo's running internship (Amina's, halfway through, supervised by the demo supervisor).
async fn running(app: &TestApp) -> (i32, i32) {
    let sup = app.actor(Role::Supervisor).await;
    let list = app.store.internships_supervised(&sup).await.unwrap();
    let i = list
        .iter()
        .find(|i| i.participant_name.starts_with("Amina") && i.start_date <= today())
        .expect("the demo's running internship");
    (i.id, i.participant_id)
}

/// Another of the supervisor's interns (planned, not started).
async fn planned(app: &TestApp) -> i32 {
    let sup = app.actor(Role::Supervisor).await;
    let list = app.store.internships_supervised(&sup).await.unwrap();
    list.iter()
        .find(|i| i.start_date > today())
        .expect("a planned internship")
        .id
}

fn field_error(page: &str, field: &str) -> Option<String> {
    html::element_by_id(page, &format!("error-{field}"))
}

async fn the_supervisor_ticks_the_checklist_the_coordinator_adapted(app: &TestApp) {
    let (iid, _) = running(app).await;
    let path = format!("/internships/{iid}/checklist");
    let sup = app.logged_in(Role::Supervisor).await;
    let page = sup.page(&path).await;
    // The demo: drawn from the kravprofil and the programme's template, three ticked.
    assert!(html::shows(&page, "Arbetsuppgifter"), "{page}");
    assert!(html::shows(&page, "Följer rutinerna för hygien"), "{page}");
    assert!(
        html::shows(&page, "Följer rutinerna utan påminnelse."),
        "{page}"
    );
    let c = app
        .store
        .checklist(&app.actor(Role::Supervisor).await, iid)
        .await
        .unwrap();
    let untouched = c
        .criteria
        .iter()
        .find(|c| c.status.is_none())
        .expect("a criterion not ticked yet")
        .id;
    let tick = format!("/internships/{iid}/checklist/criteria/{untouched}/tick");

    // A wrong tick is refused beside each field, and what she typed is kept (escaped).
    let ahead = (today() + chrono::Duration::days(1)).to_string();
    let note = "<b>bra</b> \u{1} jobbat";
    let res = sup
        .submit(
            &path,
            &tick,
            &[("status", "great"), ("on", &ahead), ("comment", note)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(field_error(&page, "status").is_some(), "{page}");
    let on = field_error(&page, "on").expect("the date's error");
    assert!(html::shows(&on, "senare än i dag"), "{on}");
    assert!(field_error(&page, "comment").is_some(), "{page}");
    assert!(html::shows(&page, "<b>bra</b>"), "the comment is kept");
    assert!(!page.contains("<b>bra</b>"));

    // A right one goes on the criterion's history, with her name.
    let t = today().to_string();
    let res = sup
        .submit(
            &path,
            &tick,
            &[
                ("status", "achieved"),
                ("on", &t),
                ("comment", "Klarar det själv"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = sup.page(&path).await;
    let li = html::element_by_id(&page, &format!("c{untouched}")).unwrap();
    assert!(li.contains("criterion"), "{li}");
    let status_line = &page[page.find(&format!("id=\"c{untouched}\"")).unwrap()..];
    assert!(html::shows(
        &status_line[..600.min(status_line.len())],
        "Klart"
    ));
    // Sent twice (a double tap): kept once.
    for _ in 0..2 {
        let res = sup
            .submit(
                &path,
                &tick,
                &[("status", "in_progress"), ("on", &t), ("comment", "")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let c = app
        .store
        .checklist(&app.actor(Role::Supervisor).await, iid)
        .await
        .unwrap();
    let ticked = c.criteria.iter().find(|c| c.id == untouched).unwrap();
    assert_eq!(ticked.ticks.len(), 2, "the history is kept");
    assert_eq!(
        ticked.status,
        Some(brygga_domain::learning::CriterionStatus::InProgress)
    );

    // A criterion of another intern, through this intern's page, is refused by name; the
    // other intern's internship has not started, so nothing is ticked there either.
    let other = planned(app).await;
    let coordinator = app.actor(Role::Coordinator).await;
    let foreign = app
        .store
        .criterion_add(
            &coordinator,
            other,
            &brygga_domain::learning::CriterionDraft {
                goal: "Säkerhet".into(),
                criterion: "Följer rutinerna".into(),
            }
            .validate()
            .unwrap(),
        )
        .await
        .unwrap();
    let res = sup
        .submit(
            &path,
            &format!("/internships/{iid}/checklist/criteria/{foreign}/tick"),
            &[("status", "achieved"), ("on", &t)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::shows(
        &res.text().await.unwrap(),
        "hör till en annan praktikants checklista"
    ));
    let res = sup
        .submit(
            &path,
            &format!("/internships/{other}/checklist/criteria/{foreign}/tick"),
            &[("status", "achieved"), ("on", &t)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::shows(&res.text().await.unwrap(), "har inte börjat"));

    // The participant reads her checklist but ticks nothing; the evaluator never sees one.
    let me = app.logged_in(Role::Participant).await;
    let page = me.page(&path).await;
    assert!(
        !page.contains("/tick\""),
        "no tick form for the participant"
    );
    let res = me
        .submit(&path, &tick, &[("status", "achieved"), ("on", &t)])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let ev = app.logged_in(Role::Evaluator).await;
    assert_eq!(ev.get(&path).await.status(), StatusCode::FORBIDDEN);
    // The education provider has no business with it; an unknown internship is not found.
    let edu = app.logged_in(Role::EducationProvider).await;
    assert_eq!(edu.get(&path).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        sup.get("/internships/999999/checklist").await.status(),
        StatusCode::NOT_FOUND
    );

    // The coordinator adapts it: a criterion of her own (an empty one is refused beside its
    // fields), changed, and a stale change is a conflict; removed, it leaves the checklist.
    let k = app.logged_in(Role::Coordinator).await;
    let add = format!("/internships/{iid}/checklist/criteria");
    let res = k
        .submit(
            &path,
            &add,
            &[("goal", ""), ("criterion", "Svarar i telefon")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(field_error(&page, "goal").is_some(), "{page}");
    let add_form = &page[page.find("id=\"f-criterion\"").expect("the add form")..];
    assert!(
        add_form[..add_form.find("</textarea>").unwrap()].ends_with("Svarar i telefon"),
        "what she typed is kept"
    );
    let key = html::input_value(&k.page(&path).await, "create_key").unwrap();
    for _ in 0..2 {
        let res = k
            .submit(
                &path,
                &add,
                &[
                    ("create_key", &key),
                    ("goal", "Kommunikation"),
                    ("criterion", "Svarar i telefon"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let c = app.store.checklist(&coordinator, iid).await.unwrap();
    let same: Vec<_> = c
        .criteria
        .iter()
        .filter(|c| c.text == "Svarar i telefon")
        .collect();
    assert_eq!(same.len(), 1, "a double submit adds one criterion");
    let mine = same[0].clone();
    let edit = format!("/internships/{iid}/checklist/criteria/{}", mine.id);
    let v = mine.version.to_string();
    let res = k
        .submit(
            &path,
            &edit,
            &[
                ("version", &v),
                ("goal", "Kommunikation"),
                ("criterion", "Svarar i telefon och tar meddelanden"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = k
        .submit(
            &path,
            &edit,
            &[
                ("version", &v),
                ("goal", "Kommunikation"),
                ("criterion", "Gammal version"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let v = (mine.version + 1).to_string();
    let res = k
        .submit(&path, &format!("{edit}/remove"), &[("version", &v)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(!html::shows(&k.page(&path).await, "tar meddelanden"));
    // Drawing again adds nothing that is already there.
    let res = k
        .submit(&path, &format!("/internships/{iid}/checklist/draw"), &[])
        .await;
    assert_eq!(
        location(&res),
        format!("/internships/{iid}/checklist?drawn=0")
    );
}

/// A small JPEG whose EXIF block carries a place: what a phone's camera writes.
fn jpeg_with_location() -> Vec<u8> {
    let img = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 4, y as u8 * 5, 90]));
    let mut jpeg = vec![];
    image::DynamicImage::ImageRgb8(img)
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    // APP1 "Exif": a big-endian TIFF header, an IFD with one entry (orientation 1), then the
    // secret the photo must not carry any further.
    let mut tiff = b"MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x01\0\0\0\0\0\0".to_vec();
    tiff.extend_from_slice(b"GPS 57.7089N 11.9746E BRYGGA-SECRET-PLACE");
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let len = (app1.len() + 2) as u16;
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

async fn the_participant_writes_her_log_with_a_photo_and_only_her_people_read_it(app: &TestApp) {
    let (iid, _) = running(app).await;
    let path = format!("/internships/{iid}/log");
    let me = app.logged_in(Role::Participant).await;
    let page = me.page(&path).await;
    // The demo's entries: one in Arabic.
    assert!(html::shows(&page, "ساعدت في تحضير الغداء"), "{page}");
    let csrf = csrf_of(&me.page("/").await);
    let key = html::input_value(&page, "create_key").expect("the form's create key");
    let photo = jpeg_with_location();
    assert!(photo.windows(19).any(|w| w == b"BRYGGA-SECRET-PLACE"));
    let did = "نظفت غرفة المعيشة ورتبت الرفوف";
    let body = super::agreement::multipart_body(
        &[
            ("create_key", &key),
            ("did", did),
            ("learned", ""),
            ("words", "hylla – رف"),
        ],
        Some(("photo", "IMG_0042.jpg", &photo)),
    );
    let res = me
        .post_multipart(&format!("{path}?csrf={csrf}"), body.clone())
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );
    assert!(location(&res).contains("saved=1"));
    // Sent twice (the answer lost on a weak connection): one entry.
    let res = me
        .post_multipart(&format!("{path}?csrf={csrf}"), body)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let log = app
        .store
        .progress_log(&app.actor(Role::Participant).await, iid)
        .await
        .unwrap();
    let mine: Vec<_> = log.entries.iter().filter(|e| e.did == did).collect();
    assert_eq!(mine.len(), 1, "one entry for two sends");
    let file = mine[0].photo_file_id.expect("the photo");
    // The photo is kept as a JPEG, without the place it was taken.
    let res = me.get(&format!("/files/{file}")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[CONTENT_TYPE], "image/jpeg");
    let kept = res.bytes().await.unwrap();
    assert!(image::load_from_memory(&kept).is_ok());
    assert!(!kept.windows(19).any(|w| w == b"BRYGGA-SECRET-PLACE"));
    assert!(!kept.windows(4).any(|w| w == b"Exif"));

    // A PNG is kept as a JPEG too.
    let mut png = vec![];
    image::DynamicImage::ImageRgb8(image::RgbImage::new(30, 20))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let page = me.page(&path).await;
    let key = html::input_value(&page, "create_key").unwrap();
    let body = super::agreement::multipart_body(
        &[("create_key", &key)],
        Some(("photo", "skylt.png", &png)),
    );
    let res = me
        .post_multipart(&format!("{path}?csrf={csrf}"), body)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let log = app
        .store
        .progress_log(&app.actor(Role::Participant).await, iid)
        .await
        .unwrap();
    let png_file = log.entries[0].photo_file_id.expect("the PNG's entry");
    let res = me.get(&format!("/files/{png_file}")).await;
    assert_eq!(res.headers()[CONTENT_TYPE], "image/jpeg");

    // Not a photo, and nothing written: refused beside the fields, the text kept.
    let page = me.page(&path).await;
    let key = html::input_value(&page, "create_key").unwrap();
    let body = super::agreement::multipart_body(
        &[
            ("create_key", &key),
            ("did", "Städade"),
            ("learned", "Ordet \"moppa\""),
        ],
        Some(("photo", "photo.jpg", b"%PDF-1.4 not a photo")),
    );
    let res = me
        .post_multipart(&format!("{path}?csrf={csrf}"), body)
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let err = field_error(&page, "photo").expect("the photo's error");
    assert!(html::shows(&err, "JPEG- eller PNG-bild"), "{err}");
    assert_eq!(
        html::textarea(&page, "learned").as_deref(),
        Some("Ordet \"moppa\"")
    );
    let body = super::agreement::multipart_body(&[("create_key", &key)], None);
    let res = me
        .post_multipart(&format!("{path}?csrf={csrf}"), body)
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_error(&res.text().await.unwrap(), "did").is_some());

    // A photo over 10 MiB is refused by name, what she wrote kept.
    let mut big = photo.clone();
    big.resize(10 * 1024 * 1024 + 1, 0);
    let body = super::agreement::multipart_body(
        &[("create_key", &key), ("did", "Stor bild")],
        Some(("photo", "big.jpg", &big)),
    );
    let res = me
        .post_multipart(&format!("{path}?csrf={csrf}"), body)
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let err = field_error(&page, "photo").expect("the photo's error");
    assert!(html::shows(&err, "högst 10 MiB"), "{err}");
    assert_eq!(html::textarea(&page, "did").as_deref(), Some("Stor bild"));

    // The supervisor comments; she writes no entries of her own.
    let sup = app.logged_in(Role::Supervisor).await;
    let entry = mine[0].id;
    for _ in 0..2 {
        let res = sup
            .submit(
                &path,
                &format!("{path}/{entry}/comments"),
                &[("comment", "Snyggt! <i>Bra</i>")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let page = sup.page(&path).await;
    assert_eq!(
        page.matches("Snyggt!").count(),
        1,
        "a double submit comments once"
    );
    assert!(html::shows(&page, "Snyggt! <i>Bra</i>"), "{page}");
    assert!(!page.contains("<i>Bra"), "markup is escaped");
    let res = sup
        .submit(
            &path,
            &format!("{path}/{entry}/comments"),
            &[("comment", "  ")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let scsrf = csrf_of(&sup.page("/").await);
    let body = super::agreement::multipart_body(&[("did", "Jag skriver åt henne")], None);
    let res = sup
        .post_multipart(&format!("{path}?csrf={scsrf}"), body)
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // The employer's contact reads only what she shared: the demo's first entry, not the
    // Arabic one nor today's photo.
    let emp = app.logged_in(Role::EmployerContact).await;
    let page = emp.page(&path).await;
    assert!(html::shows(&page, "Följde med på fyra hembesök"), "{page}");
    assert!(!html::shows(&page, "ساعدت"), "{page}");
    assert!(!html::shows(&page, did));
    assert!(
        !page.contains("/comments\""),
        "no comment form for the employer"
    );
    assert_eq!(
        emp.get(&format!("/files/{file}")).await.status(),
        StatusCode::NOT_FOUND
    );
    // Nobody else: the officer has no business with the log, another intern's log is hidden.
    let officer = app.logged_in(Role::EsOfficer).await;
    assert_eq!(officer.get(&path).await.status(), StatusCode::FORBIDDEN);
    let other = planned(app).await;
    assert_eq!(
        me.get(&format!("/internships/{other}/log")).await.status(),
        StatusCode::NOT_FOUND
    );
}

async fn assessments_are_made_side_by_side_and_locked_once_signed(app: &TestApp) {
    let (iid, _) = running(app).await;
    let list = format!("/internships/{iid}/assessments");
    let mid = format!("{list}/mid");
    let end = format!("{list}/end");
    let sup = app.logged_in(Role::Supervisor).await;

    // The demo's mid-point assessment is signed: the form is locked, a save is refused.
    let page = sup.page(&mid).await;
    assert!(html::shows(&page, "Den är låst"), "{page}");
    let fields = html::form_fields(&page, &mid);
    let res = sup.post(&mid, &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::shows(&res.text().await.unwrap(), "signerad och låst"));

    // The end assessment: a level off the scale is refused beside its row, nothing lost.
    let rated = app
        .store
        .assessment_rated(&app.actor(Role::Supervisor).await, iid)
        .await
        .unwrap();
    let first = rated[0].key();
    let page = sup.page(&end).await;
    let csrf = csrf_of(&page);
    let mut fields = vec![
        ("csrf".to_string(), csrf.clone()),
        ("version".to_string(), "0".to_string()),
        (format!("level-{first}"), "5".to_string()),
        (format!("evidence-{first}"), "Plockar <snabbt>".to_string()),
    ];
    let res = sup.post(&end, &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        field_error(&page, &format!("level-{first}")).is_some(),
        "{page}"
    );
    assert_eq!(
        html::textarea(&page, &format!("evidence-{first}")).as_deref(),
        Some("Plockar <snabbt>")
    );
    // Saved in part, then "save and sign": refused as incomplete, but saved.
    fields[2].1 = "3".into();
    let res = sup.post(&end, &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let mut all = vec![
        ("csrf".to_string(), csrf.clone()),
        ("version".to_string(), "1".to_string()),
        ("sign".to_string(), "1".to_string()),
    ];
    all.push((format!("level-{first}"), "3".into()));
    let res = sup.post(&end, &all).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(html::shows(&page, "sparad men inte signerad"), "{page}");
    assert!(field_error(&page, &format!("evidence-{first}")).is_some());
    // A stale version is a conflict.
    let res = sup.post(&end, &all).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    // Complete: every row with a level and evidence, signed and locked.
    let mut complete = vec![
        ("csrf".to_string(), csrf.clone()),
        ("version".to_string(), "2".to_string()),
        ("sign".to_string(), "1".to_string()),
    ];
    for r in &rated {
        complete.push((format!("level-{}", r.key()), "3".into()));
        complete.push((format!("evidence-{}", r.key()), "Sett på hembesöken".into()));
    }
    let res = sup.post(&end, &complete).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let signed = app
        .store
        .assessment_signed_end(&app.actor(Role::Coordinator).await, iid)
        .await
        .unwrap()
        .expect("a signed end assessment");
    assert_eq!(signed.revision, 1);
    // A change after signing is a new revision; the signed one stays as it was.
    let res = sup.submit(&end, &format!("{end}/revise"), &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = sup.page(&list).await;
    assert!(html::shows(&page, "version 2"), "{page}");
    assert!(html::shows(&page, "Tidigare versioner"), "{page}");
    let still = app
        .store
        .assessment_signed_end(&app.actor(Role::Coordinator).await, iid)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((still.revision, still.id), (1, signed.id));

    // The participant assesses herself on the same scale; she signs nothing.
    let me = app.logged_in(Role::Participant).await;
    let page = me.page(&end).await;
    assert!(!page.contains("name=\"sign\""), "{page}");
    let mut own = vec![
        ("csrf".to_string(), csrf_of(&page)),
        ("version".to_string(), "0".to_string()),
    ];
    own.push((format!("level-{first}"), "4".into()));
    assert_eq!(me.post(&end, &own).await.status(), StatusCode::SEE_OTHER);

    // The coordinator sees both side by side and makes none.
    let k = app.logged_in(Role::Coordinator).await;
    let page = k.page(&list).await;
    assert!(html::shows(&page, "Handledaren") && html::shows(&page, "Deltagaren själv"));
    assert!(html::shows(&page, "Initiativkraft"), "{page}");
    assert_eq!(k.get(&end).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        sup.get(&format!("{list}/later")).await.status(),
        StatusCode::NOT_FOUND
    );

    // After the end and its grace period, no assessment is made or changed.
    let late = today() + chrono::Duration::days(7 * 7 + 15);
    let err = app
        .store
        .assessment_save(
            &app.actor(Role::Supervisor).await,
            iid,
            brygga_domain::learning::AssessmentKind::End,
            1,
            &[],
            late,
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, brygga_store::StoreError::Invalid(e) if e.0[0].key == "learning-error-closed"),
        "{err:?}"
    );
}

async fn the_plan_shows_the_next_step_in_the_participants_language(app: &TestApp) {
    let (_, pid) = running(app).await;
    let path = format!("/participants/{pid}/plan");
    let me = app.logged_in(Role::Participant).await;
    let page = me.page(&path).await;
    let next = html::element_by_id(&page, "next-step").expect("her next step");
    assert!(html::shows(&next, "Öva på yrkesorden"), "{next}");
    // Her own steps are hers to read as such; the staff read whose they are.
    assert!(html::shows(&page, "Du själv · senast"), "{page}");
    let staff_view = app.logged_in(Role::Coordinator).await.page(&path).await;
    assert!(
        html::shows(&staff_view, "Deltagaren · senast"),
        "{staff_view}"
    );
    assert!(html::shows(&page, "mål är nådda") || html::shows(&page, "Ett mål är nått"));

    // In Arabic, right to left; her choice is kept with her login.
    let res = me.get("/lang/ar").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = me.page(&path).await;
    assert!(
        page.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "{}",
        &page[..200]
    );
    assert!(html::shows(&page, "خطوتك التالية"), "{page}");
    assert!(html::shows(&page, "خطة التطوير"), "the tabs too");
    let (_, lang) = app
        .store
        .notification_settings(&app.actor(Role::Participant).await)
        .await
        .unwrap();
    assert_eq!(lang, "ar");
    // Her e-mail settings keep it (staff choose between Swedish and English only).
    let settings = me.page("/account/notifications").await;
    assert_eq!(html::selected(&settings, "lang").as_deref(), Some("ar"));
    let again = app.logged_in(Role::Participant).await;
    assert!(
        again.page(&path).await.contains("dir=\"rtl\""),
        "her next login is in Arabic"
    );
    // On a new device she picks Ukrainian before logging in: that is kept, not replaced.
    let fresh = app.visitor();
    assert_eq!(fresh.get("/lang/uk").await.status(), StatusCode::SEE_OTHER);
    let res = fresh
        .login(&app.email(Role::Participant), DEMO_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(fresh.page(&path).await.contains("<html lang=\"uk\""));
    let (_, lang) = app
        .store
        .notification_settings(&app.actor(Role::Participant).await)
        .await
        .unwrap();
    assert_eq!(lang, "uk");
    me.get("/lang/ar").await;

    // Staff pages stay Swedish even with the same choice.
    let k = app.logged_in(Role::Coordinator).await;
    assert_eq!(k.get("/lang/ar").await.status(), StatusCode::SEE_OTHER);
    assert!(
        k.page(&path)
            .await
            .contains("<html lang=\"sv\" dir=\"ltr\">")
    );

    // She marks her own step done; the coordinator's is not hers to mark.
    let plan = app
        .store
        .development_plan(&app.actor(Role::Participant).await, pid)
        .await
        .unwrap();
    let (own, theirs) = (&plan.steps[0], &plan.steps[1]);
    let res = me
        .submit(
            &path,
            &format!("{path}/steps/{}", own.id),
            &[("version", &own.version.to_string()), ("done", "yes")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = me
        .submit(
            &path,
            &format!("{path}/steps/{}", theirs.id),
            &[("version", &theirs.version.to_string()), ("done", "yes")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    me.get("/lang/sv").await;
    let page = me.page(&path).await;
    let next = html::element_by_id(&page, "next-step").unwrap();
    assert!(html::shows(&next, "Boka ett samtal"), "{next}");
    let res = me
        .submit(
            &path,
            &format!("{path}/steps"),
            &[
                ("step", "x"),
                ("owner", "participant"),
                ("due_on", "2027-01-01"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // Terms she may not know are explained on her own pages, not on the staff's.
    let profile = format!("/participants/{pid}");
    assert!(html::shows(&me.page(&profile).await, "CEFR-nivå: en skala"));
    assert!(html::shows(
        &me.page(&format!("{profile}/journey")).await,
        "Beslut från Arbetsförmedlingen:"
    ));
    assert!(!html::shows(&k.page(&profile).await, "CEFR-nivå: en skala"));

    // The coordinator adds a step: a wrong one is refused beside its fields; sent twice, one.
    let page = k.page(&path).await;
    let key = html::input_value(&page, "create_key").unwrap();
    let res = k
        .submit(
            &path,
            &format!("{path}/steps"),
            &[
                ("create_key", &key),
                ("step", "Ta truckkort A"),
                ("owner", "boss"),
                ("due_on", "31/12"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(field_error(&page, "owner").is_some() && field_error(&page, "due_on").is_some());
    let add_form = &page[page.find("id=\"f-step\"").expect("the add form")..];
    assert!(
        add_form[..add_form.find("</textarea>").unwrap()].ends_with("Ta truckkort A"),
        "what she typed is kept"
    );
    let due = (today() + chrono::Duration::days(30)).to_string();
    let fields = [
        ("create_key", key.as_str()),
        ("step", "Ta truckkort A"),
        ("owner", "participant"),
        ("due_on", due.as_str()),
    ];
    assert_eq!(
        k.submit(&path, &format!("{path}/steps"), &fields)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        k.submit(&path, &format!("{path}/steps"), &fields)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let plan = app
        .store
        .development_plan(&app.actor(Role::Coordinator).await, pid)
        .await
        .unwrap();
    assert_eq!(
        plan.steps
            .iter()
            .filter(|s| s.text == "Ta truckkort A")
            .count(),
        1
    );

    // The coordinator changes a step with her: a wrong date is refused beside it, the words
    // kept; a stale change is a conflict.
    let step = plan
        .steps
        .iter()
        .find(|s| s.text == "Ta truckkort A")
        .unwrap()
        .clone();
    let edit = format!("{path}/steps/{}/edit", step.id);
    let v = step.version.to_string();
    let res = k
        .submit(
            &path,
            &edit,
            &[
                ("version", &v),
                ("step", "Ta truckkort A och B"),
                ("owner", "participant"),
                ("due_on", "2027-02-30"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(field_error(&page, "due_on").is_some(), "{page}");
    assert!(html::shows(&page, "Ta truckkort A och B"));
    let later = (today() + chrono::Duration::days(40)).to_string();
    let fields = [
        ("version", v.as_str()),
        ("step", "Ta truckkort A och B"),
        ("owner", "employer"),
        ("due_on", later.as_str()),
    ];
    assert_eq!(
        k.submit(&path, &edit, &fields).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        k.submit(&path, &edit, &fields).await.status(),
        StatusCode::CONFLICT
    );
    let plan = app
        .store
        .development_plan(&app.actor(Role::Coordinator).await, pid)
        .await
        .unwrap();
    let changed = plan.steps.iter().find(|s| s.id == step.id).unwrap();
    assert_eq!(changed.text, "Ta truckkort A och B");
    assert_eq!(changed.owner, brygga_domain::learning::StepOwner::Employer);
    let res = me
        .submit(
            &path,
            &edit,
            &[
                ("version", "2"),
                ("step", "x"),
                ("owner", "participant"),
                ("due_on", later.as_str()),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "the participant marks, she does not rewrite"
    );

    // The supervisor reads it; the employer's contact and another participant do not.
    let sup = app.logged_in(Role::Supervisor).await;
    let page = sup.page(&path).await;
    assert!(!page.contains(&format!("action=\"{path}/steps\"")));
    let emp = app.logged_in(Role::EmployerContact).await;
    assert_eq!(emp.get(&path).await.status(), StatusCode::FORBIDDEN);
    let others = app.participant_ids_for(Role::Coordinator).await;
    let other = others.iter().find(|p| **p != pid).unwrap();
    assert_eq!(
        me.get(&format!("/participants/{other}/plan"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

async fn a_checklist_nobody_touches_for_two_weeks_is_on_the_to_do_lists(app: &TestApp) {
    let (iid, _) = running(app).await;
    let now = chrono::Utc::now();
    let stale = |todo: &[brygga_store::todo::Todo]| {
        todo.iter()
            .find(|t| t.key == "todo-checklists-stale")
            .map(|t| t.entries.iter().map(|e| e.link.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let link = format!("/internships/{iid}/checklist");
    for role in [Role::Coordinator, Role::Supervisor] {
        let a = app.actor(role).await;
        // Ticked at loading: not stale today, stale in fifteen days.
        assert!(!stale(&app.store.todo(&a, now).await.unwrap()).contains(&link));
        let later = app
            .store
            .todo(&a, now + chrono::Duration::days(15))
            .await
            .unwrap();
        assert!(stale(&later).contains(&link), "{role}: {:?}", stale(&later));
    }
    // The digest reminds the supervisor, once.
    let later = now + chrono::Duration::days(15);
    brygga_app::notify::queue_digests(&app.app, later)
        .await
        .unwrap();
    let mails = super::todo::mails_to(app, &app.email(Role::Supervisor)).await;
    let reminder = mails
        .iter()
        .filter_map(|m| m["text"].as_str())
        .find(|t| t.contains("Checklistor som ingen har rört"))
        .unwrap_or_else(|| panic!("no reminder: {mails:?}"));
    assert!(reminder.contains(&link), "{reminder}");
    brygga_app::notify::queue_digests(&app.app, later)
        .await
        .unwrap();
    let again = super::todo::mails_to(app, &app.email(Role::Supervisor)).await;
    assert_eq!(again.len(), mails.len(), "reminded once");

    // The participant's list is not about her supervisor's work.
    let me = app.actor(Role::Participant).await;
    let later = app
        .store
        .todo(&me, now + chrono::Duration::days(15))
        .await
        .unwrap();
    assert!(stale(&later).is_empty());
}

async fn the_api_reads_and_writes_under_the_same_rules(app: &TestApp) {
    let (iid, pid) = running(app).await;
    let api = Api::new(app);
    let sup = app.token(Role::Supervisor).await;
    let (status, body) = api
        .get(&format!("/internships/{iid}/checklist"), &sup)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let criterion = body["checklist"]["criteria"][0]["id"].as_i64().unwrap();
    let (status, body) = api
        .post(
            &format!("/internships/{iid}/checklist/criteria/{criterion}/ticks"),
            &sup,
            &json!({"status": "not_yet", "on": "2020-01-01", "comment": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "on");
    let (status, _) = api
        .post(
            &format!("/internships/{iid}/checklist/criteria/{criterion}/ticks"),
            &sup,
            &json!({"status": "achieved", "on": today().to_string()}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);

    // The coordinator adapts the checklist through the API too, and an admin keeps the template.
    let k = app.token(Role::Coordinator).await;
    let (status, body) = api
        .post(
            &format!("/internships/{iid}/checklist/draw"),
            &k,
            &json!({}),
        )
        .await;
    assert_eq!((status, body["added"].as_i64()), (StatusCode::OK, Some(0)));
    let (status, body) = api
        .post(
            &format!("/internships/{iid}/checklist/criteria"),
            &k,
            &json!({"goal": "", "criterion": "Tar emot en beställning"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, _) = api
        .post(
            &format!("/internships/{iid}/checklist/criteria"),
            &k,
            &json!({"goal": "Kommunikation", "criterion": "Tar emot en beställning"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = api
        .post(
            &format!("/internships/{iid}/checklist/criteria"),
            &sup,
            &json!({"goal": "x", "criterion": "y"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let admin = app.token(Role::Admin).await;
    let programme = app.programme_of(Role::Coordinator).await;
    let (status, body) = api
        .put(
            &format!("/programmes/{programme}/checklist-template"),
            &admin,
            &json!({"checklist_template": "utan kolon"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "checklist_template");
    let (status, _) = api
        .put(
            &format!("/programmes/{programme}/checklist-template"),
            &admin,
            &json!({"checklist_template": "Säkerhet: Bär skyddsskor"}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = api
        .put(
            &format!("/programmes/{programme}/checklist-template"),
            &k,
            &json!({"checklist_template": "Säkerhet: Bär skyddsskor"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // An entry with an idempotency key: the second send answers with the first.
    let me = app.token(Role::Participant).await;
    let send = || async {
        reqwest::Client::new()
            .post(app.url(&format!("/api/v1/internships/{iid}/log")))
            .bearer_auth(&me)
            .header("Idempotency-Key", "entry-2027-03-04-a")
            .json(&json!({"did": "Вимила підлогу", "words": "golv – підлога"}))
            .send()
            .await
            .unwrap()
    };
    let first = send().await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.unwrap();
    let second = send().await;
    assert_eq!(second.status(), StatusCode::OK);
    let second: Value = second.json().await.unwrap();
    assert_eq!(first["id"], second["id"]);
    let (status, body) = api.get(&format!("/internships/{iid}/log"), &sup).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["log"]["entries"][0]["did"], "Вимила підлогу");
    let (status, _) = api
        .post(
            &format!("/internships/{iid}/log"),
            &sup,
            &json!({"did": "x"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // The supervisor comments on it; through another internship's log the entry is not found.
    let entry = first["id"].as_i64().unwrap();
    let (status, _) = api
        .post(
            &format!("/internships/{iid}/log/{entry}/comments"),
            &sup,
            &json!({"comment": "Bra ord!"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let other = planned(app).await;
    let (status, _) = api
        .post(
            &format!("/internships/{other}/log/{entry}/comments"),
            &sup,
            &json!({"comment": "Fel logg"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, body) = api.get(&format!("/internships/{iid}/log"), &sup).await;
    assert_eq!(body["log"]["entries"][0]["comments"][0]["text"], "Bra ord!");

    // Assessments: the participant's own through the API, off the scale refused.
    let (status, body) = api
        .put(
            &format!("/internships/{iid}/assessments/end"),
            &me,
            &json!({"version": 0, "levels": {"g-punctuality": "9"}}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "level-g-punctuality");
    let (status, _) = api
        .put(
            &format!("/internships/{iid}/assessments/end"),
            &me,
            &json!({"version": 0, "levels": {"g-punctuality": "4"}}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, body) = api
        .get(&format!("/internships/{iid}/assessments"), &k)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body["assessments"]["items"].as_array().unwrap().len() >= 3,
        "{body}"
    );
    let (status, _) = api
        .put(
            &format!("/internships/{iid}/assessments/end"),
            &k,
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The plan: read by the participant, a step added by the coordinator.
    let (status, body) = api.get(&format!("/participants/{pid}/plan"), &me).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!body["plan"]["steps"].as_array().unwrap().is_empty());
    let (status, body) = api
        .post(
            &format!("/participants/{pid}/plan/steps"),
            &k,
            &json!({"step": "Söka jobb hos hemtjänsten", "owner": "participant", "due_on": "2027-06-01"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let edu = app.token(Role::EducationProvider).await;
    let (status, _) = api.get(&format!("/participants/{pid}/plan"), &edu).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
