//! Whether a participant shares with employers, kept beside the consents it is derived from, so
//! that list filters (an employer contact's candidates, a participant's agreements) can ask the
//! database: the relations that reach a participant through an employer hold only while this
//! consent is active.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, TryGetable};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("participants")
                    .add_column(boolean("shares_with_employers").default(false))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        let select = Query::select()
            .columns(["id", "consents"])
            .from("participants")
            .to_owned();
        let rows = db.query_all(&select).await?;
        for row in rows {
            let id = i32::try_get(&row, "", "id").map_err(|e| DbErr::Custom(format!("{e:?}")))?;
            let consents = String::try_get(&row, "", "consents")
                .map_err(|e| DbErr::Custom(format!("{e:?}")))?;
            if crate::participant::consents_share_with_employers(&consents) {
                let update = Query::update()
                    .table("participants")
                    .value("shares_with_employers", true)
                    .and_where(Expr::col("id").eq(id))
                    .to_owned();
                db.execute(&update).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("participants")
                    .drop_column("shares_with_employers")
                    .to_owned(),
            )
            .await
    }
}
