//! Extractors: who is asking (a visitor, a logged-in user, an API client) and the record ids in
//! the path.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use brygga_domain::policy::{Action, Resource};
use brygga_store::Actor;
use tower_sessions::Session;

use super::{ApiError, Chrome, I18n, Lang, UserInfo, WebError};
use crate::AppState;

/// The session key that holds the logged-in user's id.
pub(crate) const USER_KEY: &str = brygga_store::sessions::USER_KEY;

/// The language the visitor chose (a cookie), Swedish by default.
pub fn lang_from_headers(h: &HeaderMap) -> Lang {
    h.get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().strip_prefix("lang="))
        .find_map(Lang::parse)
        .unwrap_or_default()
}

/// Anyone, logged in or not.
pub struct Visitor {
    pub chrome: Chrome,
    pub session: Session,
}

impl FromRequestParts<AppState> for Visitor {
    type Rejection = Response;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        // Reading the session writes nothing: anonymous visits leave no row behind.
        let user = super::security::session_user(Some(&session)).await;
        let csrf = parts
            .extensions
            .get::<super::security::CsrfNonce>()
            .map(|n| super::security::csrf_token(state.store.secret(), &n.0, user))
            .unwrap_or_default();
        Ok(Visitor {
            chrome: Chrome {
                i18n: I18n::new(lang_from_headers(&parts.headers)),
                user: None,
                csrf,
            },
            session,
        })
    }
}

/// A logged-in user; anyone else is sent to the login page.
pub struct Staff {
    pub actor: Actor,
    pub chrome: Chrome,
    pub session: Session,
}

impl Staff {
    /// Refuse a role that may never do this before looking at the input (403, not 422).
    pub fn require(&self, action: Action, resource: Resource) -> Result<(), WebError> {
        if self.actor.may(action, resource) {
            Ok(())
        } else {
            Err(WebError::Forbidden)
        }
    }

    pub fn i18n(&self) -> I18n {
        self.chrome.i18n
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = Response;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let v = Visitor::from_request_parts(parts, state).await?;
        let user_id = v.session.get::<i32>(USER_KEY).await.ok().flatten();
        let actor = match user_id {
            Some(id) => state
                .store
                .actor(id)
                .await
                .map_err(|e| WebError::from(e).into_response())?,
            None => None,
        };
        match actor {
            Some(actor) => Ok(Staff {
                chrome: Chrome {
                    user: Some(UserInfo::of(&actor)),
                    i18n: I18n::new(brygga_app::account::page_language(
                        &actor,
                        v.chrome.i18n.lang,
                    )),
                    ..v.chrome
                },
                actor,
                session: v.session,
            }),
            None => {
                let next = parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/");
                let target = format!("/login?next={}", urlencode(next));
                Err(Redirect::to(&target).into_response())
            }
        }
    }
}

/// The caller of the API, from the bearer token.
pub struct ApiActor(pub Actor);

impl FromRequestParts<AppState> for ApiActor {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(ApiError::Unauthorized)?;
        let actor = state
            .store
            .actor_by_token(token.trim())
            .await?
            .ok_or(ApiError::Unauthorized)?;
        Ok(ApiActor(actor))
    }
}

/// The response for a path id that is not one: an unknown record, in the page's or the API's
/// format.
fn unknown_id(parts: &Parts) -> Response {
    if parts.uri.path().starts_with("/api/") {
        ApiError::NotFound.into_response()
    } else {
        WebError::NotFound.into_response()
    }
}

fn record_id(s: &str) -> Option<i32> {
    s.parse::<i32>().ok().filter(|id| *id > 0)
}

/// A record id from the path (`/participants/{id}`).
pub struct Id(pub i32);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        let id = axum::extract::Path::<String>::from_request_parts(parts, state)
            .await
            .ok()
            .and_then(|p| record_id(&p.0));
        id.map(Id).ok_or_else(|| unknown_id(parts))
    }
}

/// Two record ids from the path (`/participants/{id}/clearance/confirmations/{record}`).
pub struct IdPair(pub i32, pub i32);

impl<S: Send + Sync> FromRequestParts<S> for IdPair {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        let ids = axum::extract::Path::<(String, String)>::from_request_parts(parts, state)
            .await
            .ok()
            .and_then(|p| Some(IdPair(record_id(&p.0.0)?, record_id(&p.0.1)?)));
        ids.ok_or_else(|| unknown_id(parts))
    }
}

/// A value for a URL's query string.
pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("v", s)])
        .map(|e| e[2..].to_string())
        .unwrap_or_default()
}

/// Only paths on this site, so a link cannot be used to send people elsewhere: one leading `/`
/// (not `//`), and nothing but printable ASCII without backslashes — browsers drop tabs and
/// newlines from URLs and read `\` as `/`, so `/\t/evil.example` would leave the site, and a
/// line break cannot go into a `Location` header at all. Anything else goes to `/`.
pub fn safe_next(next: &str) -> &str {
    let printable = next
        .bytes()
        .all(|b| (b'!'..=b'~').contains(&b) && b != b'\\');
    if printable && next.starts_with('/') && !next.starts_with("//") {
        next
    } else {
        "/"
    }
}
