//! A participant's leaving of the programme (when and why): one per participant, removed if
//! recorded by mistake. Watched by the matching index's change feed: one who has left is no
//! longer ranked.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0017_matching_changes::{unwatch, watch};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("participant_exits")
                    .col(integer("participant_id").primary_key())
                    .col(date("left_on"))
                    .col(string_len("reason", 16))
                    .col(text("note"))
                    .col(integer_null("recorded_by"))
                    .col(string("recorded_by_name"))
                    .col(timestamp_with_time_zone("recorded_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("participant_exits", "participant_id")
                            .to("participants", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        watch(
            manager,
            "participant_exits",
            "participant",
            "participant_id",
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        unwatch(manager, "participant_exits").await?;
        manager
            .drop_table(Table::drop().table("participant_exits").to_owned())
            .await
    }
}
