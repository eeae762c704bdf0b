//! E-mail notifications: each user's choice to receive them and the language to write them in,
//! and what the last digest told them, so that the same to-do is mailed once.

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
                    .table("users")
                    .add_column(boolean("notify_email").default(true))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("users")
                    .add_column(string("lang").default("sv"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("notification_digests")
                    .col(integer("user_id").primary_key())
                    .col(text("sent_entries"))
                    .col(timestamp_with_time_zone("sent_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("notification_digests", "user_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("notification_digests").to_owned())
            .await?;
        for col in ["lang", "notify_email"] {
            manager
                .alter_table(Table::alter().table("users").drop_column(col).to_owned())
                .await?;
        }
        Ok(())
    }
}
