//! The audit chain is keyed with the installation secret from here on. Entries written before
//! were chained with plain SHA-256; `scheme` tells which way each entry was hashed, so `verify`
//! can still check the old part of the chain (and say how much of it there is).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("audit_log")
                    .add_column(text("scheme").default("sha256"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("audit_log")
                    .drop_column("scheme")
                    .to_owned(),
            )
            .await
    }
}
