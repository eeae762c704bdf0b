//! The evaluator's pseudonymised export of a programme, read in two steps so that it streams:
//! the plan (who is in it, the export's own pseudonym key, the cells to suppress) and then the
//! rows of a chunk of people at a time. Only participants who consented to count in statistics
//! are in it.

use std::collections::HashMap;

use brygga_domain::evaluation::{AgeGroup, Cells, month_of};
use brygga_domain::model::ConsentPurpose;
use brygga_domain::policy::{Action, Resource};
use brygga_domain::registry::Consent;
use brygga_domain::values::Gender;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;

use crate::entities::{certificate, internship, outcome, participant, participant_exit, survey};
use crate::secret::Secret;
use crate::{Actor, Result, Store, from_json};

/// Who an export is about and how it hides them; made once per export.
pub struct ExportPlan {
    /// The people in it, in a fixed order (their ids never leave the store's callers).
    pub ids: Vec<i32>,
    key: Secret,
    cells: Cells,
    /// The year ages are counted in.
    year: i32,
}

impl ExportPlan {
    /// How many people the export holds.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    fn pseudonym(&self, id: i32) -> String {
        self.key.mac_hex("pseudonym", &id.to_be_bytes())[..12].to_string()
    }
}

/// One row of the export: a person at a follow-up point (or, before she has left, once).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvaluationRow {
    pub pseudonym: String,
    pub gender: String,
    pub age_group: String,
    pub swedish_level: String,
    pub education_level: String,
    pub internship_started: bool,
    pub internship_completed: bool,
    pub certificates: u32,
    pub left_in: String,
    pub exit_reason: String,
    pub point: String,
    pub status: String,
    pub source: String,
    pub recorded_in: String,
    pub benefit: String,
    pub swedish: String,
    pub closer: String,
}

/// The export's columns, in order.
pub const EVALUATION_COLUMNS: [&str; 17] = [
    "pseudonym",
    "gender",
    "age_group",
    "swedish_level",
    "education_level",
    "internship_started",
    "internship_completed",
    "certificates",
    "left_in",
    "exit_reason",
    "point",
    "status",
    "source",
    "recorded_in",
    "benefit",
    "swedish",
    "closer",
];

impl EvaluationRow {
    /// The row's fields in `EVALUATION_COLUMNS` order.
    pub fn fields(&self) -> [String; 17] {
        [
            self.pseudonym.clone(),
            self.gender.clone(),
            self.age_group.clone(),
            self.swedish_level.clone(),
            self.education_level.clone(),
            self.internship_started.to_string(),
            self.internship_completed.to_string(),
            self.certificates.to_string(),
            self.left_in.clone(),
            self.exit_reason.clone(),
            self.point.clone(),
            self.status.clone(),
            self.source.clone(),
            self.recorded_in.clone(),
            self.benefit.clone(),
            self.swedish.clone(),
            self.closer.clone(),
        ]
    }
}

/// The programme's participants who consented to count in statistics, in id order: (id,
/// gender, birth year).
pub(crate) async fn counted_people(
    db: &impl sea_orm::ConnectionTrait,
    programme_id: i32,
) -> Result<Vec<(i32, Gender, i32)>> {
    let people: Vec<(i32, String, i32, String)> = participant::Entity::find()
        .filter(participant::Column::ProgrammeId.eq(programme_id))
        .order_by_asc(participant::Column::Id)
        .select_only()
        .column(participant::Column::Id)
        .column(participant::Column::Gender)
        .column(participant::Column::BirthYear)
        .column(participant::Column::Consents)
        .into_tuple()
        .all(db)
        .await?;
    Ok(people
        .into_iter()
        .filter(|p| counts_in_statistics(&p.3))
        .map(|(id, g, y, _)| (id, Gender::parse(&g).unwrap_or(Gender::Unspecified), y))
        .collect())
}

/// Whether stored consents (JSON) include an active consent to count in statistics.
pub(crate) fn counts_in_statistics(consents: &str) -> bool {
    from_json::<Vec<Consent>>(consents)
        .iter()
        .any(|c| c.purpose == ConsentPurpose::Statistics && c.withdrawn_at.is_none())
}

impl Store {
    /// Plan the export of programme `programme_id` in `year`: those who consented to count in
    /// statistics, a fresh pseudonym key, and the cells to suppress.
    pub async fn evaluation_plan(
        &self,
        actor: &Actor,
        programme_id: i32,
        year: i32,
    ) -> Result<ExportPlan> {
        self.programme_checked(
            actor,
            programme_id,
            Action::Read,
            Resource::EvaluationExport,
        )
        .await?;
        let mut cells = Cells::default();
        let mut ids = vec![];
        for (id, gender, birth_year) in counted_people(&self.db, programme_id).await? {
            cells.count(gender, AgeGroup::of(birth_year, year));
            ids.push(id);
        }
        // Who took an export of which programme, when (not what: it is made anew each time).
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(
            tx,
            actor,
            crate::audit::AuditAction::Read,
            "evaluation_export",
            Some(programme_id),
            &crate::evaluation::EVALUATION_COLUMNS,
        )
        .await?;
        Ok(ExportPlan {
            ids,
            key: Secret::random(),
            cells,
            year,
        })
    }

    /// The rows of the people `ids` (a chunk of the plan's), in the plan's order.
    pub async fn evaluation_rows(
        &self,
        plan: &ExportPlan,
        ids: &[i32],
    ) -> Result<Vec<EvaluationRow>> {
        let people = participant::Entity::find()
            .filter(participant::Column::Id.is_in(ids.to_vec()))
            .order_by_asc(participant::Column::Id)
            .all(&self.db)
            .await?;
        let mut started: HashMap<i32, (bool, bool)> = HashMap::new();
        let today = crate::now().date_naive();
        for i in internship::Entity::find()
            .filter(internship::Column::ParticipantId.is_in(ids.to_vec()))
            .all(&self.db)
            .await?
        {
            let e = started.entry(i.participant_id).or_default();
            e.0 |= i.start_date <= today;
            e.1 |= i.ended_on.is_some();
        }
        let mut certificates: HashMap<i32, u32> = HashMap::new();
        for c in certificate::Entity::find()
            .filter(certificate::Column::ParticipantId.is_in(ids.to_vec()))
            .filter(certificate::Column::RevokedAt.is_null())
            .all(&self.db)
            .await?
        {
            *certificates.entry(c.participant_id).or_default() += 1;
        }
        let exits: HashMap<i32, participant_exit::Model> = participant_exit::Entity::find()
            .filter(participant_exit::Column::ParticipantId.is_in(ids.to_vec()))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|x| (x.participant_id, x))
            .collect();
        let mut outcomes: HashMap<i32, Vec<outcome::Model>> = HashMap::new();
        for o in outcome::Entity::find()
            .filter(outcome::Column::ParticipantId.is_in(ids.to_vec()))
            .order_by_asc(outcome::Column::Id)
            .all(&self.db)
            .await?
        {
            outcomes.entry(o.participant_id).or_default().push(o);
        }
        // Her own ratings at leaving, from the exit questionnaire she answered.
        let mut ratings: HashMap<i32, [String; 3]> = HashMap::new();
        for s in survey::Entity::find()
            .filter(survey::Column::ParticipantId.is_in(ids.to_vec()))
            .filter(survey::Column::AnsweredAt.is_not_null())
            .filter(survey::Column::Point.eq("exit"))
            .all(&self.db)
            .await?
        {
            let n = |v: Option<i16>| v.map(|n| n.to_string()).unwrap_or_default();
            ratings.insert(s.participant_id, [n(s.benefit), n(s.swedish), n(s.closer)]);
        }
        let mut out = vec![];
        for p in people {
            let gender = p.gender.get();
            let (g, a) = plan
                .cells
                .shown(gender, AgeGroup::of(p.birth_year, plan.year));
            let (internship_started, internship_completed) =
                started.get(&p.id).copied().unwrap_or_default();
            let exit = exits.get(&p.id);
            let base = EvaluationRow {
                pseudonym: plan.pseudonym(p.id),
                gender: g.into(),
                age_group: a.into(),
                swedish_level: p
                    .swedish_level
                    .map(|l| l.get().as_str().to_string())
                    .unwrap_or_default(),
                education_level: p.education_level.get().as_str().to_string(),
                internship_started,
                internship_completed,
                certificates: certificates.get(&p.id).copied().unwrap_or(0),
                left_in: exit.map(|x| month_of(x.left_on)).unwrap_or_default(),
                exit_reason: exit.map(|x| x.reason.clone()).unwrap_or_default(),
                point: String::new(),
                status: String::new(),
                source: String::new(),
                recorded_in: String::new(),
                benefit: String::new(),
                swedish: String::new(),
                closer: String::new(),
            };
            let recorded = outcomes.remove(&p.id).unwrap_or_default();
            if recorded.is_empty() {
                out.push(base);
                continue;
            }
            for o in recorded {
                let own = (o.point == "exit" && o.source == "survey")
                    .then(|| ratings.get(&p.id).cloned())
                    .flatten()
                    .unwrap_or_default();
                let [benefit, swedish, closer] = own;
                out.push(EvaluationRow {
                    point: o.point,
                    status: o.status,
                    source: o.source,
                    recorded_in: month_of(o.recorded_on),
                    benefit,
                    swedish,
                    closer,
                    ..base.clone()
                });
            }
        }
        Ok(out)
    }
}
