//! The web layer's errors, mapped to responses once: for pages an error page in the user's
//! language, for the API a JSON body with field errors. Every use-case and store error reaches
//! here through `brygga_app::Error`, so the mapping (invalid → 422, conflict → 409, not found →
//! 404, forbidden → 403, anything else → 500) is written once.

use askama::Template;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use brygga_domain::FieldErrors;
use brygga_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

use super::{Chrome, I18n};

/// Why a page could not be shown.
#[derive(Debug)]
pub enum WebError {
    NotFound,
    Forbidden,
    Conflict,
    /// Input that is wrong where no form can show it again (a form shows its own errors).
    Invalid(FieldErrors),
    Internal(String),
}

impl From<brygga_app::Error> for WebError {
    fn from(e: brygga_app::Error) -> Self {
        use brygga_app::Error as E;
        match e {
            E::NotFound => WebError::NotFound,
            E::Forbidden => WebError::Forbidden,
            E::Conflict => WebError::Conflict,
            E::Invalid(fe) => WebError::Invalid(fe),
            E::Internal(m) => WebError::Internal(m),
        }
    }
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        brygga_app::Error::from(e).into()
    }
}

impl WebError {
    fn status_and_keys(&self) -> (StatusCode, &'static str, &'static str) {
        match self {
            WebError::NotFound => (
                StatusCode::NOT_FOUND,
                "error-title-not-found",
                "error-not-found",
            ),
            WebError::Forbidden => (
                StatusCode::FORBIDDEN,
                "error-title-forbidden",
                "error-forbidden",
            ),
            WebError::Conflict => (
                StatusCode::CONFLICT,
                "error-title-conflict",
                "error-conflict",
            ),
            WebError::Invalid(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "error-title-invalid",
                "error-invalid",
            ),
            WebError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-title-internal",
                "error-internal",
            ),
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub chrome: Chrome,
    pub title_key: &'static str,
    pub message_key: &'static str,
    /// What was wrong, one message key per wrong field (of an `Invalid` error).
    pub detail_keys: Vec<&'static str>,
}

super::page_chrome!(ErrorPage);

/// The keys of an error page whose language is not known where it arose; the security-headers
/// middleware, which knows the request, renders it in the user's language.
#[derive(Debug, Clone)]
pub(crate) struct ErrorPageKeys {
    pub title_key: &'static str,
    pub message_key: &'static str,
    pub detail_keys: Vec<&'static str>,
}

pub fn error_page(
    i18n: I18n,
    status: StatusCode,
    title_key: &'static str,
    message_key: &'static str,
) -> Response {
    error_page_with(i18n, status, title_key, message_key, vec![])
}

/// An error page that also lists what was wrong (`detail_keys`, message keys).
pub(crate) fn error_page_with(
    i18n: I18n,
    status: StatusCode,
    title_key: &'static str,
    message_key: &'static str,
    detail_keys: Vec<&'static str>,
) -> Response {
    let page = ErrorPage {
        chrome: Chrome::anonymous(i18n),
        title_key,
        message_key,
        detail_keys,
    };
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (status, i18n.t(message_key)).into_response(),
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (status, title_key, message_key) = self.status_and_keys();
        if let WebError::Internal(e) = &self {
            tracing::error!("internal error: {e}");
        }
        let mut detail_keys: Vec<&'static str> = match &self {
            WebError::Invalid(f) => f.0.iter().map(|e| e.key).collect(),
            _ => vec![],
        };
        detail_keys.dedup();
        let mut res = error_page_with(
            I18n::default(),
            status,
            title_key,
            message_key,
            detail_keys.clone(),
        );
        res.extensions_mut().insert(ErrorPageKeys {
            title_key,
            message_key,
            detail_keys,
        });
        res
    }
}

/// axum's extractors refuse what they cannot read (a query such as `page=-1`, a form value of
/// the wrong kind, a body over the limit, a wrong content type) with an English plain-text
/// body. Every such answer becomes an error page in the user's language, or under /api/ the
/// API's JSON error with the offending field named, keeping its 4xx status.
pub(crate) async fn readable_rejection(page: bool, lang: super::Lang, res: Response) -> Response {
    let status = res.status();
    let plain = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    if !plain || !status.is_client_error() {
        return res;
    }
    let too_large = status == StatusCode::PAYLOAD_TOO_LARGE;
    if page {
        let (title, message) = if too_large {
            ("error-title-too-large", "error-too-large")
        } else {
            ("error-title-bad-request", "error-bad-request")
        };
        return error_page(super::I18n::new(lang), status, title, message);
    }
    if too_large {
        return ApiError::TooLarge.into_response();
    }
    let text = axum::body::to_bytes(res.into_body(), 64 * 1024)
        .await
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let i18n = I18n::default();
    let errors = rejected_field(&text)
        .map(|field| ApiFieldError {
            field,
            key: "error-bad-value".into(),
            message: i18n.t("error-bad-value"),
        })
        .into_iter()
        .collect();
    let body = ApiErrorBody {
        error: i18n.t("error-bad-request"),
        errors,
    };
    (status, Json(body)).into_response()
}

/// The field an extractor's message names (`Failed to deserialize query string: page: invalid
/// digit found in string` names `page`).
fn rejected_field(text: &str) -> Option<String> {
    let (_, rest) = text.split_once(": ")?;
    let (field, _) = rest.split_once(": ")?;
    let plain = !field.is_empty()
        && field
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']'));
    plain.then(|| field.to_string())
}

/// Unknown paths: a page, or JSON under /api/.
pub async fn not_found(uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        return ApiError::NotFound.into_response();
    }
    WebError::NotFound.into_response()
}

// ------------------------------------------------------------------ the API's errors

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiFieldError {
    pub field: String,
    pub key: String,
    pub message: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiErrorBody {
    pub error: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ApiFieldError>,
}

#[derive(Debug)]
pub enum ApiError {
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    /// A link that worked once and no longer does; the message key says why.
    Gone(&'static str),
    Invalid(FieldErrors),
    BadRequest(String),
    TooLarge,
    Internal(String),
}

impl From<brygga_app::Error> for ApiError {
    fn from(e: brygga_app::Error) -> Self {
        match WebError::from(e) {
            WebError::NotFound => ApiError::NotFound,
            WebError::Forbidden => ApiError::Forbidden,
            WebError::Conflict => ApiError::Conflict,
            WebError::Invalid(f) => ApiError::Invalid(f),
            WebError::Internal(m) => ApiError::Internal(m),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        brygga_app::Error::from(e).into()
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> Self {
        match r {
            JsonRejection::BytesRejection(_) => ApiError::TooLarge,
            other => ApiError::BadRequest(other.body_text()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let i18n = I18n::default();
        let (status, error, errors) = match self {
            ApiError::Unauthorized => {
                (StatusCode::UNAUTHORIZED, "unauthorized".to_string(), vec![])
            }
            ApiError::Forbidden => (StatusCode::FORBIDDEN, i18n.t("error-forbidden"), vec![]),
            ApiError::NotFound => (StatusCode::NOT_FOUND, i18n.t("error-not-found"), vec![]),
            ApiError::Conflict => (StatusCode::CONFLICT, i18n.t("error-conflict"), vec![]),
            ApiError::Gone(key) => (StatusCode::GONE, i18n.t(key), vec![]),
            ApiError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                i18n.t("error-too-large"),
                vec![],
            ),
            ApiError::BadRequest(m) => (StatusCode::BAD_REQUEST, m, vec![]),
            ApiError::Invalid(f) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid input".to_string(),
                f.0.into_iter()
                    .map(|e| ApiFieldError {
                        message: i18n.t(e.key),
                        key: e.key.to_string(),
                        field: e.field,
                    })
                    .collect(),
            ),
            ApiError::Internal(e) => {
                tracing::error!("api internal error: {e}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    i18n.t("error-internal"),
                    vec![],
                )
            }
        };
        let mut res = (status, Json(ApiErrorBody { error, errors })).into_response();
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        res
    }
}
