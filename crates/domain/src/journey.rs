//! Journey rules: a programme's process map (ordered stages with checkpoints), what each
//! checkpoint requires, and whether a participant may move from one stage to another given the
//! facts recorded about them. No I/O: the store gathers the facts.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::str_enum;
use crate::{FieldError, FieldErrors};

str_enum!(
    /// What must hold for a checkpoint. All but `Manual` are worked out from the records; a
    /// manual checkpoint is ticked by a coordinator. `PreparatoryCourseCompleted` holds with an
    /// enrolment completed in a course of kind preparatory.
    CheckpointKind, "checkpoint-kind" {
        Manual = "manual",
        ProfileRecorded = "profile_recorded",
        ConsentShare = "consent_share",
        Proposed = "proposed",
        InterviewBooked = "interview_booked",
        InterviewPassed = "interview_passed",
        EligibilityConfirmed = "eligibility_confirmed",
        EsDecision = "es_decision",
        AgreementSigned = "agreement_signed",
        PreparatoryCourseCompleted = "preparatory_course_completed",
        InternshipStarted = "internship_started",
        InternshipEnded = "internship_ended",
        FollowUpMonth3 = "follow_up_month3",
        FollowUpMonth6 = "follow_up_month6",
    }
);

impl CheckpointKind {
    /// The message key saying that this checkpoint does not hold ("Saknar beslut från
    /// Arbetsförmedlingen").
    pub fn blocked_key(self) -> &'static str {
        use CheckpointKind::*;
        match self {
            Manual => "journey-blocked-manual",
            ProfileRecorded => "journey-blocked-profile_recorded",
            ConsentShare => "journey-blocked-consent_share",
            Proposed => "journey-blocked-proposed",
            InterviewBooked => "journey-blocked-interview_booked",
            InterviewPassed => "journey-blocked-interview_passed",
            EligibilityConfirmed => "journey-blocked-eligibility_confirmed",
            EsDecision => "journey-blocked-es_decision",
            AgreementSigned => "journey-blocked-agreement_signed",
            PreparatoryCourseCompleted => "journey-blocked-preparatory_course_completed",
            InternshipStarted => "journey-blocked-internship_started",
            InternshipEnded => "journey-blocked-internship_ended",
            FollowUpMonth3 => "journey-blocked-follow_up_month3",
            FollowUpMonth6 => "journey-blocked-follow_up_month6",
        }
    }

    /// The default (Swedish, English) label of an automatic checkpoint.
    pub fn default_labels(self) -> (&'static str, &'static str) {
        use CheckpointKind::*;
        match self {
            Manual => ("Bekräftat av koordinator", "Confirmed by a coordinator"),
            ProfileRecorded => ("Profil registrerad", "Profile recorded"),
            ConsentShare => (
                "Samtycke till delning med arbetsgivare",
                "Consent to share with employers",
            ),
            Proposed => (
                "Föreslagen till en praktikplats",
                "Proposed for a placement",
            ),
            InterviewBooked => ("Intervju bokad", "Interview booked"),
            InterviewPassed => ("Intervju godkänd", "Interview passed"),
            EligibilityConfirmed => (
                "Behörighet bekräftad av Arbetsförmedlingen",
                "Eligibility confirmed by the employment service",
            ),
            EsDecision => (
                "Beslut från Arbetsförmedlingen",
                "Decision from the employment service",
            ),
            AgreementSigned => ("Praktikavtal undertecknat", "Internship agreement signed"),
            PreparatoryCourseCompleted => (
                "Förberedande kurs genomförd",
                "Preparatory course completed",
            ),
            InternshipStarted => ("Praktiken har börjat", "The internship has started"),
            InternshipEnded => ("Praktiken är avslutad", "The internship has ended"),
            FollowUpMonth3 => (
                "Utfall efter 3 månader registrerat",
                "Outcome at 3 months recorded",
            ),
            FollowUpMonth6 => (
                "Utfall efter 6 månader registrerat",
                "Outcome at 6 months recorded",
            ),
        }
    }
}

/// One stage of the default map: key, Swedish and English name, checkpoints.
pub struct StageTemplate {
    pub key: &'static str,
    pub name_sv: &'static str,
    pub name_en: &'static str,
    pub checkpoints: &'static [CheckpointKind],
}

const fn stage(
    key: &'static str,
    name_sv: &'static str,
    name_en: &'static str,
    checkpoints: &'static [CheckpointKind],
) -> StageTemplate {
    StageTemplate {
        key,
        name_sv,
        name_en,
        checkpoints,
    }
}

/// The default process map (DESIGN.md, "The journeys").
pub const DEFAULT_MAP: &[StageTemplate] = {
    use CheckpointKind::*;
    &[
        stage("registered", "Registrerad", "Registered", &[]),
        stage("profiled", "Profilerad", "Profiled", &[ProfileRecorded]),
        stage("preparing", "Förberedelse", "Preparing", &[]),
        stage("matching", "Matchning", "Matching", &[ConsentShare]),
        stage(
            "interviewing",
            "Intervju",
            "Interviewing",
            &[InterviewBooked],
        ),
        stage("selected", "Utvald", "Selected", &[InterviewPassed]),
        stage(
            "cleared",
            "Klar hos Arbetsförmedlingen",
            "Cleared",
            &[EligibilityConfirmed, EsDecision],
        ),
        stage(
            "agreement_signed",
            "Avtal undertecknat",
            "Agreement signed",
            &[AgreementSigned],
        ),
        stage(
            "in_internship",
            "Praktik pågår",
            "In internship",
            &[InternshipStarted],
        ),
        stage(
            "completed",
            "Praktik avslutad",
            "Completed",
            &[InternshipEnded],
        ),
        stage(
            "followed_up_3",
            "Uppföljd efter 3 månader",
            "Followed up at 3 months",
            &[FollowUpMonth3],
        ),
        stage(
            "followed_up_6",
            "Uppföljd efter 6 månader",
            "Followed up at 6 months",
            &[FollowUpMonth6],
        ),
    ]
};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checkpoint {
    pub id: i32,
    pub kind: CheckpointKind,
    pub label_sv: String,
    pub label_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stage {
    pub id: i32,
    /// The default map's key, or "custom".
    pub key: String,
    pub name_sv: String,
    pub name_en: String,
    pub checkpoints: Vec<Checkpoint>,
}

/// A programme's ordered stages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProcessMap {
    pub programme_id: i32,
    pub stages: Vec<Stage>,
}

impl ProcessMap {
    pub fn index_of(&self, stage_id: i32) -> Option<usize> {
        self.stages.iter().position(|s| s.id == stage_id)
    }

    pub fn checkpoint(&self, checkpoint_id: i32) -> Option<(&Stage, &Checkpoint)> {
        self.stages.iter().find_map(|s| {
            s.checkpoints
                .iter()
                .find(|c| c.id == checkpoint_id)
                .map(|c| (s, c))
        })
    }
}

/// What is known about a participant: which automatic kinds hold and which manual checkpoints
/// a coordinator confirmed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facts {
    pub holds: BTreeSet<CheckpointKind>,
    pub confirmed: BTreeSet<i32>,
}

impl Facts {
    pub fn holds(&self, c: &Checkpoint) -> bool {
        match c.kind {
            CheckpointKind::Manual => self.confirmed.contains(&c.id),
            k => self.holds.contains(&k),
        }
    }
}

/// Whether a profile counts as recorded: a Swedish level, at least one language, and either
/// an education level above "none" or some work experience.
pub fn profile_recorded(
    has_swedish_level: bool,
    languages: usize,
    has_education: bool,
    experiences: usize,
) -> bool {
    has_swedish_level && languages > 0 && (has_education || experiences > 0)
}

/// A checkpoint that does not hold on the way to a stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Blocker {
    pub stage_id: i32,
    pub checkpoint_id: i32,
    pub kind: CheckpointKind,
}

impl Blocker {
    pub fn key(&self) -> &'static str {
        self.kind.blocked_key()
    }
}

/// Every checkpoint that does not hold in the stages after `from` up to and including `to`
/// (indexes into the map). Empty when `to` is not ahead of `from`.
pub fn blockers(map: &ProcessMap, from: usize, to: usize, facts: &Facts) -> Vec<Blocker> {
    map.stages
        .iter()
        .enumerate()
        .filter(|(i, _)| *i > from && *i <= to)
        .flat_map(|(_, s)| {
            s.checkpoints
                .iter()
                .filter(|c| !facts.holds(c))
                .map(|c| Blocker {
                    stage_id: s.id,
                    checkpoint_id: c.id,
                    kind: c.kind,
                })
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Forward,
    Back,
}

/// Why a stage move was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveError {
    UnknownStage,
    SameStage,
    /// A step back needs the reason.
    NoteRequired,
    Blocked(Vec<Blocker>),
}

impl MoveError {
    /// The errors beside the form's `stage` and `note` fields: one per blocker.
    pub fn field_errors(&self) -> FieldErrors {
        FieldErrors(match self {
            MoveError::UnknownStage => vec![FieldError::new("stage", "error-invalid-choice")],
            MoveError::SameStage => vec![FieldError::new("stage", "journey-error-same-stage")],
            MoveError::NoteRequired => vec![FieldError::new("note", "journey-error-note-required")],
            MoveError::Blocked(b) => b
                .iter()
                .map(|b| FieldError::new("stage", b.key()))
                .collect(),
        })
    }
}

/// May a participant at stage index `current` move to `target` (a stage id)? Forward needs
/// every checkpoint of every stage passed over and of the target itself (so an internship
/// cannot start without both the eligibility confirmation and the decision); back is always
/// allowed but needs a note.
pub fn check_move(
    map: &ProcessMap,
    current: usize,
    target: i32,
    note: &str,
    facts: &Facts,
) -> Result<Direction, MoveError> {
    let to = map.index_of(target).ok_or(MoveError::UnknownStage)?;
    if to == current {
        return Err(MoveError::SameStage);
    }
    if to < current {
        return if note.trim().is_empty() {
            Err(MoveError::NoteRequired)
        } else {
            Ok(Direction::Back)
        };
    }
    let b = blockers(map, current, to, facts);
    if b.is_empty() {
        Ok(Direction::Forward)
    } else {
        Err(MoveError::Blocked(b))
    }
}

/// How far the facts alone carry a participant from stage index `current`: through each next
/// stage that is a fact (it has checkpoints, none of them manual) whose checkpoints all hold.
/// A stage without checkpoints or with a manual one is for a coordinator to move into; the walk
/// stops there. `None` when the next stage is not reached by the facts.
pub fn advance_by_facts(map: &ProcessMap, current: usize, facts: &Facts) -> Option<usize> {
    let mut at = current;
    while let Some(next) = map.stages.get(at + 1) {
        let is_fact = !next.checkpoints.is_empty()
            && next
                .checkpoints
                .iter()
                .all(|c| c.kind != CheckpointKind::Manual);
        if !is_fact || !next.checkpoints.iter().all(|c| facts.holds(c)) {
            break;
        }
        at += 1;
    }
    (at > current).then_some(at)
}

/// Where a participant is, as far as matching is concerned: still looking for a placement, in
/// an internship, or past it (completed, followed up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum JourneyPhase {
    Looking,
    Placed,
    Finished,
}

/// The phase of stage index `current` in `map`: finished once a stage on the way (this one
/// included) is the internship's end, placed once one is its start. A stage is recognised by
/// its checkpoint (`InternshipStarted`, `InternshipEnded`) or by the default map's key, so a
/// programme's own stages after "in internship" count as placed or finished too.
pub fn phase_at(map: &ProcessMap, current: usize) -> JourneyPhase {
    let reached = |kind: CheckpointKind, key: &str| {
        map.stages
            .iter()
            .take(current.saturating_add(1))
            .any(|s| s.key == key || s.checkpoints.iter().any(|c| c.kind == kind))
    };
    if reached(CheckpointKind::InternshipEnded, "completed") {
        JourneyPhase::Finished
    } else if reached(CheckpointKind::InternshipStarted, "in_internship") {
        JourneyPhase::Placed
    } else {
        JourneyPhase::Looking
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum StepState {
    Done,
    Now,
    Next,
}

/// One stair of the staircase: a stage, where the participant is relative to it, and whether
/// each of its checkpoints holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub stage: Stage,
    pub state: StepState,
    pub checkpoints: Vec<(Checkpoint, bool)>,
}

impl Step {
    pub fn is_done(&self) -> bool {
        self.state == StepState::Done
    }
    pub fn is_now(&self) -> bool {
        self.state == StepState::Now
    }
}

pub fn staircase(map: &ProcessMap, current: usize, facts: &Facts) -> Vec<Step> {
    map.stages
        .iter()
        .enumerate()
        .map(|(i, s)| Step {
            stage: s.clone(),
            state: match i.cmp(&current) {
                std::cmp::Ordering::Less => StepState::Done,
                std::cmp::Ordering::Equal => StepState::Now,
                std::cmp::Ordering::Greater => StepState::Next,
            },
            checkpoints: s
                .checkpoints
                .iter()
                .map(|c| (c.clone(), facts.holds(c)))
                .collect(),
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use CheckpointKind::*;
    use proptest::prelude::*;

    #[test]
    fn the_phase_follows_the_internship_stages() {
        let map = default_map();
        let at = |key: &str| map.stages.iter().position(|s| s.key == key).unwrap();
        for key in [
            "registered",
            "profiled",
            "matching",
            "interviewing",
            "agreement_signed",
        ] {
            assert_eq!(phase_at(&map, at(key)), JourneyPhase::Looking, "{key}");
        }
        assert_eq!(phase_at(&map, at("in_internship")), JourneyPhase::Placed);
        for key in ["completed", "followed_up_3", "followed_up_6"] {
            assert_eq!(phase_at(&map, at(key)), JourneyPhase::Finished, "{key}");
        }
        // A programme's own stage after the internship's end is past it too.
        let mut custom = map.clone();
        custom.stages.push(Stage {
            id: 99,
            key: "custom".into(),
            name_sv: "Anställd".into(),
            name_en: "Employed".into(),
            checkpoints: vec![],
        });
        assert_eq!(phase_at(&custom, 12), JourneyPhase::Finished);
    }

    /// The default map with ids 1.. for stages and 100.. for checkpoints.
    fn default_map() -> ProcessMap {
        let mut next_cp = 100;
        ProcessMap {
            programme_id: 1,
            stages: DEFAULT_MAP
                .iter()
                .enumerate()
                .map(|(i, t)| Stage {
                    id: i as i32 + 1,
                    key: t.key.into(),
                    name_sv: t.name_sv.into(),
                    name_en: t.name_en.into(),
                    checkpoints: t
                        .checkpoints
                        .iter()
                        .map(|k| {
                            next_cp += 1;
                            Checkpoint {
                                id: next_cp,
                                kind: *k,
                                label_sv: k.default_labels().0.into(),
                                label_en: k.default_labels().1.into(),
                            }
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    fn stage_id(map: &ProcessMap, key: &str) -> i32 {
        map.stages.iter().find(|s| s.key == key).unwrap().id
    }

    fn facts(kinds: &[CheckpointKind]) -> Facts {
        Facts {
            holds: kinds.iter().copied().collect(),
            confirmed: BTreeSet::new(),
        }
    }

    #[test]
    fn the_default_map_follows_the_design() {
        let keys: Vec<&str> = DEFAULT_MAP.iter().map(|s| s.key).collect();
        assert_eq!(
            keys,
            [
                "registered",
                "profiled",
                "preparing",
                "matching",
                "interviewing",
                "selected",
                "cleared",
                "agreement_signed",
                "in_internship",
                "completed",
                "followed_up_3",
                "followed_up_6"
            ]
        );
        let cleared = DEFAULT_MAP.iter().find(|s| s.key == "cleared").unwrap();
        assert_eq!(cleared.checkpoints, &[EligibilityConfirmed, EsDecision]);
    }

    #[test]
    fn the_internship_needs_both_the_confirmation_and_the_decision() {
        let map = default_map();
        let all_but_clearance = facts(&[
            ProfileRecorded,
            ConsentShare,
            InterviewBooked,
            InterviewPassed,
            AgreementSigned,
            InternshipStarted,
        ]);
        let selected = map.index_of(stage_id(&map, "selected")).unwrap();
        let target = stage_id(&map, "in_internship");
        let Err(MoveError::Blocked(b)) = check_move(&map, selected, target, "", &all_but_clearance)
        else {
            panic!("should be blocked");
        };
        let kinds: Vec<CheckpointKind> = b.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [EligibilityConfirmed, EsDecision]);
        let mut f = all_but_clearance.clone();
        f.holds.insert(EligibilityConfirmed);
        let Err(MoveError::Blocked(b)) = check_move(&map, selected, target, "", &f) else {
            panic!("still blocked by the decision");
        };
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].key(), "journey-blocked-es_decision");
        f.holds.insert(EsDecision);
        assert_eq!(
            check_move(&map, selected, target, "", &f),
            Ok(Direction::Forward)
        );
    }

    #[test]
    fn an_internship_cannot_be_finished_or_followed_up_before_it_has_started() {
        let map = default_map();
        let everything_before = facts(&[
            ProfileRecorded,
            ConsentShare,
            InterviewBooked,
            InterviewPassed,
            EligibilityConfirmed,
            EsDecision,
            AgreementSigned,
        ]);
        let signed = map.index_of(stage_id(&map, "agreement_signed")).unwrap();
        for key in [
            "in_internship",
            "completed",
            "followed_up_3",
            "followed_up_6",
        ] {
            let Err(MoveError::Blocked(b)) =
                check_move(&map, signed, stage_id(&map, key), "", &everything_before)
            else {
                panic!("{key} before the start");
            };
            assert_eq!(b[0].kind, InternshipStarted, "{key}");
        }
        let mut started = everything_before.clone();
        started.holds.insert(InternshipStarted);
        let target = stage_id(&map, "followed_up_6");
        let Err(MoveError::Blocked(b)) = check_move(&map, signed, target, "", &started) else {
            panic!("not ended yet");
        };
        assert_eq!(
            b.iter().map(|b| b.kind).collect::<Vec<_>>(),
            [InternshipEnded, FollowUpMonth3, FollowUpMonth6]
        );
        started.holds.insert(InternshipEnded);
        started.holds.insert(FollowUpMonth3);
        started.holds.insert(FollowUpMonth6);
        assert_eq!(
            check_move(&map, signed, target, "", &started),
            Ok(Direction::Forward)
        );
    }

    #[test]
    fn facts_carry_a_participant_through_the_stages_that_are_facts_only() {
        let map = default_map();
        let at = |key: &str| map.index_of(stage_id(&map, key)).unwrap();
        // An interview booked moves her from matching to interviewing, no further.
        let f = facts(&[ProfileRecorded, ConsentShare, InterviewBooked]);
        assert_eq!(
            advance_by_facts(&map, at("matching"), &f),
            Some(at("interviewing"))
        );
        // "Preparing" has no checkpoint: a coordinator moves her there by hand.
        assert_eq!(advance_by_facts(&map, at("profiled"), &f), None);
        // The decision and the signed agreement, then the start: straight into the internship.
        let f = facts(&[
            InterviewPassed,
            EligibilityConfirmed,
            EsDecision,
            AgreementSigned,
            InternshipStarted,
        ]);
        assert_eq!(
            advance_by_facts(&map, at("interviewing"), &f),
            Some(at("in_internship"))
        );
        // The end stops at "completed" until an outcome is recorded at three months, then at
        // six: the follow-up stages move from the outcome records.
        let mut ended = f.clone();
        ended.holds.insert(InternshipEnded);
        assert_eq!(
            advance_by_facts(&map, at("in_internship"), &ended),
            Some(at("completed"))
        );
        ended.holds.insert(FollowUpMonth6);
        assert_eq!(advance_by_facts(&map, at("completed"), &ended), None);
        ended.holds.insert(FollowUpMonth3);
        assert_eq!(
            advance_by_facts(&map, at("completed"), &ended),
            Some(at("followed_up_6"))
        );
        // A manual checkpoint keeps a stage manual.
        let mut manual = map.clone();
        manual.stages[4].checkpoints.push(Checkpoint {
            id: 900,
            kind: Manual,
            label_sv: "x".into(),
            label_en: "x".into(),
        });
        let mut f = facts(&[InterviewBooked]);
        f.confirmed.insert(900);
        assert_eq!(advance_by_facts(&manual, 3, &f), None);
    }

    #[test]
    fn back_needs_a_note_and_the_current_stage_is_refused() {
        let map = default_map();
        let cur = map.index_of(stage_id(&map, "matching")).unwrap();
        let back = stage_id(&map, "profiled");
        assert_eq!(
            check_move(&map, cur, back, "  ", &Facts::default()),
            Err(MoveError::NoteRequired)
        );
        assert_eq!(
            check_move(
                &map,
                cur,
                back,
                "Intervjun gick inte bra",
                &Facts::default()
            ),
            Ok(Direction::Back)
        );
        let here = stage_id(&map, "matching");
        assert_eq!(
            check_move(&map, cur, here, "x", &Facts::default()),
            Err(MoveError::SameStage)
        );
        assert_eq!(
            check_move(&map, cur, 9999, "x", &Facts::default()),
            Err(MoveError::UnknownStage)
        );
        assert_eq!(
            MoveError::NoteRequired.field_errors().0[0],
            FieldError::new("note", "journey-error-note-required")
        );
    }

    #[test]
    fn a_manual_checkpoint_holds_once_confirmed() {
        let mut map = default_map();
        map.stages[2].checkpoints.push(Checkpoint {
            id: 500,
            kind: Manual,
            label_sv: "CV klart".into(),
            label_en: "CV done".into(),
        });
        let mut f = facts(&[ProfileRecorded]);
        let b = blockers(&map, 0, 2, &f);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].checkpoint_id, 500);
        f.confirmed.insert(500);
        assert!(blockers(&map, 0, 2, &f).is_empty());
    }

    #[test]
    fn the_staircase_says_done_now_next() {
        let map = default_map();
        let steps = staircase(&map, 3, &facts(&[ConsentShare]));
        assert_eq!(steps.len(), map.stages.len());
        assert!(steps[..3].iter().all(Step::is_done));
        assert!(steps[3].is_now());
        assert!(steps[3].checkpoints[0].1, "consent holds");
        assert!(steps[4..].iter().all(|s| s.state == StepState::Next));
    }

    #[test]
    fn a_profile_needs_swedish_a_language_and_education_or_experience() {
        assert!(profile_recorded(true, 1, true, 0));
        assert!(profile_recorded(true, 2, false, 1));
        assert!(!profile_recorded(false, 1, true, 1));
        assert!(!profile_recorded(true, 0, true, 1));
        assert!(!profile_recorded(true, 1, false, 0));
    }

    fn any_kinds() -> impl Strategy<Value = BTreeSet<CheckpointKind>> {
        proptest::collection::btree_set(proptest::sample::select(CheckpointKind::ALL), 0..9)
    }

    proptest! {
        /// A forward move is allowed exactly when every checkpoint between holds; the blockers
        /// are exactly those that do not; a move straight back is never blocked.
        #[test]
        fn forward_moves_are_blocked_exactly_by_what_does_not_hold(
            kinds in any_kinds(),
            from in 0usize..12,
            to in 0usize..12,
        ) {
            let map = default_map();
            let f = Facts { holds: kinds, confirmed: BTreeSet::new() };
            let target = map.stages[to].id;
            let r = check_move(&map, from, target, "skäl", &f);
            let missing: Vec<CheckpointKind> = map.stages[from + 1..=to.max(from)]
                .iter()
                .flat_map(|s| s.checkpoints.iter())
                .filter(|c| !f.holds.contains(&c.kind))
                .map(|c| c.kind)
                .collect();
            match to.cmp(&from) {
                std::cmp::Ordering::Equal => prop_assert_eq!(r, Err(MoveError::SameStage)),
                std::cmp::Ordering::Less => prop_assert_eq!(r, Ok(Direction::Back)),
                std::cmp::Ordering::Greater if missing.is_empty() => {
                    prop_assert_eq!(r, Ok(Direction::Forward))
                }
                std::cmp::Ordering::Greater => {
                    let Err(MoveError::Blocked(b)) = r else {
                        return Err(TestCaseError::fail("expected blockers"));
                    };
                    prop_assert_eq!(b.iter().map(|b| b.kind).collect::<Vec<_>>(), missing);
                }
            }
        }

        /// Holding more never blocks more (monotone): adding a fact cannot add a blocker.
        #[test]
        fn more_facts_never_add_blockers(kinds in any_kinds(), extra in any_kinds(), to in 0usize..12) {
            let map = default_map();
            let few = Facts { holds: kinds.clone(), confirmed: BTreeSet::new() };
            let many = Facts { holds: kinds.union(&extra).copied().collect(), confirmed: BTreeSet::new() };
            let b_few = blockers(&map, 0, to, &few);
            let b_many = blockers(&map, 0, to, &many);
            prop_assert!(b_many.iter().all(|b| b_few.contains(b)));
        }
    }
}
