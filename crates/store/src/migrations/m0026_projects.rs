//! A programme's project data (number, period, budget, co-financing, planned participants by
//! gender, overall goal) and its sub-goals, each an indicator with a target.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0019_learning::fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("programme_projects")
                    .col(integer("programme_id").primary_key())
                    .col(string_len("project_number", 200))
                    .col(date_null("period_start"))
                    .col(date_null("period_end"))
                    .col(big_integer_null("budget"))
                    .col(big_integer_null("co_financing"))
                    .col(big_integer_null("planned_women"))
                    .col(big_integer_null("planned_men"))
                    .col(text("overall_goal"))
                    .col(string_len("updated_by_name", 200))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk(
                        "programme_projects",
                        "programme_id",
                        "organisations",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("programme_goals")
                    .col(pk_auto("id"))
                    .col(integer("programme_id"))
                    .col(text("text"))
                    .col(string_len("indicator", 32))
                    .col(big_integer("target"))
                    .col(string_len("created_by_name", 200))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk("programme_goals", "programme_id", "organisations"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("programme_goals").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("programme_projects").to_owned())
            .await
    }
}
