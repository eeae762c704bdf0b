//! Sessions and tokens that can be ended: each session row names its user (so a password change
//! ends the user's other sessions), API tokens get an expiry and a revocation time; and login
//! throttling counts attempts in one row per key, incremented atomically before the password is
//! checked (so parallel requests cannot all slip under the limit).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0001_initial::create_indexes;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (table, column) pairs added here. SQLite adds one column per ALTER TABLE.
fn columns() -> Vec<(&'static str, ColumnDef)> {
    vec![
        ("sessions", integer_null("user_id").to_owned()),
        (
            "api_tokens",
            timestamp_with_time_zone_null("expires_at").to_owned(),
        ),
        (
            "api_tokens",
            timestamp_with_time_zone_null("revoked_at").to_owned(),
        ),
    ]
}

const INDEXES: &[(&str, &[&str])] = &[("sessions", &["user_id"]), ("api_tokens", &["user_id"])];

fn throttle_table() -> TableCreateStatement {
    Table::create()
        .table("login_throttle")
        .col(string("key").primary_key())
        .col(timestamp_with_time_zone("window_start"))
        .col(integer("failures"))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, mut c) in columns() {
            manager
                .alter_table(Table::alter().table(table).add_column(&mut c).to_owned())
                .await?;
        }
        create_indexes(manager, INDEXES).await?;
        manager.create_table(throttle_table()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("login_throttle").to_owned())
            .await?;
        for (table, cols) in INDEXES {
            manager
                .drop_index(
                    Index::drop()
                        .name(format!("idx_{}_{}", table, cols.join("_")))
                        .table(*table)
                        .to_owned(),
                )
                .await?;
        }
        for (table, c) in columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .drop_column(c.get_column_name())
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
