//! The internship record proper: its schedule (days and hours a week), the agreement it came
//! from, how it ended (date, reason, note), bookkeeping and a version. Existing rows (made by
//! the demo before this) get the placement's days and hours. A proposal records who selected
//! the candidate and when (the employer decides). One live internship per
//! participant is held by a partial unique index. The default map's "in internship" and
//! "completed" stages get the checkpoints that make them facts.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0001_initial::create_indexes;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A date no row keeps: existing rows get their real times below.
const EPOCH: &str = "1970-01-01 00:00:00+00:00";

/// The columns added. SQLite adds one column per ALTER TABLE; a column-level REFERENCES is the
/// one foreign key both backends accept in ALTER TABLE ADD COLUMN.
fn columns() -> Vec<ColumnDef> {
    vec![
        integer("days_per_week").default(5).to_owned(),
        integer_null("hours_per_week").to_owned(),
        integer_null("agreement_id")
            .extra("REFERENCES agreements (id) ON DELETE SET NULL")
            .to_owned(),
        date_null("ended_on").to_owned(),
        string_null("end_reason").to_owned(),
        text_null("end_note").to_owned(),
        timestamp_with_time_zone("created_at")
            .default(EPOCH)
            .to_owned(),
        timestamp_with_time_zone("updated_at")
            .default(EPOCH)
            .to_owned(),
        integer("version").default(1).to_owned(),
    ]
}

/// Who selected a candidate (the employer decides) and when, on the proposal.
fn proposal_columns() -> Vec<ColumnDef> {
    vec![
        timestamp_with_time_zone_null("selected_at").to_owned(),
        integer_null("selected_by").to_owned(),
    ]
}

const INDEXES: &[(&str, &[&str])] = &[
    ("internships", &["placement_id"]),
    ("internships", &["agreement_id"]),
    ("internships", &["ended_on"]),
    ("internships", &["start_date"]),
];

const UP: &[&str] = &[
    "UPDATE internships SET \
     days_per_week = (SELECT p.days_per_week FROM placements p WHERE p.id = internships.placement_id), \
     hours_per_week = (SELECT p.hours_per_week FROM placements p WHERE p.id = internships.placement_id)",
    // Two live internships of one participant before this: the older ones end where the newer
    // one starts (never deleted).
    "UPDATE internships SET ended_on = end_date, end_reason = 'completed' \
     WHERE id NOT IN (SELECT MAX(id) FROM internships GROUP BY participant_id)",
    "CREATE UNIQUE INDEX idx_internships_one_live ON internships (participant_id) \
     WHERE ended_on IS NULL",
    // The stages that are facts: an internship in progress needs its start, a completed one
    // its end.
    "INSERT INTO process_checkpoints (stage_id, position, kind, label_sv, label_en) \
     SELECT id, 0, 'internship_started', 'Praktiken har börjat', 'The internship has started' \
     FROM process_stages WHERE key = 'in_internship'",
    "INSERT INTO process_checkpoints (stage_id, position, kind, label_sv, label_en) \
     SELECT id, 0, 'internship_ended', 'Praktiken är avslutad', 'The internship has ended' \
     FROM process_stages WHERE key = 'completed'",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for mut c in columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table("internships")
                        .add_column(&mut c)
                        .to_owned(),
                )
                .await?;
        }
        for mut c in proposal_columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table("candidate_proposals")
                        .add_column(&mut c)
                        .to_owned(),
                )
                .await?;
        }
        let now = chrono::Utc::now();
        manager
            .exec_stmt(
                Query::update()
                    .table("internships")
                    .value("created_at", now)
                    .value("updated_at", now)
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for sql in UP {
            db.execute_unprepared(sql).await?;
        }
        create_indexes(manager, INDEXES).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(
            "DELETE FROM process_checkpoints \
             WHERE kind IN ('internship_started', 'internship_ended')",
        )
        .await?;
        db.execute_unprepared("DROP INDEX idx_internships_one_live")
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
        for c in proposal_columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table("candidate_proposals")
                        .drop_column(c.get_column_name())
                        .to_owned(),
                )
                .await?;
        }
        for c in columns().iter().rev() {
            manager
                .alter_table(
                    Table::alter()
                        .table("internships")
                        .drop_column(c.get_column_name())
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
