//! Accounts for the people in the records: the invitation form (from a supervisor's, a
//! contact's or a participant's record, or for staff from the users page), linking and
//! unlinking a login and its record, the login status the record pages show, and the public
//! page a one-time link opens (set a password, then logged in).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_app::account::Sent;
use brygga_domain::FieldErrors;
use brygga_domain::account::{InviteKind, TokenPurpose};
use brygga_domain::model::Role;
use brygga_domain::policy::{Action, Resource, least_powerful_role, may_invite};
use brygga_store::Actor;
use brygga_store::invitation::{AccountRecord, InviteInput, LinkState};
use serde::Deserialize;

use crate::AppState;
use crate::http::{Chrome, Errors, I18n, Lang, Staff, Visitor, WebError, form_status};
use crate::organisation::{OrgRow, tree};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/invitations/new", get(invite_new))
        .route("/invitations", post(invite_create))
        .route("/accounts/link", post(account_link))
        .route("/accounts/unlink", post(account_unlink))
        .route("/invitation/{token}", get(link_page).post(link_accept))
}

// ------------------------------------------------------------------ the record pages' status

/// One record's login, as its page shows it.
pub struct LoginRow {
    pub record_id: i32,
    pub login: Option<String>,
    /// When an unused invitation expires (Stockholm time), if there is one.
    pub invited_until: Option<String>,
}

/// The logins of a page's records, for those who manage logins (empty for anyone else).
pub struct Logins {
    pub kind: &'static str,
    rows: Vec<LoginRow>,
}

impl Logins {
    pub async fn of(
        s: &AppState,
        actor: &Actor,
        kind: InviteKind,
        ids: &[i32],
    ) -> Result<Logins, WebError> {
        let rows = s
            .store
            .account_links(actor, kind, ids)
            .await?
            .into_iter()
            .map(|l| LoginRow {
                record_id: l.record_id,
                login: l.login,
                invited_until: l.invited_until.map(brygga_app::interview::local_time),
            })
            .collect();
        Ok(Logins {
            kind: kind.as_str(),
            rows,
        })
    }

    /// The login of record `id`, when the reader manages logins.
    pub fn row(&self, id: &i32) -> Option<&LoginRow> {
        self.rows.iter().find(|r| r.record_id == *id)
    }
}

// ------------------------------------------------------------------ the invitation form

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct InviteQuery {
    kind: String,
    record: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub kind: String,
    pub record: String,
    pub name: String,
    pub email: String,
    pub role: String,
    pub org_ids: Vec<String>,
    pub lang: String,
}

impl InviteForm {
    pub fn has_org(&self, id: &i32) -> bool {
        self.org_ids.iter().any(|o| o.trim() == id.to_string())
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct LinkForm {
    kind: String,
    record: String,
    email: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "user/invite.html")]
struct InvitePage {
    chrome: Chrome,
    rec: AccountRecord,
    form: InviteForm,
    errors: Errors,
    link_email: String,
    link_errors: Errors,
    roles: Vec<Role>,
    orgs: Vec<OrgRow>,
    back: String,
}

crate::http::page_chrome!(InvitePage);

impl InvitePage {
    fn staff(&self) -> bool {
        self.rec.kind == InviteKind::Staff
    }

    fn kind_key(&self) -> String {
        self.rec.kind.label_key()
    }

    fn record_value(&self) -> String {
        self.rec
            .record_id
            .map(|r| r.to_string())
            .unwrap_or_default()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "user/sent.html")]
pub(super) struct SentPage {
    chrome: Chrome,
    email: String,
    expires: String,
    link: Option<String>,
    reset: bool,
    back: String,
}

crate::http::page_chrome!(SentPage);

impl SentPage {
    pub(super) fn of(chrome: Chrome, sent: Sent, reset: bool, back: String) -> SentPage {
        SentPage {
            chrome,
            email: sent.email,
            expires: brygga_app::interview::local_time(sent.expires_at),
            link: sent.link,
            reset,
            back,
        }
    }
}

/// The kind and record of a query or form; anything else is no such record (404).
fn target(kind: &str, record: &str) -> Result<(InviteKind, Option<i32>), WebError> {
    let kind = InviteKind::parse(kind).map_err(|_| WebError::NotFound)?;
    if kind == InviteKind::Staff {
        return Ok((kind, None));
    }
    let id = record
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or(WebError::NotFound)?;
    Ok((kind, Some(id)))
}

/// Where the inviter came from: the record's page.
fn back_of(actor: &Actor, rec: &AccountRecord) -> String {
    match (rec.kind, rec.record_id, rec.employer_id) {
        (InviteKind::Participant, Some(id), _) => format!("/participants/{id}"),
        (_, _, Some(emp)) => format!("/employers/{emp}"),
        _ if actor.may(Action::List, Resource::User) => "/admin/users".into(),
        _ => "/".into(),
    }
}

/// The staff roles the actor may invite, least powerful first where it is one of them.
fn staff_roles(actor: &Actor) -> Vec<Role> {
    let mut roles: Vec<Role> = Role::ALL
        .iter()
        .copied()
        .filter(|r| InviteKind::Staff.fits(*r) && may_invite(actor.role(), *r))
        .collect();
    let least = least_powerful_role();
    roles.sort_by_key(|r| *r != least);
    roles
}

#[allow(clippy::too_many_arguments)]
async fn invite_page(
    s: &AppState,
    st: Staff,
    rec: AccountRecord,
    form: InviteForm,
    errors: Errors,
    link_email: String,
    link_errors: Errors,
) -> Result<Response, WebError> {
    let orgs = if rec.kind == InviteKind::Staff {
        let all = s.store.orgs(&st.actor).await?;
        let mine = st.actor.may(Action::List, Resource::User);
        tree(all)
            .into_iter()
            .filter(|row| mine || st.actor.in_org_scope(row.org.id))
            .collect()
    } else {
        vec![]
    };
    let status = if errors.is_empty() {
        form_status(&link_errors)
    } else {
        form_status(&errors)
    };
    let page = InvitePage {
        back: back_of(&st.actor, &rec),
        roles: staff_roles(&st.actor),
        chrome: st.chrome,
        rec,
        form,
        errors,
        link_email,
        link_errors,
        orgs,
    };
    Ok((status, page).into_response())
}

async fn invite_new(
    State(s): State<AppState>,
    st: Staff,
    Query(q): Query<InviteQuery>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Invitation)?;
    let (kind, record) = target(&q.kind, &q.record)?;
    let rec = s.store.account_record(&st.actor, kind, record).await?;
    let form = InviteForm {
        kind: kind.as_str().into(),
        record: q.record,
        name: rec.name.clone(),
        email: rec.email.clone(),
        role: staff_roles(&st.actor)
            .first()
            .map(|r| r.as_str().to_string())
            .unwrap_or_default(),
        org_ids: vec![],
        lang: st.i18n().lang.code().into(),
    };
    invite_page(
        &s,
        st,
        rec,
        form,
        Errors::default(),
        String::new(),
        Errors::default(),
    )
    .await
}

async fn invite_create(
    State(s): State<AppState>,
    st: Staff,
    Form(form): Form<InviteForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Invitation)?;
    let (kind, record) = target(&form.kind, &form.record)?;
    // An organisation that is not a number is no organisation: the store says so.
    let org_ids: Vec<i32> = form
        .org_ids
        .iter()
        .map(|o| o.trim().parse().unwrap_or(-1))
        .collect();
    let input = InviteInput {
        kind,
        record_id: record,
        email: &form.email,
        name: &form.name,
        role: Role::parse(&form.role).ok(),
        org_ids: &org_ids,
        lang: &form.lang,
    };
    match brygga_app::account::invite(&s.app, &st.actor, &input).await {
        Ok(sent) => {
            let rec = s.store.account_record(&st.actor, kind, record).await;
            let back = match rec {
                Ok(rec) => back_of(&st.actor, &rec),
                Err(_) => "/".into(),
            };
            Ok(SentPage::of(st.chrome, sent, false, back).into_response())
        }
        Err(brygga_app::Error::Invalid(e)) => {
            let rec = s.store.account_record(&st.actor, kind, record).await?;
            invite_page(
                &s,
                st,
                rec,
                form,
                Errors::from(e),
                String::new(),
                Errors::default(),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn account_link(
    State(s): State<AppState>,
    st: Staff,
    Form(f): Form<LinkForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Invitation)?;
    let (kind, record) = target(&f.kind, &f.record)?;
    let rec = s.store.account_record(&st.actor, kind, record).await?;
    let Some(id) = record else {
        return Err(WebError::NotFound);
    };
    match s.store.account_link(&st.actor, kind, id, &f.email).await {
        Ok(()) => Ok(Redirect::to(&back_of(&st.actor, &rec)).into_response()),
        Err(brygga_store::StoreError::Invalid(e)) => {
            let form = InviteForm {
                kind: kind.as_str().into(),
                record: id.to_string(),
                name: rec.name.clone(),
                email: rec.email.clone(),
                lang: st.i18n().lang.code().into(),
                ..Default::default()
            };
            invite_page(
                &s,
                st,
                rec,
                form,
                Errors::default(),
                f.email,
                Errors::from(e),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn account_unlink(
    State(s): State<AppState>,
    st: Staff,
    Form(f): Form<LinkForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Invitation)?;
    let (kind, record) = target(&f.kind, &f.record)?;
    let Some(id) = record else {
        return Err(WebError::NotFound);
    };
    s.store.account_unlink(&st.actor, kind, id).await?;
    let back = match s.store.account_record(&st.actor, kind, record).await {
        Ok(rec) => back_of(&st.actor, &rec),
        Err(_) => "/".into(),
    };
    Ok(Redirect::to(&back).into_response())
}

// ------------------------------------------------------------------ the link's public page

#[derive(Template, WebTemplate)]
#[template(path = "user/link.html")]
struct LinkPage {
    chrome: Chrome,
    token: String,
    reset: bool,
    name: String,
    email: String,
    errors: Errors,
}

crate::http::page_chrome!(LinkPage);

#[derive(Template, WebTemplate)]
#[template(path = "user/link_closed.html")]
struct LinkClosedPage {
    chrome: Chrome,
    title_key: &'static str,
    message_key: &'static str,
}

crate::http::page_chrome!(LinkClosedPage);

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SetPasswordForm {
    password: String,
    repeat: String,
}

/// The page's language: the visitor's choice when she made one, else the invitation's.
pub(crate) fn page_chrome(chrome: Chrome, headers: &HeaderMap, lang: &str) -> Chrome {
    let chose = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.split(';').any(|c| c.trim().starts_with("lang=")));
    match Lang::parse(lang) {
        Some(l) if !chose => Chrome {
            i18n: I18n::new(l),
            ..chrome
        },
        _ => chrome,
    }
}

/// A link that no longer works: gone (expired, used) or never known.
fn closed(chrome: Chrome, state: &LinkState) -> Response {
    let (status, title_key, message_key) = match state {
        LinkState::Expired => (
            StatusCode::GONE,
            "account-link-expired-title",
            "account-link-expired",
        ),
        LinkState::Used => (
            StatusCode::GONE,
            "account-link-used-title",
            "account-link-used",
        ),
        _ => (
            StatusCode::NOT_FOUND,
            "account-link-unknown-title",
            "account-link-unknown",
        ),
    };
    (
        status,
        LinkClosedPage {
            chrome,
            title_key,
            message_key,
        },
    )
        .into_response()
}

async fn link_page(
    State(s): State<AppState>,
    v: Visitor,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    match s.store.link_state(&token).await? {
        LinkState::Open {
            purpose,
            name,
            email,
            lang,
        } => Ok(LinkPage {
            chrome: page_chrome(v.chrome, &headers, &lang),
            token,
            reset: purpose == TokenPurpose::Reset,
            name,
            email,
            errors: Errors::default(),
        }
        .into_response()),
        other => Ok(closed(v.chrome, &other)),
    }
}

async fn link_accept(
    State(s): State<AppState>,
    v: Visitor,
    headers: HeaderMap,
    Path(token): Path<String>,
    Form(f): Form<SetPasswordForm>,
) -> Result<Response, WebError> {
    let errors: FieldErrors = match s.store.link_accept(&token, &f.password, &f.repeat).await {
        Ok(Ok(user_id)) => {
            v.session
                .cycle_id()
                .await
                .map_err(|e| WebError::Internal(e.to_string()))?;
            v.session
                .insert(crate::http::extract::USER_KEY, user_id)
                .await
                .map_err(|e| WebError::Internal(e.to_string()))?;
            return Ok(Redirect::to("/").into_response());
        }
        Ok(Err(state)) => return Ok(closed(v.chrome, &state)),
        Err(brygga_store::StoreError::Invalid(e)) => e,
        Err(e) => return Err(e.into()),
    };
    match s.store.link_state(&token).await? {
        LinkState::Open {
            purpose,
            name,
            email,
            lang,
        } => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            LinkPage {
                chrome: page_chrome(v.chrome, &headers, &lang),
                token,
                reset: purpose == TokenPurpose::Reset,
                name,
                email,
                errors: Errors::from(errors),
            },
        )
            .into_response()),
        other => Ok(closed(v.chrome, &other)),
    }
}
