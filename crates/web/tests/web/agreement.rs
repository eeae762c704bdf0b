//! Web stories: agreements, their PDFs and the signed copies uploaded back.

use std::io::Write as _;

use super::*;

both!(
    app:
    a_coordinator_issues_a_collaboration_agreement_and_uploads_the_signed_copy,
    internship_agreements_and_their_files_follow_the_participants_rules,
);

pub(crate) const BOUNDARY: &str = "----brygga-test-boundary-7MA4YWxkTrZu0gW";

/// A multipart/form-data body as a browser sends it: text fields, then the file.
pub(crate) fn multipart_body(
    fields: &[(&str, &str)],
    file: Option<(&str, &str, &[u8])>,
) -> Vec<u8> {
    let mut body = vec![];
    for (name, value) in fields {
        write!(
            body,
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        )
        .unwrap();
    }
    if let Some((name, filename, bytes)) = file {
        write!(
            body,
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .unwrap();
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    write!(body, "--{BOUNDARY}--\r\n").unwrap();
    body
}

impl Visitor {
    /// Upload the signed copy through the form on the agreement's page, as a browser would
    /// (the form's action carries the CSRF token).
    async fn upload_signed(
        &self,
        agreement: i32,
        filename: &str,
        bytes: &[u8],
        signed_on: &str,
    ) -> reqwest::Response {
        let page = self.page(&format!("/agreements/{agreement}")).await;
        let csrf = csrf_of(&page);
        let version = html::tag_with_name(
            &page[page
                .find("enctype=\"multipart/form-data\"")
                .expect("the upload form")..],
            "input",
            "version",
        )
        .and_then(|t| html::attr(&t, "value"))
        .expect("a version field");
        let body = multipart_body(
            &[
                ("csrf", &csrf),
                ("version", &version),
                ("signed_on", signed_on),
            ],
            Some(("file", filename, bytes)),
        );
        self.post_multipart(&format!("/agreements/{agreement}/signed?csrf={csrf}"), body)
            .await
    }

    pub(crate) async fn post_multipart(&self, path: &str, body: Vec<u8>) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .header(
                CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path}: {e}"))
    }

    /// Press a one-button form on the agreement's page (generate, sent, end).
    async fn agreement_step(&self, agreement: i32, step: &str) -> reqwest::Response {
        let path = format!("/agreements/{agreement}");
        let page = self.page(&path).await;
        let fields = html::form_fields(&page, &format!("/agreements/{agreement}/{step}"));
        self.post(&format!("/agreements/{agreement}/{step}"), &fields)
            .await
    }
}

/// The ids of the files linked from a page, in order.
fn file_links(page: &str) -> Vec<i32> {
    html::tags(page, "a")
        .iter()
        .filter_map(|t| html::attr(t, "href"))
        .filter_map(|h| h.strip_prefix("/files/").and_then(|id| id.parse().ok()))
        .collect()
}

async fn a_coordinator_issues_a_collaboration_agreement_and_uploads_the_signed_copy(app: &TestApp) {
    let coordinator = app.logged_in(Role::Coordinator).await;
    let employer = app
        .actor(Role::EmployerContact)
        .await
        .employer_id()
        .expect("the demo contact's employer");

    let list = coordinator
        .page(&format!("/employers/{employer}/agreements"))
        .await;
    assert!(html::shows(&list, "Inga avtal ännu."), "{list}");
    let res = coordinator
        .submit(
            &format!("/employers/{employer}/agreements"),
            &format!("/employers/{employer}/agreements"),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let id = id_from_location(&res);
    // A second open one is refused with the reason.
    let res = coordinator
        .submit(
            &format!("/employers/{employer}/agreements"),
            &format!("/employers/{employer}/agreements"),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::shows(
        &res.text().await.unwrap(),
        "Det finns redan ett pågående avtal av det här slaget."
    ));

    // Sending before there is a document says why not.
    let page = coordinator.page(&format!("/agreements/{id}")).await;
    assert!(html::shows(&page, "Utkast"));
    assert!(file_links(&page).is_empty());

    let res = coordinator.agreement_step(id, "generate").await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );
    let page = coordinator.page(&format!("/agreements/{id}")).await;
    let &[pdf_id] = file_links(&page).as_slice() else {
        panic!("one generated file linked: {page}");
    };
    let res = coordinator.get(&format!("/files/{pdf_id}")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[CONTENT_TYPE], "application/pdf");
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    let pdf = res.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "a PDF comes back");

    let res = coordinator.agreement_step(id, "sent").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&format!("/agreements/{id}")).await;
    assert!(html::shows(
        &html::element_by_id(&page, "agreement-status").unwrap(),
        "Skickat"
    ));

    // A text file named .pdf: refused beside the file input, the typed date kept.
    let res = coordinator
        .upload_signed(
            id,
            "signerat.pdf",
            b"just some text, not a PDF",
            "2026-11-30",
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        html::shows(
            &html::element_by_id(&page, "error-file").expect("an error beside the file input"),
            "Filen är inte en PDF, PNG eller JPEG"
        ),
        "{page}"
    );
    assert_eq!(
        html::input_value(&page, "signed_on").as_deref(),
        Some("2026-11-30")
    );
    // A missing date: its own message, beside the date.
    let res = coordinator
        .upload_signed(id, "signerat.pdf", &pdf, "")
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::element_by_id(&res.text().await.unwrap(), "error-signed_on").is_some());

    // Without the CSRF token on the upload: refused.
    let body = multipart_body(
        &[("signed_on", "2026-11-30")],
        Some(("file", "a.pdf", &pdf)),
    );
    let res = coordinator
        .post_multipart(&format!("/agreements/{id}/signed"), body)
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // Far too large a body: a page that says so, not a raw error.
    let page = coordinator.page(&format!("/agreements/{id}")).await;
    let csrf = csrf_of(&page);
    let huge = vec![b'%'; 11 * 1024 * 1024];
    let body = multipart_body(
        &[("signed_on", "2026-11-30")],
        Some(("file", "big.pdf", &huge)),
    );
    let res = coordinator
        .post_multipart(&format!("/agreements/{id}/signed?csrf={csrf}"), body)
        .await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        res.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(html::shows(&res.text().await.unwrap(), "högst 10 MiB"));

    // The signed PDF, named as a browser would: signed, and the employer's record says so.
    let res = coordinator
        .upload_signed(id, "signerat.pdf", &pdf, "2026-11-30")
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );
    let page = coordinator.page(&format!("/agreements/{id}")).await;
    assert!(html::shows(
        &html::element_by_id(&page, "agreement-status").unwrap(),
        "Undertecknat"
    ));
    assert!(html::shows(&page, "signerat.pdf"));
    assert_eq!(file_links(&page).len(), 2);
    let employer_page = coordinator.page(&format!("/employers/{employer}")).await;
    assert!(
        html::shows(&employer_page, "Undertecknat (2026-11-30)"),
        "{employer_page}"
    );

    // The employer's contact sees it and downloads the signed copy.
    let contact = app.logged_in(Role::EmployerContact).await;
    let list = contact
        .page(&format!("/employers/{employer}/agreements"))
        .await;
    assert!(html::shows(&list, "Samverkansavtal"));
    for file in file_links(&page) {
        assert_eq!(
            contact.get(&format!("/files/{file}")).await.status(),
            StatusCode::OK
        );
    }
    // A collaboration agreement is no business of the supervisor (403) nor of the ES officer,
    // who reads only the internship agreements of shared cases (404 for anything else).
    for (role, status) in [
        (Role::EsOfficer, StatusCode::NOT_FOUND),
        (Role::Supervisor, StatusCode::FORBIDDEN),
    ] {
        let v = app.logged_in(role).await;
        assert_eq!(
            v.get(&format!("/agreements/{id}")).await.status(),
            status,
            "{role}"
        );
        assert_eq!(
            v.get(&format!("/files/{pdf_id}")).await.status(),
            status,
            "{role}"
        );
    }
    // Strangers are sent to the login page.
    assert!(
        app.visitor()
            .get(&format!("/files/{pdf_id}"))
            .await
            .status()
            .is_redirection()
    );
    // Ending it.
    let res = coordinator.agreement_step(id, "end").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&format!("/agreements/{id}")).await;
    assert!(html::shows(
        &html::element_by_id(&page, "agreement-status").unwrap(),
        "Avslutat"
    ));
}

async fn internship_agreements_and_their_files_follow_the_participants_rules(app: &TestApp) {
    use sea_orm::ConnectionTrait;
    let employer = app
        .actor(Role::EmployerContact)
        .await
        .employer_id()
        .expect("the demo contact's employer");
    let db = app.store.connection();
    let proposal = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            format!(
                "SELECT cp.participant_id, cp.placement_id FROM candidate_proposals cp \
                 JOIN placements p ON p.id = cp.placement_id \
                 WHERE p.employer_id = {employer} \
                 AND cp.status NOT IN ('rejected', 'withdrawn') ORDER BY cp.id"
            ),
        ))
        .await
        .unwrap()
        .expect("a demo proposal to the contact's employer");
    let (participant, placement): (i32, i32) = (
        proposal.try_get_by_index(0).unwrap(),
        proposal.try_get_by_index(1).unwrap(),
    );
    let coordinator = app.logged_in(Role::Coordinator).await;
    let path = format!("/participants/{participant}/agreements");

    let page = coordinator.page(&path).await;
    assert!(
        html::tags(&page, "option")
            .iter()
            .any(|o| html::attr(o, "value") == Some(placement.to_string())),
        "the proposed placement is offered: {page}"
    );
    // No placement chosen: the message beside the field.
    let res = coordinator
        .submit(&path, &path, &[("placement_id", ""), ("supervisor_id", "")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::element_by_id(&res.text().await.unwrap(), "error-placement_id").is_some());

    let res = coordinator
        .submit(
            &path,
            &path,
            &[
                ("placement_id", &placement.to_string()),
                ("supervisor_id", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let id = id_from_location(&res);
    let res = coordinator.agreement_step(id, "generate").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&format!("/agreements/{id}")).await;
    assert!(html::shows(&page, "Praktikavtal"));
    let &[pdf_id] = file_links(&page).as_slice() else {
        panic!("one generated file: {page}");
    };
    let res = coordinator.get(&format!("/files/{pdf_id}")).await;
    assert!(res.bytes().await.unwrap().starts_with(b"%PDF-"));
    let list = coordinator.page(&path).await;
    assert!(html::shows(&list, &format!("/agreements/{id}")));

    // The employer's contact reads the agreement and the PDF but does not issue documents.
    let contact = app.logged_in(Role::EmployerContact).await;
    contact.page(&format!("/agreements/{id}")).await;
    assert_eq!(
        contact.get(&format!("/files/{pdf_id}")).await.status(),
        StatusCode::OK
    );
    let fields = vec![
        (
            "csrf".to_string(),
            csrf_of(&contact.page(&format!("/agreements/{id}")).await),
        ),
        ("version".to_string(), "2".to_string()),
    ];
    assert_eq!(
        contact
            .post(&format!("/agreements/{id}/generate"), &fields)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    // … nor marks it signed: no upload form for them, and a crafted upload is refused. The
    // coordinator records the signed copy.
    let pdf = coordinator
        .get(&format!("/files/{pdf_id}"))
        .await
        .bytes()
        .await
        .unwrap();
    let page = contact.page(&format!("/agreements/{id}")).await;
    assert!(!page.contains("enctype=\"multipart/form-data\""));
    let csrf = csrf_of(&page);
    let body = multipart_body(
        &[
            ("csrf", &csrf),
            ("version", "2"),
            ("signed_on", "2026-12-01"),
        ],
        Some(("file", "praktikavtal-signerat.pdf", &pdf)),
    );
    let res = contact
        .post_multipart(&format!("/agreements/{id}/signed?csrf={csrf}"), body)
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = coordinator
        .upload_signed(id, "praktikavtal-signerat.pdf", &pdf, "2026-12-01")
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // Others: no business (403) or not to know (404): the officer reads the internship
    // agreements of the cases shared with it, and this one is not.
    for (role, status) in [
        (Role::EsOfficer, StatusCode::NOT_FOUND),
        (Role::Supervisor, StatusCode::FORBIDDEN),
    ] {
        let v = app.logged_in(role).await;
        assert_eq!(
            v.get(&format!("/agreements/{id}")).await.status(),
            status,
            "{role}"
        );
        assert_eq!(
            v.get(&format!("/files/{pdf_id}")).await.status(),
            status,
            "{role}"
        );
        assert!(
            matches!(
                v.get(&path).await.status(),
                StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
            ),
            "{role}"
        );
    }
    assert_eq!(
        coordinator.get("/agreements/999999").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        coordinator.get("/files/999999").await.status(),
        StatusCode::NOT_FOUND
    );
}
