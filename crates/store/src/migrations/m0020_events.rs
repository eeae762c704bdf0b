//! Events: kinds an admin added, events with their sessions, the register of trained staff,
//! registrations (one per person and event: `who_key`), attendance per session, invitations
//! sent, and a matching fair's employers, timetable and the employers' wishes to meet again.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0001_initial::{create_indexes, create_uniques};
use super::m0019_learning::fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("event_kinds")
            .col(pk_auto("id"))
            .col(string_len("name", 200))
            .col(timestamp_with_time_zone("created_at"))
            .to_owned(),
        Table::create()
            .table("events")
            .col(pk_auto("id"))
            .col(integer("programme_id"))
            .col(string_len("kind", 40))
            .col(string_len("title", 200))
            .col(text("description"))
            .col(integer("capacity"))
            .col(string_len("audience", 200))
            .col(boolean("public"))
            .col(integer("slot_minutes"))
            .col(integer("meetings_per_candidate"))
            .col(timestamp_with_time_zone_null("timetable_sent_at"))
            .col(integer_null("created_by"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version"))
            .foreign_key(&mut fk("events", "programme_id", "organisations"))
            .to_owned(),
        Table::create()
            .table("event_sessions")
            .col(pk_auto("id"))
            .col(integer("event_id"))
            .col(timestamp_with_time_zone("starts_at"))
            .col(timestamp_with_time_zone("ends_at"))
            .col(string_len("place", 200))
            .col(string_len("link", 500))
            .col(timestamp_with_time_zone_null("reminded_at"))
            .foreign_key(&mut fk("event_sessions", "event_id", "events"))
            .to_owned(),
        Table::create()
            .table("event_people")
            .col(pk_auto("id"))
            .col(integer("programme_id"))
            .col(string_len("name", 200))
            .col(string_len("email", 254))
            .col(string_len("organisation", 200))
            .col(string_len("role_level", 16))
            .col(string_len("gender", 16))
            .col(integer_null("supervisor_id"))
            .col(integer_null("user_id"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version"))
            .foreign_key(&mut fk("event_people", "programme_id", "organisations"))
            .to_owned(),
        Table::create()
            .table("event_registrations")
            .col(pk_auto("id"))
            .col(integer("event_id"))
            .col(string_len("who_key", 300))
            .col(integer_null("participant_id"))
            .col(integer_null("person_id"))
            .col(integer_null("user_id"))
            .col(string_len("name", 200))
            .col(string_len("email", 254))
            .col(string_len("phone", 40))
            .col(string_len("status", 16))
            .col(string_len("source", 16))
            .col(timestamp_with_time_zone_null("consent_at"))
            .col(string_len("client_hash", 64))
            .col(integer_null("created_by"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version"))
            .foreign_key(&mut fk("event_registrations", "event_id", "events"))
            .to_owned(),
        Table::create()
            .table("event_attendance")
            .col(pk_auto("id"))
            .col(integer("session_id"))
            .col(integer("registration_id"))
            .col(string_len("mark", 16))
            .col(integer_null("recorded_by"))
            .col(timestamp_with_time_zone("recorded_at"))
            .foreign_key(&mut fk("event_attendance", "session_id", "event_sessions"))
            .foreign_key(&mut fk(
                "event_attendance",
                "registration_id",
                "event_registrations",
            ))
            .to_owned(),
        Table::create()
            .table("event_invitations")
            .col(pk_auto("id"))
            .col(integer("event_id"))
            .col(string_len("who_key", 300))
            .col(integer_null("user_id"))
            .col(string_len("name", 200))
            .col(string_len("email", 254))
            .col(timestamp_with_time_zone("sent_at"))
            .foreign_key(&mut fk("event_invitations", "event_id", "events"))
            .to_owned(),
        Table::create()
            .table("fair_employers")
            .col(pk_auto("id"))
            .col(integer("event_id"))
            .col(integer("employer_id"))
            .col(integer("tables"))
            .col(integer("first_table"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk("fair_employers", "event_id", "events"))
            .foreign_key(&mut fk("fair_employers", "employer_id", "employers"))
            .to_owned(),
        Table::create()
            .table("fair_meetings")
            .col(pk_auto("id"))
            .col(integer("event_id"))
            .col(integer("registration_id"))
            .col(integer("employer_id"))
            .col(integer("slot"))
            .col(integer("table_no"))
            .col(double("fit"))
            .foreign_key(&mut fk("fair_meetings", "event_id", "events"))
            .foreign_key(&mut fk(
                "fair_meetings",
                "registration_id",
                "event_registrations",
            ))
            .to_owned(),
        Table::create()
            .table("fair_wishes")
            .col(pk_auto("id"))
            .col(integer("event_id"))
            .col(integer("employer_id"))
            .col(integer("participant_id"))
            .col(integer_null("created_by"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk("fair_wishes", "event_id", "events"))
            .foreign_key(&mut fk("fair_wishes", "participant_id", "participants"))
            .to_owned(),
    ]
}

const INDEXES: &[(&str, &[&str])] = &[
    ("events", &["programme_id"]),
    ("event_sessions", &["event_id"]),
    ("event_people", &["programme_id"]),
    ("event_people", &["supervisor_id"]),
    ("event_registrations", &["participant_id"]),
    ("event_registrations", &["person_id"]),
    ("event_registrations", &["user_id"]),
    ("event_registrations", &["client_hash"]),
    ("event_attendance", &["registration_id"]),
    ("event_invitations", &["user_id"]),
    ("fair_meetings", &["event_id"]),
    ("fair_wishes", &["participant_id"]),
];

const UNIQUES: &[(&str, &str, &[&str])] = &[
    (
        "uq_event_registrations_who",
        "event_registrations",
        &["event_id", "who_key"],
    ),
    (
        "uq_event_attendance",
        "event_attendance",
        &["session_id", "registration_id"],
    ),
    (
        "uq_event_invitations_who",
        "event_invitations",
        &["event_id", "who_key"],
    ),
    (
        "uq_fair_employers",
        "fair_employers",
        &["event_id", "employer_id"],
    ),
    (
        "uq_fair_wishes",
        "fair_wishes",
        &["event_id", "employer_id", "participant_id"],
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in tables() {
            manager.create_table(t).await?;
        }
        create_indexes(manager, INDEXES).await?;
        create_uniques(manager, UNIQUES).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "fair_wishes",
            "fair_meetings",
            "fair_employers",
            "event_invitations",
            "event_attendance",
            "event_registrations",
            "event_people",
            "event_sessions",
            "events",
            "event_kinds",
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
