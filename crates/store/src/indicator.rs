//! A programme's indicators: what each participant who consented to count in statistics counts
//! for, gathered a chunk of people at a time, and counted by the domain.

use std::collections::HashMap;

use brygga_domain::evaluation::AgeGroup;
use brygga_domain::indicator::{Indicator, PersonFacts, Split, tally};
use brygga_domain::outcome::{FollowUpPoint, OutcomeStatus};
use brygga_domain::policy::{Action, Resource};
use chrono::{Datelike, NaiveDate};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::entities::{certificate, internship, participant_exit};
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
        Ok(tally(&facts))
    }
}
