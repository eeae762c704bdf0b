//! Schedules: entries checked and saved, programme templates applied, absences reported, the
//! week view's days, and the personal calendar feed (RFC 5545, written with the `icalendar`
//! crate and cleaned by `ics`).

use brygga_domain::calendar::{
    Holiday, holiday_on, parse_week, stockholm_to_utc, week_label, week_start,
};
use brygga_domain::schedule::{AbsenceDraft, EntryDraft, TemplateDraft, time_of};
use brygga_i18n::{I18n, Lang};
use brygga_store::Actor;
use brygga_store::idempotency::Once;
use brygga_store::schedule::{Applied, EntryRecord};
use chrono::{Days, NaiveDate};

use crate::{App, Result, ics};

/// Add an entry to a participant's schedule, once per `key` (a form's nonce or an API
/// client's `Idempotency-Key`): the same form sent twice adds one entry.
pub async fn entry_create(
    app: &App,
    actor: &Actor,
    participant_id: i32,
    d: &EntryDraft,
    key: &str,
) -> Result<Once> {
    let input = d.validate()?;
    Ok(app
        .store
        .create_once(actor, "schedule_entry", key, async || {
            app.store
                .schedule_entry_create(actor, participant_id, &input)
                .await
        })
        .await?)
}

/// Change an entry read at `version`.
pub async fn entry_update(
    app: &App,
    actor: &Actor,
    participant_id: i32,
    entry_id: i32,
    version: i32,
    d: &EntryDraft,
) -> Result<()> {
    let input = d.validate()?;
    Ok(app
        .store
        .schedule_entry_update(actor, participant_id, entry_id, version, &input)
        .await?)
}

/// Fill the participant's internship with a programme template's entries.
pub async fn apply_template(
    app: &App,
    actor: &Actor,
    participant_id: i32,
    d: &TemplateDraft,
) -> Result<Applied> {
    Ok(app
        .store
        .schedule_apply_template(actor, participant_id, d)
        .await?)
}

/// Report a participant absent (a day up to tomorrow, in Swedish time).
pub async fn report_absence(
    app: &App,
    actor: &Actor,
    participant_id: i32,
    d: &AbsenceDraft,
) -> Result<i32> {
    let input = d.validate(crate::today())?;
    Ok(app
        .store
        .absence_report(actor, participant_id, &input)
        .await?)
}

// ------------------------------------------------------------------ the week view

/// One day of a week view.
#[derive(Debug, Clone)]
pub struct Day {
    pub date: NaiveDate,
    pub holiday: Option<Holiday>,
    pub is_today: bool,
    pub entries: Vec<EntryRecord>,
}

/// A week (Monday to Sunday) of entries, with its neighbours for navigation.
#[derive(Debug, Clone)]
pub struct Week {
    /// `YYYY-Www`.
    pub label: String,
    pub monday: NaiveDate,
    pub days: Vec<Day>,
    pub prev: String,
    pub next: String,
}

impl Week {
    /// Whether nothing is scheduled on any of its days.
    pub fn is_empty(&self) -> bool {
        self.days.iter().all(|d| d.entries.is_empty())
    }
}

/// The Monday of the week `?week=YYYY-Www` names, or of this week when absent or not a week.
pub fn week_of(param: Option<&str>, today: NaiveDate) -> NaiveDate {
    param
        .and_then(parse_week)
        .unwrap_or_else(|| week_start(today))
}

/// Lay entries (of any period) out as the week starting `monday`.
pub fn week(monday: NaiveDate, today: NaiveDate, entries: &[EntryRecord]) -> Week {
    let days = (0..7)
        .filter_map(|i| monday.checked_add_days(Days::new(i)))
        .map(|date| Day {
            date,
            holiday: holiday_on(date),
            is_today: date == today,
            entries: entries.iter().filter(|e| e.date == date).cloned().collect(),
        })
        .collect();
    Week {
        label: week_label(monday),
        monday,
        days,
        prev: week_label(monday - Days::new(7)),
        next: week_label(monday + Days::new(7)),
    }
}

/// The actor's own week (participant, supervisor, employer contact).
pub async fn my_week(app: &App, actor: &Actor, monday: NaiveDate) -> Result<Week> {
    let entries = app
        .store
        .my_schedule(actor, monday, monday + Days::new(6))
        .await?;
    Ok(week(monday, crate::today(), &entries))
}

// ------------------------------------------------------------------ the calendar feed

/// How far back and ahead a feed reaches.
const FEED_PAST_DAYS: u64 = 30;
const FEED_FUTURE_DAYS: u64 = 366;

/// The calendar behind a feed token: the same entries as the owner's week view, from a month
/// back to a year ahead; `None` for an unknown or revoked token.
pub async fn feed(app: &App, token: &str) -> Result<Option<String>> {
    let Some(actor) = app.store.actor_by_calendar_token(token).await? else {
        return Ok(None);
    };
    let today = crate::today();
    let entries = app
        .store
        .my_schedule(
            &actor,
            today - Days::new(FEED_PAST_DAYS),
            today + Days::new(FEED_FUTURE_DAYS),
        )
        .await?;
    Ok(Some(calendar(
        &entries,
        &actor,
        &host(&app.mail.public_url),
    )))
}

/// The host part of Brygga's public address, for the entries' UIDs.
fn host(public_url: &str) -> String {
    let rest = public_url.split_once("://").map_or(public_url, |(_, r)| r);
    let end = rest.find(['/', ':']).unwrap_or(rest.len());
    match &rest[..end] {
        "" => "brygga".into(),
        h => h.to_string(),
    }
}

/// A calendar of schedule entries (Swedish, Brygga's default; times in UTC). An entry of
/// someone else (a supervisor's intern) names the intern.
pub fn calendar(entries: &[EntryRecord], owner: &Actor, host: &str) -> String {
    use icalendar::{Calendar, Component, Event, EventLike};
    let i18n = I18n::new(Lang::Sv);
    let mut cal = Calendar::new();
    cal.name(&ics::text(&i18n.t("schedule-feed-name")));
    let stamp = chrono::Utc::now();
    for e in entries {
        let (Some(starts), Some(ends)) = (
            stockholm_to_utc(e.date.and_time(time_of(e.start_minute))),
            stockholm_to_utc(e.date.and_time(time_of(e.end_minute))),
        ) else {
            continue;
        };
        let mut summary = i18n.t(&e.kind.label_key());
        if !e.title.is_empty() {
            summary = format!("{summary}: {}", e.title);
        }
        if owner.participant_id() != Some(e.participant_id) {
            summary = format!("{summary} – {}", e.participant_name);
        }
        let mut ev = Event::new();
        ev.uid(&format!("schedule-{}@{host}", e.id))
            .sequence(u32::try_from(e.version - 1).unwrap_or(0))
            .timestamp(stamp)
            .starts(starts)
            .ends(ends)
            .summary(&ics::text(&summary));
        if !e.location.is_empty() {
            ev.location(&ics::text(&e.location));
        }
        cal.push(ev.done());
    }
    cal.done().to_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_host_of_the_public_address() {
        assert_eq!(host("https://brygga.example.se/x"), "brygga.example.se");
        assert_eq!(host("http://localhost:8080"), "localhost");
        assert_eq!(host(""), "brygga");
    }

    #[test]
    fn a_week_has_seven_days_with_holidays_and_today() {
        let monday: NaiveDate = "2026-06-15".parse().unwrap();
        let w = week(monday, "2026-06-17".parse().unwrap(), &[]);
        assert_eq!(w.days.len(), 7);
        assert_eq!(w.label, "2026-W25");
        assert_eq!((w.prev.as_str(), w.next.as_str()), ("2026-W24", "2026-W26"));
        assert!(w.days[2].is_today);
        assert!(
            w.days[4].holiday.is_some_and(|h| h.is_eve()),
            "midsommarafton"
        );
        assert_eq!(week_of(Some("nonsense"), monday), monday);
        assert_eq!(
            week_of(Some("2026-W01"), monday),
            "2025-12-29".parse::<NaiveDate>().unwrap()
        );
    }
}
