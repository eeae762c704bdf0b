//! Clearance with the employment service: the eligibility confirmation and the decision
//! (withdrawable, never deleted), and sharing the case with an employment-service officer.

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_domain::clearance::{ConfirmationDraft, DecisionDraft};
use brygga_domain::model::Compensation;
use brygga_domain::policy::{Action, Resource};
use brygga_domain::{FieldError, FieldErrors};
use brygga_store::StoreError;
use brygga_store::clearance::{Clearance, Officer};
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, Id, IdPair, Staff, WebError, form_errors, form_status, save};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/participants/{id}/clearance", get(clearance_show))
        .route(
            "/participants/{id}/clearance/confirmation",
            post(confirmation_create),
        )
        .route(
            "/participants/{id}/clearance/decision",
            post(decision_create),
        )
        .route(
            "/participants/{id}/clearance/confirmation/{record}/withdraw",
            post(confirmation_withdraw),
        )
        .route(
            "/participants/{id}/clearance/decision/{record}/withdraw",
            post(decision_withdraw),
        )
        .route("/participants/{id}/clearance/share", post(share))
        .route("/participants/{id}/clearance/unshare", post(unshare))
}

#[derive(Template, WebTemplate)]
#[template(path = "clearance/show.html")]
struct ClearancePage {
    chrome: Chrome,
    c: Clearance,
    can_write: bool,
    /// `None` for a role that may not share cases.
    officers: Option<Vec<Officer>>,
    confirm: ConfirmationDraft,
    decision: DecisionDraft,
    errors: Errors,
}

crate::http::page_chrome!(ClearancePage);

impl ClearancePage {
    fn compensations(&self) -> &'static [Compensation] {
        Compensation::ALL
    }

    fn has_unshared(&self) -> bool {
        self.officers.iter().flatten().any(|o| !o.shared)
    }

    fn base(&self) -> String {
        format!("/participants/{}/clearance", self.c.participant_id)
    }
}

/// What the page shows again after a refused form: the input as typed, and its errors.
#[derive(Default)]
struct Typed {
    confirm: ConfirmationDraft,
    decision: DecisionDraft,
    errors: Errors,
}

async fn page(s: &AppState, st: Staff, id: i32, typed: Typed) -> Result<Response, WebError> {
    let c = s.store.clearance_get(&st.actor, id).await?;
    let officers = if st.actor.may(Action::Update, Resource::Participant) {
        match s.store.case_officers(&st.actor, id).await {
            Ok(o) => Some(o),
            Err(StoreError::Forbidden | StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        }
    } else {
        None
    };
    let status = form_status(&typed.errors);
    let confirm = if typed.confirm == ConfirmationDraft::default() {
        ConfirmationDraft {
            es_confirmed_on: brygga_app::today().to_string(),
            ..Default::default()
        }
    } else {
        typed.confirm
    };
    let page = ClearancePage {
        can_write: st.actor.may(Action::Create, Resource::Clearance),
        chrome: st.chrome,
        c,
        officers,
        confirm,
        decision: typed.decision,
        errors: typed.errors,
    };
    Ok((status, page).into_response())
}

async fn clearance_show(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    page(&s, st, id, Typed::default()).await
}

fn back(id: i32) -> Response {
    Redirect::to(&format!("/participants/{id}/clearance")).into_response()
}

/// After a write: back to the page, or the page again with the errors and the typed input.
async fn after(
    s: &AppState,
    st: Staff,
    id: i32,
    result: Result<(), impl Into<brygga_app::Error>>,
    typed: impl FnOnce(Errors) -> Typed,
) -> Result<Response, WebError> {
    match result {
        Ok(()) => Ok(back(id)),
        Err(e) => {
            let errors = form_errors(e)?;
            page(s, st, id, typed(errors)).await
        }
    }
}

async fn confirmation_create(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<ConfirmationDraft>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Clearance)?;
    let result = save(f.validate(brygga_app::today()), async |i| {
        s.store
            .eligibility_confirm(&st.actor, id, &i)
            .await
            .map(|_| ())
    })
    .await;
    after(&s, st, id, result, |errors| Typed {
        confirm: f,
        errors,
        ..Default::default()
    })
    .await
}

async fn decision_create(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<DecisionDraft>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Clearance)?;
    let result = save(f.validate(brygga_app::today()), async |i| {
        s.store
            .es_decision_register(&st.actor, id, &i)
            .await
            .map(|_| ())
    })
    .await;
    after(&s, st, id, result, |errors| Typed {
        decision: f,
        errors,
        ..Default::default()
    })
    .await
}

async fn confirmation_withdraw(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, record): IdPair,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Clearance)?;
    s.store.eligibility_withdraw(&st.actor, id, record).await?;
    Ok(back(id))
}

async fn decision_withdraw(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, record): IdPair,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Clearance)?;
    s.store.es_decision_withdraw(&st.actor, id, record).await?;
    Ok(back(id))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ShareForm {
    officer_id: String,
}

impl ShareForm {
    fn officer(&self) -> Result<i32, StoreError> {
        self.officer_id.trim().parse::<i32>().map_err(|_| {
            StoreError::Invalid(FieldErrors(vec![FieldError::new(
                "officer_id",
                "error-clearance-officer",
            )]))
        })
    }
}

async fn share(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<ShareForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Participant)?;
    let result = match f.officer() {
        Ok(o) => s.store.case_share(&st.actor, id, o).await,
        Err(e) => Err(e),
    };
    after(&s, st, id, result, |errors| Typed {
        errors,
        ..Default::default()
    })
    .await
}

async fn unshare(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<ShareForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Participant)?;
    let result = match f.officer() {
        Ok(o) => s.store.case_unshare(&st.actor, id, o).await,
        Err(e) => Err(e),
    };
    after(&s, st, id, result, |errors| Typed {
        errors,
        ..Default::default()
    })
    .await
}
