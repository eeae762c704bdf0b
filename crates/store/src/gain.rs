//! The socio-economic calculation's records: the installation's value table (an admin edits
//! it, the programmes' staff read it), each programme's parameters and programme costs (its
//! manager sets them), and the months in each status after leaving, gathered from the
//! programme's outcome records for the domain's calculation.

use brygga_domain::gain::{GainInput, GainStatus, Params, Party, ValueInput, months_after};
use brygga_domain::model::OrgKind;
use brygga_domain::outcome::{FollowUpPoint, OutcomeStatus};
use brygga_domain::policy::{Action, Relation, Resource};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::AuditAction;
use crate::entities::{gain_setting, gain_value, organisation, participant};
use crate::{Actor, Result, Store, StoreError, from_json};

/// A row of the value table as stored.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ValueRow {
    pub id: i32,
    pub value: ValueInput,
    pub updated_by_name: String,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// A programme's parameters and programme costs; the product's defaults until its manager
/// saves her own (`version` 0).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct GainSettings {
    pub params: Params,
    #[schema(value_type = Vec<(String, i64)>)]
    pub costs: Vec<(Party, i64)>,
    pub updated_by_name: String,
    pub updated_at: Option<DateTime<Utc>>,
    pub version: i32,
}

/// What the calculation counts, from the programme's records.
#[derive(Debug, Clone, Serialize)]
pub struct GainFacts {
    pub input: GainInput,
    /// Participants who left without any outcome recorded: not counted.
    pub without_outcomes: u32,
    /// Participants who left without consent to count in statistics: not counted.
    pub without_consent: u32,
}

fn row(m: gain_value::Model) -> ValueRow {
    ValueRow {
        id: m.id,
        value: ValueInput {
            status: GainStatus::parse(&m.status).unwrap_or(GainStatus::Before),
            item: m.item,
            kind: brygga_domain::gain::FlowKind::parse(&m.kind)
                .unwrap_or(brygga_domain::gain::FlowKind::Cost),
            party: Party::parse(&m.party).ok(),
            amount: m.amount,
            source: m.source,
            dated_on: m.dated_on,
            example: m.example,
        },
        updated_by_name: m.updated_by_name,
        updated_at: m.updated_at,
        version: m.version,
    }
}

fn may(actor: &Actor, action: Action) -> Result<()> {
    if actor.may(action, Resource::GainTable) {
        Ok(())
    } else {
        Err(StoreError::Forbidden)
    }
}

impl Store {
    /// The value table, by status and then as entered.
    pub async fn gain_values(&self, actor: &Actor) -> Result<Vec<ValueRow>> {
        may(actor, Action::List)?;
        let mut rows: Vec<ValueRow> = gain_value::Entity::find()
            .order_by_asc(gain_value::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(row)
            .collect();
        let order = GainStatus::all();
        rows.sort_by_key(|r| order.iter().position(|s| *s == r.value.status));
        Ok(rows)
    }

    /// Add a value (an admin).
    pub async fn gain_value_create(&self, actor: &Actor, v: &ValueInput) -> Result<i32> {
        may(actor, Action::Create)?;
        let tx = crate::begin_write(&self.db).await?;
        let m = gain_value::ActiveModel {
            status: Set(v.status.as_str().to_string()),
            item: Set(v.item.clone()),
            kind: Set(v.kind.as_str().to_string()),
            party: Set(v.party.map_or("", |p| p.as_str()).to_string()),
            amount: Set(v.amount),
            source: Set(v.source.clone()),
            dated_on: Set(v.dated_on),
            example: Set(v.example),
            updated_by_name: Set(actor.name.clone()),
            updated_at: Set(crate::now()),
            version: Set(1),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Create,
            "gain_value",
            Some(m.id),
            &[
                "status", "item", "kind", "party", "amount", "source", "dated_on",
            ],
        )
        .await?;
        Ok(m.id)
    }

    /// Change a value as last read (`version`): a stale version is a conflict.
    pub async fn gain_value_update(
        &self,
        actor: &Actor,
        id: i32,
        version: i32,
        v: &ValueInput,
    ) -> Result<()> {
        may(actor, Action::Update)?;
        gain_value::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let tx = crate::begin_write(&self.db).await?;
        let q = gain_value::Entity::update_many()
            .col_expr(gain_value::Column::Status, Expr::value(v.status.as_str()))
            .col_expr(gain_value::Column::Item, Expr::value(v.item.clone()))
            .col_expr(gain_value::Column::Kind, Expr::value(v.kind.as_str()))
            .col_expr(
                gain_value::Column::Party,
                Expr::value(v.party.map_or("", |p| p.as_str())),
            )
            .col_expr(gain_value::Column::Amount, Expr::value(v.amount))
            .col_expr(gain_value::Column::Source, Expr::value(v.source.clone()))
            .col_expr(gain_value::Column::DatedOn, Expr::value(v.dated_on))
            .col_expr(gain_value::Column::Example, Expr::value(v.example))
            .col_expr(
                gain_value::Column::UpdatedByName,
                Expr::value(actor.name.clone()),
            )
            .col_expr(gain_value::Column::UpdatedAt, Expr::value(crate::now()));
        crate::update_versioned(&tx, q, id, version, StoreError::Db).await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "gain_value",
            Some(id),
            &[
                "status", "item", "kind", "party", "amount", "source", "dated_on", "example",
            ],
        )
        .await
    }

    /// Remove a value (an admin).
    pub async fn gain_value_delete(&self, actor: &Actor, id: i32) -> Result<()> {
        may(actor, Action::Delete)?;
        let tx = crate::begin_write(&self.db).await?;
        let gone = gain_value::Entity::delete_by_id(id).exec(&tx).await?;
        if gone.rows_affected == 0 {
            return Err(StoreError::NotFound);
        }
        self.commit_audited(tx, actor, AuditAction::Delete, "gain_value", Some(id), &[])
            .await
    }

    /// Whether the actor may `action` a programme-wide `resource` (a calculation, an export) of
    /// programme `programme_id`: a programme out of scope is refused, one that does not exist
    /// is not found.
    pub(crate) async fn programme_checked(
        &self,
        actor: &Actor,
        programme_id: i32,
        action: Action,
        resource: Resource,
    ) -> Result<()> {
        let org = organisation::Entity::find_by_id(programme_id)
            .one(&self.db)
            .await?;
        if org.is_none_or(|o| o.kind.get() != OrgKind::Programme) {
            return Err(StoreError::NotFound);
        }
        let rel = if actor.in_org_scope(programme_id) {
            Relation::InOrgScope
        } else {
            Relation::Unrelated
        };
        enforce(decide_any(actor, action, resource, &[rel]))
    }

    /// The programme's parameters and costs (the defaults until saved).
    pub async fn gain_settings(&self, actor: &Actor, programme_id: i32) -> Result<GainSettings> {
        self.programme_checked(actor, programme_id, Action::Read, Resource::Gain)
            .await?;
        Ok(
            match gain_setting::Entity::find_by_id(programme_id)
                .one(&self.db)
                .await?
            {
                Some(m) => GainSettings {
                    params: serde_json::from_str(&m.params).unwrap_or_else(|_| Params::example()),
                    costs: from_json(&m.costs),
                    updated_by_name: m.updated_by_name,
                    updated_at: Some(m.updated_at),
                    version: m.version,
                },
                None => GainSettings {
                    params: Params::example(),
                    costs: vec![],
                    updated_by_name: String::new(),
                    updated_at: None,
                    version: 0,
                },
            },
        )
    }

    /// Save the programme's parameters and costs as last read (`version`, 0 for the defaults).
    pub async fn gain_settings_set(
        &self,
        actor: &Actor,
        programme_id: i32,
        version: i32,
        params: &Params,
        costs: &[(Party, i64)],
    ) -> Result<()> {
        self.programme_checked(actor, programme_id, Action::Update, Resource::Gain)
            .await?;
        let params_json = serde_json::to_string(params)
            .map_err(|e| StoreError::Db(sea_orm::DbErr::Custom(e.to_string())))?;
        let costs_json = serde_json::to_string(costs)
            .map_err(|e| StoreError::Db(sea_orm::DbErr::Custom(e.to_string())))?;
        let tx = crate::begin_write(&self.db).await?;
        let now = crate::now();
        let existing = gain_setting::Entity::find_by_id(programme_id)
            .one(&tx)
            .await?;
        match existing {
            None if version == 0 => {
                gain_setting::ActiveModel {
                    programme_id: Set(programme_id),
                    params: Set(params_json),
                    costs: Set(costs_json),
                    updated_by_name: Set(actor.name.clone()),
                    updated_at: Set(now),
                    version: Set(1),
                }
                .insert(&tx)
                .await?;
            }
            Some(_) => {
                let update = gain_setting::Entity::update_many()
                    .col_expr(gain_setting::Column::Params, Expr::value(params_json))
                    .col_expr(gain_setting::Column::Costs, Expr::value(costs_json))
                    .col_expr(
                        gain_setting::Column::UpdatedByName,
                        Expr::value(actor.name.clone()),
                    )
                    .col_expr(gain_setting::Column::UpdatedAt, Expr::value(now));
                crate::update_versioned(&tx, update, programme_id, version, StoreError::from)
                    .await?;
            }
            _ => return Err(StoreError::Conflict),
        }
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "gain_settings",
            Some(programme_id),
            &["params", "costs"],
        )
        .await
    }

    /// The months in each status during the first year after leaving, summed over the
    /// programme's participants who left with an outcome recorded and consent to count in
    /// statistics, with the programme's costs; the counterfactual is a year before the
    /// programme for each of them.
    pub async fn gain_facts(&self, actor: &Actor, programme_id: i32) -> Result<GainFacts> {
        let settings = self.gain_settings(actor, programme_id).await?;
        let people: Vec<(i32, String)> = participant::Entity::find()
            .filter(participant::Column::ProgrammeId.eq(programme_id))
            .filter(participant::Column::Id.in_subquery(crate::exit::left_ids()))
            .select_only()
            .column(participant::Column::Id)
            .column(participant::Column::Consents)
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut without_consent = 0;
        let mut counted = vec![];
        for (id, consents) in people {
            if crate::evaluation::counts_in_statistics(&consents) {
                counted.push(id);
            } else {
                without_consent += 1;
            }
        }
        let mut records: std::collections::BTreeMap<i32, Vec<(FollowUpPoint, OutcomeStatus)>> =
            counted.iter().map(|id| (*id, vec![])).collect();
        for chunk in counted.chunks(crate::process::CHUNK) {
            for (pid, point, status) in crate::outcome::statuses_of(&self.db, chunk).await? {
                if let Some(list) = records.get_mut(&pid) {
                    list.push((point, status));
                }
            }
        }
        let mut participants = 0u32;
        let mut without_outcomes = 0u32;
        let mut months = std::collections::BTreeMap::new();
        for list in records.values() {
            match months_after(list) {
                Some(m) => {
                    participants += 1;
                    for (s, n) in m {
                        *months.entry(s).or_insert(0.0) += n;
                    }
                }
                None => without_outcomes += 1,
            }
        }
        Ok(GainFacts {
            input: GainInput::new(participants, months, settings.costs),
            without_outcomes,
            without_consent,
        })
    }
}
