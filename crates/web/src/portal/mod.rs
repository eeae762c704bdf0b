//! The public placement portal: published placements without login, searchable, and the form
//! through which a candidate shows interest (honeypot and a rate limit keep spam out).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use brygga_domain::event::PublicRegistrationDraft;
use brygga_domain::interest::InterestDraft;
use brygga_store::Page;
use brygga_store::event::{EventSummary, SessionView};
use brygga_store::interest::{PortalFilter, PortalPlacement, Submission};
use serde::Deserialize;

use crate::AppState;
use crate::event::when;
use crate::http::error::error_page;
use crate::http::{Chrome, Errors, I18n, Id, Lists, Visitor, WebError, form_status, urlencode};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/open-placements", get(portal_list))
        .route("/open-placements/{id}", get(portal_show))
        .route(
            "/open-placements/{id}/interest",
            get(portal_thanks).post(interest_submit),
        )
        .route("/open-events", get(events_list))
        .route("/open-events/{id}", get(event_show))
        .route(
            "/open-events/{id}/register",
            get(event_thanks).post(event_register),
        )
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
#[template(path = "portal/list.html")]
struct PortalListPage {
    chrome: Chrome,
    lists: Lists,
    q: String,
    municipality_code: String,
    occupation: String,
    page: Page<PortalPlacement>,
    pages: u64,
}

crate::http::page_chrome!(PortalListPage);

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
        chrome: v.chrome,
        lists: Lists::of(&s),
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
#[template(path = "portal/show.html")]
struct PortalShowPage {
    chrome: Chrome,
    lists: Lists,
    p: PortalPlacement,
    form: InterestDraft,
    errors: Errors,
}

crate::http::page_chrome!(PortalShowPage);

async fn portal_page(
    s: &AppState,
    v: Visitor,
    id: i32,
    form: InterestDraft,
    errors: Errors,
) -> Result<Response, WebError> {
    let p = s.store.portal_placement(id).await?;
    let status = form_status(&errors);
    let page = PortalShowPage {
        chrome: v.chrome,
        lists: Lists::of(s),
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
        return Ok(too_many(v.chrome.i18n));
    }
    let input = match f.draft.validate() {
        Ok(i) => i,
        Err(e) => return portal_page(&s, v, id, f.draft, Errors::from(e)).await,
    };
    match s
        .store
        .interest_submit(id, &input, v.chrome.i18n.lang.code(), &client)
        .await
    {
        Ok(Submission::Stored(_)) => Ok(thanks),
        Ok(Submission::RateLimited) => Ok(too_many(v.chrome.i18n)),
        Err(brygga_store::StoreError::Invalid(e)) => {
            portal_page(&s, v, id, f.draft, Errors::from(e)).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "portal/thanks.html")]
struct ThanksPage {
    chrome: Chrome,
    p: PortalPlacement,
}

crate::http::page_chrome!(ThanksPage);

async fn portal_thanks(
    State(s): State<AppState>,
    v: Visitor,
    Id(id): Id,
) -> Result<ThanksPage, WebError> {
    Ok(ThanksPage {
        p: s.store.portal_placement(id).await?,
        chrome: v.chrome,
    })
}

// ------------------------------------------------------------------ public events

#[derive(Template, WebTemplate)]
#[template(path = "portal/events.html")]
struct EventsPage {
    chrome: Chrome,
    events: Vec<EventSummary>,
}

crate::http::page_chrome!(EventsPage);

impl EventsPage {
    fn when(&self, e: &EventSummary) -> String {
        e.first_session.as_ref().map(when).unwrap_or_default()
    }
}

async fn events_list(State(s): State<AppState>, v: Visitor) -> Result<EventsPage, WebError> {
    Ok(EventsPage {
        events: s.store.events_public().await?,
        chrome: v.chrome,
    })
}

/// The public registration form as posted, with the honeypot.
#[derive(Deserialize, Default)]
#[serde(default)]
struct EventForm {
    name: String,
    email: String,
    phone: String,
    /// The consent box: present ("yes") when ticked.
    consent: String,
    website: String,
}

impl EventForm {
    fn draft(&self) -> PublicRegistrationDraft {
        PublicRegistrationDraft {
            name: self.name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            consent: !self.consent.trim().is_empty(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "portal/event.html")]
struct EventPage {
    chrome: Chrome,
    e: EventSummary,
    description: String,
    sessions: Vec<SessionView>,
    form: PublicRegistrationDraft,
    errors: Errors,
}

crate::http::page_chrome!(EventPage);

impl EventPage {
    fn when(&self, s: &SessionView) -> String {
        when(s)
    }
    fn full(&self) -> bool {
        self.e.registered as i64 >= i64::from(self.e.capacity)
    }
}

async fn event_page(
    s: &AppState,
    v: Visitor,
    id: i32,
    form: PublicRegistrationDraft,
    errors: Errors,
) -> Result<Response, WebError> {
    let (e, description, sessions) = s.store.event_public_get(id).await?;
    let status = form_status(&errors);
    let page = EventPage {
        chrome: v.chrome,
        e,
        description,
        sessions,
        form,
        errors,
    };
    Ok((status, page).into_response())
}

async fn event_show(
    State(s): State<AppState>,
    v: Visitor,
    Id(id): Id,
) -> Result<Response, WebError> {
    event_page(
        &s,
        v,
        id,
        PublicRegistrationDraft::default(),
        Errors::default(),
    )
    .await
}

async fn event_register(
    State(s): State<AppState>,
    v: Visitor,
    Id(id): Id,
    ext: axum::http::Extensions,
    Form(f): Form<EventForm>,
) -> Result<Response, WebError> {
    // A robot is answered like a person, so it learns nothing; nothing is stored.
    if !f.website.trim().is_empty() {
        s.store.event_public_get(id).await?;
        return Ok(
            Redirect::to(&format!("/open-events/{id}/register?status=registered")).into_response(),
        );
    }
    let client = ext
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into());
    let draft = f.draft();
    match brygga_app::event::register_public(&s, id, &draft, &client).await {
        Ok(Some(r)) => Ok(Redirect::to(&format!(
            "/open-events/{id}/register?status={}",
            r.status.as_str()
        ))
        .into_response()),
        Ok(None) => Ok(too_many(v.chrome.i18n)),
        Err(e) => {
            let errors = crate::http::form_errors(e)?;
            event_page(&s, v, id, draft, errors).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ThanksQuery {
    status: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "portal/event_thanks.html")]
struct EventThanksPage {
    chrome: Chrome,
    e: EventSummary,
    waiting: bool,
}

crate::http::page_chrome!(EventThanksPage);

async fn event_thanks(
    State(s): State<AppState>,
    v: Visitor,
    Id(id): Id,
    Query(q): Query<ThanksQuery>,
) -> Result<EventThanksPage, WebError> {
    let (e, _, _) = s.store.event_public_get(id).await?;
    Ok(EventThanksPage {
        e,
        waiting: q.status == "waitlisted",
        chrome: v.chrome,
    })
}
