//! Courses beside the internship: the course (a programme's, with its education provider's
//! teachers), its sessions, enrolments, attendance per session and progress notes.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0001_initial::{create_indexes, fk};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("courses")
            .col(pk_auto("id"))
            .col(integer("programme_id"))
            .col(string("kind"))
            .col(string("name"))
            .col(string("location"))
            .col(date("start_date"))
            .col(date("end_date"))
            .col(integer("capacity"))
            .col(integer_null("created_by"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version").default(1))
            .foreign_key(&mut fk("courses", "programme_id", "organisations"))
            .to_owned(),
        Table::create()
            .table("course_teachers")
            .col(pk_auto("id"))
            .col(integer("course_id"))
            .col(integer("user_id"))
            .foreign_key(&mut fk("course_teachers", "course_id", "courses"))
            .foreign_key(&mut fk("course_teachers", "user_id", "users"))
            .to_owned(),
        // Times are Swedish local time, as the timetable says.
        Table::create()
            .table("course_sessions")
            .col(pk_auto("id"))
            .col(integer("course_id"))
            .col(date("date"))
            .col(time("start_time"))
            .col(time("end_time"))
            .col(string("topic"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk("course_sessions", "course_id", "courses"))
            .to_owned(),
        Table::create()
            .table("course_enrolments")
            .col(pk_auto("id"))
            .col(integer("course_id"))
            .col(integer("participant_id"))
            .col(string("status"))
            .col(integer_null("created_by"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version").default(1))
            .foreign_key(&mut fk("course_enrolments", "course_id", "courses"))
            .foreign_key(&mut fk(
                "course_enrolments",
                "participant_id",
                "participants",
            ))
            .to_owned(),
        Table::create()
            .table("course_attendance")
            .col(pk_auto("id"))
            .col(integer("session_id"))
            .col(integer("enrolment_id"))
            .col(string("mark"))
            .col(integer_null("recorded_by"))
            .col(timestamp_with_time_zone("recorded_at"))
            .foreign_key(&mut fk(
                "course_attendance",
                "session_id",
                "course_sessions",
            ))
            .foreign_key(&mut fk(
                "course_attendance",
                "enrolment_id",
                "course_enrolments",
            ))
            .to_owned(),
        Table::create()
            .table("course_progress_notes")
            .col(pk_auto("id"))
            .col(integer("enrolment_id"))
            .col(date("note_date"))
            .col(text("text"))
            .col(integer_null("author_id"))
            .col(string("author"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk(
                "course_progress_notes",
                "enrolment_id",
                "course_enrolments",
            ))
            .to_owned(),
    ]
}

const INDEXES: &[(&str, &[&str])] = &[
    ("courses", &["programme_id", "start_date"]),
    ("courses", &["kind"]),
    ("course_teachers", &["user_id"]),
    ("course_sessions", &["course_id", "date"]),
    ("course_sessions", &["date"]),
    ("course_enrolments", &["participant_id"]),
    ("course_enrolments", &["status"]),
    ("course_attendance", &["enrolment_id"]),
    ("course_progress_notes", &["enrolment_id"]),
];

/// One participant once per course, one teacher once per course, one mark per session and
/// enrolment: a second submit is a field error or an update, never a second row.
const UNIQUES: &[(&str, &[&str])] = &[
    ("course_teachers", &["course_id", "user_id"]),
    ("course_enrolments", &["course_id", "participant_id"]),
    ("course_attendance", &["session_id", "enrolment_id"]),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in tables() {
            manager.create_table(t).await?;
        }
        create_indexes(manager, INDEXES).await?;
        for (table, cols) in UNIQUES {
            let mut idx = Index::create();
            idx.name(format!("uq_{}_{}", table, cols.join("_")))
                .table(*table)
                .unique();
            for c in *cols {
                idx.col(*c);
            }
            manager.create_index(idx).await?;
        }
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
