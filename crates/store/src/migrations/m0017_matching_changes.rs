//! The matching index's change feed: every write to what a ranking reads (participants,
//! placements, their employers, the internships that take places, a programme's matching
//! settings) appends a row here, written by triggers in the same transaction. Each instance
//! keeps its index in memory and applies the rows after the last it has seen, so a change made
//! through one instance is seen by every other instance on the same database.

use sea_orm::{ConnectionTrait, DatabaseBackend};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (table, the entity it changes, the column naming that entity).
const WATCHED: [(&str, &str, &str); 5] = [
    ("participants", "participant", "id"),
    ("placements", "placement", "id"),
    ("employers", "employer", "id"),
    ("internships", "placement", "placement_id"),
    ("organisations", "programme", "id"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE TABLE matching_changes (
                        id BIGSERIAL PRIMARY KEY,
                        entity VARCHAR(16) NOT NULL,
                        entity_id INTEGER NOT NULL,
                        at BIGINT NOT NULL DEFAULT (extract(epoch from now())::bigint)
                    )",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE FUNCTION matching_change() RETURNS trigger LANGUAGE plpgsql AS $$
                     DECLARE row_json jsonb;
                     BEGIN
                         IF TG_OP = 'DELETE' THEN row_json := to_jsonb(OLD);
                         ELSE row_json := to_jsonb(NEW); END IF;
                         INSERT INTO matching_changes (entity, entity_id)
                             VALUES (TG_ARGV[0], (row_json ->> TG_ARGV[1])::integer);
                         RETURN NULL;
                     END $$",
                )
                .await?;
            }
            _ => {
                db.execute_unprepared(
                    "CREATE TABLE matching_changes (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        entity VARCHAR(16) NOT NULL,
                        entity_id INTEGER NOT NULL,
                        at BIGINT NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER))
                    )",
                )
                .await?;
            }
        }
        for (table, entity, column) in WATCHED {
            watch(manager, table, entity, column).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, _, _) in WATCHED {
            unwatch(manager, table).await?;
        }
        let db = manager.get_connection();
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared("DROP FUNCTION IF EXISTS matching_change()")
                .await?;
        }
        db.execute_unprepared("DROP TABLE IF EXISTS matching_changes")
            .await?;
        Ok(())
    }
}

/// Write a feed row naming `entity` by the row's `column` on every insert, update and delete
/// of `table` (a later migration's table is watched with this too).
pub(super) async fn watch(
    manager: &SchemaManager<'_>,
    table: &str,
    entity: &str,
    column: &str,
) -> Result<(), DbErr> {
    let db = manager.get_connection();
    if manager.get_database_backend() == DatabaseBackend::Postgres {
        db.execute_unprepared(&format!(
            "CREATE TRIGGER {table}_matching_change
             AFTER INSERT OR UPDATE OR DELETE ON {table}
             FOR EACH ROW EXECUTE FUNCTION matching_change('{entity}', '{column}')"
        ))
        .await?;
        return Ok(());
    }
    for (op, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
        let name = format!("{table}_matching_change_{}", op.to_lowercase());
        db.execute_unprepared(&format!(
            "CREATE TRIGGER {name} AFTER {op} ON {table} FOR EACH ROW BEGIN
             INSERT INTO matching_changes (entity, entity_id) VALUES ('{entity}', {row}.{column});
             END"
        ))
        .await?;
    }
    Ok(())
}

/// Stop watching `table`.
pub(super) async fn unwatch(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    let db = manager.get_connection();
    if manager.get_database_backend() == DatabaseBackend::Postgres {
        db.execute_unprepared(&format!(
            "DROP TRIGGER IF EXISTS {table}_matching_change ON {table}"
        ))
        .await?;
        return Ok(());
    }
    for op in ["insert", "update", "delete"] {
        db.execute_unprepared(&format!(
            "DROP TRIGGER IF EXISTS {table}_matching_change_{op}"
        ))
        .await?;
    }
    Ok(())
}
