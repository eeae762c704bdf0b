//! Learning at the workplace: the intern's checklist (OCN style: learning goals with criteria,
//! each ticked by the supervisor), the participant's progress log, the mid-point and end
//! assessments on one explained scale, and the individual development plan that sets the
//! checklist against progress. No I/O: the store checks what needs the records (whose intern,
//! which internship, its period).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::str_enum;
use crate::text::{self, NAME_MAX, NOTE_MAX};
use crate::values::parse_date;
use crate::{FieldError, FieldErrors};

str_enum!(
    /// Where an intern stands on one criterion, as her supervisor ticks it.
    CriterionStatus, "learning-status" {
        Achieved = "achieved",
        InProgress = "in_progress",
        NotYet = "not_yet",
    }
);

str_enum!(
    /// Where a criterion came from: the placement's kravprofil (its tasks and required skills),
    /// the programme's template, or the coordinator's own adaptation to the person.
    CriterionSource, "learning-source" {
        Task = "task",
        Skill = "skill",
        Template = "template",
        Own = "own",
    }
);

str_enum!(
    /// The two assessments of an internship: at the mid-point and at the end.
    AssessmentKind, "learning-kind" {
        Mid = "mid",
        End = "end",
    }
);

str_enum!(
    /// Who made an assessment: the supervisor, or the participant of herself.
    Assessor, "learning-assessor" {
        Supervisor = "supervisor",
        Participant = "participant",
    }
);

str_enum!(
    /// The four generic criteria every intern is assessed on (TalangAkademin's step 7:
    /// "initiativkraft, punktlighet, ansvarstagande och samarbetsförmåga").
    GenericCriterion, "learning-generic" {
        Initiative = "initiative",
        Punctuality = "punctuality",
        Responsibility = "responsibility",
        Cooperation = "cooperation",
    }
);

str_enum!(
    /// Who takes a step of the development plan.
    StepOwner, "learning-owner" {
        Participant = "participant",
        Coordinator = "coordinator",
        Supervisor = "supervisor",
        Employer = "employer",
        Teacher = "teacher",
    }
);

/// The assessment scale: 1–4, each level explained on the form (`learning-level-<n>` and its
/// `-help`): 1 not yet, 2 with support, 3 on her own, 4 on her own and can show others.
pub const LEVEL_MIN: i32 = 1;
pub const LEVEL_MAX: i32 = 4;
pub const LEVELS: [i32; 4] = [1, 2, 3, 4];

/// How many days after the internship's planned (or actual) end an assessment may still be
/// made or changed.
pub const GRACE_DAYS: i64 = 14;

/// A checklist not touched (ticked or changed) for this many days is on the coordinator's to-do
/// list and the supervisor's (which the e-mail digest sends as a reminder).
pub const STALE_DAYS: i64 = 14;

/// How long a progress-log entry's parts may be.
pub const ENTRY_MAX: usize = 2000;

/// A comment on a progress-log entry, a tick's comment, an assessment's evidence.
pub const COMMENT_MAX: usize = NOTE_MAX;

// ------------------------------------------------------------------ checklist

/// A criterion as the coordinator types it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CriterionDraft {
    /// The learning goal the criterion belongs to ("Hygien och säkerhet").
    pub goal: String,
    /// What the intern can do when the criterion is met.
    pub criterion: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionInput {
    pub goal: String,
    pub text: String,
}

impl CriterionDraft {
    pub fn validate(&self) -> Result<CriterionInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let goal = text::collect(
            &mut errs,
            text::required("goal", &self.goal, NAME_MAX),
            &self.goal,
        );
        let crit = text::collect(
            &mut errs,
            required_multi("criterion", &self.criterion, NOTE_MAX),
            &self.criterion,
        );
        if errs.is_empty() {
            Ok(CriterionInput { goal, text: crit })
        } else {
            Err(errs)
        }
    }
}

fn required_multi(field: &str, s: &str, max: usize) -> Result<String, FieldError> {
    if s.trim().is_empty() {
        return Err(FieldError::new(field, "error-required"));
    }
    text::multi_line(field, s, max)
}

/// A tick as the supervisor sends it from her phone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TickDraft {
    /// achieved, in_progress or not_yet.
    pub status: String,
    /// `YYYY-MM-DD`: the day it was seen (today by default).
    pub on: String,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TickInput {
    pub status: CriterionStatus,
    pub on: NaiveDate,
    pub comment: String,
}

impl TickDraft {
    /// A status, a day no later than today, and an optional comment.
    pub fn validate(&self, today: NaiveDate) -> Result<TickInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let status = errs.check("status", CriterionStatus::parse(&self.status));
        let on = errs.check("on", parse_date("on", &self.on));
        if let Some(d) = on
            && d > today
        {
            errs.push(FieldError::new("on", "learning-error-future"));
        }
        let comment = text::collect(
            &mut errs,
            text::multi_line("comment", &self.comment, COMMENT_MAX),
            &self.comment,
        );
        match (status, on) {
            (Some(status), Some(on)) if errs.is_empty() => Ok(TickInput {
                status,
                on,
                comment,
            }),
            _ => Err(errs),
        }
    }
}

/// The criteria a placement's kravprofil gives: one per line of its tasks, one per required
/// skill, in that order, without repeats.
pub fn criteria_from_requirements(
    tasks: &str,
    skills: &[String],
) -> Vec<(CriterionSource, String)> {
    let mut out: Vec<(CriterionSource, String)> = vec![];
    let mut push = |source, s: &str| {
        let s = s
            .trim()
            .trim_start_matches(['-', '*', '•', '–'])
            .trim()
            .chars()
            .filter(|c| !c.is_control())
            .take(NOTE_MAX)
            .collect::<String>();
        if !s.is_empty() && !out.iter().any(|(_, t)| t.eq_ignore_ascii_case(&s)) {
            out.push((source, s));
        }
    };
    for line in tasks.lines() {
        push(CriterionSource::Task, line);
    }
    for s in skills {
        push(CriterionSource::Skill, s);
    }
    out
}

/// A programme's checklist template as typed: one criterion a line, "goal: criterion".
/// Returns the (goal, criterion) pairs, or the field error for the first line that is not one.
pub fn parse_template(field: &str, s: &str) -> Result<Vec<(String, String)>, FieldError> {
    let s = text::multi_line(field, s, crate::text::TEXT_MAX)?;
    let mut out = vec![];
    for line in s.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match line.split_once(':') {
            Some((g, c)) if !g.trim().is_empty() && !c.trim().is_empty() => {
                if g.trim().chars().count() > NAME_MAX {
                    return Err(FieldError::new(field, "learning-error-template-line"));
                }
                out.push((g.trim().to_string(), c.trim().to_string()));
            }
            _ => return Err(FieldError::new(field, "learning-error-template-line")),
        }
    }
    Ok(out)
}

// ------------------------------------------------------------------ progress log

/// A progress-log entry as the participant writes it: what she did, what she learned, new words.
/// Any language and script. The photo travels beside it (checked by the store).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct LogEntryDraft {
    pub did: String,
    pub learned: String,
    pub words: String,
    /// Whether the employer's contact person may read it ("on" or "true").
    pub share: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntryInput {
    pub did: String,
    pub learned: String,
    pub words: String,
    pub share: bool,
}

impl LogEntryDraft {
    /// At least one of the three texts (or, with `has_photo`, a photo alone).
    pub fn validate(&self, has_photo: bool) -> Result<LogEntryInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let mut part = |field: &str, s: &str| {
            text::collect(&mut errs, text::multi_line(field, s, ENTRY_MAX), s)
        };
        let did = part("did", &self.did);
        let learned = part("learned", &self.learned);
        let words = part("words", &self.words);
        if errs.is_empty() && did.is_empty() && learned.is_empty() && words.is_empty() && !has_photo
        {
            errs.push(FieldError::new("did", "learning-error-empty-entry"));
        }
        if errs.is_empty() {
            Ok(LogEntryInput {
                did,
                learned,
                words,
                share: matches!(self.share.trim(), "on" | "true" | "1"),
            })
        } else {
            Err(errs)
        }
    }
}

/// A comment on an entry (from the supervisor or the coordinator).
pub fn comment(field: &str, s: &str) -> Result<String, FieldErrors> {
    required_multi(field, s, COMMENT_MAX).map_err(|e| FieldErrors(vec![e]))
}

// ------------------------------------------------------------------ assessments

/// What an assessment rates: a checklist criterion (by id) or one of the four generic ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Rated {
    Criterion(i32),
    Generic(GenericCriterion),
}

impl Rated {
    /// The form field's suffix: `c12` or `g-initiative`.
    pub fn key(self) -> String {
        match self {
            Rated::Criterion(id) => format!("c{id}"),
            Rated::Generic(g) => format!("g-{}", g.as_str()),
        }
    }
}

/// One rating: a level on the scale and the evidence in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Rating {
    #[schema(value_type = Object)]
    pub rated: Rated,
    /// 1–4; `None` while not yet rated (a saved draft).
    pub level: Option<i32>,
    pub evidence: String,
}

/// An assessment as typed: a level and evidence per rated thing, keyed by [`Rated::key`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AssessmentDraft {
    pub levels: std::collections::BTreeMap<String, String>,
    pub evidence: std::collections::BTreeMap<String, String>,
}

impl AssessmentDraft {
    /// The ratings of `rated` (the internship's criteria and the generic four): a level must be on
    /// the scale. A draft (`complete: None`) may leave rows out; one complete for an assessor
    /// has every level, and the supervisor's evidence on every row too.
    pub fn validate(
        &self,
        rated: &[Rated],
        complete: Option<Assessor>,
    ) -> Result<Vec<Rating>, FieldErrors> {
        let mut errs = FieldErrors::default();
        let mut out = vec![];
        for r in rated {
            let key = r.key();
            let level_field = format!("level-{key}");
            let ev_field = format!("evidence-{key}");
            let raw = self.levels.get(&key).map(|s| s.trim()).unwrap_or("");
            let level = match raw.parse::<i32>() {
                _ if raw.is_empty() => None,
                Ok(l) if (LEVEL_MIN..=LEVEL_MAX).contains(&l) => Some(l),
                _ => {
                    errs.push(FieldError::new(&level_field, "learning-error-level"));
                    None
                }
            };
            let raw_ev = self.evidence.get(&key).map(String::as_str).unwrap_or("");
            let evidence = text::collect(
                &mut errs,
                text::multi_line(&ev_field, raw_ev, COMMENT_MAX),
                raw_ev,
            );
            out.push(Rating {
                rated: *r,
                level,
                evidence,
            });
        }
        if let Some(assessor) = complete {
            for e in missing(rated, &out, assessor).0 {
                if errs.get(&e.field).is_none() {
                    errs.push(e);
                }
            }
        }
        if errs.is_empty() { Ok(out) } else { Err(errs) }
    }
}

/// What `ratings` lack to be a complete assessment of `rated` by `assessor`: a level on every
/// row and, from the supervisor, evidence on every row (a criterion added after the ratings were
/// saved lacks both).
pub fn missing(rated: &[Rated], ratings: &[Rating], assessor: Assessor) -> FieldErrors {
    let mut errs = FieldErrors::default();
    for r in rated {
        let rating = ratings.iter().find(|x| x.rated == *r);
        if rating.and_then(|x| x.level).is_none() {
            errs.push(FieldError::new(
                format!("level-{}", r.key()),
                "learning-error-level-required",
            ));
        }
        if assessor == Assessor::Supervisor && rating.is_none_or(|x| x.evidence.is_empty()) {
            errs.push(FieldError::new(
                format!("evidence-{}", r.key()),
                "learning-error-evidence",
            ));
        }
    }
    errs
}

/// Whether an assessment may be made or changed on `today` for an internship that runs from
/// `start` to `end` (its actual end if it ended): from the start to `GRACE_DAYS` after the end.
pub fn assessment_open(
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> Result<(), FieldError> {
    if today < start {
        Err(FieldError::new(
            FieldError::FORM,
            "learning-error-not-started",
        ))
    } else if today > end + chrono::Duration::days(GRACE_DAYS) {
        Err(FieldError::new(FieldError::FORM, "learning-error-closed"))
    } else {
        Ok(())
    }
}

// ------------------------------------------------------------------ development plan

/// A step of the development plan as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct StepDraft {
    /// What is to be done, in plain language.
    pub step: String,
    /// participant, coordinator, supervisor, employer or teacher.
    pub owner: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepInput {
    pub text: String,
    pub owner: StepOwner,
    pub due_on: NaiveDate,
}

impl StepDraft {
    pub fn validate(&self) -> Result<StepInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let text = text::collect(
            &mut errs,
            required_multi("step", &self.step, NOTE_MAX),
            &self.step,
        );
        let owner = errs.check("owner", StepOwner::parse(&self.owner));
        let due_on = errs.check("due_on", parse_date("due_on", &self.due_on));
        match (owner, due_on) {
            (Some(owner), Some(due_on)) if errs.is_empty() => Ok(StepInput {
                text,
                owner,
                due_on,
            }),
            _ => Err(errs),
        }
    }
}

/// Where the plan stands on one criterion: its latest tick, else what the newest signed (or
/// saved) supervisor assessment says (level 3 or more is met).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Met,
    Progressing,
    Gap,
}

impl Standing {
    pub fn of(tick: Option<CriterionStatus>, level: Option<i32>) -> Standing {
        match (tick, level) {
            (Some(CriterionStatus::Achieved), _) => Standing::Met,
            (None, Some(l)) if l >= 3 => Standing::Met,
            (Some(CriterionStatus::InProgress), _) => Standing::Progressing,
            (None, Some(2)) => Standing::Progressing,
            _ => Standing::Gap,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Met => "met",
            Standing::Progressing => "progressing",
            Standing::Gap => "gap",
        }
    }

    pub fn label_key(self) -> String {
        format!("learning-standing-{}", self.as_str())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_tick_needs_a_status_and_a_day_not_ahead() {
        let today = d("2027-03-10");
        let ok = TickDraft {
            status: "achieved".into(),
            on: "2027-03-10".into(),
            comment: "  Klarade det själv  ".into(),
        }
        .validate(today)
        .unwrap();
        assert_eq!(ok.status, CriterionStatus::Achieved);
        assert_eq!(ok.comment, "Klarade det själv");
        let e = TickDraft {
            status: "great".into(),
            on: "2027-03-11".into(),
            comment: "a\u{0}b".into(),
        }
        .validate(today)
        .unwrap_err();
        assert_eq!(e.get("status").map(|e| e.key), Some("error-invalid-choice"));
        assert_eq!(e.get("on").map(|e| e.key), Some("learning-error-future"));
        assert_eq!(e.get("comment").map(|e| e.key), Some("error-control-char"));
    }

    #[test]
    fn the_kravprofil_gives_a_criterion_per_task_line_and_required_skill() {
        let got = criteria_from_requirements(
            "- Plocka varor\n\n• Packa order\nplocka varor\n",
            &["Truckkort".into(), " ".into()],
        );
        assert_eq!(
            got,
            vec![
                (CriterionSource::Task, "Plocka varor".to_string()),
                (CriterionSource::Task, "Packa order".to_string()),
                (CriterionSource::Skill, "Truckkort".to_string()),
            ]
        );
    }

    #[test]
    fn a_template_is_goal_colon_criterion_a_line() {
        let t = parse_template(
            "t",
            "Säkerhet: Följer rutinerna\n\nSpråk: Frågar när något är oklart",
        )
        .unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].0, "Språk");
        assert_eq!(
            parse_template("t", "Säkerhet följer rutinerna")
                .unwrap_err()
                .key,
            "learning-error-template-line"
        );
    }

    #[test]
    fn an_entry_needs_something_and_keeps_any_script() {
        let e = LogEntryDraft::default().validate(false).unwrap_err();
        assert_eq!(
            e.get("did").map(|e| e.key),
            Some("learning-error-empty-entry")
        );
        assert!(LogEntryDraft::default().validate(true).is_ok());
        let ok = LogEntryDraft {
            did: "رتبت الرفوف".into(),
            words: "hylla – رف".into(),
            share: "on".into(),
            ..Default::default()
        }
        .validate(false)
        .unwrap();
        assert_eq!(ok.did, "رتبت الرفوف");
        assert!(ok.share);
        let long = "x".repeat(ENTRY_MAX + 1);
        let e = LogEntryDraft {
            learned: long,
            ..Default::default()
        }
        .validate(false)
        .unwrap_err();
        assert_eq!(e.get("learned").map(|e| e.key), Some("error-too-long"));
    }

    #[test]
    fn ratings_stay_on_the_scale_and_a_signed_one_is_complete() {
        let rated = [
            Rated::Criterion(7),
            Rated::Generic(GenericCriterion::Punctuality),
        ];
        let mut draft = AssessmentDraft::default();
        draft.levels.insert("c7".into(), "5".into());
        let e = draft.validate(&rated, None).unwrap_err();
        assert_eq!(
            e.get("level-c7").map(|e| e.key),
            Some("learning-error-level")
        );
        draft.levels.insert("c7".into(), "3".into());
        let saved = draft.validate(&rated, None).unwrap();
        assert_eq!(saved[0].level, Some(3));
        assert_eq!(saved[1].level, None);
        let e = draft
            .validate(&rated, Some(Assessor::Supervisor))
            .unwrap_err();
        assert_eq!(
            e.get("level-g-punctuality").map(|e| e.key),
            Some("learning-error-level-required")
        );
        assert_eq!(
            e.get("evidence-c7").map(|e| e.key),
            Some("learning-error-evidence")
        );
        // The participant's own assessment needs no evidence.
        draft.levels.insert("g-punctuality".into(), "4".into());
        assert!(draft.validate(&rated, Some(Assessor::Participant)).is_ok());
    }

    #[test]
    fn assessments_are_open_from_the_start_to_the_grace_period_after_the_end() {
        let (s, e) = (d("2027-02-01"), d("2027-04-30"));
        assert!(assessment_open(s, e, d("2027-01-31")).is_err());
        assert!(assessment_open(s, e, d("2027-02-01")).is_ok());
        assert!(assessment_open(s, e, d("2027-05-14")).is_ok());
        assert_eq!(
            assessment_open(s, e, d("2027-05-15")).unwrap_err().key,
            "learning-error-closed"
        );
    }

    #[test]
    fn the_plan_reads_ticks_before_levels() {
        assert_eq!(
            Standing::of(Some(CriterionStatus::Achieved), Some(1)),
            Standing::Met
        );
        assert_eq!(Standing::of(None, Some(3)), Standing::Met);
        assert_eq!(
            Standing::of(Some(CriterionStatus::NotYet), Some(4)),
            Standing::Gap
        );
        assert_eq!(Standing::of(None, Some(2)), Standing::Progressing);
        assert_eq!(Standing::of(None, None), Standing::Gap);
    }

    proptest::proptest! {
        /// Whatever is typed, an assessment either names the field at fault or holds only
        /// levels on the scale and evidence without control characters; it never panics.
        #[test]
        fn ratings_are_on_the_scale_or_refused_by_field(
            level in "\\PC{0,4}|[0-9]{1,3}|-[0-9]",
            evidence in "\\PC{0,40}|[\\x00-\\x1f]{1,2}",
            complete in proptest::bool::ANY,
        ) {
            let rated = [Rated::Criterion(1), Rated::Generic(GenericCriterion::Cooperation)];
            let mut draft = AssessmentDraft::default();
            draft.levels.insert("c1".into(), level);
            draft.evidence.insert("c1".into(), evidence);
            match draft.validate(&rated, complete.then_some(Assessor::Supervisor)) {
                Ok(ratings) => {
                    proptest::prop_assert_eq!(ratings.len(), 2);
                    for r in ratings {
                        proptest::prop_assert!(r.level.is_none_or(|l| (LEVEL_MIN..=LEVEL_MAX).contains(&l)));
                        proptest::prop_assert!(!crate::text::has_control(&r.evidence, true));
                    }
                }
                Err(e) => {
                    proptest::prop_assert!(!e.is_empty());
                    for f in &e.0 {
                        proptest::prop_assert!(f.field.starts_with("level-") || f.field.starts_with("evidence-"));
                    }
                }
            }
        }

        /// A tick is accepted only with a known status and a day no later than today.
        #[test]
        fn ticks_are_never_ahead(status in "achieved|in_progress|not_yet|\\PC{0,8}", days in -400i64..400) {
            let today = d("2027-03-10");
            let on = (today + chrono::Duration::days(days)).to_string();
            let r = TickDraft { status, on, comment: String::new() }.validate(today);
            if let Ok(t) = r {
                proptest::prop_assert!(t.on <= today);
            }
        }
    }

    #[test]
    fn a_step_has_text_owner_and_day() {
        let e = StepDraft::default().validate().unwrap_err();
        assert_eq!(e.get("step").map(|e| e.key), Some("error-required"));
        assert_eq!(e.get("owner").map(|e| e.key), Some("error-invalid-choice"));
        assert_eq!(e.get("due_on").map(|e| e.key), Some("error-date"));
    }
}
