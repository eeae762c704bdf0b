//! Outcomes after leaving: recorded at the follow-up points by those who may update the
//! participant (the coordinating function), one per point and source, and read with the points'
//! due dates counted from the day she left.

use brygga_domain::outcome::{
    FollowUpPoint, HireDecision, OutcomeInput, OutcomeSource, OutcomeStatus,
};
use brygga_domain::policy::Action;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::audit::AuditAction;
use crate::entities::{outcome, participant_exit};
use crate::survey::{SurveyView, put_outcome};
use crate::{Actor, Result, Store, StoreError};

/// A recorded outcome.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OutcomeView {
    pub id: i32,
    #[schema(value_type = String)]
    pub point: FollowUpPoint,
    #[schema(value_type = String)]
    pub status: OutcomeStatus,
    #[schema(value_type = String)]
    pub source: OutcomeSource,
    pub recorded_on: NaiveDate,
    #[schema(value_type = Option<String>)]
    pub hire: Option<HireDecision>,
    pub note: String,
    pub recorded_by_name: String,
    pub recorded_at: DateTime<Utc>,
}

/// A follow-up point: when it falls due and what was recorded at it (newest first).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PointView {
    #[schema(value_type = String)]
    pub point: FollowUpPoint,
    pub due: NaiveDate,
    pub records: Vec<OutcomeView>,
    /// The survey links sent for the point, newest first.
    pub surveys: Vec<SurveyView>,
}

/// A participant's outcomes: empty points until she has left.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Outcomes {
    pub left_on: Option<NaiveDate>,
    pub points: Vec<PointView>,
}

fn view(m: outcome::Model) -> OutcomeView {
    OutcomeView {
        id: m.id,
        point: FollowUpPoint::parse(&m.point).unwrap_or(FollowUpPoint::Exit),
        status: OutcomeStatus::parse(&m.status).unwrap_or(OutcomeStatus::Other),
        source: OutcomeSource::parse(&m.source).unwrap_or(OutcomeSource::Coordinator),
        recorded_on: m.recorded_on,
        hire: HireDecision::parse(&m.hire).ok(),
        note: m.note,
        recorded_by_name: m.recorded_by_name,
        recorded_at: m.recorded_at,
    }
}

impl Store {
    /// The day the participant left, for those who may update her (`None` while she has not).
    pub async fn outcome_left_on(
        &self,
        actor: &Actor,
        participant_id: i32,
    ) -> Result<Option<NaiveDate>> {
        self.participant_checked(actor, participant_id, Action::Update)
            .await?;
        Ok(participant_exit::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .map(|x| x.left_on))
    }

    /// The participant's follow-up points with what was recorded at each.
    pub async fn outcomes(&self, actor: &Actor, participant_id: i32) -> Result<Outcomes> {
        let left_on = self.outcome_left_on(actor, participant_id).await?;
        let rows = outcome::Entity::find()
            .filter(outcome::Column::ParticipantId.eq(participant_id))
            .order_by_desc(outcome::Column::RecordedOn)
            .order_by_desc(outcome::Column::Id)
            .all(&self.db)
            .await?;
        let mut records: Vec<OutcomeView> = rows.into_iter().map(view).collect();
        let mut surveys = self.surveys_of(participant_id).await?;
        let points = match left_on {
            None => vec![],
            Some(left) => FollowUpPoint::ALL
                .iter()
                .map(|p| PointView {
                    point: *p,
                    due: p.due(left),
                    records: records.extract_if(.., |r| r.point == *p).collect(),
                    surveys: surveys.extract_if(.., |s| s.point == *p).collect(),
                })
                .collect(),
        };
        Ok(Outcomes { left_on, points })
    }

    /// Record an outcome at a point; the same point and source recorded again replaces the
    /// first (a correction, or the same form sent twice). Only once she has left.
    pub async fn outcome_set(
        &self,
        actor: &Actor,
        participant_id: i32,
        i: &OutcomeInput,
    ) -> Result<i32> {
        if self.outcome_left_on(actor, participant_id).await?.is_none() {
            return Err(StoreError::Invalid(brygga_domain::FieldErrors(vec![
                brygga_domain::FieldError::new("point", "outcome-error-not-left"),
            ])));
        }
        let tx = crate::begin_write(&self.db).await?;
        let id = put_outcome(&tx, participant_id, i, actor.user_id, &actor.name).await?;
        crate::audit::record(
            &tx,
            &self.secret,
            actor,
            AuditAction::Create,
            "outcome",
            Some(participant_id),
            &["point", "status", "source", "recorded_on", "hire", "note"],
        )
        .await?;
        // The follow-up stages of the process map move from these records.
        self.advance_in_tx(&tx, actor, participant_id).await?;
        tx.commit().await?;
        Ok(id)
    }
}

/// The statuses recorded for `ids` at every point, oldest first (by the day learned, then as
/// entered), so that the last one per person and point is the one that holds.
pub(crate) async fn statuses_of(
    db: &impl sea_orm::ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<(i32, FollowUpPoint, OutcomeStatus)>> {
    use sea_orm::QuerySelect;
    let rows: Vec<(i32, String, String)> = outcome::Entity::find()
        .filter(outcome::Column::ParticipantId.is_in(ids.to_vec()))
        .order_by_asc(outcome::Column::RecordedOn)
        .order_by_asc(outcome::Column::Id)
        .select_only()
        .column(outcome::Column::ParticipantId)
        .column(outcome::Column::Point)
        .column(outcome::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(pid, point, status)| {
            Some((
                pid,
                FollowUpPoint::parse(&point).ok()?,
                OutcomeStatus::parse(&status).ok()?,
            ))
        })
        .collect())
}
