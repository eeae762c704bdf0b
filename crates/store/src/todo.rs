//! What each role must act on: the to-do list on the home page and in the e-mail digest. Every
//! list is read through the same scope as the records it names (a coordinator's participants,
//! an employer contact's placements, an officer's shared cases), so it shows nothing the reader
//! could not open.

use brygga_domain::model::{AgreementKind, AgreementStatus, InterestStatus, InterviewOutcome};
use brygga_domain::model::{ProposalStatus, Role};
use brygga_domain::outcome::FollowUpPoint;
use brygga_domain::policy::{Action, Resource};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;

use crate::entities::{
    agreement, candidate_proposal, case_share, es_decision, interest, interview, outcome,
    participant, participant_event, participant_exit, placement,
};
use crate::{Actor, Result, Store};

/// How many entries of each kind the list shows (the link leads to all).
pub const ENTRIES: u64 = 5;
/// How far ahead meetings and actions due are listed, and how far back absences.
pub const WEEK_DAYS: i64 = 7;
/// How far back "recent" reaches: decisions received, declines, cases shared.
pub const RECENT_DAYS: i64 = 14;
/// A participant with no recorded step for this long, before an internship, is stalled.
pub const STALLED_DAYS: i64 = 30;
/// How long a follow-up with nothing recorded stays on the list after it fell due.
pub const FOLLOW_UP_OVERDUE_DAYS: i64 = 60;

/// One kind of thing to act on.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Todo {
    /// The message key of the heading, which takes `count` as `$count`.
    pub key: String,
    pub count: u64,
    /// Where to act on the whole list, if there is one page for it.
    pub link: Option<String>,
    /// The first few, newest or soonest first.
    pub entries: Vec<TodoEntry>,
    /// Whether the e-mail digest tells of it (today's schedule is for the home page only).
    pub mail: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct TodoEntry {
    /// What the entry is about, unique across the list ("proposal-12"): the digest mails an
    /// entry once.
    pub id: String,
    pub label: String,
    pub link: String,
    pub at: Option<DateTime<Utc>>,
}

impl Todo {
    fn new(key: &str, count: u64, link: Option<String>, entries: Vec<TodoEntry>) -> Todo {
        Todo {
            key: key.into(),
            count,
            link,
            entries,
            mail: true,
        }
    }
}

fn entry(id: String, label: String, link: String, at: Option<DateTime<Utc>>) -> TodoEntry {
    TodoEntry {
        id,
        label,
        link,
        at,
    }
}

fn full_name(p: &participant::Model) -> String {
    format!("{} {}", p.first_name, p.last_name)
}

impl Store {
    /// The actor's to-do list at `now`: only the kinds with something in them, in the order the
    /// role works through them.
    pub async fn todo(&self, actor: &Actor, now: DateTime<Utc>) -> Result<Vec<Todo>> {
        let mut out = vec![];
        match actor.role {
            Role::Admin | Role::Coordinator | Role::ProgrammeManager => {
                self.todo_staff(actor, now, &mut out).await?;
            }
            Role::EmployerContact => self.todo_employer(actor, now, &mut out).await?,
            Role::EsOfficer => self.todo_officer(actor, now, &mut out).await?,
            Role::Participant => self.todo_participant(actor, now, &mut out).await?,
            Role::Supervisor | Role::EducationProvider | Role::Evaluator => {}
        }
        self.todo_internship(actor, now, &mut out).await?;
        out.retain(|t| t.count > 0);
        Ok(out)
    }

    /// How many rows `q` finds, and the first `ENTRIES` of them in `q`'s order.
    async fn count_and_first<E>(&self, q: sea_orm::Select<E>) -> Result<(u64, Vec<E::Model>)>
    where
        E: EntityTrait,
        E::Model: Sync,
    {
        let count = q.clone().count(&self.db).await?;
        Ok((count, q.limit(ENTRIES).all(&self.db).await?))
    }

    /// The ids of the participants the actor may list, as a subquery.
    fn scoped_participants(actor: &Actor) -> Result<SelectStatement> {
        let scope = Self::participant_scope(actor)?;
        Ok(Query::select()
            .column(participant::Column::Id)
            .from(participant::Entity)
            .cond_where(scope)
            .to_owned())
    }

    async fn names(&self, ids: Vec<i32>) -> Result<std::collections::HashMap<i32, String>> {
        Ok(participant::Entity::find()
            .filter(participant::Column::Id.is_in(ids))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|p| (p.id, full_name(&p)))
            .collect())
    }

    /// Proposals matching `cond` as entries "participant – placement", linked to the pool.
    async fn proposal_todo(&self, key: &str, cond: Condition) -> Result<Todo> {
        let q = candidate_proposal::Entity::find().filter(cond);
        let (count, rows) = self
            .count_and_first(q.order_by_desc(candidate_proposal::Column::Id))
            .await?;
        let names = self
            .names(rows.iter().map(|r| r.participant_id).collect())
            .await?;
        let titles = self
            .placement_titles(rows.iter().map(|r| r.placement_id).collect())
            .await?;
        let entries = rows
            .iter()
            .map(|r| {
                entry(
                    format!("proposal-{}-{}", r.id, r.status.get()),
                    format!(
                        "{} – {}",
                        names.get(&r.participant_id).cloned().unwrap_or_default(),
                        titles.get(&r.placement_id).cloned().unwrap_or_default()
                    ),
                    format!("/placements/{}/pool", r.placement_id),
                    r.updated_at.or(Some(r.created_at)),
                )
            })
            .collect();
        Ok(Todo::new(key, count, None, entries))
    }

    async fn todo_staff(
        &self,
        actor: &Actor,
        now: DateTime<Utc>,
        out: &mut Vec<Todo>,
    ) -> Result<()> {
        let since = now - Duration::days(RECENT_DAYS);
        if actor.may(Action::List, Resource::Interest) {
            let q = interest::Entity::find()
                .filter(interest::Column::Status.eq(InterestStatus::New.as_str()));
            let count = q.clone().count(&self.db).await?;
            let entries = q
                .order_by_desc(interest::Column::Id)
                .limit(ENTRIES)
                .all(&self.db)
                .await?
                .into_iter()
                .map(|i| {
                    entry(
                        format!("interest-{}", i.id),
                        i.name,
                        format!("/inbox/{}", i.id),
                        Some(i.created_at),
                    )
                })
                .collect();
            out.push(Todo::new(
                "todo-new-interests",
                count,
                Some("/inbox?status=new".into()),
                entries,
            ));
        }
        let mine = Self::scoped_participants(actor)?;
        out.push(
            self.proposal_todo(
                "todo-interview-requests",
                Condition::all()
                    .add(
                        candidate_proposal::Column::Status
                            .eq(ProposalStatus::InterviewRequested.as_str()),
                    )
                    .add(candidate_proposal::Column::ParticipantId.in_subquery(mine.clone())),
            )
            .await?,
        );
        out.push(
            self.proposal_todo(
                "todo-declined",
                Condition::all()
                    .add(candidate_proposal::Column::Status.eq(ProposalStatus::Rejected.as_str()))
                    .add(candidate_proposal::Column::UpdatedAt.gte(since))
                    .add(candidate_proposal::Column::ParticipantId.in_subquery(mine.clone())),
            )
            .await?,
        );

        // Decisions the employment service recorded (someone else than the reader).
        let mut q = es_decision::Entity::find()
            .filter(es_decision::Column::RecordedAt.gte(since))
            .filter(es_decision::Column::WithdrawnAt.is_null())
            .filter(es_decision::Column::ParticipantId.in_subquery(mine.clone()));
        if let Some(me) = actor.user_id {
            q = q.filter(
                Condition::any()
                    .add(es_decision::Column::RecordedBy.ne(me))
                    .add(es_decision::Column::RecordedBy.is_null()),
            );
        }
        let (count, rows) = self
            .count_and_first(q.order_by_desc(es_decision::Column::Id))
            .await?;
        let names = self
            .names(rows.iter().map(|r| r.participant_id).collect())
            .await?;
        let entries = rows
            .iter()
            .map(|d| {
                entry(
                    format!("decision-{}", d.id),
                    names.get(&d.participant_id).cloned().unwrap_or_default(),
                    format!("/participants/{}/clearance", d.participant_id),
                    Some(d.recorded_at),
                )
            })
            .collect();
        out.push(Todo::new("todo-decisions", count, None, entries));

        // The follow-ups are for the coordinating function (the leaving page is theirs).
        if actor.may(Action::Update, Resource::Participant) {
            self.todo_follow_ups(now, mine.clone(), out).await?;
        }

        // Stalled: registered a while ago, no step recorded lately, no internship yet.
        let cutoff = now - Duration::days(STALLED_DAYS);
        let recent_steps = Query::select()
            .column(participant_event::Column::ParticipantId)
            .from(participant_event::Entity)
            .and_where(participant_event::Column::At.gte(cutoff))
            .to_owned();
        let placed = Query::select()
            .column(crate::entities::internship::Column::ParticipantId)
            .from(crate::entities::internship::Entity)
            .to_owned();
        let q = participant::Entity::find()
            .filter(participant::Column::Id.in_subquery(mine))
            .filter(participant::Column::CreatedAt.lt(cutoff))
            .filter(participant::Column::Id.not_in_subquery(recent_steps))
            .filter(participant::Column::Id.not_in_subquery(placed));
        let count = q.clone().count(&self.db).await?;
        let entries = q
            .order_by_asc(participant::Column::UpdatedAt)
            .limit(ENTRIES)
            .all(&self.db)
            .await?
            .iter()
            .map(|p| {
                entry(
                    format!("stalled-{}", p.id),
                    full_name(p),
                    format!("/participants/{}/journey", p.id),
                    Some(p.updated_at),
                )
            })
            .collect();
        out.push(Todo::new(
            "todo-stalled",
            count,
            Some("/board".into()),
            entries,
        ));
        Ok(())
    }

    /// The follow-ups due: a point fallen due (or due within the week, or overdue by up to
    /// `FOLLOW_UP_OVERDUE_DAYS`) with no outcome recorded there yet, one list per point,
    /// soonest first. The coordinator's reminder to call whoever has not answered the survey.
    async fn todo_follow_ups(
        &self,
        now: DateTime<Utc>,
        mine: SelectStatement,
        out: &mut Vec<Todo>,
    ) -> Result<()> {
        let today = brygga_domain::calendar::date_at(now);
        let horizon = today + Duration::days(WEEK_DAYS);
        let exits = participant_exit::Entity::find()
            .filter(participant_exit::Column::ParticipantId.in_subquery(mine))
            .filter(
                participant_exit::Column::LeftOn
                    .gte(today - Duration::days(31 * 6 + FOLLOW_UP_OVERDUE_DAYS)),
            )
            .filter(participant_exit::Column::LeftOn.lte(horizon))
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = exits.iter().map(|x| x.participant_id).collect();
        let mut recorded = std::collections::HashSet::new();
        for chunk in ids.chunks(crate::process::CHUNK) {
            let rows: Vec<(i32, String)> = outcome::Entity::find()
                .filter(outcome::Column::ParticipantId.is_in(chunk.to_vec()))
                .select_only()
                .column(outcome::Column::ParticipantId)
                .column(outcome::Column::Point)
                .into_tuple()
                .all(&self.db)
                .await?;
            recorded.extend(rows);
        }
        for point in FollowUpPoint::ALL.iter().copied() {
            let mut due: Vec<(NaiveDate, i32)> = exits
                .iter()
                .map(|x| (point.due(x.left_on), x.participant_id))
                .filter(|(d, pid)| {
                    *d <= horizon
                        && *d + Duration::days(FOLLOW_UP_OVERDUE_DAYS) >= today
                        && !recorded.contains(&(*pid, point.as_str().to_string()))
                })
                .collect();
            due.sort();
            let count = due.len() as u64;
            due.truncate(ENTRIES as usize);
            let names = self.names(due.iter().map(|d| d.1).collect()).await?;
            let entries = due
                .iter()
                .map(|(d, pid)| {
                    entry(
                        format!("follow-up-{pid}-{point}"),
                        names.get(pid).cloned().unwrap_or_default(),
                        format!("/participants/{pid}/exit#outcomes"),
                        d.and_hms_opt(9, 0, 0)
                            .and_then(brygga_domain::calendar::stockholm_to_utc),
                    )
                })
                .collect();
            out.push(Todo::new(
                &format!("todo-follow-up-{point}"),
                count,
                None,
                entries,
            ));
        }
        Ok(())
    }

    async fn todo_employer(
        &self,
        actor: &Actor,
        now: DateTime<Utc>,
        out: &mut Vec<Todo>,
    ) -> Result<()> {
        let Some(employer) = actor.employer_id else {
            return Ok(());
        };
        let own = Query::select()
            .column(placement::Column::Id)
            .from(placement::Entity)
            .and_where(placement::Column::EmployerId.eq(employer))
            .to_owned();
        let sharing = Query::select()
            .column(participant::Column::Id)
            .from(participant::Entity)
            .and_where(participant::Column::SharesWithEmployers.eq(true))
            .to_owned();
        out.push(
            self.proposal_todo(
                "todo-proposed-candidates",
                Condition::all()
                    .add(candidate_proposal::Column::Status.eq(ProposalStatus::Proposed.as_str()))
                    .add(candidate_proposal::Column::PlacementId.in_subquery(own.clone()))
                    .add(candidate_proposal::Column::ParticipantId.in_subquery(sharing.clone())),
            )
            .await?,
        );
        let q = interview::Entity::find()
            .filter(interview::Column::PlacementId.in_subquery(own))
            .filter(interview::Column::ParticipantId.in_subquery(sharing))
            .filter(interview::Column::StartsAt.gte(now))
            .filter(interview::Column::Outcome.eq(InterviewOutcome::Pending.as_str()));
        out.push(self.interview_todo("todo-interviews", q).await?);
        let q = agreement::Entity::find()
            .filter(agreement::Column::EmployerId.eq(employer))
            .filter(agreement::Column::Status.eq(AgreementStatus::Sent.as_str()));
        let (count, rows) = self
            .count_and_first(q.order_by_desc(agreement::Column::Id))
            .await?;
        let titles = self
            .placement_titles(rows.iter().filter_map(|a| a.placement_id).collect())
            .await?;
        let entries = rows
            .iter()
            .map(|a| {
                let label = match (a.kind.get(), a.placement_id) {
                    (AgreementKind::Internship, Some(p)) => {
                        titles.get(&p).cloned().unwrap_or_default()
                    }
                    _ => String::new(),
                };
                entry(
                    format!("agreement-{}-{}", a.id, a.version),
                    label,
                    format!("/agreements/{}", a.id),
                    Some(a.updated_at),
                )
            })
            .collect();
        out.push(Todo::new("todo-agreements-to-sign", count, None, entries));
        Ok(())
    }

    /// Interviews matching `q` as entries "placement", soonest first.
    async fn interview_todo(
        &self,
        key: &str,
        q: sea_orm::Select<interview::Entity>,
    ) -> Result<Todo> {
        let (count, rows) = self
            .count_and_first(q.order_by_asc(interview::Column::StartsAt))
            .await?;
        let titles = self
            .placement_titles(rows.iter().map(|r| r.placement_id).collect())
            .await?;
        let entries = rows
            .iter()
            .map(|i| {
                entry(
                    format!("interview-{}-{}", i.id, i.version),
                    titles.get(&i.placement_id).cloned().unwrap_or_default(),
                    format!("/interviews/{}", i.id),
                    Some(i.starts_at),
                )
            })
            .collect();
        Ok(Todo::new(key, count, None, entries))
    }

    async fn todo_officer(
        &self,
        actor: &Actor,
        now: DateTime<Utc>,
        out: &mut Vec<Todo>,
    ) -> Result<()> {
        let Some(me) = actor.user_id else {
            return Ok(());
        };
        let q = case_share::Entity::find()
            .filter(case_share::Column::UserId.eq(me))
            .filter(case_share::Column::CreatedAt.gte(now - Duration::days(RECENT_DAYS)));
        let (count, rows) = self
            .count_and_first(q.order_by_desc(case_share::Column::Id))
            .await?;
        let names = self
            .names(rows.iter().map(|r| r.participant_id).collect())
            .await?;
        let entries = rows
            .iter()
            .map(|c| {
                entry(
                    format!("case-share-{}", c.id),
                    names.get(&c.participant_id).cloned().unwrap_or_default(),
                    format!("/participants/{}/clearance", c.participant_id),
                    Some(c.created_at),
                )
            })
            .collect();
        out.push(Todo::new("todo-cases-shared", count, None, entries));
        Ok(())
    }

    async fn todo_participant(
        &self,
        actor: &Actor,
        now: DateTime<Utc>,
        out: &mut Vec<Todo>,
    ) -> Result<()> {
        let Some(me) = actor.participant_id else {
            return Ok(());
        };
        let q = interview::Entity::find()
            .filter(interview::Column::ParticipantId.eq(me))
            .filter(interview::Column::StartsAt.gte(now))
            .filter(interview::Column::Outcome.eq(InterviewOutcome::Pending.as_str()));
        out.push(self.interview_todo("todo-my-interviews", q).await?);
        Ok(())
    }
}

// ------------------------------------------------------------------ the e-mail digest

/// What the digest needs to know of a user.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub user_id: i32,
    pub email: String,
    pub lang: String,
}

impl Store {
    /// Active users who want e-mail.
    pub async fn digest_recipients(&self) -> Result<Vec<Recipient>> {
        use crate::entities::user;
        Ok(user::Entity::find()
            .filter(user::Column::Active.eq(true))
            .filter(user::Column::NotifyEmail.eq(true))
            .order_by_asc(user::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|u| Recipient {
                user_id: u.id,
                email: u.email,
                lang: u.lang,
            })
            .collect())
    }

    /// The entries (ids) the user's last digest named.
    pub async fn digest_sent(&self, user_id: i32) -> Result<Vec<String>> {
        use crate::entities::notification_digest as nd;
        Ok(nd::Entity::find_by_id(user_id)
            .one(&self.db)
            .await?
            .map(|m| crate::from_json(&m.sent_entries))
            .unwrap_or_default())
    }

    /// Record that the digest now names `entries` and queue `email` (when there is something new
    /// to tell), in one transaction and only if no other instance recorded a digest for the user
    /// since `previous` was read: each change is mailed once however many instances run.
    /// Returns whether this call recorded it.
    pub async fn digest_record(
        &self,
        user_id: i32,
        previous: &[String],
        entries: &[String],
        email: Option<&crate::jobs::OutgoingEmail>,
    ) -> Result<bool> {
        use crate::entities::notification_digest as nd;
        use sea_orm::{ActiveModelTrait, Set};
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        let existing = nd::Entity::find_by_id(user_id).one(&tx).await?;
        let recorded = match existing {
            Some(m) => {
                let current: Vec<String> = crate::from_json(&m.sent_entries);
                if current != previous {
                    false
                } else {
                    let res = nd::Entity::update_many()
                        .col_expr(
                            nd::Column::SentEntries,
                            sea_orm::sea_query::Expr::value(crate::to_json(&entries)),
                        )
                        .col_expr(nd::Column::SentAt, sea_orm::sea_query::Expr::value(now))
                        .filter(nd::Column::UserId.eq(user_id))
                        .filter(nd::Column::SentEntries.eq(m.sent_entries.clone()))
                        .exec(&tx)
                        .await?;
                    res.rows_affected == 1
                }
            }
            None if previous.is_empty() => nd::ActiveModel {
                user_id: Set(user_id),
                sent_entries: Set(crate::to_json(&entries)),
                sent_at: Set(now),
            }
            .insert(&tx)
            .await
            .is_ok(),
            None => false,
        };
        if !recorded {
            return Ok(false);
        }
        if let Some(e) = email {
            crate::jobs::enqueue_email(&tx, e).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// The user's notification settings: whether e-mail is wanted, and its language.
    pub async fn notification_settings(&self, actor: &Actor) -> Result<(bool, String)> {
        use crate::entities::user;
        let id = actor.user_id.ok_or(crate::StoreError::NotFound)?;
        let u = user::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(crate::StoreError::NotFound)?;
        Ok((u.notify_email, u.lang))
    }

    /// Whether `lang` may be the actor's language: Swedish or English, and for a participant
    /// also the other languages her pages are in.
    fn lang_allowed(actor: &Actor, lang: &str) -> bool {
        matches!(lang, "sv" | "en")
            || (actor.role == Role::Participant && matches!(lang, "ar" | "uk" | "so" | "ti"))
    }

    /// Keep the language a participant chose for her pages (any of the interface languages;
    /// staff write in Swedish or English).
    pub async fn user_lang_set(&self, actor: &Actor, lang: &str) -> Result<()> {
        use crate::entities::user;
        use sea_orm::sea_query::Expr;
        let id = actor.user_id.ok_or(crate::StoreError::NotFound)?;
        if !Self::lang_allowed(actor, lang) {
            return Err(crate::StoreError::Invalid(brygga_domain::FieldErrors(
                vec![brygga_domain::FieldError::new(
                    "lang",
                    "error-invalid-choice",
                )],
            )));
        }
        let tx = crate::begin_write(&self.db).await?;
        user::Entity::update_many()
            .col_expr(user::Column::Lang, Expr::value(lang))
            .filter(user::Column::Id.eq(id))
            .exec(&tx)
            .await?;
        self.commit_audited(
            tx,
            actor,
            crate::audit::AuditAction::Update,
            "user",
            Some(id),
            &["lang"],
        )
        .await
    }

    /// Change the actor's own notification settings (audited). `lang` is "sv" or "en" (or, for
    /// a participant, one of the other languages of her pages).
    pub async fn notification_settings_set(
        &self,
        actor: &Actor,
        notify_email: bool,
        lang: &str,
    ) -> Result<()> {
        use crate::entities::user;
        use sea_orm::sea_query::Expr;
        let id = actor.user_id.ok_or(crate::StoreError::NotFound)?;
        if !Self::lang_allowed(actor, lang) {
            return Err(crate::StoreError::Invalid(brygga_domain::FieldErrors(
                vec![brygga_domain::FieldError::new(
                    "lang",
                    "error-invalid-choice",
                )],
            )));
        }
        let tx = crate::begin_write(&self.db).await?;
        user::Entity::update_many()
            .col_expr(user::Column::NotifyEmail, Expr::value(notify_email))
            .col_expr(user::Column::Lang, Expr::value(lang))
            .filter(user::Column::Id.eq(id))
            .exec(&tx)
            .await?;
        self.commit_audited(
            tx,
            actor,
            crate::audit::AuditAction::Update,
            "user",
            Some(id),
            &["notify_email", "lang"],
        )
        .await
    }
}

impl Store {
    /// What the running internships ask of the actor, whatever the role: today's schedule (the
    /// intern's own, a supervisor's interns'), absences reported this week, follow-up meetings
    /// in the coming week and actions due by then. A list the role may not read is left out.
    async fn todo_internship(
        &self,
        actor: &Actor,
        now: DateTime<Utc>,
        out: &mut Vec<Todo>,
    ) -> Result<()> {
        let today = brygga_domain::calendar::date_at(now);
        let week = Duration::days(WEEK_DAYS);

        if matches!(actor.role, Role::Supervisor | Role::Participant) {
            let entries = self.my_schedule(actor, today, today).await?;
            let mut t = Todo::new(
                "todo-today",
                entries.len() as u64,
                Some("/schedule".into()),
                entries
                    .iter()
                    .take(ENTRIES as usize)
                    .map(|e| {
                        entry(
                            format!("schedule-{}", e.id),
                            format!(
                                "{} {}–{} {}",
                                e.participant_name,
                                brygga_domain::schedule::hhmm(e.start_minute),
                                brygga_domain::schedule::hhmm(e.end_minute),
                                e.title
                            ),
                            "/schedule".into(),
                            None,
                        )
                    })
                    .collect(),
            );
            t.mail = false;
            out.push(t);
        }

        let absences = skip(self.absences_recent(actor, today - week).await)?;
        out.push(Todo::new(
            "todo-absences",
            absences.len() as u64,
            actor
                .may(Action::List, Resource::Participant)
                .then(|| "/absences".to_string())
                .filter(|_| !matches!(actor.role, Role::Supervisor)),
            absences
                .iter()
                .take(ENTRIES as usize)
                .map(|a| {
                    entry(
                        format!("absence-{}", a.id),
                        format!("{} {}", a.participant_name, a.date),
                        format!("/participants/{}/absences", a.participant_id),
                        Some(a.created_at),
                    )
                })
                .collect(),
        ));

        let meetings = skip(self.meetings_upcoming(actor, now, now + week).await)?;
        out.push(Todo::new(
            "todo-meetings",
            meetings.len() as u64,
            None,
            meetings
                .iter()
                .take(ENTRIES as usize)
                .map(|m| {
                    entry(
                        format!("meeting-{}-{}", m.id, m.version),
                        m.participant_name.clone(),
                        format!("/meetings/{}", m.id),
                        Some(m.starts_at),
                    )
                })
                .collect(),
        ));

        let actions = skip(self.actions_open(actor, today + week).await)?;
        out.push(Todo::new(
            "todo-actions",
            actions.len() as u64,
            None,
            actions
                .iter()
                .take(ENTRIES as usize)
                .map(|a| {
                    entry(
                        format!("action-{}-{}", a.id, a.version),
                        format!("{} ({}, {})", a.text, a.participant_name, a.due_on),
                        format!("/meetings/{}", a.meeting_id),
                        None,
                    )
                })
                .collect(),
        ));

        // A checklist nobody has ticked or changed for two weeks: the coordinator follows it up,
        // and the supervisor is reminded (the digest mails it).
        let stale = self.checklists_stale(actor, now).await?;
        out.push(Todo::new(
            "todo-checklists-stale",
            stale.len() as u64,
            None,
            stale
                .iter()
                .take(ENTRIES as usize)
                .map(|c| {
                    entry(
                        format!(
                            "checklist-{}-{}",
                            c.internship_id,
                            c.touched_at.date_naive()
                        ),
                        c.participant_name.clone(),
                        format!("/internships/{}/checklist", c.internship_id),
                        Some(c.touched_at),
                    )
                })
                .collect(),
        ));
        Ok(())
    }
}

/// A list the role may not read counts as empty.
fn skip<T>(r: Result<Vec<T>>) -> Result<Vec<T>> {
    match r {
        Err(crate::StoreError::Forbidden | crate::StoreError::NotFound) => Ok(vec![]),
        other => other,
    }
}
