//! Follow-up and the case log: meetings about a participant with their invitees (users and
//! guests without a login), notes and actions; and the coordinating function's case log, whose
//! entries are append-only (a correction points at the entry it corrects).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0001_initial::{create_indexes, fk, fk_null};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("meetings")
            .col(pk_auto("id"))
            .col(integer("participant_id"))
            .col(integer_null("internship_id"))
            .col(string("kind"))
            .col(timestamp_with_time_zone("starts_at"))
            .col(timestamp_with_time_zone("ends_at"))
            .col(string("location"))
            .col(string("meeting_link"))
            .col(string("status"))
            .col(integer_null("created_by"))
            .col(string("organizer_name"))
            .col(string("organizer_email"))
            // Set once the day-before reminder is queued, so it goes out once.
            .col(timestamp_with_time_zone_null("reminded_at"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version").default(1))
            .foreign_key(&mut fk("meetings", "participant_id", "participants"))
            .foreign_key(&mut fk_null("meetings", "internship_id", "internships"))
            .foreign_key(&mut fk_null("meetings", "created_by", "users"))
            .to_owned(),
        Table::create()
            .table("meeting_invitees")
            .col(pk_auto("id"))
            .col(integer("meeting_id"))
            // None for a guest without a login.
            .col(integer_null("user_id"))
            .col(string("role"))
            .col(string("name"))
            .col(string("email"))
            .foreign_key(&mut fk("meeting_invitees", "meeting_id", "meetings"))
            .foreign_key(&mut fk_null("meeting_invitees", "user_id", "users"))
            .to_owned(),
        Table::create()
            .table("meeting_notes")
            .col(pk_auto("id"))
            .col(integer("meeting_id"))
            .col(text("text"))
            .col(boolean("shared").default(false))
            .col(integer_null("author_id"))
            .col(string("author_name"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk("meeting_notes", "meeting_id", "meetings"))
            .foreign_key(&mut fk_null("meeting_notes", "author_id", "users"))
            .to_owned(),
        Table::create()
            .table("meeting_actions")
            .col(pk_auto("id"))
            .col(integer("meeting_id"))
            .col(text("text"))
            .col(integer("owner_user_id"))
            .col(date("due_on"))
            .col(timestamp_with_time_zone_null("done_at"))
            .col(integer_null("done_by"))
            // Set once the due-day reminder is queued.
            .col(timestamp_with_time_zone_null("reminded_at"))
            .col(integer_null("created_by"))
            .col(timestamp_with_time_zone("created_at"))
            .col(integer("version").default(1))
            .foreign_key(&mut fk("meeting_actions", "meeting_id", "meetings"))
            .foreign_key(&mut fk("meeting_actions", "owner_user_id", "users"))
            .foreign_key(&mut fk_null("meeting_actions", "done_by", "users"))
            .to_owned(),
        Table::create()
            .table("case_log_entries")
            .col(pk_auto("id"))
            .col(integer("participant_id"))
            .col(date("entry_date"))
            .col(string("kind"))
            .col(string_null("topic"))
            .col(string_null("referral"))
            .col(text("text"))
            .col(integer_null("corrects_id"))
            .col(integer_null("author_id"))
            .col(string("author_name"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk(
                "case_log_entries",
                "participant_id",
                "participants",
            ))
            .foreign_key(&mut fk_null(
                "case_log_entries",
                "corrects_id",
                "case_log_entries",
            ))
            .foreign_key(&mut fk_null("case_log_entries", "author_id", "users"))
            .to_owned(),
    ]
}

const INDEXES: &[(&str, &[&str])] = &[
    ("meetings", &["participant_id", "starts_at"]),
    ("meetings", &["internship_id"]),
    ("meetings", &["starts_at"]),
    ("meetings", &["created_by"]),
    ("meeting_invitees", &["meeting_id"]),
    ("meeting_invitees", &["user_id"]),
    ("meeting_notes", &["meeting_id"]),
    ("meeting_notes", &["author_id"]),
    ("meeting_actions", &["meeting_id"]),
    ("meeting_actions", &["owner_user_id", "due_on"]),
    ("meeting_actions", &["due_on"]),
    ("meeting_actions", &["done_by"]),
    ("case_log_entries", &["participant_id", "entry_date"]),
    ("case_log_entries", &["corrects_id"]),
    ("case_log_entries", &["author_id"]),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
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
        Ok(())
    }
}
