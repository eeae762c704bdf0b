//! Each programme's process map (ordered stages, each with checkpoints), the participant
//! events the current stage is derived from, and the coordinator's board.
//!
//! The current stage is never stored: it is the latest "stage" event (none → the first stage).
//! A step back is a new event. The facts a checkpoint needs are gathered from the records
//! (consents, candidate pool, interviews, the employment service's confirmation and decision,
//! internship agreements) for many participants at once, so the board costs a fixed number of
//! queries however many participants a programme has.

use std::collections::{BTreeMap, HashMap};

use brygga_domain::journey::{
    Blocker, CheckpointKind, DEFAULT_MAP, Facts, MoveError, ProcessMap, Stage, Step,
    advance_by_facts, blockers, check_move, profile_recorded, staircase,
};
use brygga_domain::model::{
    AgreementKind, AgreementStatus, ConsentPurpose, EducationLevel, InterviewOutcome, OrgKind,
    ProposalStatus,
};
use brygga_domain::outcome::FollowUpPoint;
use brygga_domain::policy::{Action, Relation, Resource, list_scope};
use brygga_domain::registry::{Consent, LanguageLevel, WorkExperience};
use brygga_domain::values::parse_required;
use brygga_domain::{FieldError, FieldErrors};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::{AuditAction, record};
use crate::entities::{
    agreement, candidate_proposal, es_confirmation, es_decision, internship, interview,
    organisation, outcome, participant, participant_event, process_checkpoint, process_stage,
};
use crate::{Actor, Result, Store, StoreError, from_json};

pub use brygga_domain::journey::{Checkpoint, StepState};

/// How many cards a board column shows; the column also says how many there are in all.
pub const BOARD_CAP: usize = 50;

const EVENT_STAGE: &str = "stage";
const EVENT_CHECKPOINT: &str = "checkpoint";
/// A stage's or checkpoint's name is a short one (it heads a board column).
const NAME_MAX: usize = 100;
/// Ids per `IN (…)` list, well under both backends' parameter limits.
pub(crate) const CHUNK: usize = 500;

fn invalid(field: &str, key: &'static str) -> StoreError {
    StoreError::Invalid(FieldErrors(vec![FieldError::new(field, key)]))
}

/// An admin's change to a process map.
#[derive(Debug, Clone, PartialEq)]
pub enum ProcessEdit {
    /// A new stage right after `after` (a stage id of this map).
    AddStage {
        after: i32,
        name_sv: String,
        name_en: String,
    },
    RenameStage {
        stage_id: i32,
        name_sv: String,
        name_en: String,
    },
    MoveStage {
        stage_id: i32,
        up: bool,
    },
    /// `kind` as typed; empty labels of an automatic kind get its default labels.
    AddCheckpoint {
        stage_id: i32,
        kind: String,
        label_sv: String,
        label_en: String,
    },
    RenameCheckpoint {
        checkpoint_id: i32,
        label_sv: String,
        label_en: String,
    },
    MoveCheckpoint {
        checkpoint_id: i32,
        up: bool,
    },
    RemoveCheckpoint {
        checkpoint_id: i32,
    },
}

/// One entry of a participant's history.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct JourneyEvent {
    pub id: i32,
    /// "stage" or "checkpoint".
    pub kind: String,
    pub stage_id: Option<i32>,
    pub checkpoint_id: Option<i32>,
    pub note: String,
    pub actor: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

impl JourneyEvent {
    pub fn is_stage(&self) -> bool {
        self.kind == EVENT_STAGE
    }
}

/// A participant's journey: where they are on their programme's map, what holds, and how
/// they got there (newest event first).
#[derive(Debug, Clone, Serialize)]
pub struct Journey {
    pub participant_id: i32,
    pub first_name: String,
    pub last_name: String,
    pub map: ProcessMap,
    /// Index of the current stage in `map.stages`.
    pub current: usize,
    pub facts: Facts,
    pub events: Vec<JourneyEvent>,
}

impl Journey {
    pub fn steps(&self) -> Vec<Step> {
        staircase(&self.map, self.current, &self.facts)
    }

    pub fn current_stage(&self) -> Option<&Stage> {
        self.map.stages.get(self.current)
    }

    pub fn next_stage(&self) -> Option<&Stage> {
        self.map.stages.get(self.current + 1)
    }

    /// What stands between the current stage and `stage_id` (empty if it is not ahead).
    pub fn blockers_for(&self, stage_id: i32) -> Vec<Blocker> {
        match self.map.index_of(stage_id) {
            Some(to) => blockers(&self.map, self.current, to, &self.facts),
            None => vec![],
        }
    }

    /// Manual checkpoints not yet confirmed, with their stage.
    pub fn open_manual(&self) -> Vec<(&Stage, &Checkpoint)> {
        self.map
            .stages
            .iter()
            .flat_map(|s| s.checkpoints.iter().map(move |c| (s, c)))
            .filter(|(_, c)| c.kind == CheckpointKind::Manual && !self.facts.holds(c))
            .collect()
    }

    pub fn stage_name(&self, stage_id: Option<i32>, en: bool) -> String {
        stage_id
            .and_then(|id| self.map.stages.iter().find(|s| s.id == id))
            .map(|s| {
                if en {
                    s.name_en.clone()
                } else {
                    s.name_sv.clone()
                }
            })
            .unwrap_or_default()
    }

    pub fn checkpoint_label(&self, checkpoint_id: Option<i32>, en: bool) -> String {
        checkpoint_id
            .and_then(|id| self.map.checkpoint(id))
            .map(|(_, c)| {
                if en {
                    c.label_en.clone()
                } else {
                    c.label_sv.clone()
                }
            })
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct BoardCard {
    pub participant_id: i32,
    pub first_name: String,
    pub last_name: String,
    /// What blocks the move to the next stage.
    pub blockers: Vec<Blocker>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BoardColumn {
    pub stage: Stage,
    /// Everyone at this stage; `cards` holds at most `BOARD_CAP` of them.
    pub total: usize,
    pub cards: Vec<BoardCard>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Board {
    pub programme_id: i32,
    pub map: ProcessMap,
    pub columns: Vec<BoardColumn>,
}

impl Board {
    pub fn checkpoint_label(&self, checkpoint_id: i32, en: bool) -> String {
        self.map
            .checkpoint(checkpoint_id)
            .map(|(_, c)| {
                if en {
                    c.label_en.clone()
                } else {
                    c.label_sv.clone()
                }
            })
            .unwrap_or_default()
    }
}

// ------------------------------------------------------------------ reading the map

async fn load_map(db: &impl ConnectionTrait, programme_id: i32) -> Result<ProcessMap> {
    let stages = process_stage::Entity::find()
        .filter(process_stage::Column::ProgrammeId.eq(programme_id))
        .order_by_asc(process_stage::Column::Position)
        .order_by_asc(process_stage::Column::Id)
        .all(db)
        .await?;
    let checkpoints = if stages.is_empty() {
        vec![]
    } else {
        process_checkpoint::Entity::find()
            .filter(process_checkpoint::Column::StageId.is_in(stages.iter().map(|s| s.id)))
            .order_by_asc(process_checkpoint::Column::Position)
            .order_by_asc(process_checkpoint::Column::Id)
            .all(db)
            .await?
    };
    let mut by_stage: HashMap<i32, Vec<Checkpoint>> = HashMap::new();
    for c in checkpoints {
        by_stage.entry(c.stage_id).or_default().push(Checkpoint {
            id: c.id,
            // An unknown kind in the database can only be ticked by hand.
            kind: c.kind.get(),
            label_sv: c.label_sv,
            label_en: c.label_en,
        });
    }
    Ok(ProcessMap {
        programme_id,
        stages: stages
            .into_iter()
            .map(|s| Stage {
                checkpoints: by_stage.remove(&s.id).unwrap_or_default(),
                id: s.id,
                key: s.key,
                name_sv: s.name_sv,
                name_en: s.name_en,
            })
            .collect(),
    })
}

async fn insert_stage(
    db: &impl ConnectionTrait,
    programme_id: i32,
    position: i32,
    key: &str,
    name_sv: &str,
    name_en: &str,
) -> Result<i32> {
    let m = process_stage::ActiveModel {
        programme_id: Set(programme_id),
        position: Set(position),
        key: Set(key.to_string()),
        name_sv: Set(name_sv.to_string()),
        name_en: Set(name_en.to_string()),
        created_at: Set(crate::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(m.id)
}

async fn insert_checkpoint(
    db: &impl ConnectionTrait,
    stage_id: i32,
    position: i32,
    kind: CheckpointKind,
    label_sv: &str,
    label_en: &str,
) -> Result<i32> {
    let m = process_checkpoint::ActiveModel {
        stage_id: Set(stage_id),
        position: Set(position),
        kind: Set(kind.into()),
        label_sv: Set(label_sv.to_string()),
        label_en: Set(label_en.to_string()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(m.id)
}

/// Write positions 0.. in the given order.
async fn renumber_stages(db: &impl ConnectionTrait, ids: &[i32]) -> Result<()> {
    for (i, id) in ids.iter().enumerate() {
        process_stage::Entity::update_many()
            .col_expr(process_stage::Column::Position, Expr::value(i as i32))
            .filter(process_stage::Column::Id.eq(*id))
            .exec(db)
            .await?;
    }
    Ok(())
}

async fn renumber_checkpoints(db: &impl ConnectionTrait, ids: &[i32]) -> Result<()> {
    for (i, id) in ids.iter().enumerate() {
        process_checkpoint::Entity::update_many()
            .col_expr(process_checkpoint::Column::Position, Expr::value(i as i32))
            .filter(process_checkpoint::Column::Id.eq(*id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Swap `ids[i]` with its neighbour; `None` when it is already at that end.
fn moved(ids: &[i32], id: i32, up: bool) -> Option<Vec<i32>> {
    let i = ids.iter().position(|x| *x == id)?;
    let j = if up { i.checked_sub(1)? } else { i + 1 };
    if j >= ids.len() {
        return None;
    }
    let mut out = ids.to_vec();
    out.swap(i, j);
    Some(out)
}

fn names((field_sv, sv): (&str, &str), (field_en, en): (&str, &str)) -> Result<(String, String)> {
    let mut errors = FieldErrors::default();
    let sv = errors.check(field_sv, parse_required(field_sv, sv, NAME_MAX));
    let en = errors.check(field_en, parse_required(field_en, en, NAME_MAX));
    match (sv, en) {
        (Some(sv), Some(en)) => Ok((sv, en)),
        _ => Err(StoreError::Invalid(errors)),
    }
}

// ------------------------------------------------------------------ facts

/// The facts for each of `people`, in a fixed number of queries per `CHUNK` of them.
async fn facts_for(
    db: &impl ConnectionTrait,
    people: &[participant::Model],
) -> Result<HashMap<i32, Facts>> {
    let mut out: HashMap<i32, Facts> = HashMap::new();
    for p in people {
        let mut f = Facts::default();
        let languages: Vec<LanguageLevel> = from_json(&p.languages);
        let experience: Vec<WorkExperience> = from_json(&p.experience);
        let has_education = p.education_level.get() != EducationLevel::None;
        if profile_recorded(
            p.swedish_level.is_some(),
            languages.len(),
            has_education,
            experience.len(),
        ) {
            f.holds.insert(CheckpointKind::ProfileRecorded);
        }
        let consents: Vec<Consent> = from_json(&p.consents);
        if consents
            .iter()
            .any(|c| c.purpose == ConsentPurpose::ShareWithEmployers && c.withdrawn_at.is_none())
        {
            f.holds.insert(CheckpointKind::ConsentShare);
        }
        out.insert(p.id, f);
    }
    let ids: Vec<i32> = people.iter().map(|p| p.id).collect();
    fn mark(out: &mut HashMap<i32, Facts>, pid: i32, kind: CheckpointKind) {
        if let Some(f) = out.get_mut(&pid) {
            f.holds.insert(kind);
        }
    }
    for chunk in ids.chunks(CHUNK) {
        let proposed: Vec<i32> = candidate_proposal::Entity::find()
            .filter(candidate_proposal::Column::ParticipantId.is_in(chunk.to_vec()))
            .filter(candidate_proposal::Column::Status.is_not_in([
                ProposalStatus::Rejected.as_str(),
                ProposalStatus::Withdrawn.as_str(),
            ]))
            .select_only()
            .column(candidate_proposal::Column::ParticipantId)
            .into_tuple()
            .all(db)
            .await?;
        for pid in proposed {
            mark(&mut out, pid, CheckpointKind::Proposed);
        }
        let interviews: Vec<(i32, String)> = interview::Entity::find()
            .filter(interview::Column::ParticipantId.is_in(chunk.to_vec()))
            .filter(interview::Column::Outcome.ne(InterviewOutcome::Cancelled.as_str()))
            .select_only()
            .column(interview::Column::ParticipantId)
            .column(interview::Column::Outcome)
            .into_tuple()
            .all(db)
            .await?;
        for (pid, outcome) in interviews {
            mark(&mut out, pid, CheckpointKind::InterviewBooked);
            if outcome == InterviewOutcome::Passed.as_str() {
                mark(&mut out, pid, CheckpointKind::InterviewPassed);
            }
        }
        let confirmed: Vec<i32> = es_confirmation::Entity::find()
            .filter(es_confirmation::Column::ParticipantId.is_in(chunk.to_vec()))
            .filter(es_confirmation::Column::WithdrawnAt.is_null())
            .select_only()
            .column(es_confirmation::Column::ParticipantId)
            .into_tuple()
            .all(db)
            .await?;
        for pid in confirmed {
            mark(&mut out, pid, CheckpointKind::EligibilityConfirmed);
        }
        let decided: Vec<i32> = es_decision::Entity::find()
            .filter(es_decision::Column::ParticipantId.is_in(chunk.to_vec()))
            .filter(es_decision::Column::WithdrawnAt.is_null())
            .select_only()
            .column(es_decision::Column::ParticipantId)
            .into_tuple()
            .all(db)
            .await?;
        for pid in decided {
            mark(&mut out, pid, CheckpointKind::EsDecision);
        }
        let signed: Vec<Option<i32>> = agreement::Entity::find()
            .filter(agreement::Column::ParticipantId.is_in(chunk.to_vec()))
            .filter(agreement::Column::Kind.eq(AgreementKind::Internship.as_str()))
            .filter(agreement::Column::Status.eq(AgreementStatus::Signed.as_str()))
            .select_only()
            .column(agreement::Column::ParticipantId)
            .into_tuple()
            .all(db)
            .await?;
        for pid in signed.into_iter().flatten() {
            mark(&mut out, pid, CheckpointKind::AgreementSigned);
        }
        for pid in crate::course::completed_preparatory(db, chunk).await? {
            mark(&mut out, pid, CheckpointKind::PreparatoryCourseCompleted);
        }
        // An internship started once its first day has come (in Stockholm), ended once its
        // end is recorded.
        let internships: Vec<(i32, chrono::NaiveDate, Option<chrono::NaiveDate>)> =
            internship::Entity::find()
                .filter(internship::Column::ParticipantId.is_in(chunk.to_vec()))
                .select_only()
                .column(internship::Column::ParticipantId)
                .column(internship::Column::StartDate)
                .column(internship::Column::EndedOn)
                .into_tuple()
                .all(db)
                .await?;
        let today = brygga_domain::calendar::today();
        for (pid, start, ended) in internships {
            if start <= today {
                mark(&mut out, pid, CheckpointKind::InternshipStarted);
            }
            if ended.is_some() {
                mark(&mut out, pid, CheckpointKind::InternshipEnded);
            }
        }
        // The follow-up stages: an outcome recorded at the point, from any source.
        let followed: Vec<(i32, String)> = outcome::Entity::find()
            .filter(outcome::Column::ParticipantId.is_in(chunk.to_vec()))
            .filter(outcome::Column::Point.is_in([
                FollowUpPoint::Month3.as_str(),
                FollowUpPoint::Month6.as_str(),
            ]))
            .select_only()
            .column(outcome::Column::ParticipantId)
            .column(outcome::Column::Point)
            .into_tuple()
            .all(db)
            .await?;
        for (pid, point) in followed {
            let kind = if point == FollowUpPoint::Month3.as_str() {
                CheckpointKind::FollowUpMonth3
            } else {
                CheckpointKind::FollowUpMonth6
            };
            mark(&mut out, pid, kind);
        }
        let ticked: Vec<(i32, Option<i32>)> = participant_event::Entity::find()
            .filter(participant_event::Column::ParticipantId.is_in(chunk.to_vec()))
            .filter(participant_event::Column::Kind.eq(EVENT_CHECKPOINT))
            .select_only()
            .column(participant_event::Column::ParticipantId)
            .column(participant_event::Column::CheckpointId)
            .into_tuple()
            .all(db)
            .await?;
        for (pid, cp) in ticked {
            if let (Some(f), Some(cp)) = (out.get_mut(&pid), cp) {
                f.confirmed.insert(cp);
            }
        }
    }
    Ok(out)
}

/// The index of the participant's current stage: the latest stage event, else the first.
async fn current_index(
    db: &impl ConnectionTrait,
    participant_id: i32,
    map: &ProcessMap,
) -> Result<usize> {
    let latest: Option<Option<i32>> = participant_event::Entity::find()
        .filter(participant_event::Column::ParticipantId.eq(participant_id))
        .filter(participant_event::Column::Kind.eq(EVENT_STAGE))
        .filter(participant_event::Column::StageId.is_not_null())
        .order_by_desc(participant_event::Column::Id)
        .select_only()
        .column(participant_event::Column::StageId)
        .into_tuple()
        .one(db)
        .await?;
    Ok(latest.flatten().and_then(|s| map.index_of(s)).unwrap_or(0))
}

impl Store {
    /// The programme's process map, made from the default map on first use.
    pub async fn process_map(&self, actor: &Actor, programme_id: i32) -> Result<ProcessMap> {
        enforce(decide_any(
            actor,
            Action::Read,
            Resource::ProcessMap,
            &[Relation::Unrelated],
        ))?;
        let programme = organisation::Entity::find_by_id(programme_id)
            .one(&self.db)
            .await?;
        if programme.is_none_or(|o| o.kind.get() != OrgKind::Programme) {
            return Err(StoreError::NotFound);
        }
        let map = load_map(&self.db, programme_id).await?;
        if !map.stages.is_empty() {
            return Ok(map);
        }
        let tx = crate::begin_write(&self.db).await?;
        // Another request may have made it while this one waited for the write lock.
        let map = self.map_in_tx(&tx, actor, programme_id).await?;
        tx.commit().await?;
        Ok(map)
    }

    /// The programme's map inside a write transaction, made from the default map (audited) if
    /// it has none yet.
    async fn map_in_tx(
        &self,
        tx: &sea_orm::DatabaseTransaction,
        actor: &Actor,
        programme_id: i32,
    ) -> Result<ProcessMap> {
        let map = load_map(tx, programme_id).await?;
        if !map.stages.is_empty() {
            return Ok(map);
        }
        for (i, t) in DEFAULT_MAP.iter().enumerate() {
            let stage_id =
                insert_stage(tx, programme_id, i as i32, t.key, t.name_sv, t.name_en).await?;
            for (j, k) in t.checkpoints.iter().enumerate() {
                let (sv, en) = k.default_labels();
                insert_checkpoint(tx, stage_id, j as i32, *k, sv, en).await?;
            }
        }
        record(
            tx,
            &self.secret,
            actor,
            AuditAction::Create,
            "process_map",
            Some(programme_id),
            &["stages", "checkpoints"],
        )
        .await?;
        load_map(tx, programme_id).await
    }

    /// Move a participant forward, inside the write transaction `tx` that recorded a fact,
    /// through the stages that are facts and now hold (DESIGN.md: stages that are facts are
    /// reached from the records, not by a click). One stage event by `actor` (the one who
    /// recorded the fact, or "system"), audited; `None` when the facts carry her nowhere.
    pub(crate) async fn advance_in_tx(
        &self,
        tx: &sea_orm::DatabaseTransaction,
        actor: &Actor,
        participant_id: i32,
    ) -> Result<Option<i32>> {
        let Some(p) = participant::Entity::find_by_id(participant_id)
            .one(tx)
            .await?
        else {
            return Ok(None);
        };
        let map = self.map_in_tx(tx, actor, p.programme_id).await?;
        let current = current_index(tx, p.id, &map).await?;
        let facts = facts_for(tx, std::slice::from_ref(&p))
            .await?
            .remove(&p.id)
            .unwrap_or_default();
        let Some(to) = advance_by_facts(&map, current, &facts) else {
            return Ok(None);
        };
        let Some(stage) = map.stages.get(to) else {
            return Ok(None);
        };
        let e = self
            .insert_event(tx, actor, p.id, EVENT_STAGE, Some(stage.id), None, "")
            .await?;
        record(
            tx,
            &self.secret,
            actor,
            AuditAction::Create,
            "participant_event",
            Some(e),
            &["participant_id", "stage_id"],
        )
        .await?;
        Ok(Some(stage.id))
    }

    /// Change a programme's map (admins only).
    pub async fn process_edit(
        &self,
        actor: &Actor,
        programme_id: i32,
        edit: &ProcessEdit,
    ) -> Result<()> {
        enforce(decide_any(
            actor,
            Action::Update,
            Resource::ProcessMap,
            &[Relation::Unrelated],
        ))?;
        self.process_map(actor, programme_id).await?;
        let tx = crate::begin_write(&self.db).await?;
        let map = load_map(&tx, programme_id).await?;
        let stage_ids: Vec<i32> = map.stages.iter().map(|s| s.id).collect();
        let stage = |id: i32| {
            map.stages
                .iter()
                .find(|s| s.id == id)
                .ok_or_else(|| invalid("stage_id", "journey-error-unknown-stage"))
        };
        let checkpoint = |id: i32| {
            map.checkpoint(id)
                .ok_or_else(|| invalid("checkpoint_id", "journey-error-unknown-checkpoint"))
        };
        let fields: &[&str] = match edit {
            ProcessEdit::AddStage {
                after,
                name_sv,
                name_en,
            } => {
                let at = map
                    .index_of(*after)
                    .ok_or_else(|| invalid("after", "journey-error-unknown-stage"))?;
                let (sv, en) = names(("name_sv", name_sv), ("name_en", name_en))?;
                let id = insert_stage(&tx, programme_id, 0, "custom", &sv, &en).await?;
                let mut order = stage_ids.clone();
                order.insert(at + 1, id);
                renumber_stages(&tx, &order).await?;
                &["stages"]
            }
            ProcessEdit::RenameStage {
                stage_id,
                name_sv,
                name_en,
            } => {
                stage(*stage_id)?;
                let (sv, en) = names(("name_sv", name_sv), ("name_en", name_en))?;
                process_stage::Entity::update_many()
                    .col_expr(process_stage::Column::NameSv, Expr::value(sv))
                    .col_expr(process_stage::Column::NameEn, Expr::value(en))
                    .filter(process_stage::Column::Id.eq(*stage_id))
                    .exec(&tx)
                    .await?;
                &["name_sv", "name_en"]
            }
            ProcessEdit::MoveStage { stage_id, up } => {
                stage(*stage_id)?;
                let order = moved(&stage_ids, *stage_id, *up)
                    .ok_or_else(|| invalid("stage_id", "journey-error-cannot-move"))?;
                renumber_stages(&tx, &order).await?;
                &["position"]
            }
            ProcessEdit::AddCheckpoint {
                stage_id,
                kind,
                label_sv,
                label_en,
            } => {
                let s = stage(*stage_id)?;
                let kind = CheckpointKind::parse(kind)
                    .map_err(|_| invalid("kind", "error-invalid-choice"))?;
                if kind != CheckpointKind::Manual && s.checkpoints.iter().any(|c| c.kind == kind) {
                    return Err(invalid("kind", "journey-error-duplicate-kind"));
                }
                let (dsv, den) = kind.default_labels();
                let or_default = |typed: &str, d: &str| {
                    if typed.trim().is_empty() && kind != CheckpointKind::Manual {
                        d.to_string()
                    } else {
                        typed.to_string()
                    }
                };
                let (sv, en) = names(
                    ("label_sv", &or_default(label_sv, dsv)),
                    ("label_en", &or_default(label_en, den)),
                )?;
                let position = s.checkpoints.len() as i32;
                insert_checkpoint(&tx, *stage_id, position, kind, &sv, &en).await?;
                &["checkpoints"]
            }
            ProcessEdit::RenameCheckpoint {
                checkpoint_id,
                label_sv,
                label_en,
            } => {
                checkpoint(*checkpoint_id)?;
                let (sv, en) = names(("label_sv", label_sv), ("label_en", label_en))?;
                process_checkpoint::Entity::update_many()
                    .col_expr(process_checkpoint::Column::LabelSv, Expr::value(sv))
                    .col_expr(process_checkpoint::Column::LabelEn, Expr::value(en))
                    .filter(process_checkpoint::Column::Id.eq(*checkpoint_id))
                    .exec(&tx)
                    .await?;
                &["label_sv", "label_en"]
            }
            ProcessEdit::MoveCheckpoint { checkpoint_id, up } => {
                let (s, _) = checkpoint(*checkpoint_id)?;
                let ids: Vec<i32> = s.checkpoints.iter().map(|c| c.id).collect();
                let order = moved(&ids, *checkpoint_id, *up)
                    .ok_or_else(|| invalid("checkpoint_id", "journey-error-cannot-move"))?;
                renumber_checkpoints(&tx, &order).await?;
                &["position"]
            }
            ProcessEdit::RemoveCheckpoint { checkpoint_id } => {
                let (s, _) = checkpoint(*checkpoint_id)?;
                process_checkpoint::Entity::delete_by_id(*checkpoint_id)
                    .exec(&tx)
                    .await?;
                let rest: Vec<i32> = s
                    .checkpoints
                    .iter()
                    .map(|c| c.id)
                    .filter(|id| id != checkpoint_id)
                    .collect();
                renumber_checkpoints(&tx, &rest).await?;
                &["checkpoints"]
            }
        };
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "process_map",
            Some(programme_id),
            fields,
        )
        .await?;
        Ok(())
    }

    /// A participant's journey. The read is audited like any read of the participant.
    pub async fn journey(&self, actor: &Actor, participant_id: i32) -> Result<Journey> {
        let journey = self.journey_unaudited(actor, participant_id).await?;
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Read,
            "participant",
            Some(participant_id),
            &["journey"],
        )
        .await?;
        Ok(journey)
    }

    /// The journey, checked against the policy but not audited: for a caller that audits the
    /// read itself (the participant page, one entry for the whole view).
    pub(crate) async fn journey_unaudited(
        &self,
        actor: &Actor,
        participant_id: i32,
    ) -> Result<Journey> {
        let (p, rels) = self
            .participant_checked(actor, participant_id, Action::Read)
            .await?;
        // The staircase tells where clearance stands (and shows the staff's notes): it is for
        // those who may read the clearance, not for everyone who may see the participant.
        enforce(decide_any(actor, Action::Read, Resource::Clearance, &rels))?;
        let map = self.process_map(actor, p.programme_id).await?;
        let current = current_index(&self.db, p.id, &map).await?;
        let facts = facts_for(&self.db, std::slice::from_ref(&p))
            .await?
            .remove(&p.id)
            .unwrap_or_default();
        let events = participant_event::Entity::find()
            .filter(participant_event::Column::ParticipantId.eq(p.id))
            .order_by_desc(participant_event::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|e| JourneyEvent {
                id: e.id,
                kind: e.kind,
                stage_id: e.stage_id,
                checkpoint_id: e.checkpoint_id,
                note: e.note,
                actor: e.actor,
                at: e.at,
            })
            .collect();
        Ok(Journey {
            participant_id: p.id,
            first_name: p.first_name,
            last_name: p.last_name,
            map,
            current,
            facts,
            events,
        })
    }

    /// Move a participant to `target_stage_id`. Forward moves need every checkpoint on the way
    /// (one field error on "stage" per blocker); a step back needs a note.
    pub async fn journey_move(
        &self,
        actor: &Actor,
        participant_id: i32,
        target_stage_id: i32,
        note: &str,
    ) -> Result<()> {
        let (p, _) = self
            .participant_checked(actor, participant_id, Action::Update)
            .await?;
        let note = &crate::note_text("note", note)?;
        let map = self.process_map(actor, p.programme_id).await?;
        // Decided inside the write transaction, so two moves at once cannot both pass.
        let tx = crate::begin_write(&self.db).await?;
        let current = current_index(&tx, p.id, &map).await?;
        let facts = facts_for(&tx, std::slice::from_ref(&p))
            .await?
            .remove(&p.id)
            .unwrap_or_default();
        // Already there: someone else (or the same form sent twice) moved the participant since
        // the page was read — a conflict, not a mistake in what was typed.
        check_move(&map, current, target_stage_id, note, &facts).map_err(|e| match e {
            MoveError::SameStage => StoreError::Conflict,
            e => StoreError::Invalid(e.field_errors()),
        })?;
        let e = self
            .insert_event(
                &tx,
                actor,
                p.id,
                EVENT_STAGE,
                Some(target_stage_id),
                None,
                note,
            )
            .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "participant_event",
            Some(e),
            &["participant_id", "stage_id", "note"],
        )
        .await?;
        Ok(())
    }

    /// Confirm a manual checkpoint of the participant's map.
    pub async fn checkpoint_confirm(
        &self,
        actor: &Actor,
        participant_id: i32,
        checkpoint_id: i32,
        note: &str,
    ) -> Result<()> {
        let (p, _) = self
            .participant_checked(actor, participant_id, Action::Update)
            .await?;
        let note = &crate::note_text("note", note)?;
        let map = self.process_map(actor, p.programme_id).await?;
        let (stage, cp) = map
            .checkpoint(checkpoint_id)
            .ok_or_else(|| invalid("checkpoint_id", "journey-error-unknown-checkpoint"))?;
        if cp.kind != CheckpointKind::Manual {
            return Err(invalid("checkpoint_id", "journey-error-not-manual"));
        }
        let tx = crate::begin_write(&self.db).await?;
        let facts = facts_for(&tx, std::slice::from_ref(&p))
            .await?
            .remove(&p.id)
            .unwrap_or_default();
        if facts.confirmed.contains(&checkpoint_id) {
            // Confirmed since the page was read: a conflict.
            return Err(StoreError::Conflict);
        }
        let e = self
            .insert_event(
                &tx,
                actor,
                p.id,
                EVENT_CHECKPOINT,
                Some(stage.id),
                Some(checkpoint_id),
                note,
            )
            .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "participant_event",
            Some(e),
            &["participant_id", "checkpoint_id", "note"],
        )
        .await?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    async fn insert_event(
        &self,
        db: &impl ConnectionTrait,
        actor: &Actor,
        participant_id: i32,
        kind: &str,
        stage_id: Option<i32>,
        checkpoint_id: Option<i32>,
        note: &str,
    ) -> Result<i32> {
        let m = participant_event::ActiveModel {
            participant_id: Set(participant_id),
            kind: Set(kind.to_string()),
            stage_id: Set(stage_id),
            checkpoint_id: Set(checkpoint_id),
            note: Set(note.to_string()),
            actor_id: Set(actor.user_id),
            actor: Set(actor.name.clone()),
            at: Set(crate::now()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        Ok(m.id)
    }

    /// The programmes whose board the actor may see (a cohort's members see its programme).
    pub async fn board_programmes(&self, actor: &Actor) -> Result<Vec<crate::org::Organisation>> {
        Self::may_see_board(actor)?;
        let visible = self.programmes_for(actor).await?;
        let mut ids: Vec<i32> = visible
            .iter()
            .map(|o| {
                if o.kind == OrgKind::Cohort {
                    o.parent_id.unwrap_or(o.id)
                } else {
                    o.id
                }
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        Ok(organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(ids))
            .filter(organisation::Column::Kind.eq(OrgKind::Programme.as_str()))
            .order_by_asc(organisation::Column::Name)
            .all(&self.db)
            .await?
            .into_iter()
            .map(crate::org::Organisation::from)
            .collect())
    }

    fn may_see_board(actor: &Actor) -> Result<()> {
        if list_scope(actor.role, Resource::Participant).contains(&Relation::InOrgScope) {
            Ok(())
        } else {
            Err(StoreError::Forbidden)
        }
    }

    /// The programme's participants (those in the actor's scope) by current stage, each with
    /// what blocks the next move; at most `BOARD_CAP` cards per column.
    pub async fn board(&self, actor: &Actor, programme_id: i32) -> Result<Board> {
        Self::may_see_board(actor)?;
        if !self
            .board_programmes(actor)
            .await?
            .iter()
            .any(|o| o.id == programme_id)
        {
            return Err(StoreError::NotFound);
        }
        let map = self.process_map(actor, programme_id).await?;
        let people: Vec<(i32, String, String)> = participant::Entity::find()
            .filter(Self::participant_scope(actor)?)
            .filter(participant::Column::ProgrammeId.eq(programme_id))
            .select_only()
            .column(participant::Column::Id)
            .column(participant::Column::FirstName)
            .column(participant::Column::LastName)
            .order_by_asc(participant::Column::LastName)
            .order_by_asc(participant::Column::FirstName)
            .order_by_asc(participant::Column::Id)
            .into_tuple()
            .all(&self.db)
            .await?;
        let latest = latest_stages(&self.db, programme_id).await?;
        let stage_of: HashMap<i32, usize> = latest
            .into_iter()
            .filter_map(|(p, s)| Some((p, map.index_of(s?)?)))
            .collect();
        let mut by_stage: BTreeMap<usize, Vec<(i32, String, String)>> = BTreeMap::new();
        for (id, first, last) in people {
            let at = stage_of.get(&id).copied().unwrap_or(0);
            by_stage.entry(at).or_default().push((id, first, last));
        }
        let shown: Vec<i32> = by_stage
            .values()
            .flat_map(|v| v.iter().take(BOARD_CAP).map(|(id, _, _)| *id))
            .collect();
        let mut models = vec![];
        for chunk in shown.chunks(CHUNK) {
            models.extend(
                participant::Entity::find()
                    .filter(participant::Column::Id.is_in(chunk.to_vec()))
                    .all(&self.db)
                    .await?,
            );
        }
        let facts = facts_for(&self.db, &models).await?;
        let columns = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, stage)| {
                let here = by_stage.remove(&i).unwrap_or_default();
                BoardColumn {
                    stage: stage.clone(),
                    total: here.len(),
                    cards: here
                        .into_iter()
                        .take(BOARD_CAP)
                        .map(|(id, first_name, last_name)| BoardCard {
                            participant_id: id,
                            first_name,
                            last_name,
                            blockers: match facts.get(&id) {
                                Some(f) if i + 1 < map.stages.len() => blockers(&map, i, i + 1, f),
                                _ => vec![],
                            },
                        })
                        .collect(),
                }
            })
            .collect();
        Ok(Board {
            programme_id,
            map,
            columns,
        })
    }
}

/// Each participant of the programme with their latest stage event's stage, in one query (a
/// participant without one is not listed).
pub(crate) async fn latest_stages(
    db: &impl ConnectionTrait,
    programme_id: i32,
) -> Result<Vec<(i32, Option<i32>)>> {
    Ok(participant_event::Entity::find()
        .filter(participant_event::Column::Kind.eq(EVENT_STAGE))
        .filter(participant_event::Column::StageId.is_not_null())
        .filter(
            participant_event::Column::ParticipantId.in_subquery(
                Query::select()
                    .column(participant::Column::Id)
                    .from(participant::Entity)
                    .and_where(participant::Column::ProgrammeId.eq(programme_id))
                    .to_owned(),
            ),
        )
        .filter(Expr::cust(
            "participant_events.id = (SELECT MAX(e2.id) FROM participant_events e2 \
             WHERE e2.participant_id = participant_events.participant_id \
             AND e2.kind = 'stage' AND e2.stage_id IS NOT NULL)",
        ))
        .select_only()
        .column(participant_event::Column::ParticipantId)
        .column(participant_event::Column::StageId)
        .into_tuple()
        .all(db)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::moved;

    #[test]
    fn moving_swaps_with_the_neighbour_and_stops_at_the_ends() {
        assert_eq!(moved(&[1, 2, 3], 2, true), Some(vec![2, 1, 3]));
        assert_eq!(moved(&[1, 2, 3], 2, false), Some(vec![1, 3, 2]));
        assert_eq!(moved(&[1, 2, 3], 1, true), None);
        assert_eq!(moved(&[1, 2, 3], 3, false), None);
        assert_eq!(moved(&[1, 2, 3], 9, false), None);
    }
}
