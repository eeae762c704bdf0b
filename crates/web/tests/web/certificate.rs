//! Web stories: certificates. The coordinator issues both certificates once the supervisor has
//! signed the end assessment (not before, and not twice), the participant downloads hers, anyone
//! verifies one by its QR link or by pasting the file — and a credential checked by an
//! independent JOSE library (jwt-simple) against the published key holds, while a tampered one
//! is refused there and on the page. Revocation, with its reason, shows to all.

use super::*;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use brygga_domain::certificate::CertificateKind;
use brygga_domain::learning::{AssessmentDraft, AssessmentKind, Assessor};

both!(
    app:
    the_finished_cohorts_certificates_verify_with_an_independent_library,
    a_certificate_is_issued_from_the_signed_end_assessment_once_and_revoked_with_a_reason,
    the_api_issues_revokes_and_verifies_under_the_same_rules,
);

/// The internship of the demo supervisor's intern whose name starts with `name`.
async fn internship_of(app: &TestApp, name: &str) -> i32 {
    supervised_intern(app, name).await.0
}

/// The supervisor signs the end assessment of internship `iid`, every row at level 3.
async fn sign_end(app: &TestApp, iid: i32) {
    let sup = app.actor(Role::Supervisor).await;
    let rated = app.store.assessment_rated(&sup, iid).await.unwrap();
    let mut d = AssessmentDraft::default();
    for r in &rated {
        d.levels.insert(r.key(), "3".into());
        d.evidence
            .insert(r.key(), "Gör det självständigt <b>varje</b> pass".into());
    }
    let ratings = d.validate(&rated, Some(Assessor::Supervisor)).unwrap();
    let today = brygga_app::today();
    app.store
        .assessment_save(&sup, iid, AssessmentKind::End, 0, &ratings, today)
        .await
        .unwrap();
    app.store
        .assessment_sign(&sup, iid, AssessmentKind::End, 1, today, |_| Ok(()))
        .await
        .unwrap();
}

/// The claims of a VC-JWT, checked by jwt-simple against the published JWKS (never Brygga's own
/// verifying code).
async fn independently_verified(
    app: &TestApp,
    jwt: &str,
) -> Result<serde_json::Value, jwt_simple::Error> {
    use jwt_simple::prelude::*;
    let jwks: serde_json::Value = app
        .visitor()
        .get("/.well-known/jwks.json")
        .await
        .json()
        .await
        .unwrap();
    let header: serde_json::Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(jwt.split('.').next().unwrap())
            .unwrap(),
    )
    .unwrap();
    let jwk = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kid"] == header["kid"])
        .expect("the credential's key is published");
    assert_eq!(jwk["kty"], "OKP");
    assert_eq!(jwk["crv"], "Ed25519");
    let raw = URL_SAFE_NO_PAD.decode(jwk["x"].as_str().unwrap()).unwrap();
    let key = Ed25519PublicKey::from_bytes(&raw)?;
    #[derive(serde::Serialize, serde::Deserialize)]
    struct Vc {
        vc: serde_json::Value,
    }
    let claims = key.verify_token::<Vc>(jwt, None)?;
    assert!(claims.issuer.is_some() && claims.jwt_id.is_some());
    Ok(claims.custom.vc)
}

/// `jwt` with its payload changed (the signature kept).
fn tampered(jwt: &str, from: &str, to: &str) -> String {
    let parts: Vec<&str> = jwt.split('.').collect();
    let payload = String::from_utf8(URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    assert!(payload.contains(from), "{from} in {payload}");
    let changed = URL_SAFE_NO_PAD.encode(payload.replace(from, to));
    format!("{}.{changed}.{}", parts[0], parts[2])
}

async fn the_finished_cohorts_certificates_verify_with_an_independent_library(app: &TestApp) {
    let iid = internship_of(app, "Rania").await;
    let coordinator = app.logged_in(Role::Coordinator).await;
    let path = format!("/internships/{iid}/certificates");
    let page = coordinator.page(&path).await;
    // Both certificates live; the first internship certificate revoked with its reason.
    assert!(html::shows(&page, "Praktikintyg"), "{page}");
    assert!(html::shows(&page, "Validerat kompetensbevis"), "{page}");
    assert_eq!(page.matches("badge ok").count(), 2, "{page}");
    assert_eq!(page.matches("badge warn").count(), 1, "{page}");
    assert!(html::shows(&page, "Fel slutdatum angivet"), "{page}");
    // Nothing left to issue while both are live.
    assert!(!page.contains("name=\"kind\""), "{page}");

    let list = app
        .store
        .certificates(&app.actor(Role::Coordinator).await, iid)
        .await
        .unwrap();
    let competence = list.live(CertificateKind::Competence).unwrap();
    let revoked = list.items.iter().find(|c| !c.is_live()).unwrap();

    // The PDF and the credential file download under their names.
    let res = coordinator
        .get(&format!("/certificates/{}/pdf", competence.id))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.contains("kompetensbevis-Rania"),
        "{disposition}"
    );
    let pdf = res.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains(&format!("/verify/{}", competence.content.credential_id)),
        "the QR code's address is on the certificate"
    );
    let res = coordinator
        .get(&format!("/certificates/{}/credential", competence.id))
        .await;
    assert_eq!(res.headers()["content-type"], "application/vc+jwt");
    let jwt = res.text().await.unwrap();

    // An independent library verifies it against the published key.
    let vc = independently_verified(app, &jwt).await.unwrap();
    assert_eq!(vc["type"][1], "OpenBadgeCredential");
    assert_eq!(
        vc["credentialSubject"]["identifier"][0]["identityHash"],
        "Rania Exempeldotter"
    );
    assert!(
        vc["credentialSubject"]["result"].as_array().unwrap().len() >= 4,
        "each rated criterion is a result"
    );
    let profile: serde_json::Value = app
        .visitor()
        .get("/credentials/issuer")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(profile["id"], vc["issuer"]["id"]);

    // A tampered credential: refused by the library and by the page.
    let forged = tampered(&jwt, "Rania Exempeldotter", "Rania Förfalskad");
    assert!(independently_verified(app, &forged).await.is_err());
    let anyone = app.visitor();
    let res = anyone
        .submit("/verify", "/verify", &[("credential", forged.as_str())])
        .await;
    let body = res.text().await.unwrap();
    assert!(html::shows(&body, "Inte äkta"), "{body}");
    assert!(
        !html::shows(&body, "Förfalskad"),
        "a forgery's content is not shown"
    );
    // Pasted as downloaded, it holds.
    let res = anyone
        .submit("/verify", "/verify", &[("credential", jwt.as_str())])
        .await;
    let body = res.text().await.unwrap();
    assert!(html::shows(&body, "Äkta och giltigt"), "{body}");
    assert!(html::shows(&body, "Rania Exempeldotter"), "{body}");
    // Nothing pasted: said beside the field.
    let res = anyone
        .submit("/verify", "/verify", &[("credential", " ")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(
        html::element_by_id(&body, "error-credential").is_some(),
        "{body}"
    );

    // The QR link: valid without a login; the revoked one says so with its reason.
    let page = anyone
        .page(&format!("/verify/{}", competence.content.credential_id))
        .await;
    assert!(html::shows(&page, "Äkta och giltigt"), "{page}");
    assert!(html::shows(&page, "Validerat kompetensbevis"), "{page}");
    let page = anyone
        .page(&format!("/verify/{}", revoked.content.credential_id))
        .await;
    assert!(html::shows(&page, "Återkallat"), "{page}");
    assert!(html::shows(&page, "Fel slutdatum angivet"), "{page}");
    let revocations: serde_json::Value = anyone
        .get("/credentials/revocations")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        revocations["revokedCredentials"][0]["id"],
        format!("urn:uuid:{}", revoked.content.credential_id)
    );
    let res = anyone.get("/verify/not-a-credential").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = anyone
        .get("/verify/00000000-0000-4000-8000-000000000000")
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(html::shows(&res.text().await.unwrap(), "Okänt intyg"));
}

async fn a_certificate_is_issued_from_the_signed_end_assessment_once_and_revoked_with_a_reason(
    app: &TestApp,
) {
    let iid = internship_of(app, "Amina").await;
    let path = format!("/internships/{iid}/certificates");
    let coordinator = app.logged_in(Role::Coordinator).await;
    // Not signed yet: the buttons are off, and a forced submit is refused beside the choice.
    let page = coordinator.page(&path).await;
    assert!(
        html::shows(&page, "har inte signerat slutbedömningen"),
        "{page}"
    );
    let res = coordinator
        .submit(&path, &path, &[("kind", "competence")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(html::element_by_id(&body, "error-kind").is_some(), "{body}");
    // An unknown kind is refused too.
    let res = coordinator
        .submit(&path, &path, &[("kind", "diploma")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    sign_end(app, iid).await;
    // Others may not issue: the supervisor, the employer's contact, the participant.
    for role in [Role::Supervisor, Role::EmployerContact, Role::Participant] {
        let v = app.logged_in(role).await;
        let csrf = csrf_of(&v.page("/").await);
        let res = v
            .post(
                &path,
                &[("csrf".into(), csrf), ("kind".into(), "competence".into())],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{role}");
    }
    let res = coordinator
        .submit(&path, &path, &[("kind", "competence")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // A double submit: refused by name, nothing issued twice.
    let res = coordinator
        .submit(&path, &path, &[("kind", "competence")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html::shows(&res.text().await.unwrap(), "redan utfärdat"));
    let cert = app
        .store
        .certificates(&app.actor(Role::Coordinator).await, iid)
        .await
        .unwrap()
        .items
        .remove(0);
    assert_eq!(cert.content.participant_name, "Amina Exempelsson");
    assert!(
        cert.content
            .ratings
            .iter()
            .any(|r| r.evidence.contains("<b>varje</b>")),
        "evidence kept as typed"
    );

    // The participant sees it among her internship's tabs and downloads it; markup in the
    // evidence stays text on the verification page.
    let me = app.logged_in(Role::Participant).await;
    let page = me.page(&path).await;
    assert!(html::shows(&page, "Validerat kompetensbevis"), "{page}");
    assert!(!page.contains("name=\"reason\""), "she does not revoke");
    let res = me.get(&format!("/certificates/{}/pdf", cert.id)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let verify = format!("/verify/{}", cert.content.credential_id);
    let page = app.visitor().page(&verify).await;
    assert!(html::shows(&page, "Äkta och giltigt"), "{page}");
    assert!(!page.contains("<b>varje</b>"));
    // Another participant's page and file are hidden from her; the evaluator is refused.
    let other = internship_of(app, "Rania").await;
    let other_cert = app
        .store
        .certificates(&app.actor(Role::Coordinator).await, other)
        .await
        .unwrap()
        .items[0]
        .id;
    assert_eq!(
        me.get(&format!("/internships/{other}/certificates"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        me.get(&format!("/certificates/{other_cert}/credential"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let evaluator = app.logged_in(Role::Evaluator).await;
    assert_eq!(evaluator.get(&path).await.status(), StatusCode::FORBIDDEN);

    // Revoking: a reason is required and kept when refused; control characters are refused;
    // a stale version is a conflict; then the verification page says revoked, with the reason.
    let revoke = format!("/certificates/{}/revoke", cert.id);
    let version = cert.version.to_string();
    let res = coordinator
        .submit(&path, &revoke, &[("reason", " "), ("version", &version)])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(
        html::element_by_id(&body, &format!("error-reason-{}", cert.id)).is_some(),
        "{body}"
    );
    let res = coordinator
        .submit(
            &path,
            &revoke,
            &[("reason", "Fel\u{1b}[31m nivå"), ("version", &version)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text().await.unwrap().contains("Fel\u{1b}[31m nivå"),
        "what she typed is kept"
    );
    let stale = (cert.version + 1).to_string();
    let res = coordinator
        .submit(
            &path,
            &revoke,
            &[("reason", "Fel nivå"), ("version", &stale)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = coordinator
        .submit(
            &path,
            &revoke,
            &[
                ("reason", "Fel <script>alert(1)</script> nivå"),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = app.visitor().page(&verify).await;
    assert!(html::shows(&page, "Återkallat"), "{page}");
    assert!(!page.contains("<script>alert(1)"), "{page}");
    assert!(
        html::shows(&page, "Fel <script>alert(1)</script> nivå"),
        "shown as text: {page}"
    );
    // Revoked, it may be issued again.
    let res = coordinator
        .submit(&path, &path, &[("kind", "competence")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

async fn the_api_issues_revokes_and_verifies_under_the_same_rules(app: &TestApp) {
    let api = Api::new(app);
    let iid = internship_of(app, "Amina").await;
    let coordinator = app.token(Role::Coordinator).await;
    let supervisor = app.token(Role::Supervisor).await;
    let list = format!("/internships/{iid}/certificates");
    let (status, body) = api.get(&list, &coordinator).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["signed_end"], false);
    let (status, body) = api
        .post(
            &list,
            &coordinator,
            &serde_json::json!({"kind": "internship"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body.to_string().contains("certificate-error-unsigned"),
        "{body}"
    );
    sign_end(app, iid).await;
    let (status, _) = api
        .post(
            &list,
            &supervisor,
            &serde_json::json!({"kind": "internship"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = api
        .post(
            &list,
            &coordinator,
            &serde_json::json!({"kind": "internship"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_i64().unwrap();
    let (status, body) = api
        .post(
            &list,
            &coordinator,
            &serde_json::json!({"kind": "internship"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.to_string().contains("certificate-error-already"),
        "{body}"
    );
    let (_, body) = api.get(&list, &supervisor).await;
    assert_eq!(body["items"][0]["content"]["kind"], "internship");
    let version = body["items"][0]["version"].as_i64().unwrap();

    let res = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/certificates/{id}/credential")))
        .bearer_auth(&coordinator)
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-type"], "application/vc+jwt");
    let jwt = res.text().await.unwrap();
    assert!(independently_verified(app, &jwt).await.is_ok());
    let verify = |credential: String| {
        let api = &api;
        async move {
            api.call(
                reqwest::Method::POST,
                "/credentials/verify",
                None,
                Some(&serde_json::json!({ "credential": credential })),
            )
            .await
        }
    };
    let (status, body) = verify(jwt.clone()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["verdict"], "valid");
    let (_, body) = verify(tampered(&jwt, "\"Certificate\"", "\"Diploma\"")).await;
    assert_eq!(body["verdict"], "invalid");
    assert!(body["credential"].is_null());
    let (status, _) = verify(String::new()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let revoke = format!("/certificates/{id}/revoke");
    let (status, _) = api
        .post(
            &revoke,
            &coordinator,
            &serde_json::json!({"reason": "Fel period", "version": version + 1}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, body) = api
        .post(
            &revoke,
            &coordinator,
            &serde_json::json!({"reason": "", "version": version}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, _) = api
        .post(
            &revoke,
            &coordinator,
            &serde_json::json!({"reason": "Fel period", "version": version}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, body) = verify(jwt).await;
    assert_eq!(body["verdict"], "revoked");
    assert_eq!(body["revoked_reason"], "Fel period");
}
