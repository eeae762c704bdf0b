//! The candidate pool of a placement (coordinator and employer contact), interview booking
//! with invitations by email and calendar file, the interview guide, and outcomes.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use base64::Engine as _;
use brygga_domain::interview::{AttendeeRole, InterviewDraft, utc_to_stockholm};
use brygga_domain::model::{InterviewOutcome, ProposalStatus};
use brygga_domain::policy::{Action, Resource};
use brygga_store::StoreError;
use brygga_store::interview::{InterviewRecord, Invitation, Recipient, RecipientKind};
use brygga_store::jobs::{Attachment, OutgoingEmail};
use brygga_store::participant::{ParticipantFilter, ParticipantSummary};
use brygga_store::pool::{PoolView, ProposalRecord};
use serde::Deserialize;

use crate::AppState;
use crate::auth::{Staff, UserInfo};
use crate::error::{Id, WebError};
use crate::forms::Errors;
use crate::i18n::{I18n, Lang};
use crate::mailer::MailSettings;
use crate::pages::save;
use crate::pages::{Lists, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/placements/{id}/pool", get(pool_page).post(propose))
        .route("/proposals/{id}/status", post(set_status))
        .route(
            "/proposals/{id}/interview",
            get(interview_form).post(interview_book),
        )
        .route("/interviews/{id}", get(interview_page))
        .route("/interviews/{id}/outcome", post(interview_outcome))
        .route("/interviews/{id}/cancel", post(interview_cancel))
        .route("/interview-guide", get(guide_page))
}

// ------------------------------------------------------------------ the pool

#[derive(Deserialize, Default)]
#[serde(default)]
struct PoolQuery {
    /// A search for a participant to propose by hand.
    q: String,
    /// From the ranking page: a participant who could not be proposed, and why.
    refused: Option<i32>,
    why: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ProposeForm {
    participant_id: String,
    proposal_note: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "pool_page.html")]
struct PoolPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    lists: Lists,
    pool: PoolView,
    interviews: Vec<InterviewRecord>,
    /// Coordinators may propose by hand and book interviews.
    can_propose: bool,
    q: String,
    found: Vec<ParticipantSummary>,
    form: ProposeForm,
    errors: Errors,
    /// The proposal a status change failed on, for the message beside its row.
    failed_row: Option<i32>,
    notice: Option<&'static str>,
}

impl PoolPage {
    fn interviews_of(&self, proposal: &i32) -> Vec<&InterviewRecord> {
        self.interviews
            .iter()
            .filter(|i| i.proposal_id == *proposal)
            .collect()
    }

    fn when(&self, i: &InterviewRecord) -> String {
        local_time(i.starts_at)
    }

    fn status_key(&self, s: &ProposalStatus) -> String {
        s.label_key()
    }

    fn move_key(&self, s: &ProposalStatus) -> String {
        format!("pool-move-{}", s.as_str())
    }

    fn outcome_key(&self, o: &InterviewOutcome) -> String {
        o.label_key()
    }

    fn failed_on(&self, proposal: &i32) -> bool {
        self.failed_row == Some(*proposal)
    }

    fn bookable(&self, p: &ProposalRecord) -> bool {
        self.can_propose && brygga_domain::interview::bookable(p.status)
    }
}

/// A UTC time as Swedish local time for display.
fn local_time(t: chrono::DateTime<chrono::Utc>) -> String {
    utc_to_stockholm(t).format("%Y-%m-%d %H:%M").to_string()
}

/// The state of the pool page's forms when it is shown again.
#[derive(Default)]
struct PoolState {
    q: String,
    form: ProposeForm,
    errors: Errors,
    failed_row: Option<i32>,
    notice: Option<&'static str>,
}

/// Everything the pool page shows, with its forms' state.
async fn render_pool(
    s: &AppState,
    st: Staff,
    id: i32,
    state: PoolState,
) -> Result<Response, WebError> {
    let PoolState {
        q,
        form,
        errors,
        failed_row,
        notice,
    } = state;
    let pool = s.store.pool_for_placement(&st.actor, id).await?;
    let interviews = s.store.interviews_for_placement(&st.actor, id).await?;
    let can_propose = st.actor.may(Action::Create, Resource::Proposal);
    let found = if can_propose && !q.trim().is_empty() {
        s.store
            .participant_list(
                &st.actor,
                &ParticipantFilter {
                    q: q.clone(),
                    page: 1,
                    ..Default::default()
                },
            )
            .await?
            .items
    } else {
        vec![]
    };
    let status = form_status(&errors);
    let page = PoolPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        lists: Lists {
            refdata: s.refdata.clone(),
        },
        pool,
        interviews,
        can_propose,
        q,
        found,
        form,
        errors,
        failed_row,
        notice,
    };
    Ok((status, page).into_response())
}

async fn pool_page(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<PoolQuery>,
) -> Result<Response, WebError> {
    let (errors, form) = match (q.refused, q.why.as_str()) {
        (Some(pid), why @ ("consent" | "duplicate")) => (
            Errors::from(brygga_domain::FieldErrors(vec![
                brygga_domain::FieldError::new(
                    "participant_id",
                    if why == "consent" {
                        "pool-error-no-consent"
                    } else {
                        "pool-error-duplicate"
                    },
                ),
            ])),
            ProposeForm {
                participant_id: pid.to_string(),
                proposal_note: String::new(),
            },
        ),
        _ => (Errors::default(), ProposeForm::default()),
    };
    // A refusal carried over from the ranking page is shown, but the page itself is fine.
    let notice = (!errors.is_empty()).then_some("pool-refused");
    let state = PoolState {
        q: q.q,
        form,
        errors,
        failed_row: None,
        notice,
    };
    let mut res = render_pool(&s, st, id, state).await?;
    if notice.is_some() {
        *res.status_mut() = StatusCode::OK;
    }
    Ok(res)
}

async fn propose(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<ProposeForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Proposal)?;
    let result = match f.participant_id.trim().parse::<i32>() {
        Ok(pid) => s.store.propose(&st.actor, pid, id, &f.proposal_note).await,
        Err(_) => Err(StoreError::Invalid(brygga_domain::FieldErrors(vec![
            brygga_domain::FieldError::new("participant_id", "pool-error-pick"),
        ]))),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/placements/{id}/pool?done=1")).into_response()),
        Err(StoreError::NotFound) => {
            let errors = Errors::from(brygga_domain::FieldErrors(vec![
                brygga_domain::FieldError::new("participant_id", "pool-error-pick"),
            ]));
            let state = PoolState {
                form: f,
                errors,
                ..Default::default()
            };
            render_pool(&s, st, id, state).await
        }
        Err(e) => {
            let state = PoolState {
                errors: form_errors(e)?,
                form: f,
                ..Default::default()
            };
            render_pool(&s, st, id, state).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StatusForm {
    version: String,
    status: String,
    note: String,
}

async fn set_status(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<StatusForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Proposal)?;
    let proposal = s.store.proposal_get(&st.actor, id).await?;
    let placement = proposal.placement_id;
    let result = match (
        f.version.trim().parse::<i32>(),
        ProposalStatus::parse(&f.status),
    ) {
        (Ok(version), Ok(status)) => {
            s.store
                .proposal_set_status(&st.actor, id, version, status, &f.note)
                .await
        }
        _ => Err(StoreError::Invalid(brygga_domain::FieldErrors(vec![
            brygga_domain::FieldError::new("status", "pool-error-transition"),
        ]))),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/placements/{placement}/pool")).into_response()),
        Err(e) => {
            let state = PoolState {
                errors: form_errors(e)?,
                failed_row: Some(id),
                ..Default::default()
            };
            render_pool(&s, st, placement, state).await
        }
    }
}

// ------------------------------------------------------------------ booking

/// The booking form as typed: attendees as parallel repeated fields (rows of a table).
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct BookingForm {
    starts_at: String,
    ends_at: String,
    location: String,
    meeting_link: String,
    notes: String,
    attendee_name: Vec<String>,
    attendee_email: Vec<String>,
    attendee_role: Vec<String>,
}

impl BookingForm {
    fn rows(&self) -> Vec<[String; 3]> {
        let n = self
            .attendee_name
            .len()
            .max(self.attendee_email.len())
            .max(self.attendee_role.len());
        let cell =
            |v: &[String], i: usize| v.get(i).map(|s| s.trim().to_string()).unwrap_or_default();
        (0..n)
            .map(|i| {
                [
                    cell(&self.attendee_name, i),
                    cell(&self.attendee_email, i),
                    cell(&self.attendee_role, i),
                ]
            })
            .collect()
    }

    fn draft(&self) -> InterviewDraft {
        InterviewDraft {
            starts_at: self.starts_at.clone(),
            ends_at: self.ends_at.clone(),
            location: self.location.clone(),
            meeting_link: self.meeting_link.clone(),
            notes: self.notes.clone(),
            attendees: self
                .rows()
                .into_iter()
                .filter(|r| r.iter().take(2).any(|c| !c.is_empty()))
                .collect(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "interview_form.html")]
struct InterviewFormPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    proposal: ProposalRecord,
    form: BookingForm,
    errors: Errors,
}

impl InterviewFormPage {
    /// The typed rows and two blank ones for more attendees.
    fn rows(&self) -> Vec<[String; 3]> {
        let mut r: Vec<[String; 3]> = self
            .form
            .rows()
            .into_iter()
            .filter(|r| r.iter().take(2).any(|c| !c.is_empty()))
            .collect();
        r.extend((0..crate::forms::BLANK_ROWS).map(|_| Default::default()));
        r
    }

    fn roles(&self) -> &'static [AttendeeRole] {
        AttendeeRole::ALL
    }

    fn role_key(&self, r: &AttendeeRole) -> String {
        r.label_key()
    }
}

fn render_booking(
    st: Staff,
    proposal: ProposalRecord,
    form: BookingForm,
    errors: Errors,
) -> Response {
    let status = form_status(&errors);
    let page = InterviewFormPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        proposal,
        form,
        errors,
    };
    (status, page).into_response()
}

async fn interview_form(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Interview)?;
    let proposal = s.store.proposal_get(&st.actor, id).await?;
    let suggested = s
        .store
        .interview_attendee_suggestions(&st.actor, id)
        .await?;
    let form = BookingForm {
        attendee_name: suggested.iter().map(|a| a.name.clone()).collect(),
        attendee_email: suggested.iter().map(|a| a.email.clone()).collect(),
        attendee_role: suggested
            .iter()
            .map(|a| a.role.as_str().to_string())
            .collect(),
        ..Default::default()
    };
    Ok(render_booking(st, proposal, form, Errors::default()))
}

async fn interview_book(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<BookingForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Interview)?;
    let proposal = s.store.proposal_get(&st.actor, id).await?;
    let compose = Composer::new(&s.mail, st.i18n.lang);
    let result = save(f.draft().validate(chrono::Utc::now()), async |input| {
        s.store
            .interview_book(&st.actor, id, &input, &|i, r| compose.email(i, r))
            .await
    })
    .await;
    match result {
        Ok(interview) => {
            Ok(Redirect::to(&format!("/interviews/{interview}?booked=1")).into_response())
        }
        Err(e) => {
            let errors = form_errors(e)?;
            Ok(render_booking(st, proposal, f, errors))
        }
    }
}

// ------------------------------------------------------------------ one interview

#[derive(Deserialize, Default)]
#[serde(default)]
struct InterviewQuery {
    booked: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct OutcomeForm {
    version: String,
    outcome: String,
    outcome_note: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "interview_page.html")]
struct InterviewPage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
    interview: InterviewRecord,
    booked: bool,
    can_update: bool,
    form: OutcomeForm,
    errors: Errors,
}

impl InterviewPage {
    fn starts(&self) -> String {
        local_time(self.interview.starts_at)
    }
    fn ends(&self) -> String {
        local_time(self.interview.ends_at)
    }
    fn pending(&self) -> bool {
        self.interview.outcome == InterviewOutcome::Pending
    }
    fn results(&self) -> Vec<InterviewOutcome> {
        InterviewOutcome::ALL
            .iter()
            .copied()
            .filter(|o| brygga_domain::interview::is_result(*o))
            .collect()
    }
    fn outcome_key(&self, o: &InterviewOutcome) -> String {
        o.label_key()
    }
    fn role_key(&self, r: &AttendeeRole) -> String {
        r.label_key()
    }
}

async fn render_interview(
    s: &AppState,
    st: Staff,
    id: i32,
    booked: bool,
    form: Option<OutcomeForm>,
    errors: Errors,
) -> Result<Response, WebError> {
    let interview = s.store.interview_get(&st.actor, id).await?;
    let form = form.unwrap_or_else(|| OutcomeForm {
        version: interview.version.to_string(),
        outcome: String::new(),
        outcome_note: interview.outcome_note.clone(),
    });
    let status = form_status(&errors);
    let page = InterviewPage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
        can_update: st.actor.may(Action::Update, Resource::Interview),
        interview,
        booked,
        form,
        errors,
    };
    Ok((status, page).into_response())
}

async fn interview_page(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<InterviewQuery>,
) -> Result<Response, WebError> {
    render_interview(&s, st, id, q.booked.is_some(), None, Errors::default()).await
}

async fn interview_outcome(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<OutcomeForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Interview)?;
    let result = match (
        f.version.trim().parse::<i32>(),
        InterviewOutcome::parse(&f.outcome),
    ) {
        (Ok(version), Ok(outcome)) => {
            s.store
                .interview_outcome(&st.actor, id, version, outcome, &f.outcome_note)
                .await
        }
        _ => Err(StoreError::Invalid(brygga_domain::FieldErrors(vec![
            brygga_domain::FieldError::new("outcome", "pool-error-outcome"),
        ]))),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/interviews/{id}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            render_interview(&s, st, id, false, Some(f), errors).await
        }
    }
}

async fn interview_cancel(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<OutcomeForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Interview)?;
    let compose = Composer::new(&s.mail, st.i18n.lang);
    let result = match f.version.trim().parse::<i32>() {
        Ok(version) => {
            s.store
                .interview_cancel(&st.actor, id, version, &|i, r| compose.email(i, r))
                .await
        }
        Err(_) => Err(StoreError::Conflict),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/interviews/{id}")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            render_interview(&s, st, id, false, None, errors).await
        }
    }
}

// ------------------------------------------------------------------ the guide

#[derive(Template, WebTemplate)]
#[template(path = "interview_guide.html")]
struct GuidePage {
    i18n: I18n,
    user: Option<UserInfo>,
    csrf: String,
}

impl GuidePage {
    fn steps(&self) -> Vec<(String, String)> {
        guide_steps(&self.i18n)
    }
}

/// The guide's steps: (heading, text), in the translator's language.
fn guide_steps(i18n: &I18n) -> Vec<(String, String)> {
    (1..=GUIDE_STEPS)
        .map(|n| {
            (
                i18n.t(&format!("guide-step-{n}-title")),
                i18n.t(&format!("guide-step-{n}-text")),
            )
        })
        .collect()
}

const GUIDE_STEPS: usize = 6;

/// The guide as a plain-text file (attached to every invitation).
pub fn guide_text(i18n: &I18n) -> String {
    let mut out = format!("{}\n\n{}\n", i18n.t("guide-title"), i18n.t("guide-intro"));
    for (n, (title, text)) in guide_steps(i18n).into_iter().enumerate() {
        out.push_str(&format!("\n{}. {title}\n{text}\n", n + 1));
    }
    out
}

async fn guide_page(st: Staff) -> GuidePage {
    GuidePage {
        i18n: st.i18n,
        user: Some(st.info),
        csrf: st.csrf,
    }
}

// ------------------------------------------------------------------ email and calendar

/// Writes invitations: text in the recipient's language, the calendar file and the guide.
/// The booker reads their own UI language; everyone else gets Swedish (Brygga's default), with
/// the message repeated in English below.
struct Composer {
    host: String,
    from_email: String,
    booker_lang: Lang,
}

impl Composer {
    fn new(mail: &MailSettings, booker_lang: Lang) -> Self {
        let host = mail
            .public_url
            .split("://")
            .nth(1)
            .unwrap_or(&mail.public_url)
            .split(['/', ':'])
            .next()
            .unwrap_or("brygga")
            .to_string();
        let from_email = mail
            .from
            .rsplit_once('<')
            .map(|(_, r)| r.trim_end_matches('>').to_string())
            .unwrap_or_else(|| mail.from.clone());
        Composer {
            host,
            from_email,
            booker_lang,
        }
    }

    fn email(&self, inv: &Invitation, r: &Recipient) -> OutgoingEmail {
        let lang = match r.kind {
            RecipientKind::Booker => self.booker_lang,
            _ => Lang::Sv,
        };
        let i18n = I18n::new(lang);
        let mut text = self.body(&i18n, inv, r);
        if r.kind != RecipientKind::Booker {
            text.push_str("\n\n-- English --\n\n");
            text.push_str(&self.body(&I18n::new(Lang::En), inv, r));
        }
        let subject_key = if inv.cancelled {
            "pool-mail-cancelled-subject"
        } else if r.kind == RecipientKind::Booker {
            "pool-mail-booked-subject"
        } else {
            "pool-mail-subject"
        };
        let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s.as_bytes());
        let method = if inv.cancelled { "CANCEL" } else { "REQUEST" };
        let mut attachments = vec![Attachment {
            filename: "intervju.ics".into(),
            content_type: format!("text/calendar; method={method}; charset=utf-8"),
            data_base64: b64(&self.ics(inv, r)),
        }];
        if !inv.cancelled {
            attachments.push(Attachment {
                filename: i18n.t("guide-filename"),
                content_type: "text/plain; charset=utf-8".into(),
                data_base64: b64(&guide_text(&i18n)),
            });
        }
        OutgoingEmail {
            to: vec![r.email.clone()],
            subject: i18n.t1(subject_key, "title", &inv.interview.placement_title),
            text,
            attachments,
        }
    }

    fn body(&self, i18n: &I18n, inv: &Invitation, r: &Recipient) -> String {
        let iv = &inv.interview;
        let intro = match (inv.cancelled, r.kind) {
            (true, _) => "pool-mail-cancelled-intro",
            (false, RecipientKind::Booker) => "pool-mail-booked-intro",
            (false, RecipientKind::Participant) => "pool-mail-intro-participant",
            (false, RecipientKind::Attendee(_)) => "pool-mail-intro",
        };
        let mut out = format!(
            "{}\n\n{}\n\n{}: {} – {} ({})\n",
            i18n.t1("pool-mail-greeting", "name", &r.name),
            i18n.t1(
                intro,
                "title",
                format!("{} ({})", iv.placement_title, iv.employer_name)
            ),
            i18n.t("pool-when"),
            local_time(iv.starts_at),
            utc_to_stockholm(iv.ends_at).format("%H:%M"),
            i18n.t("pool-swedish-time"),
        );
        if !iv.location.is_empty() {
            out.push_str(&format!("{}: {}\n", i18n.t("field-location"), iv.location));
        }
        if !iv.meeting_link.is_empty() {
            out.push_str(&format!(
                "{}: {}\n",
                i18n.t("field-meeting_link"),
                iv.meeting_link
            ));
        }
        out.push_str(&format!(
            "{}: {}\n",
            i18n.t("pool-candidate"),
            iv.participant_name
        ));
        out.push_str(&format!("{}:\n", i18n.t("pool-invited")));
        for x in &inv.recipients {
            let role = match x.kind {
                RecipientKind::Attendee(role) => i18n.t(&role.label_key()),
                _ => i18n.t("pool-role-candidate"),
            };
            if address_visible(r, x) {
                out.push_str(&format!("- {} <{}> ({role})\n", x.name, x.email));
            } else {
                out.push_str(&format!("- {} ({role})\n", x.name));
            }
        }
        if !iv.notes.is_empty() && r.kind != RecipientKind::Participant {
            out.push_str(&format!("\n{}: {}\n", i18n.t("field-notes"), iv.notes));
        }
        if !inv.cancelled {
            out.push_str(&format!("\n{}\n", i18n.t("pool-mail-guide-attached")));
        }
        out
    }

    /// The calendar file for recipient `to`: METHOD:REQUEST (or CANCEL, with a higher
    /// SEQUENCE), times in UTC.
    fn ics(&self, inv: &Invitation, to: &Recipient) -> String {
        use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};
        let iv = &inv.interview;
        let mut ev = Event::new();
        ev.uid(&format!("interview-{}@{}", iv.id, self.host))
            .sequence(u32::try_from(iv.version - 1).unwrap_or(0))
            .timestamp(chrono::Utc::now())
            .starts(iv.starts_at)
            .ends(iv.ends_at)
            .summary(&format!("{} – {}", iv.placement_title, iv.employer_name));
        if !iv.location.is_empty() {
            ev.location(&iv.location);
        }
        if !iv.meeting_link.is_empty() {
            ev.url(&iv.meeting_link);
        }
        let organizer = if inv.organizer_email.is_empty() {
            &self.from_email
        } else {
            &inv.organizer_email
        };
        ev.append_property(
            Property::new("ORGANIZER", format!("mailto:{organizer}"))
                .add_parameter("CN", &inv.organizer_name)
                .done(),
        );
        for r in inv.recipients.iter().filter(|x| address_visible(to, x)) {
            ev.append_multi_property(
                Property::new("ATTENDEE", format!("mailto:{}", r.email))
                    .add_parameter("CN", &r.name)
                    .add_parameter("ROLE", "REQ-PARTICIPANT")
                    .add_parameter("RSVP", "TRUE")
                    .done(),
            );
        }
        if inv.cancelled {
            ev.status(EventStatus::Cancelled);
        }
        let mut cal = Calendar::new();
        cal.append_property(Property::new(
            "METHOD",
            if inv.cancelled { "CANCEL" } else { "REQUEST" },
        ));
        cal.push(ev.done());
        cal.done().to_string()
    }
}

/// Whether `to` may see `x`'s email address: a participant's contact details reach only the
/// participant and the booker, never the employer's side (candidates reach employers without
/// contact details; the coordinator mediates).
fn address_visible(to: &Recipient, x: &Recipient) -> bool {
    x.kind != RecipientKind::Participant
        || matches!(to.kind, RecipientKind::Participant | RecipientKind::Booker)
}

/// Where the ranking page sends a coordinator whose proposal was refused (no consent to share,
/// or already proposed): the pool page, which says why. `None` for any other error.
pub fn refused_link(placement: i32, participant: i32, e: &StoreError) -> Option<String> {
    let StoreError::Invalid(fe) = e else {
        return None;
    };
    let why = match fe.get("participant_id").map(|f| f.key) {
        Some("pool-error-no-consent") => "consent",
        Some("pool-error-duplicate") => "duplicate",
        _ => return None,
    };
    Some(format!(
        "/placements/{placement}/pool?refused={participant}&why={why}"
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use brygga_domain::interview::local_input_value;

    #[test]
    fn the_guide_exists_in_both_languages() {
        let sv = guide_text(&I18n::new(Lang::Sv));
        let en = guide_text(&I18n::new(Lang::En));
        assert!(sv.contains("6. ") && en.contains("6. "));
        assert_ne!(sv, en);
        assert!(!sv.contains("guide-step"), "{sv}");
    }

    #[test]
    fn input_values_round_trip_through_swedish_time() {
        let t = chrono::DateTime::parse_from_rfc3339("2031-07-01T08:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(local_input_value(t), "2031-07-01T10:00");
    }
}
