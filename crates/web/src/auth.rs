//! Login, logout, password change, language choice, and the extractors that turn a request into
//! an actor (staff pages) or a visitor (login page).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use brygga_domain::model::Role;
use brygga_domain::policy::{Action, Relation, Resource};
use brygga_store::users::LoginOutcome;
use brygga_store::{Actor, StoreError};
use serde::Deserialize;
use tower_sessions::Session;

use crate::AppState;
use crate::error::WebError;
use crate::forms::Errors;
use crate::i18n::{I18n, Lang};

const USER_KEY: &str = "user_id";

pub fn lang_from_headers(h: &HeaderMap) -> Lang {
    h.get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().strip_prefix("lang="))
        .find_map(Lang::parse)
        .unwrap_or_default()
}

/// What the layout needs to know about the logged-in user.
#[derive(Debug, Clone)]
pub struct UserInfo {
    pub name: String,
    pub role: Role,
    pub sees_participants: bool,
    pub sees_employers: bool,
    pub sees_placements: bool,
    pub is_admin: bool,
    /// The participant record of a participant who is logged in.
    pub own_participant: Option<i32>,
    /// May rank, plan and propose (the matching pages).
    pub matches: bool,
    /// Sees the board of participants by stage.
    pub board: bool,
    /// Handles the inbox of interest from the public portal.
    pub inbox: bool,
    /// Sees the queue of outgoing email.
    pub jobs: bool,
}

impl UserInfo {
    pub fn of(a: &Actor) -> Self {
        let lists = |r| !brygga_domain::policy::list_scope(a.role(), r).is_empty();
        UserInfo {
            name: a.name().to_string(),
            role: a.role(),
            sees_participants: lists(Resource::Participant),
            sees_employers: lists(Resource::Employer),
            sees_placements: lists(Resource::Placement),
            is_admin: a.can(Action::List, Resource::AuditLog, Relation::Unrelated),
            own_participant: a.participant_id(),
            matches: crate::matching::may_match(a),
            board: brygga_domain::policy::list_scope(a.role(), Resource::Participant)
                .contains(&Relation::InOrgScope),
            inbox: lists(Resource::Interest),
            jobs: lists(Resource::Job),
        }
    }

    pub fn role_key(&self) -> String {
        self.role.label_key()
    }
}

/// Anyone, logged in or not.
pub struct Visitor {
    pub i18n: I18n,
    pub csrf: String,
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
        let csrf = crate::security::csrf_token(&session).await;
        Ok(Visitor {
            i18n: I18n::new(lang_from_headers(&parts.headers)),
            csrf,
            session,
        })
    }
}

/// A logged-in user; anyone else is sent to the login page.
pub struct Staff {
    pub actor: Actor,
    pub info: UserInfo,
    pub i18n: I18n,
    pub csrf: String,
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
                info: UserInfo::of(&actor),
                actor,
                i18n: v.i18n,
                csrf: v.csrf,
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

pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("v", s)])
        .map(|e| e[2..].to_string())
        .unwrap_or_default()
}

/// Only local paths, so the login page cannot be used to send people elsewhere.
fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\") {
        next
    } else {
        "/"
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "login.html")]
struct LoginPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    email: String,
    next: String,
    errors: Errors,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LoginQuery {
    next: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LoginForm {
    email: String,
    password: String,
    next: String,
}

async fn login_page(v: Visitor, Query(q): Query<LoginQuery>) -> LoginPage {
    LoginPage {
        i18n: v.i18n,
        user: None,
        csrf: v.csrf,
        email: String::new(),
        next: q.next,
        errors: Errors::default(),
    }
}

async fn login(
    State(s): State<AppState>,
    v: Visitor,
    parts: axum::http::Extensions,
    Form(f): Form<LoginForm>,
) -> Result<Response, WebError> {
    let ip = parts
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into());
    let outcome = s.store.login(&f.email, &f.password, &ip).await?;
    let key = match outcome {
        LoginOutcome::Ok(id) => {
            v.session
                .cycle_id()
                .await
                .map_err(|e| WebError::Internal(e.to_string()))?;
            v.session
                .insert(USER_KEY, id)
                .await
                .map_err(|e| WebError::Internal(e.to_string()))?;
            let _ = v.session.remove::<String>(crate::security::CSRF_KEY).await;
            return Ok(Redirect::to(safe_next(&f.next)).into_response());
        }
        LoginOutcome::Failed => "error-login-failed",
        LoginOutcome::Throttled => "error-login-throttled",
    };
    let page = LoginPage {
        i18n: v.i18n,
        user: None,
        csrf: v.csrf,
        email: f.email,
        next: f.next,
        errors: Errors::form(key),
    };
    let status = if outcome == LoginOutcome::Throttled {
        axum::http::StatusCode::TOO_MANY_REQUESTS
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, page).into_response())
}

async fn logout(State(s): State<AppState>, v: Visitor) -> Result<Response, WebError> {
    if let Ok(Some(id)) = v.session.get::<i32>(USER_KEY).await
        && let Some(actor) = s.store.actor(id).await?
    {
        s.store
            .audit(
                &actor,
                brygga_store::audit::AuditAction::Logout,
                "user",
                Some(id),
                &[],
            )
            .await?;
    }
    v.session
        .flush()
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok(Redirect::to("/login").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "password.html")]
struct PasswordPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    errors: Errors,
    saved: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PasswordForm {
    current: String,
    new: String,
    repeat: String,
}

async fn password_page(st: Staff) -> PasswordPage {
    PasswordPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        errors: Errors::default(),
        saved: false,
    }
}

async fn change_password(
    State(s): State<AppState>,
    st: Staff,
    Form(f): Form<PasswordForm>,
) -> Result<Response, WebError> {
    let r = s
        .store
        .change_password(&st.actor, &f.current, &f.new, &f.repeat)
        .await;
    let (errors, saved) = match r {
        Ok(()) => (Errors::default(), true),
        Err(StoreError::Invalid(e)) => (Errors::from(e), false),
        Err(e) => return Err(e.into()),
    };
    let status = if saved {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        PasswordPage {
            i18n: st.i18n,
            user: Some(st.info),
            csrf: st.csrf,
            errors,
            saved,
        },
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LangQuery {
    back: String,
}

/// Switch language: a cookie that outlives the session, then back to where the user was (the
/// `back` parameter, else the page the link was on, which the same-origin referrer tells).
async fn set_lang(
    axum::extract::Path(code): axum::extract::Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = Lang::parse(&code).unwrap_or_default();
    let cookie = format!(
        "lang={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        lang.code()
    );
    let from_referer = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.parse::<axum::http::Uri>().ok())
        .filter(|u| {
            let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
            u.authority().map(|a| a.as_str()) == host
        })
        .and_then(|u| u.path_and_query().map(|p| p.as_str().to_string()));
    let back = if q.back.is_empty() {
        from_referer.unwrap_or_default()
    } else {
        q.back
    };
    let back = safe_next(&back).to_string();
    ([(header::SET_COOKIE, cookie)], Redirect::to(&back)).into_response()
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/password", get(password_page).post(change_password))
        .route("/lang/{code}", get(set_lang))
}
