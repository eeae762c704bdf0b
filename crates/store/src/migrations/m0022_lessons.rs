//! A programme's running log of lessons and challenges.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0001_initial::create_indexes;
use super::m0019_learning::fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("lessons")
                    .col(pk_auto("id"))
                    .col(integer("programme_id"))
                    .col(string_len("kind", 16))
                    .col(date("noted_on"))
                    .col(text("text"))
                    .col(text("action"))
                    .col(integer_null("created_by"))
                    .col(string_len("created_by_name", 200))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(string_len("updated_by_name", 200))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk("lessons", "programme_id", "organisations"))
                    .to_owned(),
            )
            .await?;
        create_indexes(manager, &[("lessons", &["programme_id", "noted_on"])]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("lessons").to_owned())
            .await
    }
}
