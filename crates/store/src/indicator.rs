//! A programme's indicators: what each participant who consented to count in statistics counts
//! for, gathered a chunk of people at a time, and the staff it trained; counted by the domain.

use std::collections::HashMap;

use brygga_domain::course::AttendanceMark;
use brygga_domain::evaluation::AgeGroup;
use brygga_domain::indicator::{Indicator, PersonFacts, Split, tally};
use brygga_domain::outcome::{FollowUpPoint, OutcomeStatus};
use brygga_domain::policy::{Action, Resource};
use brygga_domain::values::Gender;
use chrono::{Datelike, NaiveDate};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::entities::{
    certificate, event_attendance, event_person, event_registration, internship, participant_exit,
};
use crate::evaluation::counted_people;
use crate::{Actor, Result, Store};

impl Store {
    /// Every indicator of programme `programme_id` on `today`, split by gender and age group.
    pub async fn indicators(
        &self,
        actor: &Actor,
        programme_id: i32,
        today: NaiveDate,
    ) -> Result<Vec<(Indicator, Split)>> {
        let (people, staff) = self.indicator_facts(actor, programme_id, today).await?;
        Ok(tally(&people, &staff))
    }

    /// What the indicators count: each participant who consented to count in statistics, as
    /// the indicators see her, and the gender of each member of the programme's staff register
    /// who attended at least one training session.
    pub async fn indicator_facts(
        &self,
        actor: &Actor,
        programme_id: i32,
        today: NaiveDate,
    ) -> Result<(Vec<PersonFacts>, Vec<Gender>)> {
        self.programme_checked(actor, programme_id, Action::Read, Resource::Indicators)
            .await?;
        let people = counted_people(&self.db, programme_id).await?;
        let mut facts = vec![];
        for chunk in people.chunks(crate::process::CHUNK) {
            let ids: Vec<i32> = chunk.iter().map(|p| p.0).collect();
            let mut started: HashMap<i32, (bool, bool)> = HashMap::new();
            let rows: Vec<(i32, NaiveDate, Option<NaiveDate>)> = internship::Entity::find()
                .filter(internship::Column::ParticipantId.is_in(ids.clone()))
                .select_only()
                .column(internship::Column::ParticipantId)
                .column(internship::Column::StartDate)
                .column(internship::Column::EndedOn)
                .into_tuple()
                .all(&self.db)
                .await?;
            for (pid, start, ended) in rows {
                let e = started.entry(pid).or_default();
                e.0 |= start <= today;
                e.1 |= ended.is_some();
            }
            let certified: Vec<i32> = certificate::Entity::find()
                .filter(certificate::Column::ParticipantId.is_in(ids.clone()))
                .filter(certificate::Column::RevokedAt.is_null())
                .select_only()
                .column(certificate::Column::ParticipantId)
                .into_tuple()
                .all(&self.db)
                .await?;
            let left: Vec<i32> = participant_exit::Entity::find()
                .filter(participant_exit::Column::ParticipantId.is_in(ids.clone()))
                .select_only()
                .column(participant_exit::Column::ParticipantId)
                .into_tuple()
                .all(&self.db)
                .await?;
            // The latest record at each point (any source) says where she stood.
            let mut at: HashMap<(i32, FollowUpPoint), OutcomeStatus> = HashMap::new();
            for (pid, point, status) in crate::outcome::statuses_of(&self.db, &ids).await? {
                at.insert((pid, point), status);
            }
            for (id, gender, birth_year) in chunk {
                let (s, c) = started.get(id).copied().unwrap_or_default();
                let group = |p: FollowUpPoint| at.get(&(*id, p)).map(|s| s.group());
                facts.push(PersonFacts {
                    gender: *gender,
                    age: AgeGroup::of(*birth_year, today.year()),
                    internship_started: s,
                    internship_completed: c,
                    certified: certified.contains(id),
                    left: left.contains(id),
                    week4: group(FollowUpPoint::Week4),
                    month6: group(FollowUpPoint::Month6),
                });
            }
        }
        Ok((facts, trained_staff(&self.db, programme_id).await?))
    }
}

/// The gender of each person in the programme's staff register marked present at a session.
async fn trained_staff(db: &impl ConnectionTrait, programme_id: i32) -> Result<Vec<Gender>> {
    let attended = Query::select()
        .column((
            event_registration::Entity,
            event_registration::Column::PersonId,
        ))
        .from(event_registration::Entity)
        .inner_join(
            event_attendance::Entity,
            Expr::col((
                event_attendance::Entity,
                event_attendance::Column::RegistrationId,
            ))
            .equals((event_registration::Entity, event_registration::Column::Id)),
        )
        .and_where(
            Expr::col((event_attendance::Entity, event_attendance::Column::Mark))
                .eq(AttendanceMark::Present.as_str()),
        )
        .and_where(
            Expr::col((
                event_registration::Entity,
                event_registration::Column::PersonId,
            ))
            .is_not_null(),
        )
        .to_owned();
    let genders: Vec<String> = event_person::Entity::find()
        .filter(event_person::Column::ProgrammeId.eq(programme_id))
        .filter(event_person::Column::Id.in_subquery(attended))
        .select_only()
        .column(event_person::Column::Gender)
        .into_tuple()
        .all(db)
        .await?;
    Ok(genders
        .iter()
        .map(|g| Gender::parse(g).unwrap_or(Gender::Unspecified))
        .collect())
}
