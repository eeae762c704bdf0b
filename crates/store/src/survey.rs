//! The follow-up surveys: a personal link per participant and follow-up point, made by the
//! worker when the point falls due (or sent again by a coordinator), answered once without a
//! login before it expires. Only the link's hash is kept. Her answer records the outcome at the
//! point with the source "survey" and moves her along the process map's follow-up stages.

use brygga_domain::outcome::{FollowUpPoint, OutcomeInput, OutcomeSource, OutcomeStatus};
use brygga_domain::policy::Action;
use brygga_domain::survey::{
    ExitRatings, SURVEY_VALID_DAYS, SurveyAnswer, SurveyState, survey_due, survey_needed,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

use crate::audit::AuditAction;
use crate::entities::{outcome, participant, participant_exit, survey, user};
use crate::jobs::{OutgoingEmail, enqueue_email};
use crate::users::token_hash;
use crate::{Actor, Result, Store, StoreError};

/// What a survey e-mail says: to whom, in which language, the link's secret part and its end.
#[derive(Debug, Clone)]
pub struct SurveyLetter {
    pub to: String,
    pub first_name: String,
    pub lang: String,
    pub point: FollowUpPoint,
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

/// Writes a survey e-mail (the app crate knows the words and the site's address).
pub type ComposeSurvey<'a> = &'a (dyn Fn(&SurveyLetter) -> Option<OutgoingEmail> + Sync);

/// A survey link as the coordinator sees it, with the answer once given.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SurveyView {
    pub id: i32,
    #[schema(value_type = String)]
    pub point: FollowUpPoint,
    pub lang: String,
    /// The address it was mailed to ("" when handed over by the coordinator: she has no
    /// address or did not consent to e-mail).
    pub sent_to: String,
    pub created_by_name: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub state: SurveyState,
    pub answered_at: Option<DateTime<Utc>>,
    #[schema(value_type = Option<String>)]
    pub status: Option<OutcomeStatus>,
    pub ratings: Option<ExitRatings>,
    pub comment: String,
}

/// A link just made: the secret part is handed out once (for the screen when it was not mailed).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SurveySent {
    pub id: i32,
    pub sent_to: String,
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

/// Where a link stands, for the public page it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SurveyLink {
    Open {
        point: FollowUpPoint,
        lang: String,
        first_name: String,
        expires_at: DateTime<Utc>,
    },
    /// Answered, expired or replaced; the page still speaks her language.
    Closed { state: SurveyState, lang: String },
    /// Never made.
    Unknown,
}

fn state_of(m: &survey::Model, now: DateTime<Utc>) -> SurveyState {
    if m.answered_at.is_some() {
        SurveyState::Answered
    } else if m.replaced_at.is_some() {
        SurveyState::Replaced
    } else if m.expires_at <= now {
        SurveyState::Expired
    } else {
        SurveyState::Open
    }
}

fn rating(v: Option<i16>) -> Option<u8> {
    v.and_then(|n| u8::try_from(n).ok())
}

pub(crate) fn view(m: survey::Model, now: DateTime<Utc>) -> SurveyView {
    let ratings = match (rating(m.benefit), rating(m.swedish), rating(m.closer)) {
        (Some(benefit), Some(swedish), Some(closer)) => Some(ExitRatings {
            benefit,
            swedish,
            closer,
        }),
        _ => None,
    };
    SurveyView {
        id: m.id,
        point: FollowUpPoint::parse(&m.point).unwrap_or(FollowUpPoint::Exit),
        state: state_of(&m, now),
        lang: m.lang,
        sent_to: m.sent_to,
        created_by_name: m.created_by_name,
        created_at: m.created_at,
        expires_at: m.expires_at,
        answered_at: m.answered_at,
        status: OutcomeStatus::parse(&m.status).ok(),
        ratings,
        comment: m.comment,
    }
}

/// 32 random bytes as hexadecimal: the link's secret part.
fn new_token() -> String {
    hex::encode(rand::random::<[u8; 32]>())
}

/// Where her survey may be mailed: her address, when she has one and consented to e-mail.
fn mail_to(p: &participant::Model) -> Option<String> {
    let email = p.email.trim();
    (!email.is_empty() && crate::participant::consents_contact_by_email(&p.consents))
        .then(|| email.to_string())
}

/// The language her mail and page are in: her login's, else Swedish.
async fn language_of(db: &impl ConnectionTrait, p: &participant::Model) -> Result<String> {
    Ok(match p.user_id {
        Some(uid) => user::Entity::find_by_id(uid)
            .one(db)
            .await?
            .map(|u| u.lang)
            .unwrap_or_else(|| "sv".into()),
        None => "sv".into(),
    })
}

/// Insert link number `seq` for the point, mail it when she has an address, and return it.
async fn insert_link(
    tx: &sea_orm::DatabaseTransaction,
    p: &participant::Model,
    point: FollowUpPoint,
    seq: i32,
    lang: &str,
    by_name: &str,
    letter: ComposeSurvey<'_>,
) -> Result<SurveySent> {
    let token = new_token();
    let now = crate::now();
    let expires_at = now + Duration::days(SURVEY_VALID_DAYS);
    let to = mail_to(p).unwrap_or_default();
    let m = survey::ActiveModel {
        participant_id: Set(p.id),
        point: Set(point.as_str().to_string()),
        seq: Set(seq),
        lang: Set(lang.to_string()),
        token_hash: Set(token_hash(&token)),
        sent_to: Set(to.clone()),
        created_by_name: Set(by_name.to_string()),
        created_at: Set(now),
        expires_at: Set(expires_at),
        status: Set(String::new()),
        comment: Set(String::new()),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    if !to.is_empty()
        && let Some(mail) = letter(&SurveyLetter {
            to: to.clone(),
            first_name: p.first_name.clone(),
            lang: lang.to_string(),
            point,
            token: token.clone(),
            expires_at,
        })
    {
        enqueue_email(tx, &mail).await?;
    }
    Ok(SurveySent {
        id: m.id,
        sent_to: to,
        token,
        expires_at,
    })
}

/// Record an outcome at a point in `tx`: the same point and source again replaces the first.
pub(crate) async fn put_outcome(
    tx: &sea_orm::DatabaseTransaction,
    participant_id: i32,
    i: &OutcomeInput,
    by: Option<i32>,
    by_name: &str,
) -> Result<i32> {
    outcome::Entity::delete_many()
        .filter(outcome::Column::ParticipantId.eq(participant_id))
        .filter(outcome::Column::Point.eq(i.point.as_str()))
        .filter(outcome::Column::Source.eq(i.source.as_str()))
        .exec(tx)
        .await?;
    let m = outcome::ActiveModel {
        participant_id: Set(participant_id),
        point: Set(i.point.as_str().to_string()),
        status: Set(i.status.as_str().to_string()),
        source: Set(i.source.as_str().to_string()),
        recorded_on: Set(i.recorded_on),
        hire: Set(i.hire.map(|h| h.as_str().to_string()).unwrap_or_default()),
        note: Set(i.note.clone()),
        recorded_by: Set(by),
        recorded_by_name: Set(by_name.to_string()),
        recorded_at: Set(crate::now()),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    Ok(m.id)
}

impl Store {
    /// Make and mail the surveys due on `today` (Stockholm): for each participant who has left,
    /// each point that has fallen due within a link's life, once, when she has an e-mail address
    /// and consented to e-mail, and (after leaving) the outcome there is not known yet. Returns
    /// how many were made.
    pub async fn surveys_queue(
        &self,
        today: NaiveDate,
        letter: ComposeSurvey<'_>,
    ) -> Result<usize> {
        let since = today - Duration::days(31 * 6 + SURVEY_VALID_DAYS + 1);
        let exits = participant_exit::Entity::find()
            .filter(participant_exit::Column::LeftOn.gte(since))
            .all(&self.db)
            .await?;
        let system = Actor::system();
        let mut made = 0;
        for x in exits {
            for point in FollowUpPoint::ALL.iter().copied() {
                if !survey_due(point, x.left_on, today) {
                    continue;
                }
                let tx = crate::begin_write(&self.db).await?;
                let sent = survey::Entity::find()
                    .filter(survey::Column::ParticipantId.eq(x.participant_id))
                    .filter(survey::Column::Point.eq(point.as_str()))
                    .count(&tx)
                    .await?
                    > 0;
                let recorded = outcome::Entity::find()
                    .filter(outcome::Column::ParticipantId.eq(x.participant_id))
                    .filter(outcome::Column::Point.eq(point.as_str()))
                    .count(&tx)
                    .await?
                    > 0;
                let p = participant::Entity::find_by_id(x.participant_id)
                    .one(&tx)
                    .await?;
                // Only those who can be mailed; the others are on the coordinator's follow-up
                // list, to be called or handed a link.
                let Some(p) = p.filter(|p| mail_to(p).is_some()) else {
                    continue;
                };
                if sent || !survey_needed(point, recorded) {
                    continue;
                }
                let lang = language_of(&tx, &p).await?;
                let s = insert_link(&tx, &p, point, 1, &lang, "", letter).await?;
                self.commit_audited(
                    tx,
                    &system,
                    AuditAction::Create,
                    "survey",
                    Some(s.id),
                    &["participant_id", "point", "token_hash"],
                )
                .await?;
                made += 1;
            }
        }
        Ok(made)
    }

    /// Send the survey of a point again (a lost mail, a wrong address, a link to hand over on
    /// the phone), in the language chosen: a new link replaces any open one. For those who may
    /// update her, once she has left.
    pub async fn survey_send(
        &self,
        actor: &Actor,
        participant_id: i32,
        point: FollowUpPoint,
        lang: &str,
        letter: ComposeSurvey<'_>,
    ) -> Result<SurveySent> {
        let (p, _) = self
            .participant_checked(actor, participant_id, Action::Update)
            .await?;
        if participant_exit::Entity::find_by_id(participant_id)
            .one(&self.db)
            .await?
            .is_none()
        {
            return Err(StoreError::Invalid(brygga_domain::FieldErrors(vec![
                brygga_domain::FieldError::new("point", "outcome-error-not-left"),
            ])));
        }
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        survey::Entity::update_many()
            .col_expr(survey::Column::ReplacedAt, Expr::value(Some(now)))
            .filter(survey::Column::ParticipantId.eq(participant_id))
            .filter(survey::Column::Point.eq(point.as_str()))
            .filter(survey::Column::AnsweredAt.is_null())
            .filter(survey::Column::ReplacedAt.is_null())
            .exec(&tx)
            .await?;
        let seq = survey::Entity::find()
            .filter(survey::Column::ParticipantId.eq(participant_id))
            .filter(survey::Column::Point.eq(point.as_str()))
            .order_by_desc(survey::Column::Seq)
            .one(&tx)
            .await?
            .map_or(1, |s| s.seq + 1);
        let sent = insert_link(&tx, &p, point, seq, lang, &actor.name, letter).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "survey",
            Some(sent.id),
            &["participant_id", "point", "lang", "token_hash"],
        )
        .await?;
        Ok(sent)
    }

    async fn survey_row(&self, token: &str) -> Result<Option<survey::Model>> {
        // No token holds a control character; such a one is simply unknown (PostgreSQL would
        // refuse a NUL in the query).
        if token.is_empty() || token.len() > 200 || token.chars().any(|c| c.is_control()) {
            return Ok(None);
        }
        Ok(survey::Entity::find()
            .filter(survey::Column::TokenHash.eq(token_hash(token)))
            .one(&self.db)
            .await?)
    }

    /// Where a link stands (for the public page it opens; no login needed).
    pub async fn survey_link(&self, token: &str) -> Result<SurveyLink> {
        let Some(m) = self.survey_row(token).await? else {
            return Ok(SurveyLink::Unknown);
        };
        Ok(match state_of(&m, crate::now()) {
            SurveyState::Open => {
                let first_name = participant::Entity::find_by_id(m.participant_id)
                    .one(&self.db)
                    .await?
                    .map(|p| p.first_name)
                    .unwrap_or_default();
                SurveyLink::Open {
                    point: FollowUpPoint::parse(&m.point).unwrap_or(FollowUpPoint::Exit),
                    lang: m.lang,
                    first_name,
                    expires_at: m.expires_at,
                }
            }
            state => SurveyLink::Closed {
                state,
                lang: m.lang,
            },
        })
    }

    /// Her answer: kept on the link, which is spent by one conditional update (of two submits
    /// at once only one counts), and recorded as the outcome at the point from the source
    /// "survey" on `today`. Returns where the link stands when it no longer takes an answer.
    pub async fn survey_answer(
        &self,
        token: &str,
        a: &SurveyAnswer,
        today: NaiveDate,
    ) -> Result<std::result::Result<(), SurveyLink>> {
        let Some(m) = self.survey_row(token).await? else {
            return Ok(Err(SurveyLink::Unknown));
        };
        let now = crate::now();
        let tx = crate::begin_write(&self.db).await?;
        let r = a.ratings;
        let spent = survey::Entity::update_many()
            .col_expr(survey::Column::AnsweredAt, Expr::value(Some(now)))
            .col_expr(survey::Column::Status, Expr::value(a.status.as_str()))
            .col_expr(
                survey::Column::Benefit,
                Expr::value(r.map(|r| i16::from(r.benefit))),
            )
            .col_expr(
                survey::Column::Swedish,
                Expr::value(r.map(|r| i16::from(r.swedish))),
            )
            .col_expr(
                survey::Column::Closer,
                Expr::value(r.map(|r| i16::from(r.closer))),
            )
            .col_expr(survey::Column::Comment, Expr::value(a.comment.clone()))
            .filter(survey::Column::Id.eq(m.id))
            .filter(survey::Column::AnsweredAt.is_null())
            .filter(survey::Column::ReplacedAt.is_null())
            .filter(survey::Column::ExpiresAt.gt(now))
            .exec(&tx)
            .await?;
        if spent.rows_affected == 0 {
            drop(tx);
            return Ok(Err(self.survey_link(token).await?));
        }
        let point = FollowUpPoint::parse(&m.point).unwrap_or(FollowUpPoint::Exit);
        let input = OutcomeInput {
            point,
            status: a.status,
            source: OutcomeSource::Survey,
            recorded_on: today,
            hire: None,
            note: a.comment.clone(),
        };
        put_outcome(&tx, m.participant_id, &input, None, "").await?;
        let by_link = Actor {
            name: "survey link".into(),
            ..Actor::system()
        };
        crate::audit::record(
            &tx,
            &self.secret,
            &by_link,
            AuditAction::Update,
            "survey",
            Some(m.id),
            &[
                "answered_at",
                "status",
                "benefit",
                "swedish",
                "closer",
                "comment",
            ],
        )
        .await?;
        self.advance_in_tx(&tx, &by_link, m.participant_id).await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// The participant's survey links, newest first (read with her outcomes).
    pub(crate) async fn surveys_of(&self, participant_id: i32) -> Result<Vec<SurveyView>> {
        let now = crate::now();
        Ok(survey::Entity::find()
            .filter(survey::Column::ParticipantId.eq(participant_id))
            .order_by_desc(survey::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| view(m, now))
            .collect())
    }
}
