//! A proposal made although the pair fails a hard rule of the matching (a near miss, or a
//! failing row proposed anyway): the coordinator's reason and the rule it overrode.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        manager
            .alter_table(
                Table::alter()
                    .table("candidate_proposals")
                    .add_column(text_null("override_reason"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("candidate_proposals")
                    .add_column(string_null("override_rule"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for col in ["override_rule", "override_reason"] {
            manager
                .alter_table(
                    Table::alter()
                        .table("candidate_proposals")
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
