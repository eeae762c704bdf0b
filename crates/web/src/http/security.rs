//! Security headers on every response, CSRF checking on every form, and the static files
//! (htmx, CSS) served from the binary.
//!
//! CSRF tokens are stateless, so that anonymous pages (the login form, the public portal's
//! interest form) write nothing: a random nonce lives in a cookie of its own, and a form's token
//! is the HMAC, under the installation secret (purpose "csrf"), of that nonce and the logged-in
//! user (if any). A site that cannot read the cookie or the secret cannot make a token that
//! matches; one that plants its own nonce cookie still cannot make a token for someone else's
//! login.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use brygga_store::secret::Secret;
use rust_embed::RustEmbed;
use tower_sessions::Session;

use crate::AppState;

pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// What browsers are told when cookies are `Secure` (the site is served over HTTPS): use HTTPS
/// only, for a year.
pub const HSTS: &str = "max-age=31536000";

pub async fn headers(State(s): State<AppState>, req: Request, next: Next) -> Response {
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
    if s.secure_cookies {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// The cookie that holds this browser's CSRF nonce.
pub const CSRF_COOKIE: &str = "brygga_csrf";

/// This request's CSRF nonce (from its cookie, or made for it), which the CSRF middleware puts
/// in the request's extensions for the page chrome.
#[derive(Debug, Clone)]
pub struct CsrfNonce(pub String);

/// The CSRF token for forms of the browser holding `nonce`, logged in as `user` (or not).
pub fn csrf_token(secret: &Secret, nonce: &str, user: Option<i32>) -> String {
    secret.mac_hex("csrf", csrf_data(nonce, user).as_bytes())
}

fn csrf_data(nonce: &str, user: Option<i32>) -> String {
    format!(
        "{nonce}|{}",
        user.map(|u| u.to_string()).unwrap_or_default()
    )
}

/// The nonce in the request's cookie, if it is one (64 hexadecimal characters).
fn nonce_cookie(h: &HeaderMap) -> Option<String> {
    h.get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().strip_prefix(CSRF_COOKIE)?.strip_prefix('='))
        .find(|n| n.len() == 64 && n.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_string)
}

/// The logged-in user of the request's session, if any (no session cookie: no database read).
pub async fn session_user(session: Option<&Session>) -> Option<i32> {
    match session {
        Some(s) => s
            .get::<i32>(brygga_store::sessions::USER_KEY)
            .await
            .ok()
            .flatten(),
        None => None,
    }
}

/// Every state-changing request outside the token-authenticated API must carry the CSRF token
/// in a `csrf` form field (or the `x-csrf-token` header, as htmx sends it). A multipart upload
/// carries it as a `csrf` query parameter instead, so that the (large) body is streamed to its
/// handler rather than read here. A browser without a nonce cookie gets one with the response.
pub async fn csrf(State(s): State<AppState>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let api = path.starts_with("/api/");
    let give_cookie = !api && !path.starts_with("/static/");
    let (nonce, fresh) = match nonce_cookie(req.headers()) {
        Some(n) => (n, false),
        None => (hex::encode(rand::random::<[u8; 32]>()), true),
    };
    req.extensions_mut().insert(CsrfNonce(nonce.clone()));
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let mut res = if safe || api {
        next.run(req).await
    } else {
        let user = session_user(req.extensions().get::<Session>()).await;
        // No cookie yet: nothing the request carries can match.
        let expected = (!fresh).then(|| csrf_data(&nonce, user));
        checked(s.store.secret(), expected, req, next).await
    };
    if fresh && give_cookie {
        let cookie = format!(
            "{CSRF_COOKIE}={nonce}; Path=/; HttpOnly; SameSite=Lax{}",
            if s.secure_cookies { "; Secure" } else { "" }
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

/// Run the request if the token it carries is the MAC of `expected`.
async fn checked(secret: &Secret, expected: Option<String>, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let ok = |given: Option<String>| match (&expected, given) {
        (Some(data), Some(tag)) => secret.verify_hex("csrf", data.as_bytes(), &tag),
        _ => false,
    };
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
        let query_token = field(parts.uri.query().unwrap_or_default().as_bytes());
        if !ok(header_token.or(query_token)) {
            return csrf_refused(&parts);
        }
        return next.run(Request::from_parts(parts, body)).await;
    }
    let bytes = match axum::body::to_bytes(body, crate::BODY_LIMIT).await {
        Ok(b) => b,
        Err(_) => return (StatusCode::PAYLOAD_TOO_LARGE, "request body too large").into_response(),
    };
    if !ok(header_token.or_else(|| field(&bytes))) {
        return csrf_refused(&parts);
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// The `csrf` field of a form-encoded body or query string.
fn field(encoded: &[u8]) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(encoded)
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "csrf").map(|(_, v)| v))
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
