//! From candidate to intern: each programme's process map (stages and checkpoints) and the
//! participant events the current stage is derived from; the public portal's interest
//! submissions; the candidate pool's statuses; interviews; the employment service's
//! confirmations and decisions; agreements and their stored files; and the job queue that sends
//! email.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0001_initial::{create_indexes, fk, fk_null};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("process_stages")
            .col(pk_auto("id"))
            .col(integer("programme_id"))
            .col(integer("position"))
            .col(string("key"))
            .col(string("name_sv"))
            .col(string("name_en"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk("process_stages", "programme_id", "organisations"))
            .to_owned(),
        Table::create()
            .table("process_checkpoints")
            .col(pk_auto("id"))
            .col(integer("stage_id"))
            .col(integer("position"))
            .col(string("kind"))
            .col(string("label_sv"))
            .col(string("label_en"))
            .foreign_key(&mut fk("process_checkpoints", "stage_id", "process_stages"))
            .to_owned(),
        // Append-only: the current stage is the latest stage event; a step back is a new event.
        Table::create()
            .table("participant_events")
            .col(pk_auto("id"))
            .col(integer("participant_id"))
            .col(string("kind"))
            .col(integer_null("stage_id"))
            .col(integer_null("checkpoint_id"))
            .col(text("note"))
            .col(integer_null("actor_id"))
            .col(string("actor"))
            .col(timestamp_with_time_zone("at"))
            .foreign_key(&mut fk(
                "participant_events",
                "participant_id",
                "participants",
            ))
            .foreign_key(&mut fk_null(
                "participant_events",
                "stage_id",
                "process_stages",
            ))
            .foreign_key(&mut fk_null(
                "participant_events",
                "checkpoint_id",
                "process_checkpoints",
            ))
            .to_owned(),
        Table::create()
            .table("interests")
            .col(pk_auto("id"))
            .col(integer_null("placement_id"))
            .col(string("name"))
            .col(string("email"))
            .col(string("phone"))
            .col(text("languages"))
            .col(text("message"))
            .col(string("lang"))
            .col(timestamp_with_time_zone("consent_at"))
            .col(string("consent_version"))
            .col(string("client_hash"))
            .col(string("status"))
            .col(integer_null("participant_id"))
            .col(integer_null("handled_by"))
            .col(timestamp_with_time_zone_null("handled_at"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk_null("interests", "placement_id", "placements"))
            .foreign_key(&mut fk_null("interests", "participant_id", "participants"))
            .to_owned(),
        Table::create()
            .table("interviews")
            .col(pk_auto("id"))
            .col(integer("proposal_id"))
            .col(integer("participant_id"))
            .col(integer("placement_id"))
            .col(timestamp_with_time_zone("starts_at"))
            .col(timestamp_with_time_zone("ends_at"))
            .col(string("location"))
            .col(string("meeting_link"))
            .col(text("attendees"))
            .col(text("notes"))
            .col(string("outcome"))
            .col(text("outcome_note"))
            .col(timestamp_with_time_zone_null("outcome_at"))
            .col(integer_null("created_by"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version").default(1))
            .foreign_key(&mut fk("interviews", "proposal_id", "candidate_proposals"))
            .foreign_key(&mut fk("interviews", "participant_id", "participants"))
            .foreign_key(&mut fk("interviews", "placement_id", "placements"))
            .to_owned(),
        Table::create()
            .table("es_confirmations")
            .col(pk_auto("id"))
            .col(integer("participant_id"))
            .col(string("officer_name"))
            .col(date("confirmed_on"))
            .col(text("note"))
            .col(integer_null("recorded_by"))
            .col(timestamp_with_time_zone("recorded_at"))
            .col(timestamp_with_time_zone_null("withdrawn_at"))
            .col(integer_null("withdrawn_by"))
            .foreign_key(&mut fk(
                "es_confirmations",
                "participant_id",
                "participants",
            ))
            .to_owned(),
        Table::create()
            .table("es_decisions")
            .col(pk_auto("id"))
            .col(integer("participant_id"))
            .col(string("reference"))
            .col(date("decision_date"))
            .col(date("period_start"))
            .col(date("period_end"))
            .col(boolean("insured"))
            .col(string("compensation"))
            .col(text("note"))
            .col(integer_null("recorded_by"))
            .col(timestamp_with_time_zone("recorded_at"))
            .col(timestamp_with_time_zone_null("withdrawn_at"))
            .col(integer_null("withdrawn_by"))
            .foreign_key(&mut fk("es_decisions", "participant_id", "participants"))
            .to_owned(),
        Table::create()
            .table("stored_files")
            .col(pk_auto("id"))
            .col(string_uniq("object_key"))
            .col(string("filename"))
            .col(string("content_type"))
            .col(big_integer("size"))
            .col(string("sha256"))
            .col(string("owner_kind"))
            .col(integer("owner_id"))
            .col(integer_null("uploaded_by"))
            .col(timestamp_with_time_zone("created_at"))
            .to_owned(),
        Table::create()
            .table("agreements")
            .col(pk_auto("id"))
            .col(string("kind"))
            .col(integer("employer_id"))
            .col(integer_null("participant_id"))
            .col(integer_null("placement_id"))
            .col(integer_null("supervisor_id"))
            .col(string("status"))
            .col(integer_null("generated_file_id"))
            .col(integer_null("signed_file_id"))
            .col(date_null("signed_on"))
            .col(integer_null("created_by"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version").default(1))
            .foreign_key(&mut fk("agreements", "employer_id", "employers"))
            .foreign_key(&mut fk("agreements", "participant_id", "participants"))
            .foreign_key(&mut fk("agreements", "placement_id", "placements"))
            .foreign_key(&mut fk_null("agreements", "supervisor_id", "supervisors"))
            .foreign_key(&mut fk_null(
                "agreements",
                "generated_file_id",
                "stored_files",
            ))
            .foreign_key(&mut fk_null("agreements", "signed_file_id", "stored_files"))
            .to_owned(),
        // Each job runs once across instances: a worker claims one by moving it from `queued`
        // (or an expired `running` lock) to `running` in a single conditional UPDATE.
        Table::create()
            .table("jobs")
            .col(pk_auto("id"))
            .col(string("kind"))
            .col(text("payload"))
            .col(string("status"))
            .col(integer("attempts").default(0))
            .col(integer("max_attempts"))
            .col(timestamp_with_time_zone("run_at"))
            .col(timestamp_with_time_zone_null("locked_until"))
            .col(string_null("locked_by"))
            .col(text("last_error"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(timestamp_with_time_zone_null("done_at"))
            .to_owned(),
    ]
}

const INDEXES: &[(&str, &[&str])] = &[
    ("process_stages", &["programme_id", "position"]),
    ("process_checkpoints", &["stage_id"]),
    ("participant_events", &["participant_id", "at"]),
    ("interests", &["status", "created_at"]),
    ("interests", &["client_hash", "created_at"]),
    ("interests", &["placement_id"]),
    ("interviews", &["proposal_id"]),
    ("interviews", &["participant_id"]),
    ("interviews", &["placement_id"]),
    ("interviews", &["starts_at"]),
    ("es_confirmations", &["participant_id"]),
    ("es_decisions", &["participant_id"]),
    ("stored_files", &["owner_kind", "owner_id"]),
    ("agreements", &["employer_id"]),
    ("agreements", &["participant_id"]),
    ("jobs", &["status", "run_at"]),
    ("candidate_proposals", &["status"]),
];

/// The candidate pool's columns on the proposals that matching already creates. SQLite adds one
/// column per ALTER TABLE.
fn proposal_columns() -> Vec<ColumnDef> {
    vec![
        string("status").default("proposed").to_owned(),
        text("note").default("").to_owned(),
        integer_null("proposed_by").to_owned(),
        timestamp_with_time_zone_null("updated_at").to_owned(),
        integer("version").default(1).to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
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
        for t in tables() {
            manager.create_table(t).await?;
        }
        create_indexes(manager, INDEXES).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in tables().iter().rev() {
            if let Some(name) = t.get_table_name() {
                manager
                    .drop_table(Table::drop().table(name.clone()).to_owned())
                    .await?;
            }
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
        Ok(())
    }
}
