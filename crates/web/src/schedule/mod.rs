//! Schedules: my week (the participant's own, a supervisor's interns' workplace days), a
//! participant's schedule for the coordinating function (entries, programme templates), absence
//! reports and their patterns, and the personal calendar feed.

pub mod api;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use brygga_app::schedule::{Week, week, week_of};
use brygga_domain::calendar::Holiday;
use brygga_domain::model::Weekday;
use brygga_domain::policy::{Action, Resource};
use brygga_domain::schedule::{
    AbsenceDraft, AbsenceReason, EntryDraft, EntryKind, TemplateDraft, TemplateKind, weekday_key,
};
use brygga_store::schedule::{AbsencePattern, AbsenceRecord, FeedRecord, ScheduleView};
use std::borrow::Borrow;

use chrono::{Days, NaiveDate};
use serde::Deserialize;

use crate::AppState;
use crate::http::form::new_create_key;
use crate::http::{Chrome, Errors, Id, IdPair, Staff, WebError, form_errors, form_status};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/schedule", get(my_week))
        .route("/schedule/absence", post(my_absence))
        .route("/participants/{id}/schedule", get(participant_schedule))
        .route("/participants/{id}/schedule/entries", post(entry_create))
        .route(
            "/participants/{id}/schedule/entries/{entry}",
            get(entry_edit).post(entry_update),
        )
        .route(
            "/participants/{id}/schedule/entries/{entry}/delete",
            post(entry_delete),
        )
        .route("/participants/{id}/schedule/template", post(template_apply))
        .route("/participants/{id}/absences", post(participant_absence))
        .route("/absences", get(absence_patterns))
        .route("/account/calendar", get(feeds).post(feed_create))
        .route("/account/calendar/{id}/revoke", post(feed_revoke))
        .route("/calendar/{file}", get(feed))
}

/// How far back the absence counts reach.
const ABSENCE_DAYS: u64 = 90;

#[derive(Deserialize, Default)]
#[serde(default)]
struct WeekQuery {
    week: Option<String>,
}

fn monday(q: &WeekQuery) -> NaiveDate {
    week_of(q.week.as_deref(), brygga_app::today())
}

/// Names of the skipped holidays, for the message after applying a template.
fn holiday_names(chrome: &Chrome, h: &[Holiday]) -> String {
    h.iter()
        .map(|h| format!("{} ({})", chrome.i18n.t(&h.kind.label_key()), h.date))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the week templates share: labels for kinds and weekdays.
trait WeekLabels {
    fn chrome(&self) -> &Chrome;

    fn kind(&self, k: impl Borrow<EntryKind>) -> String {
        self.chrome().i18n.t(&k.borrow().label_key())
    }

    fn weekday(&self, d: impl Borrow<NaiveDate>) -> String {
        use chrono::Datelike;
        self.chrome().i18n.t(&weekday_key(d.borrow().weekday()))
    }
}

// ------------------------------------------------------------------ my week

#[derive(Template, WebTemplate)]
#[template(path = "schedule/week.html")]
struct MyWeekPage {
    chrome: Chrome,
    week: Week,
    /// Whom the reader may report absent (herself, her interns).
    reportable: Vec<(i32, String)>,
    absence: AbsenceDraft,
    absence_for: String,
    reasons: &'static [AbsenceReason],
    errors: Errors,
    reported: bool,
}

crate::http::page_chrome!(MyWeekPage);

impl WeekLabels for MyWeekPage {
    fn chrome(&self) -> &Chrome {
        &self.chrome
    }
}

impl MyWeekPage {
    /// The participant's own record (she reports only for herself).
    fn own_id(&self) -> i32 {
        self.reportable
            .first()
            .map(|(id, _)| *id)
            .unwrap_or_default()
    }

    fn is_participant(&self) -> bool {
        self.chrome
            .user
            .as_ref()
            .is_some_and(|u| u.own_participant.is_some())
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MyWeekQuery {
    week: Option<String>,
    reported: Option<String>,
}

async fn my_week_page(
    s: &AppState,
    st: Staff,
    monday: NaiveDate,
    absence: AbsenceDraft,
    absence_for: String,
    errors: Errors,
    reported: bool,
) -> Result<Response, WebError> {
    let week = brygga_app::schedule::my_week(s, &st.actor, monday).await?;
    let reportable = s.store.absence_reportable(&st.actor).await?;
    let status = form_status(&errors);
    let absence = if absence == AbsenceDraft::default() {
        AbsenceDraft {
            absence_date: brygga_app::today().to_string(),
            ..Default::default()
        }
    } else {
        absence
    };
    let page = MyWeekPage {
        chrome: st.chrome,
        week,
        reportable,
        absence,
        absence_for,
        reasons: AbsenceReason::ALL,
        errors,
        reported,
    };
    Ok((status, page).into_response())
}

async fn my_week(
    State(s): State<AppState>,
    st: Staff,
    Query(q): Query<MyWeekQuery>,
) -> Result<Response, WebError> {
    let monday = week_of(q.week.as_deref(), brygga_app::today());
    my_week_page(
        &s,
        st,
        monday,
        AbsenceDraft::default(),
        String::new(),
        Errors::default(),
        q.reported.is_some(),
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MyAbsenceForm {
    participant_id: String,
    #[serde(flatten)]
    absence: AbsenceDraft,
}

async fn my_absence(
    State(s): State<AppState>,
    st: Staff,
    Form(f): Form<MyAbsenceForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Absence)?;
    // A participant reports her own absence; a supervisor chooses which intern.
    let who = f
        .participant_id
        .trim()
        .parse::<i32>()
        .ok()
        .or(st.actor.participant_id());
    let result = match who {
        Some(pid) => brygga_app::schedule::report_absence(&s, &st.actor, pid, &f.absence).await,
        None => Err(brygga_app::Error::Invalid(brygga_domain::FieldErrors(
            vec![brygga_domain::FieldError::new(
                "participant_id",
                "error-required",
            )],
        ))),
    };
    match result {
        Ok(_) => Ok(Redirect::to("/schedule?reported=1").into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let monday = brygga_domain::calendar::week_start(brygga_app::today());
            my_week_page(&s, st, monday, f.absence, f.participant_id, errors, false).await
        }
    }
}

// ------------------------------------------------------------------ a participant's schedule

#[derive(Template, WebTemplate)]
#[template(path = "schedule/participant.html")]
struct ParticipantSchedulePage {
    chrome: Chrome,
    v: ScheduleView,
    week: Week,
    entry: EntryDraft,
    create_key: String,
    template: TemplateDraft,
    absence: AbsenceDraft,
    absences: Vec<AbsenceRecord>,
    errors: Errors,
    /// After applying a template: how many entries, and the holidays left out.
    applied: Option<(usize, String)>,
}

crate::http::page_chrome!(ParticipantSchedulePage);

impl WeekLabels for ParticipantSchedulePage {
    fn chrome(&self) -> &Chrome {
        &self.chrome
    }
}

impl ParticipantSchedulePage {
    fn base(&self) -> String {
        format!("/participants/{}/schedule", self.v.participant_id)
    }

    fn kinds(&self) -> &'static [EntryKind] {
        EntryKind::ALL
    }

    fn templates(&self) -> &'static [TemplateKind] {
        TemplateKind::ALL
    }

    fn weekdays(&self) -> &'static [Weekday] {
        &Weekday::ALL[..5]
    }

    fn reasons(&self) -> &'static [AbsenceReason] {
        AbsenceReason::ALL
    }

    fn workplace_day(&self, d: &Weekday) -> bool {
        self.template.workplace_days.iter().any(|x| x == d.as_str())
    }

    fn applied_message(&self) -> Option<String> {
        self.applied
            .as_ref()
            .map(|(n, _)| self.chrome.i18n.t1("schedule-applied", "count", n))
    }

    fn skipped_message(&self) -> Option<String> {
        self.applied
            .as_ref()
            .filter(|(_, days)| !days.is_empty())
            .map(|(_, days)| self.chrome.i18n.t1("schedule-skipped", "days", days))
    }
}

/// What the page shows again after a refused form.
#[derive(Default)]
struct Typed {
    entry: Option<EntryDraft>,
    template: Option<TemplateDraft>,
    absence: Option<AbsenceDraft>,
    errors: Errors,
    applied: Option<(usize, String)>,
}

async fn schedule_page(
    s: &AppState,
    st: Staff,
    id: i32,
    monday: NaiveDate,
    typed: Typed,
) -> Result<Response, WebError> {
    let v = s
        .store
        .schedule_of(&st.actor, id, monday, monday + Days::new(6))
        .await?;
    let absences = if v.may_report_absence || st.actor.may(Action::List, Resource::Absence) {
        match s
            .store
            .absences_of(&st.actor, id, brygga_app::today() - Days::new(ABSENCE_DAYS))
            .await
        {
            Ok(a) => a,
            Err(brygga_store::StoreError::NotFound | brygga_store::StoreError::Forbidden) => {
                vec![]
            }
            Err(e) => return Err(e.into()),
        }
    } else {
        vec![]
    };
    let status = form_status(&typed.errors);
    let week = week(monday, brygga_app::today(), &v.entries);
    let entry = typed.entry.unwrap_or_else(|| EntryDraft {
        entry_date: monday.to_string(),
        entry_starts: "08:00".into(),
        entry_ends: "16:00".into(),
        entry_kind: EntryKind::Workplace.as_str().into(),
        ..Default::default()
    });
    let page = ParticipantSchedulePage {
        chrome: st.chrome,
        v,
        week,
        entry,
        create_key: new_create_key(),
        template: typed.template.unwrap_or_else(TemplateDraft::suggested),
        absence: typed.absence.unwrap_or_else(|| AbsenceDraft {
            absence_date: brygga_app::today().to_string(),
            ..Default::default()
        }),
        absences,
        errors: typed.errors,
        applied: typed.applied,
    };
    Ok((status, page).into_response())
}

async fn participant_schedule(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Query(q): Query<WeekQuery>,
) -> Result<Response, WebError> {
    st.require(Action::Read, Resource::Schedule)?;
    schedule_page(&s, st, id, monday(&q), Typed::default()).await
}

fn to_week(id: i32, date: NaiveDate) -> Response {
    Redirect::to(&format!(
        "/participants/{id}/schedule?week={}",
        brygga_domain::calendar::week_label(date)
    ))
    .into_response()
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EntryForm {
    create_key: String,
    version: String,
    #[serde(flatten)]
    entry: EntryDraft,
}

impl EntryForm {
    /// The week to show again: the entry's, or this week's when its date is not one.
    fn monday(&self) -> NaiveDate {
        brygga_domain::values::parse_date("entry_date", &self.entry.entry_date)
            .map(brygga_domain::calendar::week_start)
            .unwrap_or_else(|_| brygga_domain::calendar::week_start(brygga_app::today()))
    }
}

async fn entry_create(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<EntryForm>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Schedule)?;
    let result =
        brygga_app::schedule::entry_create(&s, &st.actor, id, &f.entry, &f.create_key).await;
    match result {
        Ok(_) => Ok(to_week(id, f.monday())),
        Err(e) => {
            let errors = form_errors(e)?;
            let monday = f.monday();
            schedule_page(
                &s,
                st,
                id,
                monday,
                Typed {
                    entry: Some(f.entry),
                    errors,
                    ..Default::default()
                },
            )
            .await
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "schedule/entry.html")]
struct EntryPage {
    chrome: Chrome,
    participant_id: i32,
    participant_name: String,
    entry_id: i32,
    version: i32,
    entry: EntryDraft,
    errors: Errors,
}

crate::http::page_chrome!(EntryPage);

impl EntryPage {
    fn kinds(&self) -> &'static [EntryKind] {
        EntryKind::ALL
    }
}

async fn entry_edit(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, entry): IdPair,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Schedule)?;
    let e = s.store.schedule_entry_get(&st.actor, id, entry).await?;
    Ok(EntryPage {
        chrome: st.chrome,
        participant_id: id,
        participant_name: e.participant_name.clone(),
        entry_id: e.id,
        version: e.version,
        entry: e.to_input().to_draft(),
        errors: Errors::default(),
    }
    .into_response())
}

async fn entry_update(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, entry): IdPair,
    Form(f): Form<EntryForm>,
) -> Result<Response, WebError> {
    st.require(Action::Update, Resource::Schedule)?;
    let version = f.version.trim().parse::<i32>().unwrap_or(0);
    let result =
        brygga_app::schedule::entry_update(&s, &st.actor, id, entry, version, &f.entry).await;
    match result {
        Ok(()) => Ok(to_week(id, f.monday())),
        Err(e) => {
            let errors = form_errors(e)?;
            let current = s.store.schedule_entry_get(&st.actor, id, entry).await?;
            let page = EntryPage {
                chrome: st.chrome,
                participant_id: id,
                participant_name: current.participant_name.clone(),
                entry_id: entry,
                // After a conflict the form carries what is saved now, so a second save is a
                // deliberate overwrite of it.
                version: if errors.form == Some("error-conflict") {
                    current.version
                } else {
                    version
                },
                entry: f.entry,
                errors,
            };
            Ok((form_status(&page.errors), page).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct VersionForm {
    version: String,
}

async fn entry_delete(
    State(s): State<AppState>,
    st: Staff,
    IdPair(id, entry): IdPair,
    Form(f): Form<VersionForm>,
) -> Result<Response, WebError> {
    st.require(Action::Delete, Resource::Schedule)?;
    let e = s.store.schedule_entry_get(&st.actor, id, entry).await?;
    let version = f.version.trim().parse::<i32>().unwrap_or(0);
    s.store
        .schedule_entry_delete(&st.actor, id, entry, version)
        .await?;
    Ok(to_week(id, e.date))
}

async fn template_apply(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<TemplateDraft>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Schedule)?;
    let monday = brygga_domain::calendar::week_start(brygga_app::today());
    match brygga_app::schedule::apply_template(&s, &st.actor, id, &f).await {
        Ok(applied) => {
            let names = holiday_names(&st.chrome, &applied.skipped);
            let start = s
                .store
                .schedule_of(&st.actor, id, monday, monday)
                .await?
                .internship
                .map(|i| brygga_domain::calendar::week_start(i.start_date))
                .unwrap_or(monday);
            schedule_page(
                &s,
                st,
                id,
                start,
                Typed {
                    applied: Some((applied.created, names)),
                    ..Default::default()
                },
            )
            .await
        }
        Err(e) => {
            let errors = form_errors(e)?;
            schedule_page(
                &s,
                st,
                id,
                monday,
                Typed {
                    template: Some(f),
                    errors,
                    ..Default::default()
                },
            )
            .await
        }
    }
}

async fn participant_absence(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
    Form(f): Form<AbsenceDraft>,
) -> Result<Response, WebError> {
    st.require(Action::Create, Resource::Absence)?;
    match brygga_app::schedule::report_absence(&s, &st.actor, id, &f).await {
        Ok(_) => Ok(Redirect::to(&format!("/participants/{id}/schedule")).into_response()),
        Err(e) => {
            let errors = form_errors(e)?;
            let monday = brygga_domain::calendar::week_start(brygga_app::today());
            schedule_page(
                &s,
                st,
                id,
                monday,
                Typed {
                    absence: Some(f),
                    errors,
                    ..Default::default()
                },
            )
            .await
        }
    }
}

// ------------------------------------------------------------------ absence patterns

#[derive(Template, WebTemplate)]
#[template(path = "schedule/absences.html")]
struct AbsencesPage {
    chrome: Chrome,
    patterns: Vec<AbsencePattern>,
}

crate::http::page_chrome!(AbsencesPage);

impl AbsencesPage {
    fn weekday(&self, p: &AbsencePattern) -> String {
        p.most_frequent_weekday
            .map(|d| self.chrome.i18n.t(&weekday_key(d)))
            .unwrap_or_default()
    }
}

async fn absence_patterns(State(s): State<AppState>, st: Staff) -> Result<AbsencesPage, WebError> {
    st.require(Action::List, Resource::Absence)?;
    let patterns = s
        .store
        .absence_patterns(&st.actor, brygga_app::today())
        .await?;
    Ok(AbsencesPage {
        chrome: st.chrome,
        patterns,
    })
}

// ------------------------------------------------------------------ calendar feeds

#[derive(Template, WebTemplate)]
#[template(path = "schedule/feeds.html")]
struct FeedsPage {
    chrome: Chrome,
    feeds: Vec<FeedRecord>,
    /// The address of a feed just made (shown once).
    new_url: Option<String>,
}

crate::http::page_chrome!(FeedsPage);

async fn feeds(State(s): State<AppState>, st: Staff) -> Result<FeedsPage, WebError> {
    let feeds = s.store.calendar_feeds(&st.actor).await?;
    Ok(FeedsPage {
        chrome: st.chrome,
        feeds,
        new_url: None,
    })
}

async fn feed_create(State(s): State<AppState>, st: Staff) -> Result<FeedsPage, WebError> {
    let token = s.store.calendar_feed_create(&st.actor).await?;
    let feeds = s.store.calendar_feeds(&st.actor).await?;
    let base = s.mail.public_url.trim_end_matches('/');
    Ok(FeedsPage {
        chrome: st.chrome,
        feeds,
        new_url: Some(format!("{base}/calendar/{token}.ics")),
    })
}

async fn feed_revoke(
    State(s): State<AppState>,
    st: Staff,
    Id(id): Id,
) -> Result<Response, WebError> {
    s.store.calendar_feed_revoke(&st.actor, id).await?;
    Ok(Redirect::to("/account/calendar").into_response())
}

/// The feed itself: public (a calendar app has no session), the secret token its key.
async fn feed(State(s): State<AppState>, Path(file): Path<String>) -> Result<Response, WebError> {
    let token = file.strip_suffix(".ics").unwrap_or("");
    if token.is_empty() || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(WebError::NotFound);
    }
    match brygga_app::schedule::feed(&s, token).await? {
        Some(ics) => Ok((
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (header::CACHE_CONTROL, "private, max-age=300"),
            ],
            ics,
        )
            .into_response()),
        None => Err(WebError::NotFound),
    }
}
