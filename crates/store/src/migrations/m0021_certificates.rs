//! Certificates: what each says as issued (`content`, JSON), its signed credential (a VC-JWT),
//! and its revocation. `live_key` (`{internship}:{kind}`, NULL once revoked) keeps one live
//! certificate of a kind per internship, so a double submit cannot issue two. The public keys
//! that have signed credentials are kept so that a verifier can still check an old one after
//! the installation's secret has changed.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0001_initial::{create_indexes, create_uniques};
use super::m0019_learning::fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: &[(&str, &[&str])] = &[
    ("certificates", &["internship_id"]),
    ("certificates", &["participant_id"]),
];

const UNIQUES: &[(&str, &str, &[&str])] = &[
    (
        "uq_certificates_credential",
        "certificates",
        &["credential_id"],
    ),
    ("uq_certificates_live", "certificates", &["live_key"]),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("certificates")
                    .col(pk_auto("id"))
                    .col(integer("internship_id"))
                    .col(integer("participant_id"))
                    .col(string_len("kind", 16))
                    .col(string_len("credential_id", 36))
                    .col(string_len_null("live_key", 40))
                    .col(text("content"))
                    .col(text("credential"))
                    .col(string_len("key_id", 64))
                    .col(string_len("language", 8))
                    .col(timestamp_with_time_zone("issued_at"))
                    .col(integer_null("issued_by"))
                    .col(string_len("issued_by_name", 200))
                    .col(timestamp_with_time_zone_null("revoked_at"))
                    .col(string_len_null("revoked_by_name", 200))
                    .col(text_null("revoked_reason"))
                    .col(integer("version"))
                    .foreign_key(&mut fk("certificates", "internship_id", "internships"))
                    .foreign_key(&mut fk("certificates", "participant_id", "participants"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("credential_keys")
                    .col(string_len("key_id", 64).primary_key())
                    .col(string_len("public_key", 64))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        create_indexes(manager, INDEXES).await?;
        create_uniques(manager, UNIQUES).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in ["credential_keys", "certificates"] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
