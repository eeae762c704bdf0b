//! Login, logout, password change and the language choice.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use brygga_store::StoreError;
use brygga_store::users::LoginOutcome;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Lang, Staff, Visitor, WebError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/password", get(password_page).post(change_password))
        .route("/lang/{code}", get(set_lang))
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/login.html")]
struct LoginPage {
    chrome: Chrome,
    email: String,
    next: String,
    errors: Errors,
}

crate::http::page_chrome!(LoginPage);

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
        chrome: v.chrome,
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
                .insert(crate::http::extract::USER_KEY, id)
                .await
                .map_err(|e| WebError::Internal(e.to_string()))?;
            let to = Redirect::to(crate::http::extract::safe_next(&f.next));
            if let Some(actor) = s.store.actor(id).await?
                && let Some(lang) =
                    brygga_app::account::language_at_login(&s, &actor, v.chrome.i18n.lang).await?
            {
                return Ok(([(header::SET_COOKIE, lang_cookie(lang))], to).into_response());
            }
            return Ok(to.into_response());
        }
        LoginOutcome::Failed => "error-login-failed",
        LoginOutcome::Throttled => "error-login-throttled",
    };
    let page = LoginPage {
        chrome: v.chrome,
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
    if let Ok(Some(id)) = v.session.get::<i32>(crate::http::extract::USER_KEY).await
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
    // Drafts kept in the browser (an unsent log entry) are not left on a shared phone.
    Ok((
        [(
            axum::http::HeaderName::from_static("clear-site-data"),
            "\"storage\"",
        )],
        Redirect::to("/login"),
    )
        .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/password.html")]
struct PasswordPage {
    chrome: Chrome,
    errors: Errors,
    saved: bool,
}

crate::http::page_chrome!(PasswordPage);

#[derive(Deserialize, Default)]
#[serde(default)]
struct PasswordForm {
    current: String,
    new: String,
    repeat: String,
}

async fn password_page(st: Staff) -> PasswordPage {
    PasswordPage {
        chrome: st.chrome,
        errors: Errors::default(),
        saved: false,
    }
}

async fn change_password(
    State(s): State<AppState>,
    st: Staff,
    Form(f): Form<PasswordForm>,
) -> Result<Response, WebError> {
    // Every other session of the user ends; this one stays.
    let this_session = st.session.id().map(|id| id.to_string());
    let r = s
        .store
        .change_password(
            &st.actor,
            &f.current,
            &f.new,
            &f.repeat,
            this_session.as_deref(),
        )
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
            chrome: st.chrome,
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
pub(crate) fn lang_cookie(lang: Lang) -> String {
    format!(
        "lang={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        lang.code()
    )
}

async fn set_lang(
    State(s): State<AppState>,
    v: Visitor,
    axum::extract::Path(code): axum::extract::Path<String>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = Lang::parse(&code).unwrap_or_default();
    let cookie = lang_cookie(lang);
    if let Ok(Some(id)) = v.session.get::<i32>(crate::http::extract::USER_KEY).await
        && let Ok(Some(actor)) = s.store.actor(id).await
        && let Err(e) = brygga_app::account::language_chosen(&s, &actor, lang).await
    {
        tracing::warn!("keeping the participant's language: {e}");
    }
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
    let back = crate::http::extract::safe_next(&back).to_string();
    ([(header::SET_COOKIE, cookie)], Redirect::to(&back)).into_response()
}
