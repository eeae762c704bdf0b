//! Learning at the workplace: an internship's checklist criteria and their ticks (the history is
//! kept: a tick is never changed, a newer one supersedes it), the participant's progress-log
//! entries and their comments, the assessments (one row per revision: a signed one is never
//! changed), the development plan's steps, and a programme's checklist template.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0001_initial::create_indexes;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A foreign key that deletes the row with the record it belongs to.
pub(super) fn fk(
    from: &'static str,
    col: &'static str,
    to: &'static str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from, col)
        .to(to, "id")
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("learning_criteria")
            .col(pk_auto("id"))
            .col(integer("internship_id"))
            .col(string_len("goal", 200))
            .col(text("text"))
            .col(string_len("source", 16))
            .col(integer("position"))
            .col(timestamp_with_time_zone_null("removed_at"))
            .col(integer_null("created_by"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version"))
            .foreign_key(&mut fk("learning_criteria", "internship_id", "internships"))
            .to_owned(),
        Table::create()
            .table("criterion_ticks")
            .col(pk_auto("id"))
            .col(integer("criterion_id"))
            .col(integer("internship_id"))
            .col(string_len("status", 16))
            .col(date("on_date"))
            .col(text("comment"))
            .col(integer_null("by_user"))
            .col(string("by_name"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk(
                "criterion_ticks",
                "criterion_id",
                "learning_criteria",
            ))
            .to_owned(),
        Table::create()
            .table("progress_entries")
            .col(pk_auto("id"))
            .col(integer("internship_id"))
            .col(text("did"))
            .col(text("learned"))
            .col(text("words"))
            .col(boolean("shared"))
            .col(integer_null("photo_file_id"))
            .col(integer_null("created_by"))
            .col(string("created_by_name"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk("progress_entries", "internship_id", "internships"))
            .to_owned(),
        Table::create()
            .table("progress_comments")
            .col(pk_auto("id"))
            .col(integer("entry_id"))
            .col(text("text"))
            .col(integer_null("author_user"))
            .col(string("author_name"))
            .col(string_len("author_role", 24))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk("progress_comments", "entry_id", "progress_entries"))
            .to_owned(),
        Table::create()
            .table("assessments")
            .col(pk_auto("id"))
            .col(integer("internship_id"))
            .col(string_len("kind", 8))
            .col(string_len("assessor", 16))
            .col(integer("revision"))
            .col(text("ratings"))
            .col(timestamp_with_time_zone_null("signed_at"))
            .col(integer_null("signed_by"))
            .col(string_null("signed_by_name"))
            .col(integer_null("updated_by"))
            .col(string("updated_by_name"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version"))
            .foreign_key(&mut fk("assessments", "internship_id", "internships"))
            .to_owned(),
        Table::create()
            .table("development_steps")
            .col(pk_auto("id"))
            .col(integer("participant_id"))
            .col(text("text"))
            .col(string_len("owner", 16))
            .col(date("due_on"))
            .col(date_null("done_on"))
            .col(string_null("done_by_name"))
            .col(integer_null("created_by"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version"))
            .foreign_key(&mut fk(
                "development_steps",
                "participant_id",
                "participants",
            ))
            .to_owned(),
    ]
}

const INDEXES: &[(&str, &[&str])] = &[
    ("learning_criteria", &["internship_id"]),
    ("criterion_ticks", &["criterion_id"]),
    ("criterion_ticks", &["internship_id"]),
    ("progress_entries", &["internship_id"]),
    ("progress_comments", &["entry_id"]),
    ("development_steps", &["participant_id"]),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in tables() {
            manager.create_table(t).await?;
        }
        create_indexes(manager, INDEXES).await?;
        // One row per revision of each assessment: two saves at once cannot both make revision 2.
        manager
            .create_index(
                Index::create()
                    .name("uq_assessments_revision")
                    .table("assessments")
                    .col("internship_id")
                    .col("kind")
                    .col("assessor")
                    .col("revision")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("organisations")
                    .add_column(text_null("checklist_template"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("organisations")
                    .drop_column("checklist_template")
                    .to_owned(),
            )
            .await?;
        for t in [
            "development_steps",
            "assessments",
            "progress_comments",
            "progress_entries",
            "criterion_ticks",
            "learning_criteria",
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
