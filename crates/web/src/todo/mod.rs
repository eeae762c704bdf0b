//! The to-do digest's settings: whether the user wants e-mail when something new waits for
//! them, and in which language (`/account/notifications`). The to-do list itself is on the home
//! page.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/account/notifications",
        get(settings_page).post(settings_save),
    )
}

#[derive(Template, WebTemplate)]
#[template(path = "todo/notifications.html")]
struct SettingsPage {
    chrome: Chrome,
    form: SettingsForm,
    saved: bool,
    errors: Errors,
}

crate::http::page_chrome!(SettingsPage);

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct SettingsForm {
    /// "on" when ticked (an unticked box sends nothing).
    notify_email: String,
    lang: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SavedQuery {
    saved: String,
}

async fn settings_page(
    State(s): State<AppState>,
    st: Staff,
    Query(q): Query<SavedQuery>,
) -> Result<Response, WebError> {
    let (notify, lang) = s.store.notification_settings(&st.actor).await?;
    let form = SettingsForm {
        notify_email: if notify { "on".into() } else { String::new() },
        lang,
    };
    Ok(SettingsPage {
        chrome: st.chrome,
        form,
        saved: q.saved == "1",
        errors: Errors::default(),
    }
    .into_response())
}

async fn settings_save(
    State(s): State<AppState>,
    st: Staff,
    Form(f): Form<SettingsForm>,
) -> Result<Response, WebError> {
    match s
        .store
        .notification_settings_set(&st.actor, f.notify_email == "on", f.lang.trim())
        .await
    {
        Ok(()) => {
            let to = Redirect::to("/account/notifications?saved=1");
            // A language kept with the login holds on her pages too.
            match crate::http::Lang::parse(f.lang.trim()) {
                Some(lang) if brygga_app::account::keeps_language(&st.actor) => Ok((
                    [(
                        axum::http::header::SET_COOKIE,
                        crate::auth::lang_cookie(lang),
                    )],
                    to,
                )
                    .into_response()),
                _ => Ok(to.into_response()),
            }
        }
        Err(e) => {
            let errors = form_errors(e)?;
            let status = form_status(&errors);
            let page = SettingsPage {
                chrome: st.chrome,
                form: f,
                saved: false,
                errors,
            };
            Ok((status, page).into_response())
        }
    }
}
