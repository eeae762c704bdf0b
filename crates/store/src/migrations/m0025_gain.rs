//! The socio-economic calculation: the installation's value table (seeded with the product's
//! example values, marked as examples) and each programme's parameters and programme costs.

use brygga_domain::gain::example_values;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0019_learning::fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("gain_values")
                    .col(pk_auto("id"))
                    .col(string_len("status", 32))
                    .col(string_len("item", 200))
                    .col(string_len("kind", 16))
                    .col(string_len("party", 16))
                    .col(big_integer("amount"))
                    .col(text("source"))
                    .col(date("dated_on"))
                    .col(boolean("example"))
                    .col(string_len("updated_by_name", 200))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("gain_settings")
                    .col(integer("programme_id").primary_key())
                    .col(text("params"))
                    .col(text("costs"))
                    .col(string_len("updated_by_name", 200))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer("version"))
                    .foreign_key(&mut fk("gain_settings", "programme_id", "organisations"))
                    .to_owned(),
            )
            .await?;
        let now = chrono::Utc::now();
        for v in example_values() {
            let insert = Query::insert()
                .into_table(Alias::new("gain_values"))
                .columns(
                    [
                        "status",
                        "item",
                        "kind",
                        "party",
                        "amount",
                        "source",
                        "dated_on",
                        "example",
                        "updated_by_name",
                        "updated_at",
                        "version",
                    ]
                    .map(Alias::new),
                )
                .values([
                    v.status.as_str().into(),
                    v.item.clone().into(),
                    v.kind.as_str().into(),
                    v.party.map_or("", |p| p.as_str()).into(),
                    v.amount.into(),
                    v.source.clone().into(),
                    v.dated_on.into(),
                    v.example.into(),
                    "Brygga".into(),
                    now.into(),
                    1.into(),
                ])
                .map_err(|e| DbErr::Custom(e.to_string()))?
                .to_owned();
            manager.exec_stmt(insert).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("gain_settings").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("gain_values").to_owned())
            .await
    }
}
