use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

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

pub(super) fn fk_null(
    from: &'static str,
    col: &'static str,
    to: &'static str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from, col)
        .to(to, "id")
        .on_delete(ForeignKeyAction::SetNull)
        .to_owned()
}

fn tables() -> Vec<TableCreateStatement> {
    vec![
        Table::create()
            .table("organisations")
            .col(pk_auto("id"))
            .col(string("kind"))
            .col(string("name"))
            .col(integer_null("parent_id"))
            .col(string_null("municipality_code"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk("organisations", "parent_id", "organisations"))
            .to_owned(),
        Table::create()
            .table("employers")
            .col(pk_auto("id"))
            .col(string("name"))
            .col(string_uniq("org_number"))
            .col(string("sector"))
            .col(string("agreement_status"))
            .col(date_null("agreement_date"))
            .col(text("notes"))
            .col(text("search_text"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version").default(1))
            .to_owned(),
        Table::create()
            .table("users")
            .col(pk_auto("id"))
            .col(string_uniq("email"))
            .col(string("name"))
            .col(string("role"))
            .col(string("password_hash"))
            .col(integer_null("employer_id"))
            .col(boolean("active").default(true))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk_null("users", "employer_id", "employers"))
            .to_owned(),
        Table::create()
            .table("memberships")
            .col(pk_auto("id"))
            .col(integer("user_id"))
            .col(integer("org_id"))
            .foreign_key(&mut fk("memberships", "user_id", "users"))
            .foreign_key(&mut fk("memberships", "org_id", "organisations"))
            .to_owned(),
        Table::create()
            .table("sessions")
            .col(string("id").primary_key())
            .col(text("data"))
            .col(timestamp_with_time_zone("expires_at"))
            .to_owned(),
        Table::create()
            .table("login_attempts")
            .col(pk_auto("id"))
            .col(string("email"))
            .col(string("ip"))
            .col(timestamp_with_time_zone("at"))
            .col(boolean("success"))
            .to_owned(),
        Table::create()
            .table("api_tokens")
            .col(pk_auto("id"))
            .col(integer("user_id"))
            .col(string("name"))
            .col(string_uniq("token_hash"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone_null("last_used_at"))
            .foreign_key(&mut fk("api_tokens", "user_id", "users"))
            .to_owned(),
        // Append-only: no foreign keys, so deleting a user or record never touches its trail.
        Table::create()
            .table("audit_log")
            .col(pk_auto("id"))
            .col(timestamp_with_time_zone("at"))
            .col(integer_null("actor_id"))
            .col(string("actor"))
            .col(string("action"))
            .col(string("resource"))
            .col(integer_null("record_id"))
            .col(text("fields"))
            .col(string("prev_hash"))
            .col(string("hash"))
            .to_owned(),
        Table::create()
            .table("audit_head")
            .col(integer("id").primary_key())
            .col(big_integer("seq"))
            .col(string("hash"))
            .to_owned(),
        Table::create()
            .table("employer_units")
            .col(pk_auto("id"))
            .col(integer("employer_id"))
            .col(string("name"))
            .col(string("address"))
            .col(string("municipality_code"))
            .foreign_key(&mut fk("employer_units", "employer_id", "employers"))
            .to_owned(),
        Table::create()
            .table("employer_contacts")
            .col(pk_auto("id"))
            .col(integer("employer_id"))
            .col(string("name"))
            .col(string("title"))
            .col(string("email"))
            .col(string("phone"))
            .foreign_key(&mut fk("employer_contacts", "employer_id", "employers"))
            .to_owned(),
        Table::create()
            .table("supervisors")
            .col(pk_auto("id"))
            .col(integer("employer_id"))
            .col(integer_null("unit_id"))
            .col(string("name"))
            .col(string("email"))
            .col(string("phone"))
            .col(string("training_status"))
            .col(integer_null("user_id"))
            .foreign_key(&mut fk("supervisors", "employer_id", "employers"))
            .foreign_key(&mut fk_null("supervisors", "unit_id", "employer_units"))
            .foreign_key(&mut fk_null("supervisors", "user_id", "users"))
            .to_owned(),
        Table::create()
            .table("placements")
            .col(pk_auto("id"))
            .col(integer("employer_id"))
            .col(integer_null("unit_id"))
            .col(string("title"))
            .col(string("ssyk_code"))
            .col(text("tasks"))
            .col(text("required_skills"))
            .col(text("desired_skills"))
            .col(string("min_swedish"))
            .col(text("other_languages"))
            .col(string("education_level"))
            .col(string("driving_licence"))
            .col(integer("days_per_week"))
            .col(integer("hours_per_week"))
            .col(string("municipality_code"))
            .col(string("address"))
            .col(date("period_start"))
            .col(date("period_end"))
            .col(integer("places"))
            .col(text("accommodations"))
            .col(string("status"))
            .col(text("search_text"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version").default(1))
            .foreign_key(&mut fk("placements", "employer_id", "employers"))
            .foreign_key(&mut fk_null("placements", "unit_id", "employer_units"))
            .to_owned(),
        Table::create()
            .table("participants")
            .col(pk_auto("id"))
            .col(integer("programme_id"))
            .col(integer_null("cohort_id"))
            .col(string("first_name"))
            .col(string("last_name"))
            .col(string_null("personnummer").unique_key())
            .col(string("email"))
            .col(string("phone"))
            .col(string("municipality_code"))
            .col(string("gender"))
            .col(integer("birth_year"))
            .col(string_null("swedish_level"))
            .col(text("languages"))
            .col(string_null("sfi_level"))
            .col(string("education_level"))
            .col(string("education_field"))
            .col(string("education_country"))
            .col(text("experience"))
            .col(text("skills"))
            .col(text("wished_occupations"))
            .col(text("available_days"))
            .col(integer("max_commute_km"))
            .col(string("driving_licence"))
            .col(text("special_needs"))
            .col(string("eligibility"))
            .col(text("consents"))
            .col(integer_null("user_id"))
            .col(text("search_text"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version").default(1))
            .foreign_key(&mut fk("participants", "programme_id", "organisations"))
            .foreign_key(&mut fk_null("participants", "cohort_id", "organisations"))
            .foreign_key(&mut fk_null("participants", "user_id", "users"))
            .to_owned(),
        Table::create()
            .table("internships")
            .col(pk_auto("id"))
            .col(integer("participant_id"))
            .col(integer("placement_id"))
            .col(integer_null("supervisor_id"))
            .col(date("start_date"))
            .col(date("end_date"))
            .foreign_key(&mut fk("internships", "participant_id", "participants"))
            .foreign_key(&mut fk("internships", "placement_id", "placements"))
            .foreign_key(&mut fk_null("internships", "supervisor_id", "supervisors"))
            .to_owned(),
        Table::create()
            .table("candidate_proposals")
            .col(pk_auto("id"))
            .col(integer("participant_id"))
            .col(integer("placement_id"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk(
                "candidate_proposals",
                "participant_id",
                "participants",
            ))
            .foreign_key(&mut fk("candidate_proposals", "placement_id", "placements"))
            .to_owned(),
        Table::create()
            .table("case_shares")
            .col(pk_auto("id"))
            .col(integer("participant_id"))
            .col(integer("user_id"))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk("case_shares", "participant_id", "participants"))
            .foreign_key(&mut fk("case_shares", "user_id", "users"))
            .to_owned(),
    ]
}

/// (table, columns): an index for every list filter and every foreign key looked up by scope.
const INDEXES: &[(&str, &[&str])] = &[
    ("organisations", &["parent_id"]),
    ("memberships", &["user_id"]),
    ("sessions", &["expires_at"]),
    ("login_attempts", &["email", "at"]),
    ("login_attempts", &["ip", "at"]),
    ("audit_log", &["resource", "record_id"]),
    ("audit_log", &["actor_id"]),
    ("audit_log", &["at"]),
    ("employers", &["sector"]),
    ("employers", &["name"]),
    ("employer_units", &["employer_id"]),
    ("employer_contacts", &["employer_id"]),
    ("supervisors", &["employer_id"]),
    ("supervisors", &["user_id"]),
    ("placements", &["employer_id"]),
    ("placements", &["status"]),
    ("placements", &["municipality_code"]),
    ("placements", &["ssyk_code"]),
    ("participants", &["programme_id"]),
    ("participants", &["municipality_code"]),
    ("participants", &["eligibility"]),
    ("participants", &["last_name", "first_name"]),
    ("participants", &["user_id"]),
    ("internships", &["participant_id"]),
    ("internships", &["supervisor_id"]),
    ("candidate_proposals", &["placement_id"]),
    ("candidate_proposals", &["participant_id"]),
    ("case_shares", &["user_id"]),
];

/// One index per (table, columns), named `idx_<table>_<columns>`.
pub(super) async fn create_indexes(
    manager: &SchemaManager<'_>,
    indexes: &[(&'static str, &[&'static str])],
) -> Result<(), DbErr> {
    for (table, cols) in indexes {
        let mut idx = Index::create();
        idx.name(format!("idx_{}_{}", table, cols.join("_")))
            .table(*table);
        for c in *cols {
            idx.col(*c);
        }
        manager.create_index(idx).await?;
    }
    Ok(())
}

/// Unique indexes, each as (name, table, columns).
pub(super) async fn create_uniques(
    manager: &SchemaManager<'_>,
    uniques: &[(&'static str, &'static str, &[&'static str])],
) -> Result<(), DbErr> {
    for (name, table, cols) in uniques {
        let mut idx = Index::create();
        idx.name(*name).table(*table).unique();
        for c in *cols {
            idx.col(*c);
        }
        manager.create_index(idx).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in tables() {
            manager.create_table(t).await?;
        }
        create_indexes(manager, INDEXES).await?;
        let head = Query::insert()
            .into_table("audit_head")
            .columns(["id", "seq", "hash"])
            .values_panic([1.into(), 0i64.into(), crate::audit::GENESIS.into()])
            .to_owned();
        manager.exec_stmt(head).await?;
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
