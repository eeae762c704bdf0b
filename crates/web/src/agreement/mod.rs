//! Agreements: collaboration agreements of employers and internship agreements of participants,
//! generated as PDF, marked sent, signed by uploading the signed copy, ended.

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::multipart::{Multipart, MultipartError};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::model::AgreementKind;
use brygga_domain::{FieldError, FieldErrors};
use brygga_store::StoreError;
use brygga_store::agreement::{AgreementRecord, InternshipChoices};
use brygga_store::files::Upload;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, I18n, Id, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/employers/{id}/agreements",
            get(employer_agreements).post(collaboration_create),
        )
        .route(
            "/participants/{id}/agreements",
            get(participant_agreements).post(internship_create),
        )
        .route("/agreements/{id}", get(agreement_show))
        .route("/agreements/{id}/generate", post(agreement_generate))
        .route("/agreements/{id}/sent", post(agreement_sent))
        .route("/agreements/{id}/end", post(agreement_end))
}

/// The signed-copy upload accepts the largest file (10 MiB) plus the form around it.
pub const UPLOAD_LIMIT: usize = brygga_store::files::MAX_FILE_BYTES + 512 * 1024;

/// The one route that takes a file, with its own body limit (everything else keeps the
/// default). Merged outside the default limit in `crate::router`.
pub fn upload_router() -> Router<AppState> {
    Router::new()
        .route("/agreements/{id}/signed", post(agreement_signed))
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(UPLOAD_LIMIT))
}

fn create_key(kind: AgreementKind) -> &'static str {
    match kind {
        AgreementKind::Collaboration => "agreements-create-collaboration",
        AgreementKind::Internship => "agreements-create-internship",
    }
}

// ------------------------------------------------------------------ lists of agreements

/// An employer's or a participant's agreements, with the form to start a new one.
#[derive(Template, WebTemplate)]
#[template(path = "agreement/list.html")]
struct AgreementListPage {
    chrome: Chrome,
    /// Where the list belongs: "/employers/3" or "/participants/7".
    owner_path: String,
    owner_name: String,
    /// The create button's label key.
    create_key: &'static str,
    agreements: Vec<AgreementRecord>,
    /// The creation form (internship agreements pick placement and supervisor).
    can_create: bool,
    choices: Option<InternshipChoices>,
    form: InternshipForm,
    errors: Errors,
}

crate::http::page_chrome!(AgreementListPage);

async fn employer_list_page(
    s: &AppState,
    st: Staff,
    id: i32,
    errors: Errors,
) -> Result<AgreementListPage, WebError> {
    let e = s.store.employer_get(&st.actor, id).await?;
    let agreements = s.store.agreements_of_employer(&st.actor, id).await?;
    let can_create = st.actor.may(
        brygga_domain::policy::Action::Create,
        brygga_domain::policy::Resource::Agreement,
    );
    Ok(AgreementListPage {
        chrome: st.chrome,
        owner_path: format!("/employers/{id}"),
        owner_name: e.name,
        create_key: create_key(AgreementKind::Collaboration),
        agreements,
        can_create,
        choices: None,
        form: InternshipForm::default(),
        errors,
    })
}

async fn employer_agreements(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<AgreementListPage, WebError> {
    employer_list_page(&s, st, id, Errors::default()).await
}

async fn collaboration_create(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    match s.store.agreement_create_collaboration(&st.actor, id).await {
        Ok(aid) => Ok(Redirect::to(&format!("/agreements/{aid}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            Ok((status, employer_list_page(&s, st, id, errors).await?).into_response())
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct InternshipForm {
    pub placement_id: String,
    pub supervisor_id: String,
}

impl InternshipForm {
    fn id_of(s: &str) -> Option<i32> {
        s.trim().parse().ok()
    }
}

async fn participant_list_page(
    s: &AppState,
    st: Staff,
    id: i32,
    form: InternshipForm,
    errors: Errors,
) -> Result<AgreementListPage, WebError> {
    let p = s.store.participant_get(&st.actor, id).await?;
    let agreements = s.store.agreements_of_participant(&st.actor, id).await?;
    let choices = match s.store.internship_choices(&st.actor, id).await {
        Ok(c) => Some(c),
        Err(StoreError::Forbidden | StoreError::NotFound) => None,
        Err(e) => return Err(e.into()),
    };
    Ok(AgreementListPage {
        chrome: st.chrome,
        owner_path: format!("/participants/{id}"),
        owner_name: format!("{} {}", p.first_name, p.last_name),
        create_key: create_key(AgreementKind::Internship),
        agreements,
        can_create: choices.is_some(),
        choices,
        form,
        errors,
    })
}

async fn participant_agreements(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<AgreementListPage, WebError> {
    participant_list_page(&s, st, id, InternshipForm::default(), Errors::default()).await
}

async fn internship_create(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(form): Form<InternshipForm>,
) -> Result<Response, WebError> {
    st.require(
        brygga_domain::policy::Action::Create,
        brygga_domain::policy::Resource::Agreement,
    )?;
    let result = s
        .store
        .agreement_create_internship(
            &st.actor,
            id,
            InternshipForm::id_of(&form.placement_id),
            InternshipForm::id_of(&form.supervisor_id),
        )
        .await;
    match result {
        Ok(aid) => Ok(Redirect::to(&format!("/agreements/{aid}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            Ok((
                status,
                participant_list_page(&s, st, id, form, errors).await?,
            )
                .into_response())
        }
    }
}

// ------------------------------------------------------------------ one agreement

#[derive(Template, WebTemplate)]
#[template(path = "agreement/show.html")]
struct AgreementPage {
    chrome: Chrome,
    a: AgreementRecord,
    /// The signed date as typed (kept when the upload is refused).
    signed_on: String,
    errors: Errors,
}

crate::http::page_chrome!(AgreementPage);

async fn agreement_page(
    s: &AppState,
    st: Staff,
    id: i32,
    signed_on: String,
    errors: Errors,
) -> Result<AgreementPage, WebError> {
    let a = s.store.agreement_get(&st.actor, id).await?;
    Ok(AgreementPage {
        chrome: st.chrome,
        a,
        signed_on,
        errors,
    })
}

async fn agreement_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<AgreementPage, WebError> {
    agreement_page(&s, st, id, today_str(), Errors::default()).await
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct VersionForm {
    version: String,
}

impl VersionForm {
    fn version(&self) -> i32 {
        self.version.trim().parse().unwrap_or(0)
    }
}

/// After a step: back to the agreement, or the agreement page with the reason.
async fn after_step(
    s: &AppState,
    st: Staff,
    id: i32,
    result: Result<(), impl Into<brygga_app::Error>>,
    signed_on: String,
) -> Result<Response, WebError> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/agreements/{id}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            Ok((status, agreement_page(s, st, id, signed_on, errors).await?).into_response())
        }
    }
}

fn today_str() -> String {
    brygga_app::today().to_string()
}

async fn agreement_generate(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<VersionForm>,
) -> Result<Response, WebError> {
    let result = brygga_app::agreement::generate(&s, &st.actor, id, f.version()).await;
    after_step(&s, st, id, result, today_str()).await
}

async fn agreement_sent(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<VersionForm>,
) -> Result<Response, WebError> {
    let result = s
        .store
        .agreement_mark_sent(&st.actor, id, f.version())
        .await;
    after_step(&s, st, id, result, today_str()).await
}

async fn agreement_end(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<VersionForm>,
) -> Result<Response, WebError> {
    let result = s.store.agreement_end(&st.actor, id, f.version()).await;
    after_step(&s, st, id, result, today_str()).await
}

/// The signed-copy form as it arrived (multipart: the file and the date it was signed).
#[derive(Default)]
struct SignedForm {
    version: String,
    signed_on: String,
    file: Option<Upload>,
}

impl SignedForm {
    async fn read(mut m: Multipart) -> Result<SignedForm, MultipartError> {
        let mut f = SignedForm::default();
        while let Some(field) = m.next_field().await? {
            match field.name().unwrap_or_default() {
                "version" => f.version = field.text().await?,
                "signed_on" => f.signed_on = field.text().await?.trim().to_string(),
                "file" => {
                    let filename = field.file_name().unwrap_or_default().to_string();
                    let bytes = field.bytes().await?;
                    // A file input left empty arrives as a part with no name and no bytes.
                    if !(filename.is_empty() && bytes.is_empty()) {
                        f.file = Some(Upload { filename, bytes });
                    }
                }
                _ => {}
            }
        }
        Ok(f)
    }

    /// The date and the file, or the field errors for what is missing or malformed.
    fn validate(&self) -> Result<(chrono::NaiveDate, &Upload), FieldErrors> {
        let mut errors = FieldErrors(vec![]);
        let date = chrono::NaiveDate::parse_from_str(&self.signed_on, "%Y-%m-%d").ok();
        if self.signed_on.is_empty() {
            errors.push(FieldError::new("signed_on", "error-required"));
        } else if date.is_none() {
            errors.push(FieldError::new("signed_on", "error-date"));
        }
        let file = match &self.file {
            Some(f) => brygga_store::files::check_upload("file", &f.bytes)
                .map_err(|e| errors.push(e))
                .ok()
                .map(|_| f),
            None => {
                errors.push(FieldError::new("file", "file-error-empty"));
                None
            }
        };
        match (date, file) {
            (Some(d), Some(f)) if errors.0.is_empty() => Ok((d, f)),
            _ => Err(errors),
        }
    }
}

fn too_large(i18n: I18n) -> Response {
    crate::http::error::error_page(
        i18n,
        StatusCode::PAYLOAD_TOO_LARGE,
        "error-title-too-large",
        "error-too-large",
    )
}

async fn agreement_signed(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let form = match SignedForm::read(multipart).await {
        Ok(f) => f,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Ok(too_large(st.chrome.i18n));
        }
        Err(_) => SignedForm::default(),
    };
    let version = form.version.trim().parse().unwrap_or(0);
    let result = match form.validate() {
        Ok((date, file)) => {
            s.store
                .agreement_sign(&s.files, &st.actor, id, version, file, date)
                .await
        }
        Err(e) => {
            // A role that may never sign gets 403, not a list of field errors.
            st.require(
                brygga_domain::policy::Action::Update,
                brygga_domain::policy::Resource::Agreement,
            )?;
            Err(StoreError::Invalid(e))
        }
    };
    let signed_on = form.signed_on.clone();
    after_step(&s, st, id, result, signed_on).await
}
