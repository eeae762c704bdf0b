//! Accounts for the people in the records: one-time links (invitations and password resets,
//! only their hash kept), an employer contact's link to her login, a version on users so that
//! two administrators' edits are not silently merged, and at most one login per participant
//! record and per contact record.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0001_initial::{create_indexes, fk_null};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (table, column) pairs added here. SQLite adds one column per ALTER TABLE.
fn columns() -> Vec<(&'static str, ColumnDef)> {
    vec![
        ("users", integer("version").default(1).to_owned()),
        ("employer_contacts", integer_null("user_id").to_owned()),
    ]
}

const INDEXES: &[(&str, &[&str])] = &[
    ("invitations", &["user_id"]),
    ("invitations", &["kind", "record_id"]),
    ("invitations", &["expires_at"]),
];

/// A login links to at most one participant record, and a contact record to one login.
const UNIQUE: &[(&str, &str, &str)] = &[
    ("idx_participants_user_once", "participants", "user_id"),
    (
        "idx_employer_contacts_user_once",
        "employer_contacts",
        "user_id",
    ),
];

fn invitations() -> TableCreateStatement {
    Table::create()
        .table("invitations")
        .col(pk_auto("id"))
        .col(string_uniq("token_hash"))
        // invite | reset
        .col(string("purpose"))
        // supervisor | employer_contact | participant | staff (reset: the user's)
        .col(string("kind"))
        .col(integer_null("record_id"))
        .col(string("email"))
        .col(string("name"))
        .col(string("role"))
        // JSON list of organisation ids (staff)
        .col(text("org_ids"))
        .col(integer_null("employer_id"))
        .col(string("lang"))
        // The login a reset is for, or the one an invitation made once used.
        .col(integer_null("user_id"))
        .col(integer_null("created_by"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("expires_at"))
        .col(timestamp_with_time_zone_null("used_at"))
        .col(timestamp_with_time_zone_null("revoked_at"))
        .foreign_key(&mut fk_null("invitations", "user_id", "users"))
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
        manager.create_table(invitations()).await?;
        create_indexes(manager, INDEXES).await?;
        for (name, table, col) in UNIQUE {
            manager
                .create_index(
                    Index::create()
                        .name(*name)
                        .table(*table)
                        .col(*col)
                        .unique()
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in UNIQUE {
            manager
                .drop_index(Index::drop().name(*name).table(*table).to_owned())
                .await?;
        }
        manager
            .drop_table(Table::drop().table("invitations").to_owned())
            .await?;
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
