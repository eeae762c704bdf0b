//! What must exist once is held by the database, not by a check before the write: one open
//! agreement per placement and participant, one open collaboration agreement per employer, a
//! case shared once with an officer, and a create made once per idempotency key (a form's
//! nonce or an API client's `Idempotency-Key`). Partial unique indexes (`… WHERE`) read the
//! same on SQLite and PostgreSQL.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &[&str] = &[
    // Shares made twice before this index: keep the first.
    "DELETE FROM case_shares WHERE id NOT IN \
     (SELECT MIN(id) FROM case_shares GROUP BY participant_id, user_id)",
    "CREATE UNIQUE INDEX idx_case_shares_once ON case_shares (participant_id, user_id)",
    // A collaboration agreement has no participant or placement; NULLs never collide.
    "CREATE UNIQUE INDEX idx_agreements_open_internship ON agreements \
     (participant_id, placement_id) WHERE status <> 'ended'",
    "CREATE UNIQUE INDEX idx_agreements_open_collaboration ON agreements (employer_id) \
     WHERE kind = 'collaboration' AND status <> 'ended'",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("create_keys")
                    .col(pk_auto("id"))
                    // 0 for a visitor who is not logged in (the portal's interest form).
                    .col(integer("user_id"))
                    .col(string("key"))
                    .col(string("resource"))
                    // Set once the record exists; NULL while the create runs.
                    .col(integer_null("record_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_create_keys_once")
                    .table("create_keys")
                    .col("user_id")
                    .col("key")
                    .unique()
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for sql in UP {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for name in [
            "idx_case_shares_once",
            "idx_agreements_open_internship",
            "idx_agreements_open_collaboration",
        ] {
            db.execute_unprepared(&format!("DROP INDEX {name}")).await?;
        }
        manager
            .drop_table(Table::drop().table("create_keys").to_owned())
            .await
    }
}
