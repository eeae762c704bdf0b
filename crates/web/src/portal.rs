//! The public placement portal (no login): published placements, searchable, in Swedish and
//! English, with the interest form; and the coordinators' inbox of interest.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use brygga_domain::interest::{InterestDraft, InterestUpdateDraft};
use brygga_domain::model::InterestStatus;
use brygga_domain::policy::{Action, Resource};
use brygga_store::interest::{
    InterestFilter, InterestRecord, InterestSummary, PortalFilter, PortalPlacement, Submission,
};
use brygga_store::{Page, StoreError};
use serde::Deserialize;

use crate::AppState;
use crate::auth::{Staff, UserInfo, Visitor, urlencode};
use crate::error::{Id, WebError, error_page};
use crate::forms::Errors;
use crate::i18n::I18n;
use crate::pages::Lists;
use crate::pages::save;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/open-placements", get(portal_list))
        .route("/open-placements/{id}", get(portal_show))
        .route(
            "/open-placements/{id}/interest",
            get(portal_thanks).post(interest_submit),
        )
        .route("/inbox", get(inbox_list))
        .route("/inbox/{id}", get(inbox_show).post(inbox_update))
}

fn lists(s: &AppState) -> Lists {
    Lists {
        refdata: s.refdata.clone(),
    }
}

// ------------------------------------------------------------------ the portal

#[derive(Deserialize, Default)]
#[serde(default)]
struct PortalQuery {
    q: String,
    municipality_code: String,
    occupation: String,
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "portal_list.html")]
struct PortalListPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    lists: Lists,
    q: String,
    municipality_code: String,
    occupation: String,
    page: Page<PortalPlacement>,
    pages: u64,
}

impl PortalListPage {
    fn base_link(&self) -> String {
        format!(
            "/open-placements?q={}&municipality_code={}&occupation={}",
            urlencode(&self.q),
            urlencode(&self.municipality_code),
            urlencode(&self.occupation)
        )
    }
}

async fn portal_list(
    State(s): State<AppState>,
    v: Visitor,
    Query(q): Query<PortalQuery>,
) -> Result<PortalListPage, WebError> {
    let page = s
        .store
        .portal_placements(&PortalFilter {
            q: q.q.clone(),
            municipality_code: q.municipality_code.clone(),
            occupation: q.occupation.clone(),
            page: q.page.unwrap_or(1),
        })
        .await?;
    Ok(PortalListPage {
        pages: page.pages(),
        i18n: v.i18n,
        user: None,
        csrf: v.csrf,
        lists: lists(&s),
        q: q.q,
        municipality_code: q.municipality_code,
        occupation: q.occupation,
        page,
    })
}

/// The interest form as posted: the candidate's fields and the honeypot.
#[derive(Deserialize, Default)]
#[serde(default)]
struct InterestForm {
    #[serde(flatten)]
    draft: InterestDraft,
    /// Hidden from people by CSS; only robots fill it in.
    website: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "portal_show.html")]
struct PortalShowPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    lists: Lists,
    p: PortalPlacement,
    form: InterestDraft,
    errors: Errors,
}

async fn portal_page(
    s: &AppState,
    v: Visitor,
    id: i32,
    form: InterestDraft,
    errors: Errors,
) -> Result<Response, WebError> {
    let p = s.store.portal_placement(id).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = PortalShowPage {
        i18n: v.i18n,
        user: None,
        csrf: v.csrf,
        lists: lists(s),
        p,
        form,
        errors,
    };
    Ok((status, page).into_response())
}

async fn portal_show(
    State(s): State<AppState>,
    v: Visitor,
    Id(id): Id,
) -> Result<Response, WebError> {
    portal_page(&s, v, id, InterestDraft::default(), Errors::default()).await
}

fn too_many(i18n: I18n) -> Response {
    error_page(
        i18n,
        StatusCode::TOO_MANY_REQUESTS,
        "portal-limited-title",
        "portal-limited-text",
    )
}

async fn interest_submit(
    State(s): State<AppState>,
    v: Visitor,
    Id(id): Id,
    ext: axum::http::Extensions,
    Form(f): Form<InterestForm>,
) -> Result<Response, WebError> {
    let thanks = Redirect::to(&format!("/open-placements/{id}/interest")).into_response();
    // A robot is answered like a person, so it learns nothing; nothing is stored.
    if !f.website.trim().is_empty() {
        s.store.portal_placement(id).await?;
        return Ok(thanks);
    }
    let client = ext
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into());
    if s.store.interest_rate_limited(&client).await? {
        return Ok(too_many(v.i18n));
    }
    let input = match f.draft.validate() {
        Ok(i) => i,
        Err(e) => return portal_page(&s, v, id, f.draft, Errors::from(e)).await,
    };
    match s
        .store
        .interest_submit(id, &input, v.i18n.lang.code(), &client)
        .await?
    {
        Submission::Stored(_) => Ok(thanks),
        Submission::RateLimited => Ok(too_many(v.i18n)),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "portal_thanks.html")]
struct ThanksPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    p: PortalPlacement,
}

async fn portal_thanks(
    State(s): State<AppState>,
    v: Visitor,
    Id(id): Id,
) -> Result<ThanksPage, WebError> {
    Ok(ThanksPage {
        p: s.store.portal_placement(id).await?,
        i18n: v.i18n,
        user: None,
        csrf: v.csrf,
    })
}

// ------------------------------------------------------------------ the inbox

#[derive(Deserialize, Default)]
#[serde(default)]
struct InboxQuery {
    status: String,
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "inbox_list.html")]
struct InboxListPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    status: String,
    statuses: &'static [InterestStatus],
    page: Page<InterestSummary>,
    pages: u64,
}

impl InboxListPage {
    fn base_link(&self) -> String {
        format!("/inbox?status={}", urlencode(&self.status))
    }
}

async fn inbox_list(
    State(s): State<AppState>,
    st: Staff,
    Query(q): Query<InboxQuery>,
) -> Result<InboxListPage, WebError> {
    let filter = InterestFilter {
        status: InterestStatus::parse(&q.status).ok(),
        page: q.page.unwrap_or(1),
    };
    let page = s.store.interest_list(&st.actor, &filter).await?;
    Ok(InboxListPage {
        pages: page.pages(),
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        status: q.status,
        statuses: InterestStatus::ALL,
        page,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "inbox_show.html")]
struct InboxShowPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    i: InterestRecord,
    can_update: bool,
    can_register: bool,
    form: InterestUpdateDraft,
    errors: Errors,
}

impl InboxShowPage {
    /// The new-participant form with what the candidate typed.
    fn register_link(&self) -> String {
        let (first, last) = match self.i.name.trim().rsplit_once(' ') {
            Some((f, l)) => (f.trim(), l.trim()),
            None => (self.i.name.trim(), ""),
        };
        format!(
            "/participants/new?first_name={}&last_name={}&email={}&phone={}&interest={}",
            urlencode(first),
            urlencode(last),
            urlencode(&self.i.email),
            urlencode(&self.i.phone),
            self.i.id
        )
    }

    fn choices(&self) -> Vec<InterestStatus> {
        InterestStatus::ALL
            .iter()
            .copied()
            .filter(|s| *s != InterestStatus::New)
            .collect()
    }
}

async fn inbox_page(
    s: &AppState,
    st: Staff,
    id: i32,
    form: Option<InterestUpdateDraft>,
    errors: Errors,
) -> Result<Response, WebError> {
    let i = s.store.interest_get(&st.actor, id).await?;
    let form = form.unwrap_or_else(|| InterestUpdateDraft {
        status: match i.status {
            InterestStatus::New => InterestStatus::Handled.as_str().into(),
            other => other.as_str().into(),
        },
        participant_id: i.participant_id.map(|p| p.to_string()).unwrap_or_default(),
    });
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = InboxShowPage {
        can_update: st.actor.may(Action::Update, Resource::Interest),
        can_register: st.actor.may(Action::Create, Resource::Participant),
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        i,
        form,
        errors,
    };
    Ok((status, page).into_response())
}

async fn inbox_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    inbox_page(&s, st, id, None, Errors::default()).await
}

async fn inbox_update(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<InterestUpdateDraft>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Interest)?;
    let result = save(f.validate(), async |u| {
        s.store.interest_update(&st.actor, id, &u).await
    })
    .await;
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/inbox/{id}")).into_response()),
        Err(StoreError::Invalid(e)) => inbox_page(&s, st, id, Some(f), Errors::from(e)).await,
        Err(e) => Err(e.into()),
    }
}
