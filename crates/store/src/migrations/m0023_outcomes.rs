//! Outcomes at the follow-up points after leaving: one per participant, point and source (a
//! second record from the same source at the same point replaces the first).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0001_initial::create_uniques;
use super::m0019_learning::fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("outcomes")
                    .col(pk_auto("id"))
                    .col(integer("participant_id"))
                    .col(string_len("point", 16))
                    .col(string_len("status", 32))
                    .col(string_len("source", 16))
                    .col(date("recorded_on"))
                    .col(string_len("hire", 16))
                    .col(text("note"))
                    .col(integer_null("recorded_by"))
                    .col(string_len("recorded_by_name", 200))
                    .col(timestamp_with_time_zone("recorded_at"))
                    .foreign_key(&mut fk("outcomes", "participant_id", "participants"))
                    .to_owned(),
            )
            .await?;
        create_uniques(
            manager,
            &[(
                "uq_outcomes_point_source",
                "outcomes",
                &["participant_id", "point", "source"],
            )],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("outcomes").to_owned())
            .await
    }
}
