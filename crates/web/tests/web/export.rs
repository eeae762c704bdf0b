//! Web stories: the lists as files. The coordinator exports the participants she sees as CSV
//! (for a spreadsheet set to Swedish: `;` and a byte-order mark) and as XLSX, filtered as on the
//! page, with the eligibility column; the supervisor's file holds her interns only and no
//! eligibility; the export is recorded in the audit log; text that a spreadsheet would run as a
//! formula stays text; a list longer than the XLSX limit is refused with a message that offers
//! the CSV, which streams whatever the length, a page of rows at a time.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use super::*;

both!(
    app:
    a_coordinator_exports_the_participants_she_sees,
    the_columns_and_rows_are_those_the_reader_may_see,
    employers_and_placements_export_too,
);

both!(backend: a_list_too_long_for_xlsx_is_offered_as_csv);

/// A CSV file's rows, the byte-order mark checked and taken off.
fn csv_rows(body: &str) -> Vec<Vec<String>> {
    let body = body
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("a byte-order mark first: {body:.40}"));
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

async fn download(v: &Visitor, path: &str, content_type: &str) -> reqwest::Response {
    let res = v.get(path).await;
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    let got = res.headers()[CONTENT_TYPE].to_str().unwrap().to_string();
    assert!(got.starts_with(content_type), "{path}: {got}");
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment"),
        "{path}"
    );
    res
}

async fn csv_of(v: &Visitor, path: &str) -> Vec<Vec<String>> {
    csv_rows(&download(v, path, "text/csv").await.text().await.unwrap())
}

/// The first sheet of an XLSX download, row by row.
async fn xlsx_of(v: &Visitor, path: &str) -> Vec<Vec<Data>> {
    let res = download(
        v,
        path,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    .await;
    let bytes = res.bytes().await.unwrap().to_vec();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    book.worksheet_range(&name)
        .unwrap()
        .rows()
        .map(<[Data]>::to_vec)
        .collect()
}

async fn a_coordinator_exports_the_participants_she_sees(app: &TestApp) {
    let coordinator = app.logged_in(Role::Coordinator).await;
    // The list offers both files with the filters as chosen.
    let page = coordinator
        .page("/participants?q=&municipality_code=1480&eligibility=")
        .await;
    let csv_link =
        "/participants/export?format=csv&#38;q=&#38;municipality_code=1480&#38;eligibility=";
    assert!(page.contains(csv_link), "{page}");
    assert!(
        page.contains("/participants/export?format=xlsx&#38;q="),
        "{page}"
    );
    // Plain links: the files come as attachments, and a refusal shows as a page, not a file.
    let at = page.find("class=\"exports\"").unwrap();
    let links = &page[at..at + page[at..].find("</p>").unwrap()];
    assert!(links.contains("Exportera (XLSX)"), "{links}");
    assert!(!links.contains(" download"), "{links}");
    let shown = page.matches("<tr><td data-label=").count();
    assert!(shown > 0);

    let rows = csv_of(
        &coordinator,
        "/participants/export?format=csv&q=&municipality_code=1480&eligibility=",
    )
    .await;
    assert_eq!(
        rows[0],
        [
            "Efternamn",
            "Förnamn",
            "Födelseår",
            "Kommun",
            "Svenska (CEFR-nivå)",
            "Status hos Arbetsförmedlingen"
        ]
    );
    assert_eq!(rows.len() - 1, shown, "the rows the list shows");
    assert!(rows[1..].iter().all(|r| r[3] == "Göteborg"), "{rows:?}");

    // The whole list as XLSX: the same heads, the birth year a number.
    let all = xlsx_of(&coordinator, "/participants/export?format=xlsx").await;
    let (_, api_all) = Api::new(app)
        .get("/participants", &app.token(Role::Coordinator).await)
        .await;
    assert_eq!(all.len() - 1, api_all["total"].as_u64().unwrap() as usize);
    assert_eq!(
        all[0][5],
        Data::String("Status hos Arbetsförmedlingen".into())
    );
    assert!(
        matches!(all[1][2], Data::Float(y) if y > 1900.0),
        "{:?}",
        all[1]
    );

    // Each export is in the audit log, with the columns it took out.
    let log = app
        .store
        .audit_list(
            &app.actor(Role::Admin).await,
            &brygga_store::audit::AuditFilter {
                resource: Some("participant_list_export".into()),
                page: 1,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(log.total, 2, "{:?}", log.items);
    assert!(
        log.items[0].fields.contains("eligibility"),
        "{:?}",
        log.items
    );

    // An unknown format is not a file.
    assert_eq!(
        coordinator
            .get("/participants/export?format=pdf")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    // Logged out, no file.
    let res = app.visitor().get("/participants/export?format=csv").await;
    assert_ne!(res.status(), StatusCode::OK);
}

async fn the_columns_and_rows_are_those_the_reader_may_see(app: &TestApp) {
    // A name a spreadsheet would run as a formula.
    let programme = demo_programme(app).await;
    let d = ParticipantDraft {
        programme_id: programme.to_string(),
        first_name: "=HYPERLINK(\"http://evil.example\";\"klick\")".into(),
        last_name: "-Formelsson".into(),
        municipality_code: "1480".into(),
        birth_year: "1990".into(),
        gender: "female".into(),
        consents: vec!["registry".into()],
        ..Default::default()
    };
    let input = d.validate(&app.app.refdata, brygga_app::today()).unwrap();
    app.store
        .participant_create(&Actor::system_for("test"), &input)
        .await
        .unwrap();
    let coordinator = app.logged_in(Role::Coordinator).await;
    let rows = csv_of(&coordinator, "/participants/export?format=csv&q=Formelsson").await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[1][0], "'-Formelsson");
    assert_eq!(rows[1][1], "'=HYPERLINK(\"http://evil.example\";\"klick\")");
    let sheet = xlsx_of(
        &coordinator,
        "/participants/export?format=xlsx&q=Formelsson",
    )
    .await;
    // In the workbook it is a string cell, never a formula.
    assert_eq!(
        sheet[1][1],
        Data::String("=HYPERLINK(\"http://evil.example\";\"klick\")".into())
    );

    // The supervisor: her interns only, no eligibility column, the eligibility filter ignored.
    let supervisor = app.logged_in(Role::Supervisor).await;
    let interns = app.participant_ids_for(Role::Supervisor).await;
    let rows = csv_of(
        &supervisor,
        "/participants/export?format=csv&eligibility=eligible",
    )
    .await;
    assert_eq!(rows[0].len(), 5, "{:?}", rows[0]);
    assert!(!rows[0].iter().any(|h| h.contains("Arbetsförmedlingen")));
    assert_eq!(rows.len() - 1, interns.len());
    assert!(!rows.iter().any(|r| r[0] == "'-Formelsson"));

    // The participant has no list, so no file.
    let participant = app.logged_in(Role::Participant).await;
    let status = participant
        .get("/participants/export?format=csv")
        .await
        .status();
    assert!(
        status == StatusCode::FORBIDDEN || status == StatusCode::SEE_OTHER,
        "{status}"
    );
}

async fn employers_and_placements_export_too(app: &TestApp) {
    let coordinator = app.logged_in(Role::Coordinator).await;
    let page = coordinator.page("/employers").await;
    assert!(page.contains("/employers/export?format=xlsx"), "{page}");
    let employers = csv_of(&coordinator, "/employers/export?format=csv").await;
    assert_eq!(
        employers[0],
        ["Namn", "Organisationsnummer", "Sektor", "Samverkansavtal"]
    );
    let (_, api) = Api::new(app)
        .get("/employers", &app.token(Role::Coordinator).await)
        .await;
    assert_eq!(employers.len() - 1, api["total"].as_u64().unwrap() as usize);

    let placements = xlsx_of(
        &coordinator,
        "/placements/export?format=xlsx&status=published",
    )
    .await;
    assert_eq!(placements[0][4], Data::String("Status".into()));
    assert!(placements.len() > 1);
    assert!(
        placements[1..]
            .iter()
            .all(|r| r[4] == Data::String("Publicerad".into())),
        "{placements:?}"
    );

    // The employer's contact exports her own placements only.
    let contact = app.logged_in(Role::EmployerContact).await;
    let (_, mine) = Api::new(app)
        .get("/placements", &app.token(Role::EmployerContact).await)
        .await;
    let rows = csv_of(&contact, "/placements/export?format=csv").await;
    assert_eq!(rows.len() - 1, mine["total"].as_u64().unwrap() as usize);
}

async fn a_list_too_long_for_xlsx_is_offered_as_csv(backend: Backend) {
    let app = spawn_app_with_xlsx_limit(backend, 20).await;
    let coordinator = app.logged_in(Role::Coordinator).await;
    let res = coordinator.get("/participants/export?format=xlsx&q=").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    let message = html::element_by_id(&body, "too-large").unwrap();
    assert!(message.contains("högst 20 rader"), "{message}");
    assert!(
        body.contains("href=\"/participants/export?format=csv&#38;q="),
        "{body}"
    );

    // Past a page of the export (500 rows), the CSV still comes whole, its heads once.
    let programme = demo_programme(&app).await;
    let sys = Actor::system_for("test");
    let before = csv_of(&coordinator, "/participants/export?format=csv")
        .await
        .len()
        - 1;
    let extra = 480;
    for n in 0..extra {
        let d = ParticipantDraft {
            programme_id: programme.to_string(),
            first_name: format!("Extra{n}"),
            last_name: "Listsson".into(),
            municipality_code: "1480".into(),
            birth_year: "1985".into(),
            gender: "male".into(),
            consents: vec!["registry".into()],
            ..Default::default()
        };
        let input = d.validate(&app.app.refdata, brygga_app::today()).unwrap();
        app.store.participant_create(&sys, &input).await.unwrap();
    }
    let rows = csv_of(&coordinator, "/participants/export?format=csv").await;
    assert!(before + extra > 500);
    assert_eq!(rows.len() - 1, before + extra);
    assert_eq!(rows.iter().filter(|r| r[0] == "Efternamn").count(), 1);
    let ids: std::collections::BTreeSet<&String> = rows
        .iter()
        .filter(|r| r[0] == "Listsson")
        .map(|r| &r[1])
        .collect();
    assert_eq!(ids.len(), extra, "each once, none lost between pages");
    app.finish().await;
}

both!(app: courses_events_the_staff_register_and_lessons_export_too);

async fn courses_events_the_staff_register_and_lessons_export_too(app: &TestApp) {
    let coordinator = app.logged_in(Role::Coordinator).await;
    for (list, path, heads) in [
        (
            "/courses",
            "/courses/export?format=csv",
            vec!["Namn", "Kurstyp", "Första kursdag"],
        ),
        (
            "/events",
            "/events/export?format=csv",
            vec!["Rubrik", "Typ", "Första tillfället"],
        ),
        (
            "/events/people",
            "/events/people/export?format=csv",
            vec!["Namn", "Organisation", "Nivå", "Kön", "Evenemang", "Timmar"],
        ),
        (
            "/lessons",
            "/lessons/export?format=csv",
            vec!["Datum", "Program", "Slag"],
        ),
    ] {
        let page = coordinator.page(list).await;
        assert!(page.contains(&path.replace('&', "&#38;")), "{list}: {page}");
        let rows = csv_of(&coordinator, path).await;
        assert_eq!(rows[0][..heads.len()], heads[..], "{path}");
        assert!(rows.len() > 1, "{path}: the demo has some");
        assert!(rows.iter().all(|r| r.len() == rows[0].len()), "{path}");
    }
    // The staff register's hours as numbers in the workbook, with their decimals.
    let sheet = xlsx_of(&coordinator, "/events/people/export?format=xlsx").await;
    assert!(
        sheet[1..]
            .iter()
            .any(|r| matches!(r[5], Data::Float(h) if h > 0.0)),
        "{sheet:?}"
    );
    // Lessons of one programme: the filter kept; in the page's order, the demo's two entries.
    let programme = demo_programme(app).await;
    let rows = csv_of(
        &coordinator,
        &format!("/lessons/export?format=csv&programme={programme}"),
    )
    .await;
    assert_eq!(rows.len() - 1, 2, "{rows:?}");
    // The supervisor keeps no staff register or lessons: refused.
    let supervisor = app.logged_in(Role::Supervisor).await;
    for path in ["/events/people/export", "/lessons/export"] {
        assert_eq!(
            supervisor.get(path).await.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
}
