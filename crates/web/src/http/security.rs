//! Security headers on every response, CSRF checking on every form, and the static files
//! (htmx, CSS) served from the binary.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;
use tower_sessions::Session;

pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

pub async fn headers(req: Request, next: Next) -> Response {
    let page = !req.uri().path().starts_with("/api/");
    let lang = super::extract::lang_from_headers(req.headers());
    let mut res = next.run(req).await;
    // An error page made where the language was not known: render it in the user's language.
    if let Some(keys) = res
        .extensions()
        .get::<super::error::ErrorPageKeys>()
        .cloned()
        && page
        && lang != super::Lang::default()
    {
        res = super::error::error_page_with(
            super::I18n::new(lang),
            res.status(),
            keys.title_key,
            keys.message_key,
            keys.detail_keys,
        );
    }
    // What an extractor refused (a body over the limit, `page=-1`), in the user's language.
    res = super::error::readable_rejection(page, lang, res).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        // Same-origin only: the language switch returns to the page it was used on; nothing
        // leaks to other sites.
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

pub const CSRF_KEY: &str = "csrf";

/// This session's CSRF token, created on first use.
pub async fn csrf_token(session: &Session) -> String {
    if let Ok(Some(t)) = session.get::<String>(CSRF_KEY).await {
        return t;
    }
    let t = hex::encode(rand::random::<[u8; 32]>());
    let _ = session.insert(CSRF_KEY, &t).await;
    t
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Every state-changing request outside the token-authenticated API must carry the session's
/// CSRF token in a `csrf` form field (or the `x-csrf-token` header, as htmx sends it). A
/// multipart upload carries it as a `csrf` query parameter instead, so that the (large) body is
/// streamed to its handler rather than read here.
pub async fn csrf(req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let Some(session) = req.extensions().get::<Session>().cloned() else {
        return (StatusCode::FORBIDDEN, "missing session").into_response();
    };
    let expected = session
        .get::<String>(CSRF_KEY)
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    let (parts, body) = req.into_parts();
    let header_token = parts
        .headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let multipart = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if multipart {
        let query_token = serde_urlencoded::from_str::<Vec<(String, String)>>(
            parts.uri.query().unwrap_or_default(),
        )
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "csrf").map(|(_, v)| v));
        let given = header_token.or(query_token).unwrap_or_default();
        if expected.is_empty() || !constant_time_eq(expected.as_bytes(), given.as_bytes()) {
            return csrf_refused(&parts);
        }
        return next.run(Request::from_parts(parts, body)).await;
    }
    let bytes = match axum::body::to_bytes(body, crate::BODY_LIMIT).await {
        Ok(b) => b,
        Err(_) => return (StatusCode::PAYLOAD_TOO_LARGE, "request body too large").into_response(),
    };
    let form_token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "csrf").map(|(_, v)| v));
    let given = header_token.or(form_token).unwrap_or_default();
    if expected.is_empty() || !constant_time_eq(expected.as_bytes(), given.as_bytes()) {
        return csrf_refused(&parts);
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn csrf_refused(parts: &axum::http::request::Parts) -> Response {
    let lang = super::extract::lang_from_headers(&parts.headers);
    super::error::error_page(
        super::I18n::new(lang),
        StatusCode::FORBIDDEN,
        "error-title-forbidden",
        "error-csrf",
    )
}

#[derive(RustEmbed)]
#[folder = "static/"]
struct Static;

pub async fn static_file(axum::extract::Path(path): axum::extract::Path<String>) -> Response {
    match Static::get(&path) {
        Some(f) => {
            let mime = if path.ends_with(".js") {
                "text/javascript; charset=utf-8"
            } else if path.ends_with(".css") {
                "text/css; charset=utf-8"
            } else if path.ends_with(".svg") {
                "image/svg+xml"
            } else {
                "application/octet-stream"
            };
            (
                [
                    (header::CONTENT_TYPE, mime),
                    (header::CACHE_CONTROL, "public, max-age=3600"),
                ],
                f.data.into_owned(),
            )
                .into_response()
        }
        None => super::WebError::NotFound.into_response(),
    }
}
