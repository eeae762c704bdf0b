//! The follow-up survey: the public page a participant answers at without logging in
//! (`/survey/{token}`, in her language), and the coordinator's "send again" on the leaving page.

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::outcome::{FollowUpPoint, OutcomeGroup, OutcomeStatus};
use brygga_domain::policy::{Action, Resource};
use brygga_domain::survey::{EXIT_QUESTIONS, SurveyAnswerDraft, SurveyState};
use brygga_store::survey::SurveyLink;
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, Staff, Visitor, WebError, form_errors};
use crate::participant::exit::{SurveyTyped, Typed};
use crate::user::invitation::page_chrome;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/survey/{token}", get(survey_page).post(survey_answer))
        .route("/participants/{id}/surveys", post(send))
}

// ------------------------------------------------------------------ the participant's page

#[derive(Template, WebTemplate)]
#[template(path = "survey/answer.html")]
struct AnswerPage {
    chrome: Chrome,
    token: String,
    point: FollowUpPoint,
    first_name: String,
    expires_on: String,
    form: SurveyAnswerDraft,
    errors: Errors,
}

crate::http::page_chrome!(AnswerPage);

/// The statuses as she is asked them, in the reports' groups.
const GROUPS: [OutcomeGroup; 4] = [
    OutcomeGroup::Work,
    OutcomeGroup::Studies,
    OutcomeGroup::Seeking,
    OutcomeGroup::Other,
];

impl AnswerPage {
    fn groups(&self) -> Vec<(&'static str, Vec<OutcomeStatus>)> {
        GROUPS
            .iter()
            .map(|g| {
                let key = match g {
                    OutcomeGroup::Work => "survey-group-work",
                    OutcomeGroup::Studies => "survey-group-studies",
                    OutcomeGroup::Seeking => "survey-group-seeking",
                    OutcomeGroup::Other => "survey-group-other",
                };
                let members = OutcomeStatus::ALL
                    .iter()
                    .copied()
                    .filter(|s| s.group() == *g)
                    .collect();
                (key, members)
            })
            .collect()
    }

    fn questions(&self) -> &'static [&'static str] {
        if self.point == FollowUpPoint::Exit {
            &EXIT_QUESTIONS
        } else {
            &[]
        }
    }

    fn scale(&self) -> [u8; 5] {
        [1, 2, 3, 4, 5]
    }

    /// A message key for the page's point ("survey-title-month3").
    fn key(&self, prefix: &str) -> String {
        format!("{prefix}-{}", self.point)
    }

    fn chosen(&self, question: &str, n: &u8) -> bool {
        let typed = match question {
            "benefit" => &self.form.benefit,
            "swedish" => &self.form.swedish,
            _ => &self.form.closer,
        };
        typed.trim() == n.to_string()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "survey/closed.html")]
struct ClosedPage {
    chrome: Chrome,
    title_key: &'static str,
    message_key: &'static str,
}

crate::http::page_chrome!(ClosedPage);

fn message(
    chrome: Chrome,
    status: StatusCode,
    title_key: &'static str,
    message_key: &'static str,
) -> Response {
    (
        status,
        ClosedPage {
            chrome,
            title_key,
            message_key,
        },
    )
        .into_response()
}

/// A link that takes no answer: answered, expired or replaced (gone), never made.
fn closed(chrome: Chrome, headers: &HeaderMap, link: &SurveyLink) -> Response {
    let (status, title_key, message_key, lang) = match link {
        SurveyLink::Closed {
            state: SurveyState::Answered,
            lang,
        } => (
            StatusCode::GONE,
            "survey-answered-title",
            "survey-answered",
            lang.as_str(),
        ),
        SurveyLink::Closed {
            state: SurveyState::Expired,
            lang,
        } => (
            StatusCode::GONE,
            "survey-expired-title",
            "survey-expired",
            lang.as_str(),
        ),
        SurveyLink::Closed { lang, .. } => (
            StatusCode::GONE,
            "survey-replaced-title",
            "survey-replaced",
            lang.as_str(),
        ),
        _ => (
            StatusCode::NOT_FOUND,
            "survey-unknown-title",
            "survey-unknown",
            "",
        ),
    };
    message(
        page_chrome(chrome, headers, lang),
        status,
        title_key,
        message_key,
    )
}

fn answer_page(
    chrome: Chrome,
    headers: &HeaderMap,
    token: String,
    link: SurveyLink,
    form: SurveyAnswerDraft,
    errors: Errors,
) -> Response {
    let SurveyLink::Open {
        point,
        lang,
        first_name,
        expires_at,
    } = link
    else {
        return closed(chrome, headers, &link);
    };
    let status = crate::http::form_status(&errors);
    (
        status,
        AnswerPage {
            chrome: page_chrome(chrome, headers, &lang),
            token,
            point,
            first_name,
            expires_on: brygga_domain::calendar::date_at(expires_at).to_string(),
            form,
            errors,
        },
    )
        .into_response()
}

async fn survey_page(
    State(s): State<AppState>,
    v: Visitor,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let link = brygga_app::survey::link(&s.store, &token).await?;
    Ok(answer_page(
        v.chrome,
        &headers,
        token,
        link,
        SurveyAnswerDraft::default(),
        Errors::default(),
    ))
}

async fn survey_answer(
    State(s): State<AppState>,
    v: Visitor,
    headers: HeaderMap,
    Path(token): Path<String>,
    Form(f): Form<SurveyAnswerDraft>,
) -> Result<Response, WebError> {
    let lang = match brygga_app::survey::link(&s.store, &token).await? {
        SurveyLink::Open { lang, .. } | SurveyLink::Closed { lang, .. } => lang,
        SurveyLink::Unknown => String::new(),
    };
    match brygga_app::survey::answer(&s.store, &token, &f).await {
        Ok(Ok(())) => Ok(message(
            page_chrome(v.chrome, &headers, &lang),
            StatusCode::OK,
            "survey-thanks-title",
            "survey-thanks",
        )),
        Ok(Err(link)) => Ok(closed(v.chrome, &headers, &link)),
        Err(e) => {
            let errors = form_errors(e)?;
            let link = brygga_app::survey::link(&s.store, &token).await?;
            Ok(answer_page(v.chrome, &headers, token, link, f, errors))
        }
    }
}

// ------------------------------------------------------------------ sending it again

/// The coordinator's choice: which point, in which language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct SendForm {
    pub point: String,
    pub lang: String,
}

async fn send(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<SendForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Participant)?;
    match brygga_app::survey::send(&s, &st.actor, id, &f.point, &f.lang).await {
        // Mailed: the list of links shows it. Not mailed (no address): the link, shown once.
        Ok(sent) if !sent.sent_to.is_empty() => {
            Ok(Redirect::to(&format!("/participants/{id}/exit#surveys")).into_response())
        }
        Ok(sent) => {
            let link = brygga_app::survey::link_url(&s.mail.public_url, &sent.token);
            let typed = Typed {
                survey: Some(SurveyTyped {
                    form: f,
                    errors: Errors::default(),
                    link: Some(link),
                }),
                ..Typed::default()
            };
            crate::participant::exit::render(&s, st, id, typed).await
        }
        Err(e) => {
            let errors = form_errors(e)?;
            let typed = Typed {
                survey: Some(SurveyTyped {
                    form: f,
                    errors,
                    link: None,
                }),
                ..Typed::default()
            };
            crate::participant::exit::render(&s, st, id, typed).await
        }
    }
}
