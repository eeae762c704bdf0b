//! Certificates: an internship's certificates (issue, revoke, download the PDF and the signed
//! credential), and the public side anyone reaches without a login: the verification page the
//! QR code leads to (or a credential file pasted in), the issuer's public keys and the
//! revocation list.

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::certificate::{CertificateKind, RevokeDraft};
use brygga_domain::certificate::{Verdict, Verification};
use brygga_domain::policy::{Action, Resource};
use brygga_store::certificate::{CertificateView, Certificates};
use serde::Deserialize;

use crate::AppState;
use brygga_domain::{FieldError, FieldErrors};

use crate::http::{Chrome, Errors, Id, Staff, Visitor, WebError, form_errors};
use crate::learning::Tab;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/internships/{id}/certificates", get(list_show).post(issue))
        .route("/certificates/{id}/revoke", post(revoke))
        .route("/certificates/{id}/pdf", get(pdf))
        .route("/certificates/{id}/credential", get(credential))
        .route("/verify", get(verify_form).post(verify_paste))
        .route("/verify/{credential}", get(verify_show))
        .route("/.well-known/jwks.json", get(jwks))
        .route("/credentials/issuer", get(issuer))
        .route("/credentials/revocations", get(revocations))
}

// ------------------------------------------------------------------ an internship's certificates

#[derive(Template, WebTemplate)]
#[template(path = "certificate/list.html")]
struct ListPage {
    chrome: Chrome,
    c: Certificates,
    kinds: &'static [CertificateKind],
    tab: Tab,
    errors: Errors,
    /// The certificate whose revocation failed, with the reason as typed.
    revoke_for: Option<i32>,
    reason: String,
}

crate::http::page_chrome!(ListPage);

impl ListPage {
    fn live(&self, kind: &CertificateKind) -> Option<&CertificateView> {
        self.c.live(*kind)
    }

    fn reason_of(&self, c: &CertificateView) -> &str {
        if self.revoke_for == Some(c.id) {
            &self.reason
        } else {
            ""
        }
    }

    fn errors_of(&self, c: &CertificateView) -> Errors {
        if self.revoke_for == Some(c.id) {
            self.errors.clone()
        } else {
            Errors::default()
        }
    }

    fn issue_error(&self) -> Option<&'static str> {
        if self.revoke_for.is_none() {
            self.errors.get("kind")
        } else {
            None
        }
    }
}

async fn list_page(
    s: &AppState,
    st: Staff,
    id: i32,
    errors: Errors,
    revoke_for: Option<i32>,
    reason: String,
) -> Result<Response, WebError> {
    let c = brygga_app::certificate::of_internship(s, &st.actor, id).await?;
    let status = crate::http::form_status(&errors);
    Ok((
        status,
        ListPage {
            chrome: st.chrome,
            c,
            kinds: CertificateKind::ALL,
            tab: Tab::Certificates,
            errors,
            revoke_for,
            reason,
        },
    )
        .into_response())
}

async fn list_show(State(s): State<AppState>, st: Staff, Id(id): Id) -> Result<Response, WebError> {
    st.require(Action::Read, Resource::Certificate)?;
    list_page(&s, st, id, Errors::default(), None, String::new()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct IssueForm {
    kind: String,
}

async fn issue(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<IssueForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Certificate)?;
    match brygga_app::certificate::issue(&s, &st.actor, id, &f.kind).await {
        Ok(cid) => {
            Ok(Redirect::to(&format!("/internships/{id}/certificates#c{cid}")).into_response())
        }
        Err(e) => {
            let errors = form_errors(e)?;
            list_page(&s, st, id, errors, None, String::new()).await
        }
    }
}

async fn revoke(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(d): Form<RevokeDraft>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Certificate)?;
    let internship = s.store.certificate(&st.actor, id).await?.0.internship_id;
    match brygga_app::certificate::revoke(&s, &st.actor, id, &d).await {
        Ok(()) => Ok(
            Redirect::to(&format!("/internships/{internship}/certificates#c{id}")).into_response(),
        ),
        Err(e) => {
            let errors = form_errors(e)?;
            list_page(&s, st, internship, errors, Some(id), d.reason).await
        }
    }
}

async fn pdf(State(s): State<AppState>, st: Staff, Id(id): Id) -> Result<Response, WebError> {
    st.require(Action::Read, Resource::Certificate)?;
    let (name, bytes) = brygga_app::certificate::pdf(&s, &st.actor, id).await?;
    Ok(crate::file::download("application/pdf", &name, bytes))
}

async fn credential(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    st.require(Action::Read, Resource::Certificate)?;
    let (name, jwt) = brygga_app::certificate::credential_file(&s, &st.actor, id).await?;
    Ok(crate::file::download(
        "application/vc+jwt",
        &name,
        jwt.into_bytes(),
    ))
}

/// A language's own name by its code (the second language of a certificate).
pub fn language_name(code: &str) -> &'static str {
    brygga_i18n::Lang::parse(code).map_or("", |l| l.native_name())
}

// ------------------------------------------------------------------ public verification

#[derive(Template, WebTemplate)]
#[template(path = "certificate/verify.html")]
struct VerifyPage {
    chrome: Chrome,
    v: Option<Verification>,
    /// What was pasted (kept when it did not verify).
    pasted: String,
    errors: Errors,
}

crate::http::page_chrome!(VerifyPage);

impl VerifyPage {
    fn verdict(&self) -> &'static str {
        match self.v.as_ref().map(|v| &v.verdict) {
            Some(Verdict::Valid) => "valid",
            Some(Verdict::Revoked) => "revoked",
            Some(Verdict::Invalid) => "invalid",
            Some(Verdict::Unknown) => "unknown",
            None => "",
        }
    }
}

async fn verify_show(
    State(s): State<AppState>,
    v: Visitor,
    Path(credential): Path<String>,
) -> Result<Response, WebError> {
    let found = brygga_app::certificate::verify_id(&s, &credential).await?;
    let status = match found.verdict {
        Verdict::Unknown => axum::http::StatusCode::NOT_FOUND,
        _ => axum::http::StatusCode::OK,
    };
    Ok((
        status,
        VerifyPage {
            chrome: v.chrome,
            v: Some(found),
            pasted: String::new(),
            errors: Errors::default(),
        },
    )
        .into_response())
}

async fn verify_form(v: Visitor) -> VerifyPage {
    VerifyPage {
        chrome: v.chrome,
        v: None,
        pasted: String::new(),
        errors: Errors::default(),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PasteForm {
    credential: String,
}

/// The longest credential file taken in (a certificate's is a few kilobytes).
const PASTE_MAX: usize = 64 * 1024;

async fn verify_paste(
    State(s): State<AppState>,
    v: Visitor,
    Form(f): Form<PasteForm>,
) -> Result<Response, WebError> {
    let token = f.credential.trim();
    let problem = if token.is_empty() {
        Some("error-required")
    } else if token.len() > PASTE_MAX {
        Some("certificate-error-too-long")
    } else {
        None
    };
    let errors = match problem {
        Some(key) => Errors::from(FieldErrors(vec![FieldError::new("credential", key)])),
        None => Errors::default(),
    };
    let found = if errors.is_empty() {
        Some(brygga_app::certificate::verify_token(&s, token).await?)
    } else {
        None
    };
    let status = crate::http::form_status(&errors);
    let pasted = if f.credential.len() > PASTE_MAX {
        String::new()
    } else {
        f.credential
    };
    Ok((
        status,
        VerifyPage {
            chrome: v.chrome,
            v: found,
            pasted,
            errors,
        },
    )
        .into_response())
}

fn json(v: serde_json::Value) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "public, max-age=300"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        v.to_string(),
    )
        .into_response()
}

async fn jwks(State(s): State<AppState>) -> Result<Response, WebError> {
    Ok(json(brygga_app::certificate::jwks(&s).await?))
}

async fn issuer(State(s): State<AppState>) -> Result<Response, WebError> {
    Ok(json(
        brygga_app::certificate::issuer_profile(&s, "Brygga").await?,
    ))
}

async fn revocations(State(s): State<AppState>) -> Result<Response, WebError> {
    Ok(json(brygga_app::certificate::revocation_list(&s).await?))
}
