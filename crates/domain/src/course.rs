//! Courses beside the internship (vocational Swedish, SFI, care Swedish, the preparatory
//! course): what a valid course, session, enrolment, attendance mark and progress note is, and
//! when two sessions clash. No I/O: the store checks capacity and duplicates under its lock.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::interview::overlaps;
use crate::model::str_enum;
use crate::text::{NAME_MAX, NOTE_MAX};
use crate::values::{parse_date, parse_int_range};
use crate::{FieldError, FieldErrors};

str_enum!(
    /// What a course teaches. `Preparatory` is the (two-week) course before the internship
    /// that a programme may require as a checkpoint.
    CourseKind, "course-kind" {
        VocationalSwedish = "vocational_swedish",
        Sfi = "sfi",
        CareSwedish = "care_swedish",
        Preparatory = "preparatory",
        Other = "other",
    }
);

str_enum!(
    /// Where a participant stands in a course.
    EnrolmentStatus, "enrolment-status" {
        Enrolled = "enrolled",
        Completed = "completed",
        Withdrawn = "withdrawn",
    }
);

impl EnrolmentStatus {
    /// Whether the enrolment takes a place (withdrawn ones free theirs).
    pub fn takes_place(self) -> bool {
        self != EnrolmentStatus::Withdrawn
    }
}

str_enum!(
    /// A participant's attendance at one session.
    AttendanceMark, "attendance" {
        Present = "present",
        Absent = "absent",
        Excused = "excused",
    }
);

/// The most places one course may offer.
pub const CAPACITY_MAX: i64 = 500;

/// A course as typed into the form (or sent to the API).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CourseDraft {
    /// The programme (organisation id) the course belongs to.
    pub programme_id: String,
    /// vocational_swedish, sfi, care_swedish, preparatory or other.
    pub course_kind: String,
    pub name: String,
    pub location: String,
    /// YYYY-MM-DD.
    pub course_start: String,
    /// YYYY-MM-DD.
    pub course_end: String,
    pub course_capacity: String,
    /// User ids of the education provider's teachers.
    pub teacher_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseInput {
    pub programme_id: i32,
    pub kind: CourseKind,
    pub name: String,
    pub location: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub capacity: i32,
    pub teacher_ids: Vec<i32>,
}

impl CourseDraft {
    /// Check every field at once, so the form shows every problem in one go.
    pub fn validate(&self) -> Result<CourseInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let programme_id = e.check(
            "programme_id",
            self.programme_id
                .trim()
                .parse::<i32>()
                .map_err(|_| FieldError::new("programme_id", "error-invalid-choice")),
        );
        let kind = e.check("course_kind", CourseKind::parse(&self.course_kind));
        let name = e.check("name", crate::text::required("name", &self.name, NAME_MAX));
        let location = crate::text::collect(
            &mut e,
            crate::text::line("location", &self.location, NAME_MAX),
            &self.location,
        );
        let start = e.check(
            "course_start",
            parse_date("course_start", &self.course_start),
        );
        let end = e.check("course_end", parse_date("course_end", &self.course_end));
        if let (Some(s), Some(en)) = (start, end)
            && en < s
        {
            e.push(FieldError::new("course_end", "error-period-order"));
        }
        let capacity = e.check(
            "course_capacity",
            parse_int_range("course_capacity", &self.course_capacity, 1, CAPACITY_MAX),
        );
        let mut teacher_ids = vec![];
        for t in self.teacher_ids.iter().filter(|t| !t.trim().is_empty()) {
            match t.trim().parse::<i32>() {
                Ok(id) if !teacher_ids.contains(&id) => teacher_ids.push(id),
                Ok(_) => {}
                Err(_) => {
                    e.push(FieldError::new("teacher_ids", "error-invalid-choice"));
                    break;
                }
            }
        }
        match (programme_id, kind, name, start, end, capacity) {
            (
                Some(programme_id),
                Some(kind),
                Some(name),
                Some(start_date),
                Some(end_date),
                Some(c),
            ) if e.is_empty() => Ok(CourseInput {
                programme_id,
                kind,
                name,
                location,
                start_date,
                end_date,
                capacity: i32::try_from(c).unwrap_or(1),
                teacher_ids,
            }),
            _ => Err(e),
        }
    }
}

/// A session as typed: a date, start and end in Swedish local time, a topic.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SessionDraft {
    /// YYYY-MM-DD.
    pub session_date: String,
    /// HH:MM, Swedish local time.
    pub session_start: String,
    /// HH:MM, Swedish local time.
    pub session_end: String,
    pub session_topic: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct SessionTime {
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl SessionTime {
    /// Two sessions on the same day whose times share some minutes (back to back is fine).
    pub fn clashes(&self, other: &SessionTime) -> bool {
        self.date == other.date && overlaps((self.start, self.end), (other.start, other.end))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInput {
    pub time: SessionTime,
    pub topic: String,
}

fn parse_time(field: &str, s: &str) -> Result<NaiveTime, FieldError> {
    crate::values::parse_clock(field, s, "course-error-time")
}

impl SessionDraft {
    /// `period` is the course's first and last day: a session outside it is refused.
    pub fn validate(&self, period: (NaiveDate, NaiveDate)) -> Result<SessionInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let date = e.check(
            "session_date",
            parse_date("session_date", &self.session_date),
        );
        if date.is_some_and(|d| d < period.0 || d > period.1) {
            e.push(FieldError::new(
                "session_date",
                "course-error-outside-period",
            ));
        }
        let start = e.check(
            "session_start",
            parse_time("session_start", &self.session_start),
        );
        let end = e.check("session_end", parse_time("session_end", &self.session_end));
        if let (Some(s), Some(en)) = (start, end)
            && en <= s
        {
            e.push(FieldError::new(
                "session_end",
                "course-error-end-before-start",
            ));
        }
        let topic = crate::text::collect(
            &mut e,
            crate::text::line("session_topic", &self.session_topic, NAME_MAX),
            &self.session_topic,
        );
        match (date, start, end) {
            (Some(date), Some(start), Some(end)) if e.is_empty() => Ok(SessionInput {
                time: SessionTime { date, start, end },
                topic,
            }),
            _ => Err(e),
        }
    }
}

/// Whether `new` clashes with any of `existing` (the same course's other sessions).
pub fn clashes_with(existing: &[SessionTime], new: &SessionTime) -> bool {
    existing.iter().any(|s| s.clashes(new))
}

/// A progress note as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ProgressNoteDraft {
    /// YYYY-MM-DD.
    pub note_date: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressNoteInput {
    pub date: NaiveDate,
    pub text: String,
}

impl ProgressNoteDraft {
    /// A note cannot be dated in the future (`today` in Stockholm).
    pub fn validate(&self, today: NaiveDate) -> Result<ProgressNoteInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let date = e.check("note_date", parse_date("note_date", &self.note_date));
        if date.is_some_and(|d| d > today) {
            e.push(FieldError::new("note_date", "course-error-future"));
        }
        let text = e.check(
            "note",
            crate::text::multi_line("note", &self.note, NOTE_MAX).and_then(|t| {
                if t.is_empty() {
                    Err(FieldError::new("note", "error-required"))
                } else {
                    Ok(t)
                }
            }),
        );
        match (date, text) {
            (Some(date), Some(text)) if e.is_empty() => Ok(ProgressNoteInput { date, text }),
            _ => Err(e),
        }
    }
}

/// Attendance as sent: (enrolment id, mark) for each row the teacher marked; unmarked rows are
/// left as they were.
pub fn parse_attendance(
    rows: &[(String, String)],
) -> Result<Vec<(i32, AttendanceMark)>, FieldErrors> {
    let mut out: Vec<(i32, AttendanceMark)> = vec![];
    for (id, mark) in rows {
        if mark.trim().is_empty() {
            continue;
        }
        let (Ok(id), Ok(mark)) = (id.trim().parse::<i32>(), AttendanceMark::parse(mark)) else {
            return Err(FieldErrors(vec![FieldError::new(
                "attendance",
                "error-invalid-choice",
            )]));
        };
        out.retain(|(i, _)| *i != id);
        out.push((id, mark));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn course() -> CourseDraft {
        CourseDraft {
            programme_id: "3".into(),
            course_kind: "preparatory".into(),
            name: "Yrkessvenska vård".into(),
            location: "Folkuniversitetet".into(),
            course_start: "2030-03-04".into(),
            course_end: "2030-03-15".into(),
            course_capacity: "12".into(),
            teacher_ids: vec!["7".into(), "7".into(), "".into()],
        }
    }

    fn keys(e: FieldErrors) -> Vec<(String, &'static str)> {
        e.0.into_iter().map(|e| (e.field, e.key)).collect()
    }

    #[test]
    fn a_course_is_read_once_and_bad_fields_are_named() {
        let c = course().validate().unwrap();
        assert_eq!(c.kind, CourseKind::Preparatory);
        assert_eq!(c.capacity, 12);
        assert_eq!(c.teacher_ids, vec![7]);
        let mut bad = course();
        bad.course_kind = "yoga".into();
        bad.name = " ".into();
        bad.course_end = "2030-03-01".into();
        bad.course_capacity = "0".into();
        bad.teacher_ids = vec!["x".into()];
        assert_eq!(
            keys(bad.validate().unwrap_err()),
            vec![
                ("course_kind".into(), "error-invalid-choice"),
                ("name".into(), "error-required"),
                ("course_end".into(), "error-period-order"),
                ("course_capacity".into(), "error-out-of-range"),
                ("teacher_ids".into(), "error-invalid-choice"),
            ]
        );
    }

    #[test]
    fn sessions_end_after_they_start_and_stay_inside_the_course() {
        let period = (d("2030-03-04"), d("2030-03-15"));
        let s = SessionDraft {
            session_date: "2030-03-05".into(),
            session_start: "09:00".into(),
            session_end: "12:00".into(),
            session_topic: "Arbetsplatsens ord".into(),
        };
        assert!(s.validate(period).is_ok());
        let mut bad = s.clone();
        bad.session_end = "08:30".into();
        assert_eq!(
            keys(bad.validate(period).unwrap_err()),
            vec![("session_end".into(), "course-error-end-before-start")]
        );
        let mut bad = s.clone();
        bad.session_date = "2030-03-16".into();
        assert_eq!(
            keys(bad.validate(period).unwrap_err()),
            vec![("session_date".into(), "course-error-outside-period")]
        );
        let mut bad = s;
        bad.session_start = "nio".into();
        assert_eq!(
            keys(bad.validate(period).unwrap_err()),
            vec![("session_start".into(), "course-error-time")]
        );
    }

    #[test]
    fn sessions_clash_on_the_same_day_only_when_their_times_overlap() {
        let t = |date: &str, a: &str, b: &str| SessionTime {
            date: d(date),
            start: NaiveTime::parse_from_str(a, "%H:%M").unwrap(),
            end: NaiveTime::parse_from_str(b, "%H:%M").unwrap(),
        };
        let morning = t("2030-03-05", "09:00", "12:00");
        assert!(morning.clashes(&t("2030-03-05", "11:00", "13:00")));
        assert!(morning.clashes(&t("2030-03-05", "10:00", "11:00")));
        assert!(
            !morning.clashes(&t("2030-03-05", "12:00", "13:00")),
            "back to back"
        );
        assert!(!morning.clashes(&t("2030-03-06", "09:00", "12:00")));
        assert!(clashes_with(&[morning], &t("2030-03-05", "08:00", "09:30")));
    }

    #[test]
    fn notes_need_text_and_a_date_not_in_the_future() {
        let today = d("2030-03-10");
        let n = ProgressNoteDraft {
            note_date: "2030-03-10".into(),
            note: "Läser instruktioner självständigt.".into(),
        };
        assert!(n.validate(today).is_ok());
        let bad = ProgressNoteDraft {
            note_date: "2030-03-11".into(),
            note: "\0".into(),
        };
        assert_eq!(
            keys(bad.validate(today).unwrap_err()),
            vec![
                ("note_date".into(), "course-error-future"),
                ("note".into(), "error-control-char"),
            ]
        );
    }

    #[test]
    fn attendance_rows_parse_or_are_refused_as_a_whole() {
        let rows = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            parse_attendance(&rows(&[("1", "present"), ("2", ""), ("1", "excused")])).unwrap(),
            vec![(1, AttendanceMark::Excused)]
        );
        assert!(parse_attendance(&rows(&[("1", "sick")])).is_err());
        assert!(!EnrolmentStatus::Withdrawn.takes_place());
        assert!(EnrolmentStatus::Completed.takes_place());
    }
}
