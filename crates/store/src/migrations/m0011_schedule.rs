//! Schedules: a participant's entries (workplace days, vocational Swedish, SFI, meetings),
//! reported absences (one a day), and personal calendar feeds (only the token's hash is kept).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0001_initial::{create_indexes, fk, fk_null};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("schedule_entries")
            .col(pk_auto("id"))
            .col(integer("participant_id"))
            .col(integer_null("internship_id"))
            .col(date("date"))
            // Minutes after midnight, Swedish local time.
            .col(integer("start_minute"))
            .col(integer("end_minute"))
            .col(string("kind"))
            .col(string("title"))
            .col(string("location"))
            // A course of the education provider's; linked when courses exist.
            .col(integer_null("course_id"))
            .col(integer_null("created_by"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version").default(1))
            .foreign_key(&mut fk(
                "schedule_entries",
                "participant_id",
                "participants",
            ))
            .foreign_key(&mut fk_null(
                "schedule_entries",
                "internship_id",
                "internships",
            ))
            .to_owned(),
        Table::create()
            .table("absences")
            .col(pk_auto("id"))
            .col(integer("participant_id"))
            .col(date("date"))
            .col(string("reason"))
            .col(text("note"))
            .col(integer_null("reported_by"))
            .col(string("reported_by_name"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk("absences", "participant_id", "participants"))
            .foreign_key(&mut fk_null("absences", "reported_by", "users"))
            .to_owned(),
        Table::create()
            .table("calendar_feeds")
            .col(pk_auto("id"))
            .col(integer("user_id"))
            .col(string_uniq("token_hash"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone_null("revoked_at"))
            .col(timestamp_with_time_zone_null("last_used_at"))
            .foreign_key(&mut fk("calendar_feeds", "user_id", "users"))
            .to_owned(),
    ]
}

const INDEXES: &[(&str, &[&str])] = &[
    ("schedule_entries", &["participant_id", "date"]),
    ("schedule_entries", &["internship_id"]),
    ("schedule_entries", &["course_id"]),
    ("schedule_entries", &["date"]),
    ("absences", &["date"]),
    ("absences", &["reported_by"]),
    ("calendar_feeds", &["user_id"]),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in tables() {
            manager.create_table(t).await?;
        }
        create_indexes(manager, INDEXES).await?;
        // One absence a participant a day: a second report is refused, not doubled.
        manager
            .create_index(
                Index::create()
                    .name("uq_absences_participant_id_date")
                    .table("absences")
                    .col("participant_id")
                    .col("date")
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in ["calendar_feeds", "absences", "schedule_entries"] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
