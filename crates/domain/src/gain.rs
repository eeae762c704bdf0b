//! The socio-economic gain of a programme, in the manner of the socio-economic accounts Swedish
//! municipalities keep (KAMSO; Nilsson & Wadeskog): a dated table of yearly values per status,
//! the months participants spend in each status after the programme compared with the months
//! they would have spent without it, and from these the gain per year for society, for each
//! public actor (state, municipality, region) and for the individual.
//!
//! The table is edited by an admin, each value with its source and date. The product ships
//! `example_values()`, marked as examples: they show the method, they are not official figures.
//!
//! How a row counts, per person-year in its status (amount `A`, SEK per year):
//!
//! | kind           | society | its `party`       | individual |
//! |----------------|---------|-------------------|------------|
//! | `production`   | +A      | (none)            |            |
//! | `income`       |         | (none)            | +A         |
//! | `transfer`     |         | payer −A          | +A         |
//! | `tax`          |         | receiver +A       | −A         |
//! | `employer_tax` |         | receiver +A       |            |
//! | `cost`         | −A      | payer −A          |            |
//!
//! `income` is the pay before tax; `tax` is what the individual pays out of it (or out of a
//! taxable transfer such as aktivitetsstöd). `employer_tax` (arbetsgivaravgifter) is paid by the
//! employer, outside the four parties, out of the value of the work; it has a kind of its own
//! because a `tax` row would take it from the individual a second time. Society counts the
//! value of the work done (`production`) and the resources used (`cost`); transfers and taxes
//! only move money between the parties. Society is therefore not the sum of the parties: the
//! two agree when production is valued at its labour cost (pay plus employer tax), KAMSO's
//! convention, which the table does not enforce. A wage subsidy (nystartsjobb, lönebidrag) is
//! a `cost` to the state: with production valued at the full labour cost, the part the state
//! pays stands for the lower productivity the subsidy makes up for.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::str_enum;
use crate::outcome::{FollowUpPoint, OutcomeStatus};
use crate::text::{self, LINK_MAX, NAME_MAX};
use crate::values::parse_date;
use crate::{FieldError, FieldErrors};

str_enum!(
    /// Who gains or pays: the three public actors and the individual. Society is the whole, a
    /// view of its own and not a party.
    Party, "gain-party" {
        State = "state",
        Municipality = "municipality",
        Region = "region",
        Individual = "individual",
    }
);

impl Party {
    /// The state, a municipality or a region (they pay transfers and receive taxes).
    pub fn is_public(self) -> bool {
        self != Party::Individual
    }
}

str_enum!(
    /// What a value row is; how each kind counts is in the module's table.
    FlowKind, "gain-kind" {
        Production = "production",
        Income = "income",
        Transfer = "transfer",
        Tax = "tax",
        EmployerTax = "employer_tax",
        Cost = "cost",
    }
);

/// Which party a kind of row takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyRule {
    /// No party (production, income).
    None,
    /// The state, a municipality or a region (transfers, taxes).
    Public,
    /// Any of the four (costs).
    Any,
}

impl FlowKind {
    pub fn party_rule(self) -> PartyRule {
        match self {
            FlowKind::Production | FlowKind::Income => PartyRule::None,
            FlowKind::Transfer | FlowKind::Tax | FlowKind::EmployerTax => PartyRule::Public,
            FlowKind::Cost => PartyRule::Any,
        }
    }

    /// The error, if any, of `party` on a row of this kind.
    fn check_party(self, party: Option<Party>) -> Option<&'static str> {
        match (self.party_rule(), party) {
            (PartyRule::None, Some(_)) => Some("gain-error-party-not-allowed"),
            (PartyRule::Public | PartyRule::Any, None) => Some("gain-error-party-required"),
            (PartyRule::Public, Some(p)) if !p.is_public() => Some("gain-error-party-public"),
            _ => None,
        }
    }
}

/// A status a value row belongs to: before the programme (in the establishment programme, on
/// etableringsersättning), or one of the outcome statuses after it. Sent and stored as its
/// `as_str` form: `before` or the outcome status's key.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "&'static str")]
pub enum GainStatus {
    Before,
    After(OutcomeStatus),
}

impl GainStatus {
    /// Every status in the order the table lists them: `before`, then the outcome statuses.
    pub fn all() -> Vec<GainStatus> {
        std::iter::once(GainStatus::Before)
            .chain(OutcomeStatus::ALL.iter().map(|s| GainStatus::After(*s)))
            .collect()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            GainStatus::Before => "before",
            GainStatus::After(s) => s.as_str(),
        }
    }

    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let s = s.trim();
        if s == "before" {
            return Ok(GainStatus::Before);
        }
        OutcomeStatus::parse(s)
            .map(GainStatus::After)
            .map_err(|_| FieldError::new("status", "error-invalid-choice"))
    }

    /// Translation key of the label: `gain-status-before`, or the outcome status's own.
    pub fn label_key(self) -> String {
        match self {
            GainStatus::Before => "gain-status-before".to_string(),
            GainStatus::After(s) => s.label_key(),
        }
    }
}

impl TryFrom<String> for GainStatus {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        Self::parse(&s)
    }
}

impl From<GainStatus> for &'static str {
    fn from(v: GainStatus) -> &'static str {
        v.as_str()
    }
}

impl std::fmt::Display for GainStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl utoipa::PartialSchema for GainStatus {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(GainStatus::all().into_iter().map(GainStatus::as_str)))
            .into()
    }
}

impl utoipa::ToSchema for GainStatus {
    fn name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("GainStatus")
    }
}

str_enum!(
    /// The side of the comparison a figure comes from: the counterfactual (what would have
    /// happened without the programme) or the months after it.
    Side, "gain-side" {
        Before = "before",
        After = "after",
    }
);

str_enum!(
    /// The sensitivity range.
    Scenario, "gain-scenario" {
        Low = "low",
        Base = "base",
        High = "high",
    }
);

/// The largest amount a row may hold, SEK per person-year (a typo guard).
pub const AMOUNT_MAX: i64 = 10_000_000;
/// The longest persistence and write-off period, in years.
pub const PERIOD_MAX: f64 = 20.0;
/// The highest discount rate, percent per year.
pub const DISCOUNT_MAX: f64 = 20.0;
/// The highest effect share, percent of the estimated effect.
pub const SHARE_MAX: f64 = 200.0;

/// A value row as the admin types it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ValueDraft {
    /// `before` or an outcome status (job_regular, …, seeking, other).
    pub status: String,
    /// What the value is, e.g. "Etableringsersättning".
    pub item: String,
    /// production, income, transfer, tax, employer_tax or cost.
    pub kind: String,
    /// state, municipality, region or individual: the payer of a transfer or cost, the
    /// receiver of a tax; empty for production and income.
    pub party: String,
    /// SEK per person-year, whole kronor; spaces as thousands separator and a trailing "kr"
    /// are allowed ("80 000 kr").
    pub amount: String,
    /// Where the figure comes from (required).
    pub source: String,
    /// `YYYY-MM-DD`: the date of the figure (today or earlier).
    pub dated_on: String,
    /// Whether the figure is an example rather than the organisation's own: "true"/"on" or
    /// "false"/"" (a checkbox).
    pub example: String,
}

/// A value row of the table: SEK per person-year in `status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ValueInput {
    pub status: GainStatus,
    pub item: String,
    pub kind: FlowKind,
    pub party: Option<Party>,
    pub amount: i64,
    pub source: String,
    pub dated_on: NaiveDate,
    pub example: bool,
}

/// Whole kronor for society and each party.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Effect {
    pub society: i64,
    pub state: i64,
    pub municipality: i64,
    pub region: i64,
    pub individual: i64,
}

impl Effect {
    pub fn party(&self, p: Party) -> i64 {
        match p {
            Party::State => self.state,
            Party::Municipality => self.municipality,
            Party::Region => self.region,
            Party::Individual => self.individual,
        }
    }

    fn party_mut(&mut self, p: Party) -> &mut i64 {
        match p {
            Party::State => &mut self.state,
            Party::Municipality => &mut self.municipality,
            Party::Region => &mut self.region,
            Party::Individual => &mut self.individual,
        }
    }

    /// The four parties together (not society's figure; see the module's notes).
    pub fn parties_sum(&self) -> i64 {
        self.state + self.municipality + self.region + self.individual
    }
}

impl ValueDraft {
    /// A known status and kind, an item, a party as the kind requires, an amount in
    /// `0..=AMOUNT_MAX`, a source and a date no later than `today`.
    pub fn validate(&self, today: NaiveDate) -> Result<ValueInput, FieldErrors> {
        let mut errs = FieldErrors::default();
        let status = errs.check("status", required_choice(&self.status, GainStatus::parse));
        let item = errs.check("item", text::required("item", &self.item, NAME_MAX));
        let kind = errs.check("kind", required_choice(&self.kind, FlowKind::parse));
        let party = if self.party.trim().is_empty() {
            Some(None)
        } else {
            errs.check("party", Party::parse(&self.party).map(Some))
        };
        if let (Some(kind), Some(party)) = (kind, party)
            && let Some(key) = kind.check_party(party)
        {
            errs.push(FieldError::new("party", key));
        }
        let amount = errs.check("amount", parse_amount(&self.amount));
        let source = errs.check("source", text::required("source", &self.source, LINK_MAX));
        let dated_on = if self.dated_on.trim().is_empty() {
            errs.push(FieldError::new("dated_on", "error-required"));
            None
        } else {
            errs.check("dated_on", parse_date("dated_on", &self.dated_on))
        };
        if dated_on.is_some_and(|d| d > today) {
            errs.push(FieldError::new("dated_on", "gain-error-future"));
        }
        let example = errs.check("example", parse_flag(&self.example));
        match (status, item, kind, party, amount, source, dated_on, example) {
            (
                Some(status),
                Some(item),
                Some(kind),
                Some(party),
                Some(amount),
                Some(source),
                Some(dated_on),
                Some(example),
            ) if errs.is_empty() => Ok(ValueInput {
                status,
                item,
                kind,
                party,
                amount,
                source,
                dated_on,
                example,
            }),
            _ => Err(errs),
        }
    }
}

impl From<&ValueInput> for ValueDraft {
    /// The form for editing a saved row.
    fn from(v: &ValueInput) -> Self {
        ValueDraft {
            status: v.status.as_str().to_string(),
            item: v.item.clone(),
            kind: v.kind.as_str().to_string(),
            party: v.party.map(|p| p.as_str().to_string()).unwrap_or_default(),
            amount: v.amount.to_string(),
            source: v.source.clone(),
            dated_on: v.dated_on.format("%Y-%m-%d").to_string(),
            example: v.example.to_string(),
        }
    }
}

impl ValueInput {
    /// What one person-year in the row's status brings society and each party (the module's
    /// table).
    pub fn effect(&self) -> Effect {
        let a = self.amount;
        let mut e = Effect::default();
        match self.kind {
            FlowKind::Production => e.society += a,
            FlowKind::Income => e.individual += a,
            FlowKind::Transfer => {
                if let Some(p) = self.party {
                    *e.party_mut(p) -= a;
                }
                e.individual += a;
            }
            FlowKind::Tax => {
                if let Some(p) = self.party {
                    *e.party_mut(p) += a;
                }
                e.individual -= a;
            }
            FlowKind::EmployerTax => {
                if let Some(p) = self.party {
                    *e.party_mut(p) += a;
                }
            }
            FlowKind::Cost => {
                if let Some(p) = self.party {
                    *e.party_mut(p) -= a;
                }
                e.society -= a;
            }
        }
        e
    }
}

fn required_choice<T>(
    s: &str,
    parse: impl Fn(&str) -> Result<T, FieldError>,
) -> Result<T, FieldError> {
    if s.trim().is_empty() {
        Err(FieldError::new("", "error-required"))
    } else {
        parse(s)
    }
}

/// Whole kronor, at least 0 and at most `AMOUNT_MAX`.
fn parse_amount(s: &str) -> Result<i64, FieldError> {
    let s = s.trim();
    let s = s
        .strip_suffix("kr")
        .or_else(|| s.strip_suffix("KR"))
        .or_else(|| s.strip_suffix("Kr"))
        .unwrap_or(s);
    let digits: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let bad = || FieldError::new("amount", "gain-error-amount");
    if digits.is_empty() {
        return Err(FieldError::new("amount", "error-required"));
    }
    if digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let n: i64 = digits.parse().map_err(|_| bad())?;
    if n > AMOUNT_MAX {
        return Err(bad());
    }
    Ok(n)
}

/// A checkbox or a JSON string: "true"/"on"/"1"/"yes" or "false"/"off"/"0"/"no"/"".
fn parse_flag(s: &str) -> Result<bool, FieldError> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "on" | "1" | "yes" => Ok(true),
        "" | "false" | "off" | "0" | "no" => Ok(false),
        _ => Err(FieldError::new("example", "error-invalid-choice")),
    }
}

/// A decimal number with a comma or a point ("2,5", "2.5"), a minus sign allowed (so that a
/// negative period gets the period's own message); for a percentage a trailing "%" too.
fn parse_decimal(field: &str, s: &str, percent: bool) -> Result<f64, FieldError> {
    let mut t = s.trim();
    if percent {
        t = t.strip_suffix('%').unwrap_or(t).trim_end();
    }
    if t.is_empty() {
        return Err(FieldError::new(field, "error-required"));
    }
    let t = t.replace(',', ".").replace('\u{2212}', "-");
    let body = t.strip_prefix('-').unwrap_or(&t);
    let well_formed = body.len() <= 12
        && body.bytes().any(|b| b.is_ascii_digit())
        && body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && body.bytes().filter(|b| *b == b'.').count() <= 1;
    if !well_formed {
        return Err(FieldError::new(field, "gain-error-decimal"));
    }
    t.parse::<f64>()
        .map_err(|_| FieldError::new(field, "gain-error-decimal"))
}

/// A number as the form shows it: "3", "2,5".
fn format_decimal(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e12 {
        format!("{}", v as i64)
    } else {
        format!("{v}").replace('.', ",")
    }
}

/// One scenario of the sensitivity range: how long the effect lasts, how much of the estimated
/// effect is realised, and the discount rate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ScenarioParams {
    /// Years the effect lasts; a fraction counts part of the last year (2.5: two full years and
    /// half of the third).
    pub persistence_years: f64,
    /// Percent of the estimated annual effect that is realised (100 = all of it).
    pub effect_share_percent: f64,
    /// Percent per year.
    pub discount_rate_percent: f64,
}

/// The parameters of the calculation: the write-off period of the programme's cost and the
/// three scenarios. Build them through `ParamsDraft::validate` (or `Params::example`);
/// `calculate` checks them again.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Params {
    /// Years over which the programme's cost is charged, in equal parts.
    pub write_off_years: u32,
    pub low: ScenarioParams,
    pub base: ScenarioParams,
    pub high: ScenarioParams,
}

impl Params {
    /// The defaults the product ships with (not official figures): the effect lasts 3 years
    /// (low 1, high 5) and is realised in full (low 50 %, high 120 %); the cost is written off
    /// in 1 year; 3.5 % discount rate in every scenario.
    pub fn example() -> Params {
        let s = |persistence_years, effect_share_percent| ScenarioParams {
            persistence_years,
            effect_share_percent,
            discount_rate_percent: 3.5,
        };
        Params {
            write_off_years: 1,
            low: s(1.0, 50.0),
            base: s(3.0, 100.0),
            high: s(5.0, 120.0),
        }
    }

    pub fn scenario(&self, s: Scenario) -> &ScenarioParams {
        match s {
            Scenario::Low => &self.low,
            Scenario::Base => &self.base,
            Scenario::High => &self.high,
        }
    }

    /// The ranges and the order low ≤ base ≤ high of persistence and effect share, each error
    /// under the `ParamsDraft` field it comes from (a low or high discount rate equal to the
    /// base's under the base's field, as the form leaves it empty).
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut errs = FieldErrors::default();
        if !(1..=PERIOD_MAX as u32).contains(&self.write_off_years) {
            push_once(&mut errs, "write_off_years", "gain-error-period");
        }
        let base_rate = self.base.discount_rate_percent;
        for s in Scenario::ALL {
            let p = self.scenario(*s);
            let (persistence, share, mut discount) = ParamsDraft::fields(*s);
            if p.discount_rate_percent == base_rate {
                discount = ParamsDraft::fields(Scenario::Base).2;
            }
            if !(p.persistence_years > 0.0 && p.persistence_years <= PERIOD_MAX) {
                push_once(&mut errs, persistence, "gain-error-period");
            }
            if !(0.0..=SHARE_MAX).contains(&p.effect_share_percent) {
                push_once(&mut errs, share, "gain-error-share");
            }
            if !(0.0..=DISCOUNT_MAX).contains(&p.discount_rate_percent) {
                push_once(&mut errs, discount, "gain-error-discount");
            }
        }
        let fields = [Scenario::Low, Scenario::Base, Scenario::High].map(ParamsDraft::fields);
        check_order(
            &mut errs,
            [&self.low, &self.base, &self.high].map(|p| p.persistence_years),
            fields.map(|f| f.0),
        );
        check_order(
            &mut errs,
            [&self.low, &self.base, &self.high].map(|p| p.effect_share_percent),
            fields.map(|f| f.1),
        );
        errs.into_result()
    }
}

fn push_once(errs: &mut FieldErrors, field: &str, key: &'static str) {
    if errs.get(field).is_none() {
        errs.push(FieldError::new(field, key));
    }
}

/// low ≤ base ≤ high, checked only between values that are themselves valid; the error goes
/// on the low or high value, the base being the estimate the range is drawn around.
fn check_order(errs: &mut FieldErrors, [low, base, high]: [f64; 3], [lf, bf, hf]: [&str; 3]) {
    let ok = |errs: &FieldErrors, f: &str| errs.get(f).is_none();
    if ok(errs, lf) && ok(errs, bf) && low > base {
        errs.push(FieldError::new(lf, "gain-error-sensitivity"));
    }
    if ok(errs, hf) && ok(errs, bf) && high < base {
        errs.push(FieldError::new(hf, "gain-error-sensitivity"));
    }
}

/// The parameters as typed. Decimals take a comma or a point; the percentages may end in "%".
/// The discount rate of the low and high scenarios may be left empty: then it is the base's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ParamsDraft {
    /// Years the effect lasts (base), more than 0 and at most 20, e.g. "2,5".
    pub persistence_years: String,
    pub persistence_years_low: String,
    pub persistence_years_high: String,
    /// Percent of the estimated effect realised (base), 0–200.
    pub effect_share_percent: String,
    pub effect_share_percent_low: String,
    pub effect_share_percent_high: String,
    /// Percent per year (base), 0–20.
    pub discount_rate_percent: String,
    /// Empty: the base's rate.
    pub discount_rate_percent_low: String,
    /// Empty: the base's rate.
    pub discount_rate_percent_high: String,
    /// Whole years, 1–20.
    pub write_off_years: String,
}

impl ParamsDraft {
    /// The fields of a scenario: persistence, effect share, discount rate.
    pub fn fields(s: Scenario) -> (&'static str, &'static str, &'static str) {
        match s {
            Scenario::Low => (
                "persistence_years_low",
                "effect_share_percent_low",
                "discount_rate_percent_low",
            ),
            Scenario::Base => (
                "persistence_years",
                "effect_share_percent",
                "discount_rate_percent",
            ),
            Scenario::High => (
                "persistence_years_high",
                "effect_share_percent_high",
                "discount_rate_percent_high",
            ),
        }
    }

    fn get(&self, field: &str) -> &str {
        match field {
            "persistence_years" => &self.persistence_years,
            "persistence_years_low" => &self.persistence_years_low,
            "persistence_years_high" => &self.persistence_years_high,
            "effect_share_percent" => &self.effect_share_percent,
            "effect_share_percent_low" => &self.effect_share_percent_low,
            "effect_share_percent_high" => &self.effect_share_percent_high,
            "discount_rate_percent" => &self.discount_rate_percent,
            "discount_rate_percent_low" => &self.discount_rate_percent_low,
            "discount_rate_percent_high" => &self.discount_rate_percent_high,
            "write_off_years" => &self.write_off_years,
            _ => "",
        }
    }

    /// Every value present and a number, then `Params::check`, so the form shows range and
    /// order errors beside parse errors at once (an order error only where both values parsed).
    pub fn validate(&self) -> Result<Params, FieldErrors> {
        let mut errs = FieldErrors::default();
        let write_off = if self.write_off_years.trim().is_empty() {
            errs.push(FieldError::new("write_off_years", "error-required"));
            None
        } else {
            match self.write_off_years.trim().parse::<i64>() {
                Ok(n) if (1..=PERIOD_MAX as i64).contains(&n) => u32::try_from(n).ok(),
                Ok(_) => {
                    errs.push(FieldError::new("write_off_years", "gain-error-period"));
                    None
                }
                Err(_) => {
                    errs.push(FieldError::new("write_off_years", "error-number"));
                    None
                }
            }
        };
        let base_rate_field = Self::fields(Scenario::Base).2;
        let mut parsed: BTreeMap<&'static str, f64> = BTreeMap::new();
        for s in Scenario::ALL {
            let (pf, sf, df) = Self::fields(*s);
            for (f, percent) in [(pf, false), (sf, true), (df, true)] {
                if f == df && f != base_rate_field && self.get(f).trim().is_empty() {
                    continue;
                }
                if let Some(v) = errs.check(f, parse_decimal(f, self.get(f), percent)) {
                    parsed.insert(f, v);
                }
            }
        }
        // What did not parse is stood in for by the example, and its errors dropped below.
        let example = Params::example();
        let value = |f: &str, fallback: f64| parsed.get(f).copied().unwrap_or(fallback);
        let base_rate = value(base_rate_field, example.base.discount_rate_percent);
        let scenario = |s: Scenario| {
            let (pf, sf, df) = Self::fields(s);
            let fallback = example.scenario(s);
            ScenarioParams {
                persistence_years: value(pf, fallback.persistence_years),
                effect_share_percent: value(sf, fallback.effect_share_percent),
                discount_rate_percent: value(df, base_rate),
            }
        };
        let params = Params {
            write_off_years: write_off.unwrap_or(1),
            low: scenario(Scenario::Low),
            base: scenario(Scenario::Base),
            high: scenario(Scenario::High),
        };
        let known =
            |f: &str| (f == "write_off_years" && write_off.is_some()) || parsed.contains_key(f);
        if let Err(more) = params.check() {
            for e in more.0 {
                let base_of = e
                    .field
                    .trim_end_matches("_low")
                    .trim_end_matches("_high")
                    .to_string();
                let usable = known(&e.field)
                    && (e.key != "gain-error-sensitivity" || known(&base_of))
                    && errs.get(&e.field).is_none();
                if usable {
                    errs.push(e);
                }
            }
        }
        if errs.is_empty() {
            Ok(params)
        } else {
            Err(errs)
        }
    }
}

impl From<&Params> for ParamsDraft {
    /// The form for editing saved parameters (a low or high discount rate equal to the base's
    /// is left empty).
    fn from(p: &Params) -> Self {
        let other_rate = |s: &ScenarioParams| {
            if s.discount_rate_percent == p.base.discount_rate_percent {
                String::new()
            } else {
                format_decimal(s.discount_rate_percent)
            }
        };
        ParamsDraft {
            persistence_years: format_decimal(p.base.persistence_years),
            persistence_years_low: format_decimal(p.low.persistence_years),
            persistence_years_high: format_decimal(p.high.persistence_years),
            effect_share_percent: format_decimal(p.base.effect_share_percent),
            effect_share_percent_low: format_decimal(p.low.effect_share_percent),
            effect_share_percent_high: format_decimal(p.high.effect_share_percent),
            discount_rate_percent: format_decimal(p.base.discount_rate_percent),
            discount_rate_percent_low: other_rate(&p.low),
            discount_rate_percent_high: other_rate(&p.high),
            write_off_years: p.write_off_years.to_string(),
        }
    }
}

/// What the calculation is about, taken from a programme's outcome records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GainInput {
    pub participants: u32,
    /// Person-months in each status during the first year after leaving.
    pub months_after: BTreeMap<GainStatus, f64>,
    /// The counterfactual: person-months in each status without the programme, normally
    /// `participants × 12` in `before`.
    pub months_before: BTreeMap<GainStatus, f64>,
    /// The programme's own cost (SEK, whole programme) and who pays it.
    pub programme_cost: Vec<(Party, i64)>,
}

impl GainInput {
    /// An input whose counterfactual is a year in `before` for every participant.
    pub fn new(
        participants: u32,
        months_after: BTreeMap<GainStatus, f64>,
        programme_cost: Vec<(Party, i64)>,
    ) -> GainInput {
        GainInput {
            participants,
            months_after,
            months_before: BTreeMap::from([(GainStatus::Before, f64::from(participants) * 12.0)]),
            programme_cost,
        }
    }
}

/// Why a calculation could not be made; `key` is the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GainError {
    #[error("no participants")]
    NoParticipants,
    /// Statuses with months but no row in the value table.
    #[error("no values in the table for {}", list(.0))]
    MissingValues(Vec<GainStatus>),
    /// Months negative, not a number, or more than a year per participant on one side.
    #[error("months out of range on the {0} side")]
    InvalidMonths(Side),
    /// A negative programme cost.
    #[error("negative programme cost for {0}")]
    InvalidCost(Party),
    #[error("invalid parameters: {0}")]
    Params(FieldErrors),
}

fn list(statuses: &[GainStatus]) -> String {
    statuses
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

impl GainError {
    /// The message key (for `MissingValues` with `$statuses`, the statuses' labels joined).
    pub fn key(&self) -> &'static str {
        match self {
            GainError::NoParticipants => "gain-error-no-participants",
            GainError::MissingValues(_) => "gain-error-missing-values",
            GainError::InvalidMonths(_) => "gain-error-months",
            GainError::InvalidCost(_) => "gain-error-cost",
            GainError::Params(_) => "gain-error-params",
        }
    }
}

/// How one value row counts for one status on one side: the page's trace of every figure.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TraceLine {
    pub side: Side,
    pub status: GainStatus,
    /// Person-months in the status on this side.
    pub months: f64,
    pub item: String,
    pub kind: FlowKind,
    pub party: Option<Party>,
    pub amount_per_year: i64,
    /// `months / 12 × effect()` of the row, as it enters the annual effect: added on the
    /// after side, subtracted (so negated here) on the before side. Rounded to whole kronor.
    pub contribution: Effect,
    pub source: String,
    pub dated_on: NaiveDate,
    pub example: bool,
}

/// One year of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct YearRow {
    /// 1 is the first year after leaving.
    pub year: u32,
    /// The part of the year within the persistence (0–1).
    pub effect_fraction: f64,
    /// Annual effect × effect share × `effect_fraction`.
    pub effect: Effect,
    /// The programme's cost charged this year (positive: paid).
    pub cost: Effect,
    /// `effect − cost`.
    pub net: Effect,
    /// `1 / (1 + r)^(year − 1)`.
    pub discount_factor: f64,
    /// `net × discount_factor`.
    pub present_value: Effect,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ScenarioResult {
    pub scenario: Scenario,
    pub params: ScenarioParams,
    pub years: Vec<YearRow>,
    pub total_nominal: Effect,
    pub total_present_value: Effect,
    /// `total_present_value / participants`.
    pub per_participant: Effect,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct GainReport {
    pub participants: u32,
    pub write_off_years: u32,
    /// A year of the after side: Σ months/12 × net of each status.
    pub after: Effect,
    /// A year of the counterfactual.
    pub before: Effect,
    /// `after − before`: the annual effect before the effect share.
    pub annual: Effect,
    /// The programme's whole cost: society's is the total, each party's what it pays.
    pub programme_cost: Effect,
    /// Low, base, high.
    pub scenarios: Vec<ScenarioResult>,
    pub trace: Vec<TraceLine>,
    /// The base scenario's present value per participant.
    pub per_participant: Effect,
    /// Whether any value used is an example (the page says so beside the result).
    pub uses_example_values: bool,
}

impl GainReport {
    pub fn scenario(&self, s: Scenario) -> Option<&ScenarioResult> {
        self.scenarios.iter().find(|r| r.scenario == s)
    }
}

/// Society and the four parties in kronor, unrounded: [society, state, municipality, region,
/// individual].
#[derive(Debug, Clone, Copy, Default)]
struct Sums([f64; 5]);

impl Sums {
    fn of(e: &Effect) -> Sums {
        Sums([e.society, e.state, e.municipality, e.region, e.individual].map(|v| v as f64))
    }

    fn add(&mut self, o: &Sums) {
        for (a, b) in self.0.iter_mut().zip(o.0) {
            *a += b;
        }
    }

    fn minus(&self, o: &Sums) -> Sums {
        let mut r = *self;
        for (a, b) in r.0.iter_mut().zip(o.0) {
            *a -= b;
        }
        r
    }

    fn scale(&self, k: f64) -> Sums {
        Sums(self.0.map(|v| v * k))
    }

    /// Whole kronor, half away from zero.
    fn round(&self) -> Effect {
        let [society, state, municipality, region, individual] = self.0.map(|v| v.round() as i64);
        Effect {
            society,
            state,
            municipality,
            region,
            individual,
        }
    }
}

/// The gain of a programme: the annual effect (after − before, per status and value row), and
/// for each scenario the years it lasts, the programme's cost written off and the present
/// value.
///
/// - Annual effect = Σ_s months_after[s]/12 × net(s) − Σ_s months_before[s]/12 × net(s), where
///   net(s) is the sum of `effect()` of the rows of status `s`.
/// - A scenario runs `max(ceil(persistence), write_off_years)` years. Year `t` has the annual
///   effect × effect share × the part of year `t` within the persistence (2.5 years: years 1
///   and 2 in full, half of year 3), less the programme's cost / `write_off_years` in each of
///   the first `write_off_years` years (for society all of it, for each party what it pays).
/// - Values are given as of the year right after the programme: year 1 is not discounted and
///   the factor of year `t` is `1 / (1 + r)^(t − 1)` (the programme's cost, paid then or
///   written off from then, is taken at face value in year 1).
/// - Everything is computed unrounded; each figure of the report is rounded to whole kronor
///   on its own (half away from zero), so a total may differ from the sum of its rounded rows
///   by rounding.
pub fn calculate(
    values: &[ValueInput],
    input: &GainInput,
    params: &Params,
) -> Result<GainReport, GainError> {
    if input.participants == 0 {
        return Err(GainError::NoParticipants);
    }
    params.check().map_err(GainError::Params)?;
    let year_limit = f64::from(input.participants) * 12.0;
    let sides = [
        (Side::Before, &input.months_before, -1.0),
        (Side::After, &input.months_after, 1.0),
    ];
    for (side, months, _) in sides {
        if months.values().any(|m| !m.is_finite() || *m < 0.0)
            || months.values().sum::<f64>() > year_limit + 1e-6
        {
            return Err(GainError::InvalidMonths(side));
        }
    }
    if let Some((p, _)) = input.programme_cost.iter().find(|(_, c)| *c < 0) {
        return Err(GainError::InvalidCost(*p));
    }
    let missing: BTreeSet<GainStatus> = sides
        .iter()
        .flat_map(|(_, months, _)| months.iter())
        .filter(|(s, m)| **m > 0.0 && !values.iter().any(|v| v.status == **s))
        .map(|(s, _)| *s)
        .collect();
    if !missing.is_empty() {
        return Err(GainError::MissingValues(missing.into_iter().collect()));
    }

    let mut totals = [Sums::default(), Sums::default()];
    let mut trace = Vec::new();
    let mut uses_example_values = false;
    for (i, (side, months, sign)) in sides.iter().enumerate() {
        for (status, m) in months.iter().filter(|(_, m)| **m > 0.0) {
            for v in values.iter().filter(|v| v.status == *status) {
                let c = Sums::of(&v.effect()).scale(m / 12.0);
                totals[i].add(&c);
                uses_example_values |= v.example;
                trace.push(TraceLine {
                    side: *side,
                    status: *status,
                    months: *m,
                    item: v.item.clone(),
                    kind: v.kind,
                    party: v.party,
                    amount_per_year: v.amount,
                    contribution: c.scale(*sign).round(),
                    source: v.source.clone(),
                    dated_on: v.dated_on,
                    example: v.example,
                });
            }
        }
    }
    let [before, after] = totals;
    let annual = after.minus(&before);

    let mut cost = Sums::default();
    for (p, c) in &input.programme_cost {
        let mut one = Effect {
            society: *c,
            ..Effect::default()
        };
        *one.party_mut(*p) += *c;
        cost.add(&Sums::of(&one));
    }

    let scenarios: Vec<ScenarioResult> = Scenario::ALL
        .iter()
        .map(|s| {
            scenario(
                *s,
                params.scenario(*s),
                params.write_off_years,
                &annual,
                &cost,
                input.participants,
            )
        })
        .collect();
    let per_participant = scenarios
        .iter()
        .find(|r| r.scenario == Scenario::Base)
        .map(|r| r.per_participant)
        .unwrap_or_default();
    Ok(GainReport {
        participants: input.participants,
        write_off_years: params.write_off_years,
        after: after.round(),
        before: before.round(),
        annual: annual.round(),
        programme_cost: cost.round(),
        scenarios,
        trace,
        per_participant,
        uses_example_values,
    })
}

fn scenario(
    scenario: Scenario,
    p: &ScenarioParams,
    write_off_years: u32,
    annual: &Sums,
    cost: &Sums,
    participants: u32,
) -> ScenarioResult {
    let years_n = (p.persistence_years.ceil() as u32).max(write_off_years);
    let rate = p.discount_rate_percent / 100.0;
    let share = p.effect_share_percent / 100.0;
    let yearly_cost = cost.scale(1.0 / f64::from(write_off_years.max(1)));
    let mut nominal = Sums::default();
    let mut present = Sums::default();
    let mut years = Vec::new();
    for t in 1..=years_n {
        let fraction = (p.persistence_years - f64::from(t - 1)).clamp(0.0, 1.0);
        let effect = annual.scale(share * fraction);
        let charged = if t <= write_off_years {
            yearly_cost
        } else {
            Sums::default()
        };
        let net = effect.minus(&charged);
        let factor = 1.0 / (1.0 + rate).powf(f64::from(t - 1));
        let pv = net.scale(factor);
        nominal.add(&net);
        present.add(&pv);
        years.push(YearRow {
            year: t,
            effect_fraction: fraction,
            effect: effect.round(),
            cost: charged.round(),
            net: net.round(),
            discount_factor: factor,
            present_value: pv.round(),
        });
    }
    ScenarioResult {
        scenario,
        params: *p,
        years,
        total_nominal: nominal.round(),
        total_present_value: present.round(),
        per_participant: present.scale(1.0 / f64::from(participants.max(1))).round(),
    }
}

/// The source text of the shipped example values.
pub const EXAMPLE_SOURCE: &str =
    "Exempelvärde – ersätt med kommunens egna siffror (jfr SKR/KAMSO). Ingen officiell uppgift.";

/// The example table the product ships with: plausible yearly figures (SEK per person-year,
/// rounded, dated 2026-01-01) for every status, each marked `example` and sourced as an example.
/// They show how the table works; they are not official figures and an organisation replaces
/// them with its own. A job is valued at its labour cost: pay 300 000 plus employer tax 94 000
/// (31.42 %), income taxes 44 000 to the municipality and 24 000 to the region.
pub fn example_values() -> Vec<ValueInput> {
    use FlowKind::*;
    use OutcomeStatus::*;
    use Party::{Municipality as M, Region as R, State as S};
    let dated_on = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let row = |status: GainStatus, item: &str, kind, party, amount| ValueInput {
        status,
        item: item.to_string(),
        kind,
        party,
        amount,
        source: EXAMPLE_SOURCE.to_string(),
        dated_on,
        example: true,
    };
    let mut rows = vec![
        row(
            GainStatus::Before,
            "Etableringsersättning",
            Transfer,
            Some(S),
            80_000,
        ),
        row(
            GainStatus::Before,
            "Försörjningsstöd (kompletterande)",
            Transfer,
            Some(M),
            30_000,
        ),
        row(GainStatus::Before, "SFI-plats", Cost, Some(M), 40_000),
        row(
            GainStatus::Before,
            "Arbetsförmedlingens handläggning",
            Cost,
            Some(S),
            20_000,
        ),
    ];
    let job = |s: OutcomeStatus, subsidy: Option<(&str, i64)>| {
        let st = GainStatus::After(s);
        let mut r = vec![
            row(
                st,
                "Produktionsvärde (lönekostnad)",
                Production,
                None,
                394_000,
            ),
            row(st, "Lön före skatt", Income, None, 300_000),
            row(st, "Arbetsgivaravgifter", EmployerTax, Some(S), 94_000),
            row(st, "Kommunalskatt", Tax, Some(M), 44_000),
            row(st, "Regionskatt", Tax, Some(R), 24_000),
        ];
        if let Some((item, amount)) = subsidy {
            r.push(row(st, item, Cost, Some(S), amount));
        }
        r
    };
    rows.extend(job(JobRegular, None));
    rows.extend(job(
        JobNystartsjobb,
        Some(("Nystartsjobb, stöd till arbetsgivaren", 94_000)),
    ));
    rows.extend(job(
        JobIntroduktionsjobb,
        Some(("Introduktionsjobb, stöd till arbetsgivaren", 150_000)),
    ));
    rows.extend(job(JobLonebidrag, Some(("Lönebidrag", 200_000))));
    rows.extend(job(
        JobSubsidisedOther,
        Some(("Anställningsstöd till arbetsgivaren", 120_000)),
    ));
    let study = |s: OutcomeStatus, place: &str, payer: Party, place_cost: i64| {
        let st = GainStatus::After(s);
        vec![
            row(st, "Studiemedel (bidragsdelen)", Transfer, Some(S), 36_000),
            row(
                st,
                "Försörjningsstöd (kompletterande)",
                Transfer,
                Some(M),
                20_000,
            ),
            row(st, place, Cost, Some(payer), place_cost),
        ]
    };
    rows.extend(study(StudiesSfi, "SFI-plats", M, 40_000));
    rows.extend(study(StudiesKomvux, "Komvuxplats", M, 60_000));
    let vocational = GainStatus::After(StudiesVocational);
    rows.extend([
        row(vocational, "Aktivitetsstöd", Transfer, Some(S), 90_000),
        row(
            vocational,
            "Kommunalskatt på aktivitetsstöd",
            Tax,
            Some(M),
            12_000,
        ),
        row(
            vocational,
            "Regionskatt på aktivitetsstöd",
            Tax,
            Some(R),
            6_000,
        ),
        row(
            vocational,
            "Utbildningsplats (arbetsmarknadsutbildning)",
            Cost,
            Some(S),
            80_000,
        ),
    ]);
    let higher = GainStatus::After(StudiesHigher);
    rows.extend([
        row(
            higher,
            "Studiemedel (bidragsdelen)",
            Transfer,
            Some(S),
            36_000,
        ),
        row(higher, "Högskoleplats", Cost, Some(S), 100_000),
    ]);
    let seeking = GainStatus::After(Seeking);
    rows.extend([
        row(
            seeking,
            "Aktivitetsstöd eller a-kassa",
            Transfer,
            Some(S),
            80_000,
        ),
        row(
            seeking,
            "Kommunalskatt på ersättningen",
            Tax,
            Some(M),
            10_000,
        ),
        row(seeking, "Regionskatt på ersättningen", Tax, Some(R), 5_000),
        row(
            seeking,
            "Försörjningsstöd (kompletterande)",
            Transfer,
            Some(M),
            30_000,
        ),
        row(
            seeking,
            "Arbetsförmedlingens insatser",
            Cost,
            Some(S),
            20_000,
        ),
    ]);
    rows.push(row(
        GainStatus::After(Other),
        "Försörjningsstöd",
        Transfer,
        Some(M),
        90_000,
    ));
    rows
}

/// The highest programme cost one payer may be entered with (SEK, the whole programme).
pub const PROGRAMME_COST_MAX: i64 = 1_000_000_000;

/// The programme's own cost as typed, per payer, SEK for the whole programme (empty: none).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CostDraft {
    pub cost_state: String,
    pub cost_municipality: String,
    pub cost_region: String,
    pub cost_individual: String,
}

impl CostDraft {
    fn fields(&self) -> [(Party, &'static str, &str); 4] {
        [
            (Party::State, "cost_state", &self.cost_state),
            (
                Party::Municipality,
                "cost_municipality",
                &self.cost_municipality,
            ),
            (Party::Region, "cost_region", &self.cost_region),
            (Party::Individual, "cost_individual", &self.cost_individual),
        ]
    }

    /// Each payer's cost in whole kronor, at least 0 and at most `PROGRAMME_COST_MAX`; an empty
    /// field is no cost.
    pub fn validate(&self) -> Result<Vec<(Party, i64)>, FieldErrors> {
        let mut errs = FieldErrors::default();
        let mut out = vec![];
        for (party, field, typed) in self.fields() {
            if typed.trim().is_empty() {
                continue;
            }
            let digits: String = typed
                .trim()
                .trim_end_matches("kr")
                .chars()
                .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
                .collect();
            match digits.parse::<i64>() {
                Ok(n) if (0..=PROGRAMME_COST_MAX).contains(&n) && digits.len() <= 12 => {
                    if n > 0 {
                        out.push((party, n));
                    }
                }
                _ => errs.push(FieldError::new(field, "gain-error-cost")),
            }
        }
        if errs.is_empty() { Ok(out) } else { Err(errs) }
    }

    /// The form filled with saved costs.
    pub fn of(costs: &[(Party, i64)]) -> CostDraft {
        let get = |p: Party| {
            costs
                .iter()
                .filter(|(q, _)| *q == p)
                .map(|(_, n)| n.to_string())
                .next()
                .unwrap_or_default()
        };
        CostDraft {
            cost_state: get(Party::State),
            cost_municipality: get(Party::Municipality),
            cost_region: get(Party::Region),
            cost_individual: get(Party::Individual),
        }
    }
}

/// The first year after leaving, cut at the follow-up points: months 0–1 from the outcome at
/// leaving, 1–3 from four weeks, 3–6 from three months, 6–12 from six months.
const SEGMENTS: [(FollowUpPoint, f64); 4] = [
    (FollowUpPoint::Exit, 1.0),
    (FollowUpPoint::Week4, 2.0),
    (FollowUpPoint::Month3, 3.0),
    (FollowUpPoint::Month6, 6.0),
];

/// One participant's months in each status during the first year after leaving, from the
/// statuses recorded at the follow-up points (`None` when nothing is recorded: she is left out
/// of the calculation). A point with nothing recorded takes the status known before it (the
/// latest earlier point), or, before the first record, the first one recorded: the best
/// estimate until the follow-up is done.
pub fn months_after(
    recorded: &[(FollowUpPoint, OutcomeStatus)],
) -> Option<BTreeMap<GainStatus, f64>> {
    let at = |p: FollowUpPoint| recorded.iter().rev().find(|(q, _)| *q == p).map(|r| r.1);
    let first = SEGMENTS.iter().find_map(|(p, _)| at(*p))?;
    let mut out = BTreeMap::new();
    let mut current = first;
    for (point, months) in SEGMENTS {
        if let Some(s) = at(point) {
            current = s;
        }
        *out.entry(GainStatus::After(current)).or_insert(0.0) += months;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn row(status: GainStatus, kind: FlowKind, party: Option<Party>, amount: i64) -> ValueInput {
        ValueInput {
            status,
            item: format!("{kind} {amount}"),
            kind,
            party,
            amount,
            source: "Test".into(),
            dated_on: day("2026-01-01"),
            example: false,
        }
    }

    fn params(persistence: f64, write_off: u32, discount: f64) -> Params {
        let s = ScenarioParams {
            persistence_years: persistence,
            effect_share_percent: 100.0,
            discount_rate_percent: discount,
        };
        Params {
            write_off_years: write_off,
            low: s,
            base: s,
            high: s,
        }
    }

    const JOB: GainStatus = GainStatus::After(OutcomeStatus::JobRegular);
    const SEEKING: GainStatus = GainStatus::After(OutcomeStatus::Seeking);

    fn tiny_table() -> Vec<ValueInput> {
        use FlowKind::*;
        use Party::*;
        vec![
            row(GainStatus::Before, Transfer, Some(State), 120_000),
            row(JOB, Production, None, 360_000),
            row(JOB, Income, None, 240_000),
            row(JOB, Tax, Some(Municipality), 60_000),
            row(JOB, EmployerTax, Some(State), 120_000),
            row(SEEKING, Transfer, Some(Municipality), 48_000),
        ]
    }

    fn tiny_input() -> GainInput {
        GainInput::new(
            2,
            BTreeMap::from([(JOB, 12.0), (SEEKING, 12.0)]),
            vec![(Party::Municipality, 100_000), (Party::State, 60_000)],
        )
    }

    fn e(society: i64, state: i64, municipality: i64, individual: i64) -> Effect {
        Effect {
            society,
            state,
            municipality,
            region: 0,
            individual,
        }
    }

    /// Two participants; after the programme one works a year and one seeks work a year;
    /// without it both would have spent the year on etableringsersättning.
    ///
    /// Net per person-year (society, state, municipality, individual):
    ///   before:      transfer 120 000 from the state      →       0, −120 000,       0, +120 000
    ///   job_regular: production 360 000, pay 240 000,
    ///                municipal tax 60 000, employer tax
    ///                120 000 to the state                 → 360 000, +120 000, +60 000, +180 000
    ///   seeking:     försörjningsstöd 48 000              →       0,        0, −48 000,  +48 000
    /// After  = 12/12 × job + 12/12 × seeking                 = 360 000,  120 000,  12 000,  228 000
    /// Before = 24/12 × before                                =       0, −240 000,       0,  240 000
    /// Annual = after − before                                = 360 000,  360 000,  12 000,  −12 000
    ///   (the parties sum to society's 360 000: production = pay + employer tax.)
    /// Programme cost 100 000 (municipality) + 60 000 (state) = 160 000, written off over 2
    /// years: 80 000 a year for society, 50 000 municipality, 30 000 state.
    /// Persistence 2.5, share 100 %, discount 5 %: three years.
    ///   year 1: effect × 1,   net = 280 000, 330 000, −38 000, −12 000; factor 1
    ///   year 2: effect × 1,   net = 280 000, 330 000, −38 000, −12 000; factor 1/1.05
    ///           PV = 266 666.67, 314 285.71, −36 190.48, −11 428.57
    ///   year 3: effect × 0.5, net = 180 000, 180 000,   6 000,  −6 000; factor 1/1.1025
    ///           PV = 163 265.31, 163 265.31, 5 442.18, −5 442.18
    /// Nominal total: 740 000, 840 000, −70 000, −30 000.
    /// Present value: 709 931.97, 807 551.02, −68 748.30, −28 870.75
    ///   → 709 932, 807 551, −68 748, −28 871; per participant 354 966, 403 776 (403 775.51),
    ///   −34 374 (−34 374.15), −14 435 (−14 435.37).
    #[test]
    fn a_hand_worked_example_comes_out_exactly() {
        let r = calculate(&tiny_table(), &tiny_input(), &params(2.5, 2, 5.0)).unwrap();
        assert_eq!(r.after, e(360_000, 120_000, 12_000, 228_000));
        assert_eq!(r.before, e(0, -240_000, 0, 240_000));
        assert_eq!(r.annual, e(360_000, 360_000, 12_000, -12_000));
        assert_eq!(r.annual.parties_sum(), r.annual.society);
        assert_eq!(r.programme_cost, e(160_000, 60_000, 100_000, 0));
        assert!(!r.uses_example_values);
        let base = r.scenario(Scenario::Base).unwrap();
        assert_eq!(base.years.len(), 3);
        let y = &base.years;
        assert_eq!(y[0].effect, e(360_000, 360_000, 12_000, -12_000));
        assert_eq!(y[0].cost, e(80_000, 30_000, 50_000, 0));
        assert_eq!(y[0].net, e(280_000, 330_000, -38_000, -12_000));
        assert_eq!(y[0].present_value, y[0].net);
        assert_eq!(y[1].net, e(280_000, 330_000, -38_000, -12_000));
        assert!((y[1].discount_factor - 1.0 / 1.05).abs() < 1e-12);
        assert_eq!(y[1].present_value, e(266_667, 314_286, -36_190, -11_429));
        assert!((y[2].effect_fraction - 0.5).abs() < 1e-12);
        assert_eq!(y[2].cost, Effect::default());
        assert_eq!(y[2].net, e(180_000, 180_000, 6_000, -6_000));
        assert_eq!(y[2].present_value, e(163_265, 163_265, 5_442, -5_442));
        assert_eq!(base.total_nominal, e(740_000, 840_000, -70_000, -30_000));
        assert_eq!(
            base.total_present_value,
            e(709_932, 807_551, -68_748, -28_871)
        );
        assert_eq!(r.per_participant, e(354_966, 403_776, -34_374, -14_435));
        assert_eq!(r.scenarios.len(), 3);
        // With a single scenario given three times, the three agree.
        assert_eq!(
            r.scenario(Scenario::Low).unwrap().total_present_value,
            base.total_present_value
        );
    }

    #[test]
    fn low_base_and_high_are_ordered_when_the_effect_is_positive() {
        let r = calculate(&tiny_table(), &tiny_input(), &Params::example()).unwrap();
        let pv = |s| r.scenario(s).unwrap().total_present_value;
        let (low, base, high) = (pv(Scenario::Low), pv(Scenario::Base), pv(Scenario::High));
        assert!(r.annual.society > 0);
        assert!(low.society < base.society && base.society < high.society);
        assert!(low.state < base.state && base.state < high.state);
        assert_eq!(r.scenario(Scenario::Low).unwrap().years.len(), 1);
        assert_eq!(r.scenario(Scenario::High).unwrap().years.len(), 5);
        // Low: one year at half the effect, the whole cost in it, undiscounted.
        assert_eq!(low.society, 360_000 / 2 - 160_000);
    }

    #[test]
    fn a_status_with_months_but_no_values_is_named() {
        let mut input = tiny_input();
        let sfi = GainStatus::After(OutcomeStatus::StudiesSfi);
        input.months_after.insert(sfi, 0.0);
        assert!(calculate(&tiny_table(), &input, &Params::example()).is_ok());
        input.months_after.insert(sfi, 3.0);
        input.months_after.insert(JOB, 9.0);
        let err = calculate(&tiny_table(), &input, &Params::example()).unwrap_err();
        assert_eq!(err, GainError::MissingValues(vec![sfi]));
        assert_eq!(err.key(), "gain-error-missing-values");
        assert!(err.to_string().contains("studies_sfi"));

        let mut none = tiny_input();
        none.participants = 0;
        let err = calculate(&tiny_table(), &none, &Params::example()).unwrap_err();
        assert_eq!(err.key(), "gain-error-no-participants");
        let mut too_many = tiny_input();
        too_many.months_after.insert(JOB, 20.0);
        assert_eq!(
            calculate(&tiny_table(), &too_many, &Params::example()),
            Err(GainError::InvalidMonths(Side::After))
        );
        let mut negative = tiny_input();
        negative.programme_cost.push((Party::Region, -1));
        assert_eq!(
            calculate(&tiny_table(), &negative, &Params::example()),
            Err(GainError::InvalidCost(Party::Region))
        );
        let bad = params(-1.0, 1, 3.0);
        assert_eq!(
            calculate(&tiny_table(), &tiny_input(), &bad).map_err(|e| e.key()),
            Err("gain-error-params")
        );
    }

    fn value_draft() -> ValueDraft {
        ValueDraft {
            status: "before".into(),
            item: " Etableringsersättning ".into(),
            kind: "transfer".into(),
            party: "state".into(),
            amount: "80 000 kr".into(),
            source: "Arbetsförmedlingen, 2026".into(),
            dated_on: "2026-01-01".into(),
            example: "".into(),
        }
    }

    fn key(r: Result<impl std::fmt::Debug, FieldErrors>, field: &str) -> Option<&'static str> {
        r.unwrap_err().get(field).map(|e| e.key)
    }

    #[test]
    fn a_value_row_needs_its_amount_source_date_and_the_right_party() {
        let today = day("2026-03-01");
        let ok = value_draft().validate(today).unwrap();
        assert_eq!(ok.status, GainStatus::Before);
        assert_eq!(ok.item, "Etableringsersättning");
        assert_eq!(
            (ok.amount, ok.party, ok.example),
            (80_000, Some(Party::State), false)
        );
        assert_eq!(ok.effect(), e(0, -80_000, 0, 80_000));
        assert_eq!(ValueDraft::from(&ok).validate(today).unwrap(), ok);

        let with = |f: fn(&mut ValueDraft)| {
            let mut d = value_draft();
            f(&mut d);
            d.validate(today)
        };
        assert_eq!(
            key(with(|d| d.amount = " ".into()), "amount"),
            Some("error-required")
        );
        for bad in ["-5", "80.000", "tio", "10 000 001", "99999999999999999999"] {
            let mut d = value_draft();
            d.amount = bad.into();
            assert_eq!(
                key(d.validate(today), "amount"),
                Some("gain-error-amount"),
                "{bad}"
            );
        }
        assert_eq!(
            key(with(|d| d.source = "".into()), "source"),
            Some("error-required")
        );
        assert_eq!(
            key(with(|d| d.dated_on = "2026-03-02".into()), "dated_on"),
            Some("gain-error-future")
        );
        assert_eq!(
            key(with(|d| d.dated_on = "".into()), "dated_on"),
            Some("error-required")
        );
        assert_eq!(
            key(with(|d| d.party = "individual".into()), "party"),
            Some("gain-error-party-public")
        );
        assert_eq!(
            key(with(|d| d.party = "".into()), "party"),
            Some("gain-error-party-required")
        );
        assert_eq!(
            key(with(|d| d.kind = "production".into()), "party"),
            Some("gain-error-party-not-allowed")
        );
        assert_eq!(
            key(with(|d| d.status = "retired".into()), "status"),
            Some("error-invalid-choice")
        );
        assert_eq!(
            key(with(|d| d.kind = "".into()), "kind"),
            Some("error-required")
        );
        assert_eq!(
            key(with(|d| d.example = "maybe".into()), "example"),
            Some("error-invalid-choice")
        );
        let cost = with(|d| {
            d.kind = "cost".into();
            d.party = "individual".into();
            d.example = "on".into();
        })
        .unwrap();
        assert_eq!(cost.effect(), e(-80_000, 0, 0, -80_000));
        assert!(cost.example);
    }

    fn params_draft() -> ParamsDraft {
        ParamsDraft::from(&Params::example())
    }

    #[test]
    fn parameters_refuse_bad_periods_and_an_unordered_range() {
        let p = params_draft();
        assert_eq!(p.persistence_years, "3");
        assert_eq!(p.discount_rate_percent, "3,5");
        assert_eq!(p.discount_rate_percent_low, "");
        assert_eq!(p.validate().unwrap(), Params::example());

        let with = |f: fn(&mut ParamsDraft)| {
            let mut d = params_draft();
            f(&mut d);
            d.validate()
        };
        let ok = with(|d| {
            d.persistence_years = "2,5".into();
            d.effect_share_percent_high = "120 %".into();
            d.discount_rate_percent_high = "5".into();
        })
        .unwrap();
        assert!((ok.base.persistence_years - 2.5).abs() < 1e-12);
        assert!((ok.high.discount_rate_percent - 5.0).abs() < 1e-12);
        assert!((ok.low.discount_rate_percent - 3.5).abs() < 1e-12);

        assert_eq!(
            key(
                with(|d| d.persistence_years = "-1".into()),
                "persistence_years"
            ),
            Some("gain-error-period")
        );
        assert_eq!(
            key(
                with(|d| d.persistence_years_high = "0".into()),
                "persistence_years_high"
            ),
            Some("gain-error-period")
        );
        assert_eq!(
            key(with(|d| d.write_off_years = "0".into()), "write_off_years"),
            Some("gain-error-period")
        );
        assert_eq!(
            key(with(|d| d.write_off_years = "-2".into()), "write_off_years"),
            Some("gain-error-period")
        );
        assert_eq!(
            key(
                with(|d| d.write_off_years = "1,5".into()),
                "write_off_years"
            ),
            Some("error-number")
        );
        assert_eq!(
            key(
                with(|d| d.persistence_years_low = "".into()),
                "persistence_years_low"
            ),
            Some("error-required")
        );
        assert_eq!(
            key(
                with(|d| d.discount_rate_percent = "tre".into()),
                "discount_rate_percent"
            ),
            Some("gain-error-decimal")
        );
        assert_eq!(
            key(
                with(|d| d.discount_rate_percent = "25".into()),
                "discount_rate_percent"
            ),
            Some("gain-error-discount")
        );
        assert_eq!(
            key(
                with(|d| d.effect_share_percent_low = "-10".into()),
                "effect_share_percent_low"
            ),
            Some("gain-error-share")
        );
        assert_eq!(
            key(
                with(|d| d.persistence_years_low = "4".into()),
                "persistence_years_low"
            ),
            Some("gain-error-sensitivity")
        );
        assert_eq!(
            key(
                with(|d| d.effect_share_percent_high = "90".into()),
                "effect_share_percent_high"
            ),
            Some("gain-error-sensitivity")
        );
        // A base that does not parse is not also reported as out of order.
        let e = with(|d| d.persistence_years = "x".into()).unwrap_err();
        assert_eq!(e.0.len(), 1);
    }

    #[test]
    fn the_example_table_validates_and_covers_every_status() {
        let today = day("2026-06-01");
        let table = example_values();
        for v in &table {
            assert!(v.example && v.source.contains("Exempelvärde"), "{}", v.item);
            assert_eq!(ValueDraft::from(v).validate(today).as_ref(), Ok(v));
        }
        let covered: BTreeSet<GainStatus> = table.iter().map(|v| v.status).collect();
        assert_eq!(GainStatus::all().len(), 12);
        assert_eq!(covered, GainStatus::all().into_iter().collect());
        for s in GainStatus::all() {
            assert_eq!(GainStatus::parse(s.as_str()), Ok(s));
        }
        // A regular job: production valued at labour cost, so society equals the parties.
        let job: Vec<_> = table.iter().filter(|v| v.status == JOB).collect();
        let net = job.iter().fold(Sums::default(), |mut s, v| {
            s.add(&Sums::of(&v.effect()));
            s
        });
        let net = net.round();
        assert_eq!(net.society, net.parties_sum());
        // The shipped table gives a positive gain for a typical outcome, marked as example.
        let input = GainInput::new(
            10,
            BTreeMap::from([
                (JOB, 48.0),
                (SEEKING, 48.0),
                (GainStatus::After(OutcomeStatus::StudiesSfi), 24.0),
            ]),
            vec![(Party::Municipality, 500_000)],
        );
        let r = calculate(&table, &input, &Params::example()).unwrap();
        assert!(r.uses_example_values && r.annual.society > 0);
    }

    #[test]
    fn the_trace_adds_up_to_the_annual_effect() {
        let input = GainInput {
            participants: 7,
            months_after: BTreeMap::from([
                (JOB, 31.0),
                (GainStatus::After(OutcomeStatus::JobLonebidrag), 5.5),
                (GainStatus::After(OutcomeStatus::StudiesKomvux), 17.0),
                (SEEKING, 29.0),
                (GainStatus::After(OutcomeStatus::Other), 1.0),
            ]),
            months_before: BTreeMap::from([(GainStatus::Before, 80.0), (SEEKING, 4.0)]),
            programme_cost: vec![],
        };
        let r = calculate(&example_values(), &input, &Params::example()).unwrap();
        let lines = r.trace.len() as i64;
        let mut sum = Effect::default();
        for t in &r.trace {
            sum.society += t.contribution.society;
            for p in Party::ALL {
                *sum.party_mut(*p) += t.contribution.party(*p);
            }
            let sign = if t.side == Side::Before { -1.0 } else { 1.0 };
            let v = example_values()
                .into_iter()
                .find(|v| v.status == t.status && v.item == t.item)
                .unwrap();
            let expected = sign * t.months / 12.0 * v.effect().society as f64;
            assert!((t.contribution.society as f64 - expected).abs() <= 0.5);
        }
        // Each line is rounded on its own: at most half a krona apart per line.
        for p in [
            None,
            Some(Party::State),
            Some(Party::Municipality),
            Some(Party::Region),
            Some(Party::Individual),
        ] {
            let (a, b) = match p {
                None => (sum.society, r.annual.society),
                Some(p) => (sum.party(p), r.annual.party(p)),
            };
            assert!((a - b).abs() <= lines / 2 + 1, "{p:?}: {a} vs {b}");
        }
        // Every row of every status with months is traced, on its side.
        let rows_of = |s| example_values().iter().filter(|v| v.status == s).count();
        let expected: usize = input
            .months_after
            .keys()
            .map(|s| rows_of(*s))
            .sum::<usize>()
            + input
                .months_before
                .keys()
                .map(|s| rows_of(*s))
                .sum::<usize>();
        assert_eq!(r.trace.len(), expected);
        assert!(
            r.trace
                .iter()
                .any(|t| t.side == Side::Before && t.status == SEEKING)
        );
    }

    proptest::proptest! {
        #[test]
        fn the_parsers_never_panic(s in "\\PC{0,16}") {
            let _ = parse_amount(&s);
            let _ = parse_decimal("f", &s, true);
            let _ = parse_flag(&s);
            let _ = GainStatus::parse(&s);
            let d = ParamsDraft { persistence_years: s.clone(), ..params_draft() };
            let _ = d.validate();
        }

        /// Whatever the months, a party whose annual effect is positive gains more in a higher
        /// scenario (the example parameters share one discount rate).
        #[test]
        fn the_range_is_ordered_for_every_party_that_gains(
            months in proptest::collection::vec(0.0f64..=12.0, 12),
            cost in 0i64..2_000_000,
        ) {
            let months_after: BTreeMap<GainStatus, f64> =
                GainStatus::all().into_iter().zip(months).collect();
            let input = GainInput::new(12, months_after, vec![(Party::Municipality, cost)]);
            let r = calculate(&example_values(), &input, &Params::example()).unwrap();
            let pv = |s| r.scenario(s).unwrap().total_present_value;
            let (low, base, high) = (pv(Scenario::Low), pv(Scenario::Base), pv(Scenario::High));
            for p in Party::ALL {
                if r.annual.party(*p) > 0 {
                    proptest::prop_assert!(low.party(*p) <= base.party(*p));
                    proptest::prop_assert!(base.party(*p) <= high.party(*p));
                }
            }
            if r.annual.society > 0 {
                proptest::prop_assert!(low.society <= base.society && base.society <= high.society);
            }
        }
    }

    #[test]
    fn her_months_come_from_the_follow_up_points() {
        use crate::outcome::FollowUpPoint::*;
        use OutcomeStatus::*;
        assert_eq!(months_after(&[]), None);
        // Seeking at leaving, komvux from four weeks, a job from six months.
        let m = months_after(&[
            (Exit, Seeking),
            (Week4, StudiesKomvux),
            (Month6, JobRegular),
        ])
        .unwrap();
        assert_eq!(
            m,
            BTreeMap::from([
                (GainStatus::After(Seeking), 1.0),
                (GainStatus::After(StudiesKomvux), 5.0),
                (GainStatus::After(JobRegular), 6.0),
            ])
        );
        // Only the three-month answer: the whole year in it; the later of two records counts.
        let m = months_after(&[(Month3, Seeking), (Month3, JobNystartsjobb)]).unwrap();
        assert_eq!(
            m,
            BTreeMap::from([(GainStatus::After(JobNystartsjobb), 12.0)])
        );
    }

    #[test]
    fn the_programme_cost_is_whole_kronor_per_payer() {
        let d = CostDraft {
            cost_state: "1 200 000 kr".into(),
            cost_municipality: "0".into(),
            cost_region: String::new(),
            cost_individual: String::new(),
        };
        assert_eq!(d.validate().unwrap(), vec![(Party::State, 1_200_000)]);
        assert_eq!(
            CostDraft::of(&[(Party::State, 1_200_000)]).cost_state,
            "1200000"
        );
        let bad = CostDraft {
            cost_state: "-5".into(),
            cost_municipality: "mycket".into(),
            cost_region: "99999999999999".into(),
            cost_individual: String::new(),
        };
        let e = bad.validate().unwrap_err();
        for f in ["cost_state", "cost_municipality", "cost_region"] {
            assert_eq!(e.get(f).map(|e| e.key), Some("gain-error-cost"), "{f}");
        }
    }
}
