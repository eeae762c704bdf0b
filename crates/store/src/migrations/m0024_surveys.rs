//! The follow-up surveys (a personal link per participant and point: only its hash is kept; a
//! newer link for the same point replaces the older), and the checkpoints that move the
//! follow-up stages of the programmes' process maps from the outcome records.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::m0001_initial::create_uniques;
use super::m0019_learning::fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The follow-up stages of the default map and the checkpoint each now has.
const FOLLOW_UP_STAGES: &[(&str, &str, &str, &str)] = &[
    (
        "followed_up_3",
        "follow_up_month3",
        "Utfall efter 3 månader registrerat",
        "Outcome at 3 months recorded",
    ),
    (
        "followed_up_6",
        "follow_up_month6",
        "Utfall efter 6 månader registrerat",
        "Outcome at 6 months recorded",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("surveys")
                    .col(pk_auto("id"))
                    .col(integer("participant_id"))
                    .col(string_len("point", 16))
                    .col(integer("seq"))
                    .col(string_len("lang", 8))
                    .col(string_len("token_hash", 64))
                    .col(string_len("sent_to", 320))
                    .col(string_len("created_by_name", 200))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("replaced_at"))
                    .col(timestamp_with_time_zone_null("answered_at"))
                    .col(string_len("status", 32))
                    .col(small_integer_null("benefit"))
                    .col(small_integer_null("swedish"))
                    .col(small_integer_null("closer"))
                    .col(text("comment"))
                    .foreign_key(&mut fk("surveys", "participant_id", "participants"))
                    .to_owned(),
            )
            .await?;
        create_uniques(
            manager,
            &[
                ("uq_surveys_token", "surveys", &["token_hash"]),
                (
                    "uq_surveys_point_seq",
                    "surveys",
                    &["participant_id", "point", "seq"],
                ),
            ],
        )
        .await?;
        // Maps made before: a follow-up stage without checkpoints gets its own.
        let db = manager.get_connection();
        for (stage, kind, sv, en) in FOLLOW_UP_STAGES {
            let bare = Query::select()
                .expr(Expr::val(1))
                .from(Alias::new("process_checkpoints"))
                .and_where(
                    Expr::col((Alias::new("process_checkpoints"), Alias::new("stage_id")))
                        .equals((Alias::new("process_stages"), Alias::new("id"))),
                )
                .to_owned();
            let stages = Query::select()
                .column((Alias::new("process_stages"), Alias::new("id")))
                .from(Alias::new("process_stages"))
                .and_where(Expr::col(Alias::new("key")).eq(*stage))
                .and_where(Expr::exists(bare).not())
                .to_owned();
            for row in db.query_all(&stages).await? {
                let id: i32 = row.try_get("", "id")?;
                let insert = Query::insert()
                    .into_table(Alias::new("process_checkpoints"))
                    .columns(
                        ["stage_id", "position", "kind", "label_sv", "label_en"].map(Alias::new),
                    )
                    .values([
                        id.into(),
                        0.into(),
                        (*kind).into(),
                        (*sv).into(),
                        (*en).into(),
                    ])
                    .map_err(|e| DbErr::Custom(e.to_string()))?
                    .to_owned();
                manager.exec_stmt(insert).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (_, kind, _, _) in FOLLOW_UP_STAGES {
            let delete = Query::delete()
                .from_table(Alias::new("process_checkpoints"))
                .and_where(Expr::col(Alias::new("kind")).eq(*kind))
                .to_owned();
            manager.exec_stmt(delete).await?;
        }
        manager
            .drop_table(Table::drop().table("surveys").to_owned())
            .await
    }
}
