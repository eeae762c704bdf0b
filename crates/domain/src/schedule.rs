//! A participant's schedule: entries (a day at the workplace, vocational Swedish, SFI, a
//! meeting), the checks an entry must pass, the programme templates that generate a period's
//! entries, and absences. Times are Swedish local time. No I/O.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use crate::calendar::{Holiday, holiday_on, week_start};
use crate::model::{Weekday, str_enum};
use crate::text::{self, NAME_MAX, NOTE_MAX};
use crate::values::parse_date;
use crate::{FieldError, FieldErrors};

str_enum!(
    /// What a scheduled block is.
    EntryKind, "schedule-kind" {
        Workplace = "workplace",
        VocationalSwedish = "vocational_swedish",
        Sfi = "sfi",
        Meeting = "meeting",
        Other = "other",
    }
);

str_enum!(
    /// The programme patterns a period's schedule can be generated from: GR's praktikprogram
    /// (two weeks of vocational Swedish before the start, then about three workplace days,
    /// half a day of vocational Swedish and one day of SFI a week) and Care Vårda's (school
    /// weeks and workplace weeks in turn).
    TemplateKind, "schedule-template" {
        Gr = "gr",
        CareVarda = "care_varda",
    }
);

str_enum!(
    /// Why a participant was away.
    AbsenceReason, "absence-reason" {
        Sick = "sick",
        ChildSick = "child_sick",
        Appointment = "appointment",
        Other = "other",
    }
);

/// A time of day in minutes after midnight (what the store keeps).
pub type Minute = i32;

pub fn minute_of(t: NaiveTime) -> Minute {
    i32::try_from(t.num_seconds_from_midnight() / 60).unwrap_or(0)
}

pub fn time_of(m: Minute) -> NaiveTime {
    u32::try_from(m)
        .ok()
        .and_then(|m| NaiveTime::from_hms_opt(m / 60, m % 60, 0))
        .unwrap_or(NaiveTime::MIN)
}

/// `HH:MM` for a form or a page.
pub fn hhmm(m: Minute) -> String {
    time_of(m).format("%H:%M").to_string()
}

/// A time as an `<input type="time">` sends it (`HH:MM`, seconds allowed and dropped).
pub fn parse_time(field: &str, s: &str) -> Result<Minute, FieldError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(FieldError::new(field, "error-required"));
    }
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .map(minute_of)
        .map_err(|_| FieldError::new(field, "schedule-error-time"))
}

/// An entry as typed into the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EntryDraft {
    /// `YYYY-MM-DD`.
    pub entry_date: String,
    /// `HH:MM`, Swedish local time.
    pub entry_starts: String,
    /// `HH:MM`, Swedish local time.
    pub entry_ends: String,
    /// workplace, vocational_swedish, sfi, meeting or other.
    pub entry_kind: String,
    pub title: String,
    pub location: String,
    /// The course the block belongs to, if any.
    pub entry_course_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryInput {
    pub date: NaiveDate,
    pub starts: Minute,
    pub ends: Minute,
    pub kind: EntryKind,
    pub title: String,
    pub location: String,
    pub course_id: Option<i32>,
}

impl EntryDraft {
    /// Check every field at once: a date, times with the end after the start, a kind, and
    /// short texts. Whether the entry fits the schedule is `check`'s business.
    pub fn validate(&self) -> Result<EntryInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let date = errs.check("entry_date", parse_date("entry_date", &self.entry_date));
        let starts = errs.check(
            "entry_starts",
            parse_time("entry_starts", &self.entry_starts),
        );
        let ends = errs.check("entry_ends", parse_time("entry_ends", &self.entry_ends));
        let kind = errs.check("entry_kind", EntryKind::parse(&self.entry_kind));
        let title = text::collect(
            &mut errs,
            text::line("title", &self.title, NAME_MAX),
            &self.title,
        );
        let location = text::collect(
            &mut errs,
            text::line("location", &self.location, NAME_MAX),
            &self.location,
        );
        let course_id = match self.entry_course_id.trim() {
            "" => None,
            s => match s.parse::<i32>() {
                Ok(n) if n > 0 => Some(n),
                _ => {
                    errs.push(FieldError::new("entry_course_id", "schedule-error-course"));
                    None
                }
            },
        };
        if let (Some(s), Some(e)) = (starts, ends)
            && e <= s
        {
            errs.push(FieldError::new(
                "entry_ends",
                "schedule-error-end-before-start",
            ));
        }
        match (date, starts, ends, kind) {
            (Some(date), Some(starts), Some(ends), Some(kind)) if errs.is_empty() => {
                Ok(EntryInput {
                    date,
                    starts,
                    ends,
                    kind,
                    title,
                    location,
                    course_id,
                })
            }
            _ => Err(errs),
        }
    }
}

impl EntryInput {
    pub fn to_draft(&self) -> EntryDraft {
        EntryDraft {
            entry_date: self.date.to_string(),
            entry_starts: hhmm(self.starts),
            entry_ends: hhmm(self.ends),
            entry_kind: self.kind.as_str().into(),
            title: self.title.clone(),
            location: self.location.clone(),
            entry_course_id: self.course_id.map(|c| c.to_string()).unwrap_or_default(),
        }
    }
}

/// An entry already in the schedule, as the checks see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub id: i32,
    pub date: NaiveDate,
    pub starts: Minute,
    pub ends: Minute,
    pub kind: EntryKind,
}

/// What an entry is checked against: the participant's internship (its period and the
/// placement's days a week) and the rest of the schedule.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The internship's first and last day; `None` when the participant has none.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// The placement's workplace days a week.
    pub days_per_week: u32,
    pub existing: Vec<Slot>,
}

/// Check an entry against its schedule (`replacing` is the entry being edited, left out):
/// not on a public holiday or day-off eve, not overlapping another entry of the participant,
/// a workplace day only within the internship and not one more than the placement's days a
/// week. Every problem at once, each on its field.
pub fn check(e: &EntryInput, ctx: &Context, replacing: Option<i32>) -> Result<(), FieldErrors> {
    let mut errs = FieldErrors::default();
    let others = || ctx.existing.iter().filter(|s| Some(s.id) != replacing);
    if holiday_on(e.date).is_some() {
        errs.push(FieldError::new("entry_date", "schedule-error-holiday"));
    }
    if others().any(|s| s.date == e.date && s.starts < e.ends && e.starts < s.ends) {
        errs.push(FieldError::new("entry_starts", "schedule-error-overlap"));
    }
    if e.kind == EntryKind::Workplace {
        match ctx.period {
            Some((from, to)) if from <= e.date && e.date <= to => {
                let monday = week_start(e.date);
                let mut days: Vec<NaiveDate> = others()
                    .filter(|s| s.kind == EntryKind::Workplace && week_start(s.date) == monday)
                    .map(|s| s.date)
                    .chain([e.date])
                    .collect();
                days.sort_unstable();
                days.dedup();
                if days.len() > usize::try_from(ctx.days_per_week).unwrap_or(0) {
                    errs.push(FieldError::new(
                        "entry_kind",
                        "schedule-error-too-many-days",
                    ));
                }
            }
            _ => errs.push(FieldError::new(
                "entry_date",
                "schedule-error-outside-internship",
            )),
        }
    }
    errs.into_result()
}

// ------------------------------------------------------------------ templates

/// A template as chosen in the form (a field left out is empty: no box ticked is no day).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TemplateDraft {
    /// gr or care_varda.
    pub schedule_template: String,
    /// The weekdays at the workplace (mon … fri).
    pub workplace_days: Vec<String>,
    /// GR: the weekday of the half day of vocational Swedish.
    pub swedish_day: String,
    /// GR: the weekday of SFI.
    pub sfi_day: String,
    /// Care Vårda: whether the first week is a school week (`school`) or a workplace week.
    pub first_week: String,
}

impl TemplateDraft {
    /// What the form suggests: GR's pattern with workplace days Monday, Tuesday and Thursday,
    /// vocational Swedish on Wednesday and SFI on Friday.
    pub fn suggested() -> Self {
        TemplateDraft {
            schedule_template: TemplateKind::Gr.as_str().into(),
            workplace_days: vec!["mon".into(), "tue".into(), "thu".into()],
            swedish_day: "wed".into(),
            sfi_day: "fri".into(),
            first_week: "school".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateInput {
    pub template: TemplateKind,
    pub workplace_days: Vec<Weekday>,
    pub swedish_day: Weekday,
    pub sfi_day: Weekday,
    pub school_first: bool,
}

fn is_weekday(d: Weekday) -> bool {
    !matches!(d, Weekday::Sat | Weekday::Sun)
}

fn chrono_day(d: Weekday) -> chrono::Weekday {
    match d {
        Weekday::Mon => chrono::Weekday::Mon,
        Weekday::Tue => chrono::Weekday::Tue,
        Weekday::Wed => chrono::Weekday::Wed,
        Weekday::Thu => chrono::Weekday::Thu,
        Weekday::Fri => chrono::Weekday::Fri,
        Weekday::Sat => chrono::Weekday::Sat,
        Weekday::Sun => chrono::Weekday::Sun,
    }
}

impl TemplateDraft {
    /// Check the choices against the placement's days a week: workplace days are weekdays, no
    /// more of them than the placement has, and (GR) the vocational-Swedish and SFI days are
    /// two other weekdays.
    pub fn validate(&self, days_per_week: u32) -> Result<TemplateInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let template = errs.check(
            "schedule_template",
            TemplateKind::parse(&self.schedule_template),
        );
        let mut workplace_days = vec![];
        for d in &self.workplace_days {
            match Weekday::parse(d) {
                Ok(d) if is_weekday(d) => {
                    if !workplace_days.contains(&d) {
                        workplace_days.push(d);
                    }
                }
                _ => {
                    errs.push(FieldError::new("workplace_days", "error-invalid-choice"));
                    break;
                }
            }
        }
        workplace_days.sort();
        if workplace_days.is_empty() {
            errs.push(FieldError::new("workplace_days", "error-required"));
        } else if workplace_days.len() > usize::try_from(days_per_week).unwrap_or(0) {
            errs.push(FieldError::new(
                "workplace_days",
                "schedule-error-too-many-days",
            ));
        }
        let gr = template == Some(TemplateKind::Gr);
        let day = |errs: &mut FieldErrors, field: &str, s: &str| -> Weekday {
            match Weekday::parse(s) {
                Ok(d) if is_weekday(d) => d,
                _ => {
                    if gr {
                        errs.push(FieldError::new(field, "error-invalid-choice"));
                    }
                    Weekday::Wed
                }
            }
        };
        let swedish_day = day(&mut errs, "swedish_day", &self.swedish_day);
        let sfi_day = day(&mut errs, "sfi_day", &self.sfi_day);
        if gr && errs.get("swedish_day").is_none() && errs.get("sfi_day").is_none() {
            if workplace_days.contains(&swedish_day) {
                errs.push(FieldError::new("swedish_day", "schedule-error-day-taken"));
            }
            if workplace_days.contains(&sfi_day) || sfi_day == swedish_day {
                errs.push(FieldError::new("sfi_day", "schedule-error-day-taken"));
            }
        }
        let school_first = match self.first_week.trim() {
            "school" | "" => true,
            "workplace" => false,
            _ => {
                errs.push(FieldError::new("first_week", "error-invalid-choice"));
                true
            }
        };
        match template {
            Some(template) if errs.is_empty() => Ok(TemplateInput {
                template,
                workplace_days,
                swedish_day,
                sfi_day,
                school_first,
            }),
            _ => Err(errs),
        }
    }
}

/// A period's entries made from a template, and the holidays it left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Generated {
    pub entries: Vec<EntryInput>,
    pub skipped: Vec<Holiday>,
}

/// How long the preparatory vocational Swedish runs before a GR internship starts.
pub const GR_PREP_WEEKS: u64 = 2;

const fn at(h: i32, m: i32) -> Minute {
    h * 60 + m
}

fn block(date: NaiveDate, kind: EntryKind, starts: Minute, ends: Minute) -> EntryInput {
    EntryInput {
        date,
        starts,
        ends,
        kind,
        title: String::new(),
        location: String::new(),
        course_id: None,
    }
}

/// The entries `t` makes for an internship from `start` to `end` (inclusive). Weekends get
/// nothing; public holidays and day-off eves are skipped and listed.
pub fn generate(t: &TemplateInput, start: NaiveDate, end: NaiveDate) -> Generated {
    let mut out = Generated::default();
    let first = match t.template {
        TemplateKind::Gr => start - Days::new(GR_PREP_WEEKS * 7),
        TemplateKind::CareVarda => start,
    };
    let first_monday = week_start(start);
    let mut day = first;
    while day <= end {
        let wd = day.weekday();
        let is = |d: Weekday| chrono_day(d) == wd;
        let weekend = matches!(wd, chrono::Weekday::Sat | chrono::Weekday::Sun);
        let blocks: Vec<EntryInput> = if weekend {
            vec![]
        } else if day < start {
            // GR's preparatory weeks: vocational Swedish every weekday.
            vec![block(
                day,
                EntryKind::VocationalSwedish,
                at(9, 0),
                at(15, 0),
            )]
        } else {
            match t.template {
                TemplateKind::Gr => {
                    if t.workplace_days.iter().any(|d| is(*d)) {
                        vec![block(day, EntryKind::Workplace, at(8, 0), at(16, 0))]
                    } else if is(t.swedish_day) {
                        vec![block(
                            day,
                            EntryKind::VocationalSwedish,
                            at(8, 30),
                            at(12, 0),
                        )]
                    } else if is(t.sfi_day) {
                        vec![block(day, EntryKind::Sfi, at(9, 0), at(15, 0))]
                    } else {
                        vec![]
                    }
                }
                TemplateKind::CareVarda => {
                    let week = (week_start(day) - first_monday).num_days() / 7;
                    let school = (week % 2 == 0) == t.school_first;
                    if school {
                        vec![block(
                            day,
                            EntryKind::VocationalSwedish,
                            at(9, 0),
                            at(15, 0),
                        )]
                    } else if t.workplace_days.iter().any(|d| is(*d)) {
                        vec![block(day, EntryKind::Workplace, at(7, 0), at(16, 0))]
                    } else {
                        vec![]
                    }
                }
            }
        };
        if !blocks.is_empty() {
            match holiday_on(day) {
                Some(h) => out.skipped.push(h),
                None => out.entries.extend(blocks),
            }
        }
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    out
}

// ------------------------------------------------------------------ absence

/// An absence as typed into the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AbsenceDraft {
    /// `YYYY-MM-DD`.
    pub absence_date: String,
    /// sick, child_sick, appointment or other.
    pub absence_reason: String,
    pub absence_note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AbsenceInput {
    pub date: NaiveDate,
    pub reason: AbsenceReason,
    pub note: String,
}

impl AbsenceDraft {
    /// A date no later than tomorrow (an absence is reported, not planned), a reason, and a
    /// note (required when the reason is "other").
    pub fn validate(&self, today: NaiveDate) -> Result<AbsenceInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let date = errs.check(
            "absence_date",
            parse_date("absence_date", &self.absence_date),
        );
        if let Some(d) = date
            && today.succ_opt().is_some_and(|tomorrow| d > tomorrow)
        {
            errs.push(FieldError::new("absence_date", "absence-error-future"));
        }
        let reason = errs.check("absence_reason", AbsenceReason::parse(&self.absence_reason));
        let note = text::collect(
            &mut errs,
            text::multi_line("absence_note", &self.absence_note, NOTE_MAX),
            &self.absence_note,
        );
        if reason == Some(AbsenceReason::Other)
            && note.is_empty()
            && errs.get("absence_note").is_none()
        {
            errs.push(FieldError::new("absence_note", "absence-error-note"));
        }
        match (date, reason) {
            (Some(date), Some(reason)) if errs.is_empty() => {
                Ok(AbsenceInput { date, reason, note })
            }
            _ => Err(errs),
        }
    }
}

/// The weekday that occurs most often among `dates` (the earliest in the week on a tie).
pub fn most_frequent_weekday(dates: &[NaiveDate]) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    [Mon, Tue, Wed, Thu, Fri, Sat, Sun]
        .into_iter()
        .map(|w| (w, dates.iter().filter(|d| d.weekday() == w).count()))
        .filter(|(_, n)| *n > 0)
        // The first of the largest counts: `max_by_key` keeps the last, so compare reversed.
        .fold(
            None,
            |best: Option<(chrono::Weekday, usize)>, (w, n)| match best {
                Some((_, bn)) if bn >= n => best,
                _ => Some((w, n)),
            },
        )
        .map(|(w, _)| w)
}

/// The message key of a chrono weekday's name (the registry's `weekday-*` labels).
pub fn weekday_key(d: chrono::Weekday) -> String {
    let w = match d {
        chrono::Weekday::Mon => Weekday::Mon,
        chrono::Weekday::Tue => Weekday::Tue,
        chrono::Weekday::Wed => Weekday::Wed,
        chrono::Weekday::Thu => Weekday::Thu,
        chrono::Weekday::Fri => Weekday::Fri,
        chrono::Weekday::Sat => Weekday::Sat,
        chrono::Weekday::Sun => Weekday::Sun,
    };
    w.label_key()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::calendar::HolidayKind;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn draft(date: &str, starts: &str, ends: &str, kind: &str) -> EntryDraft {
        EntryDraft {
            entry_date: date.into(),
            entry_starts: starts.into(),
            entry_ends: ends.into(),
            entry_kind: kind.into(),
            ..Default::default()
        }
    }

    fn keys(e: FieldErrors) -> Vec<(String, &'static str)> {
        e.0.into_iter().map(|e| (e.field, e.key)).collect()
    }

    #[test]
    fn an_entry_needs_a_date_a_kind_and_an_end_after_its_start() {
        let ok = draft("2026-03-02", "08:00", "16:00", "workplace")
            .validate()
            .unwrap();
        assert_eq!((ok.starts, ok.ends), (480, 960));
        assert_eq!(ok.to_draft().entry_starts, "08:00");
        let bad = |x: EntryDraft| keys(x.validate().unwrap_err());
        assert_eq!(
            bad(draft("2026-03-02", "16:00", "08:00", "workplace")),
            vec![("entry_ends".into(), "schedule-error-end-before-start")]
        );
        assert_eq!(
            bad(draft("2026-03-02", "08:00", "08:00", "sfi")),
            vec![("entry_ends".into(), "schedule-error-end-before-start")]
        );
        assert_eq!(
            bad(draft("2026-02-30", "8", "", "lunch")),
            vec![
                ("entry_date".into(), "error-date"),
                ("entry_starts".into(), "schedule-error-time"),
                ("entry_ends".into(), "error-required"),
                ("entry_kind".into(), "error-invalid-choice"),
            ]
        );
        let mut x = draft("2026-03-02", "08:00", "09:00", "meeting");
        x.title = "a\u{0}b".into();
        x.entry_course_id = "x".into();
        assert_eq!(
            bad(x),
            vec![
                ("title".into(), "error-control-char"),
                ("entry_course_id".into(), "schedule-error-course")
            ]
        );
    }

    fn ctx(existing: Vec<Slot>) -> Context {
        Context {
            period: Some((d("2026-03-02"), d("2026-05-29"))),
            days_per_week: 3,
            existing,
        }
    }

    fn slot(id: i32, date: &str, starts: Minute, ends: Minute, kind: EntryKind) -> Slot {
        Slot {
            id,
            date: d(date),
            starts,
            ends,
            kind,
        }
    }

    fn entry(date: &str, starts: &str, ends: &str, kind: &str) -> EntryInput {
        draft(date, starts, ends, kind).validate().unwrap()
    }

    #[test]
    fn the_checks_name_the_field_and_the_problem() {
        let c = ctx(vec![
            slot(1, "2026-03-02", 480, 960, EntryKind::Workplace),
            slot(2, "2026-03-03", 480, 960, EntryKind::Workplace),
            slot(3, "2026-03-04", 480, 960, EntryKind::Workplace),
            slot(4, "2026-03-05", 540, 720, EntryKind::Sfi),
        ]);
        let err = |e: EntryInput, r: Option<i32>| keys(check(&e, &c, r).unwrap_err());
        assert_eq!(
            err(entry("2026-03-05", "11:00", "13:00", "meeting"), None),
            vec![("entry_starts".into(), "schedule-error-overlap")]
        );
        // Back to back is fine; editing an entry does not clash with itself.
        check(&entry("2026-03-05", "12:00", "13:00", "meeting"), &c, None).unwrap();
        check(&entry("2026-03-05", "09:00", "12:00", "sfi"), &c, Some(4)).unwrap();
        assert_eq!(
            err(entry("2026-03-06", "08:00", "16:00", "workplace"), None),
            vec![("entry_kind".into(), "schedule-error-too-many-days")]
        );
        // Moving one of the three days is not a fourth.
        check(
            &entry("2026-03-06", "08:00", "16:00", "workplace"),
            &c,
            Some(3),
        )
        .unwrap();
        // A second block on a day already at the workplace is the same day.
        check(
            &entry("2026-03-02", "16:00", "17:00", "workplace"),
            &c,
            None,
        )
        .unwrap();
        // Next week starts afresh.
        check(
            &entry("2026-03-09", "08:00", "16:00", "workplace"),
            &c,
            None,
        )
        .unwrap();
        assert_eq!(
            err(entry("2026-04-06", "08:00", "16:00", "sfi"), None),
            vec![("entry_date".into(), "schedule-error-holiday")],
            "annandag påsk"
        );
        assert_eq!(
            err(entry("2026-06-01", "08:00", "16:00", "workplace"), None),
            vec![("entry_date".into(), "schedule-error-outside-internship")]
        );
        // Vocational Swedish before the internship starts is what GR does.
        check(
            &entry("2026-02-20", "09:00", "15:00", "vocational_swedish"),
            &c,
            None,
        )
        .unwrap();
        let none = Context::default();
        assert_eq!(
            keys(
                check(
                    &entry("2026-03-02", "08:00", "16:00", "workplace"),
                    &none,
                    None
                )
                .unwrap_err()
            ),
            vec![("entry_date".into(), "schedule-error-outside-internship")]
        );
    }

    fn gr() -> TemplateInput {
        TemplateDraft::suggested().validate(3).unwrap()
    }

    #[test]
    fn template_choices_are_checked_against_the_placement() {
        let bad = |t: TemplateDraft, days: u32| keys(t.validate(days).unwrap_err());
        assert_eq!(
            bad(TemplateDraft::suggested(), 2),
            vec![("workplace_days".into(), "schedule-error-too-many-days")]
        );
        let mut t = TemplateDraft::suggested();
        t.swedish_day = "mon".into();
        t.sfi_day = "mon".into();
        assert_eq!(
            bad(t, 3),
            vec![
                ("swedish_day".into(), "schedule-error-day-taken"),
                ("sfi_day".into(), "schedule-error-day-taken")
            ]
        );
        let mut t = TemplateDraft::suggested();
        t.workplace_days = vec!["sat".into()];
        t.schedule_template = "x".into();
        assert_eq!(
            bad(t, 3),
            vec![
                ("schedule_template".into(), "error-invalid-choice"),
                ("workplace_days".into(), "error-invalid-choice"),
                ("workplace_days".into(), "error-required"),
            ]
        );
        let care = TemplateDraft {
            schedule_template: "care_varda".into(),
            workplace_days: ["mon", "tue", "wed", "thu", "fri"]
                .map(String::from)
                .to_vec(),
            swedish_day: String::new(),
            sfi_day: String::new(),
            first_week: "workplace".into(),
        }
        .validate(5)
        .unwrap();
        assert!(!care.school_first);
    }

    #[test]
    fn gr_across_easter_prepares_two_weeks_then_works_three_days_and_skips_holidays() {
        // Internship 2026-03-23 – 2026-04-17: Easter is 3–6 April.
        let g = generate(&gr(), d("2026-03-23"), d("2026-04-17"));
        let prep: Vec<&EntryInput> = g
            .entries
            .iter()
            .filter(|e| e.date < d("2026-03-23"))
            .collect();
        assert_eq!(prep.len(), 10, "two weeks of weekdays");
        assert!(prep.iter().all(|e| e.kind == EntryKind::VocationalSwedish));
        assert_eq!(prep[0].date, d("2026-03-09"));
        let skipped: Vec<HolidayKind> = g.skipped.iter().map(|h| h.kind).collect();
        // Good Friday (SFI day) and Easter Monday (a workplace day); the weekend is no one's.
        assert_eq!(
            skipped,
            vec![HolidayKind::Langfredagen, HolidayKind::AnnandagPask]
        );
        assert!(g.entries.iter().all(|e| holiday_on(e.date).is_none()));
        let week = |monday: &str| -> Vec<(chrono::Weekday, EntryKind)> {
            let m = d(monday);
            g.entries
                .iter()
                .filter(|e| week_start(e.date) == m)
                .map(|e| (e.date.weekday(), e.kind))
                .collect()
        };
        use chrono::Weekday as W;
        assert_eq!(
            week("2026-03-23"),
            vec![
                (W::Mon, EntryKind::Workplace),
                (W::Tue, EntryKind::Workplace),
                (W::Wed, EntryKind::VocationalSwedish),
                (W::Thu, EntryKind::Workplace),
                (W::Fri, EntryKind::Sfi),
            ]
        );
        assert_eq!(
            week("2026-04-06"),
            vec![
                (W::Tue, EntryKind::Workplace),
                (W::Wed, EntryKind::VocationalSwedish),
                (W::Thu, EntryKind::Workplace),
                (W::Fri, EntryKind::Sfi),
            ]
        );
        // Every generated entry passes the checks against the others.
        let slots: Vec<Slot> = g
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| Slot {
                id: i as i32,
                date: e.date,
                starts: e.starts,
                ends: e.ends,
                kind: e.kind,
            })
            .collect();
        let c = Context {
            period: Some((d("2026-03-23"), d("2026-04-17"))),
            days_per_week: 3,
            existing: slots,
        };
        for (i, e) in g.entries.iter().enumerate() {
            check(e, &c, Some(i as i32)).unwrap();
        }
    }

    #[test]
    fn care_varda_alternates_school_and_workplace_weeks_around_midsommar() {
        let t = TemplateDraft {
            schedule_template: "care_varda".into(),
            workplace_days: ["mon", "tue", "wed", "thu"].map(String::from).to_vec(),
            ..TemplateDraft::suggested()
        }
        .validate(4)
        .unwrap();
        // 2026-06-08 (a Monday) to 2026-06-28: school, workplace, school.
        let g = generate(&t, d("2026-06-08"), d("2026-06-28"));
        let kinds = |from: &str| -> Vec<EntryKind> {
            let m = d(from);
            g.entries
                .iter()
                .filter(|e| week_start(e.date) == m)
                .map(|e| e.kind)
                .collect()
        };
        assert_eq!(kinds("2026-06-08"), vec![EntryKind::VocationalSwedish; 5]);
        assert_eq!(kinds("2026-06-15"), vec![EntryKind::Workplace; 4]);
        // Midsommarafton (Friday 19 June) falls in a workplace week on a day off: nothing to
        // skip; in the school week after, all five days.
        assert_eq!(kinds("2026-06-22"), vec![EntryKind::VocationalSwedish; 5]);
        assert!(g.skipped.is_empty());
        let t2 = TemplateInput {
            school_first: false,
            ..t
        };
        let g = generate(&t2, d("2026-06-08"), d("2026-06-21"));
        let fridays: Vec<&Holiday> = g.skipped.iter().collect();
        assert_eq!(fridays.len(), 1);
        assert_eq!(fridays[0].kind, HolidayKind::Midsommarafton);
    }

    #[test]
    fn an_absence_is_in_the_past_today_or_tomorrow_with_a_reason() {
        let today = d("2026-03-10");
        let a = AbsenceDraft {
            absence_date: "2026-03-11".into(),
            absence_reason: "child_sick".into(),
            absence_note: String::new(),
        }
        .validate(today)
        .unwrap();
        assert_eq!(a.reason, AbsenceReason::ChildSick);
        let bad = |date: &str, reason: &str, note: &str| {
            keys(
                AbsenceDraft {
                    absence_date: date.into(),
                    absence_reason: reason.into(),
                    absence_note: note.into(),
                }
                .validate(today)
                .unwrap_err(),
            )
        };
        assert_eq!(
            bad("2026-03-12", "sick", ""),
            vec![("absence_date".into(), "absence-error-future")]
        );
        assert_eq!(
            bad("2026-03-09", "other", ""),
            vec![("absence_note".into(), "absence-error-note")]
        );
        assert_eq!(
            bad("", "flu", ""),
            vec![
                ("absence_date".into(), "error-date"),
                ("absence_reason".into(), "error-invalid-choice")
            ]
        );
    }

    #[test]
    fn the_most_frequent_weekday_of_absences() {
        let dates = [
            d("2026-03-02"),
            d("2026-03-09"),
            d("2026-03-04"),
            d("2026-03-16"),
        ];
        assert_eq!(most_frequent_weekday(&dates), Some(chrono::Weekday::Mon));
        assert_eq!(most_frequent_weekday(&[]), None);
        assert_eq!(weekday_key(chrono::Weekday::Fri), "weekday-fri");
    }
}
