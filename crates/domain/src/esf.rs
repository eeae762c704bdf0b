//! The project report in the shape an ESF project delivers: its participants (the newcomers)
//! and its trained staff counted apart, by gender and age group, planned against actual; the
//! immediate results (within four weeks of leaving) and the longer-term ones (after six months)
//! by gender and age group; the sub-goals; the costs against the budget. Built from the counted
//! facts as tables in the reader's language; the `reports` crate writes it as PDF and XLSX.

use chrono::NaiveDate;

use crate::evaluation::AgeGroup;
use crate::gain::Party;
use crate::indicator::{Indicator, PersonFacts, Split, tally};
use crate::outcome::OutcomeGroup;
use crate::project::{ProjectInput, reached};
use crate::report::{Cell, Report, Table, Words};
use crate::values::Gender;

/// What the report is made from.
#[derive(Debug, Clone)]
pub struct EsfInput<'a> {
    pub programme: &'a str,
    pub made_on: NaiveDate,
    pub made_by: &'a str,
    pub project: &'a ProjectInput,
    /// Each sub-goal: its text, the indicator that measures it, its target.
    pub goals: &'a [(String, Indicator, i64)],
    /// The participants who consented to count in statistics.
    pub people: &'a [PersonFacts],
    /// The gender of each member of staff who attended a training.
    pub staff: &'a [Gender],
    /// The programme's costs so far, by who pays them.
    pub costs: &'a [(Party, i64)],
}

/// The outcome groups a result table has a row for, in order; `None` is "not recorded".
const RESULT_ROWS: [Option<OutcomeGroup>; 5] = [
    Some(OutcomeGroup::Work),
    Some(OutcomeGroup::Studies),
    Some(OutcomeGroup::Seeking),
    Some(OutcomeGroup::Other),
    None,
];

fn group_key(g: Option<OutcomeGroup>) -> &'static str {
    match g {
        Some(OutcomeGroup::Work) => "esf-result-work",
        Some(OutcomeGroup::Studies) => "esf-result-studies",
        Some(OutcomeGroup::Seeking) => "esf-result-seeking",
        Some(OutcomeGroup::Other) => "esf-result-other",
        None => "esf-result-unrecorded",
    }
}

/// The column heads of a split: total, women, men, other, and the age groups when `ages`.
fn split_heads(w: &dyn Words, first: &str, ages: bool) -> Vec<String> {
    let mut heads = vec![
        w.t(first),
        w.t("dashboard-total"),
        w.t("dashboard-women"),
        w.t("dashboard-men"),
        w.t("dashboard-other"),
    ];
    if ages {
        heads.extend(AgeGroup::ALL.iter().map(|a| w.t(&a.label_key())));
    }
    heads
}

fn split_row(w: &dyn Words, label: Cell, s: &Split, ages: bool) -> Vec<Cell> {
    let mut row = vec![
        label,
        w.int(s.total.into()),
        w.int(s.women.into()),
        w.int(s.men.into()),
        w.int(s.other.into()),
    ];
    if ages {
        row.extend(AgeGroup::ALL.iter().map(|a| w.int(s.age(*a).into())));
    }
    row
}

fn optional(w: &dyn Words, n: Option<i64>) -> Cell {
    n.map_or_else(Cell::empty, |n| w.int(n))
}

fn share(w: &dyn Words, part: i64, whole: Option<i64>) -> Cell {
    match whole {
        Some(whole) if whole > 0 => w.share(part as f64 / whole as f64),
        _ => Cell::empty(),
    }
}

fn planned_table(w: &dyn Words, p: &ProjectInput, actual: &Split) -> Table {
    let planned_total = match (p.planned_women, p.planned_men) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or(0) + b.unwrap_or(0)),
    };
    let row = |key: &str, planned: Option<i64>, actual: u32| {
        vec![
            w.label(key),
            optional(w, planned),
            w.int(actual.into()),
            share(w, actual.into(), planned),
        ]
    };
    Table {
        title: w.t("esf-planned-title"),
        columns: vec![
            w.t("esf-group"),
            w.t("esf-planned"),
            w.t("esf-actual"),
            w.t("project-reached"),
        ],
        rows: vec![
            row("dashboard-women", p.planned_women, actual.women),
            row("dashboard-men", p.planned_men, actual.men),
            row("dashboard-other", None, actual.other),
            row("dashboard-total", planned_total, actual.total),
        ],
        note: String::new(),
    }
}

fn result_table(
    w: &dyn Words,
    people: &[PersonFacts],
    at: fn(&PersonFacts) -> Option<OutcomeGroup>,
    title: &str,
    note: &str,
) -> Table {
    let left: Vec<PersonFacts> = people.iter().filter(|p| p.left).cloned().collect();
    let mut rows: Vec<Vec<Cell>> = RESULT_ROWS
        .iter()
        .map(|g| {
            let s = Split::of(&left, |p| at(p) == *g);
            split_row(w, w.label(group_key(*g)), &s, true)
        })
        .collect();
    rows.push(split_row(
        w,
        w.label("esf-left-total"),
        &Split::of(&left, |_| true),
        true,
    ));
    Table {
        title: w.t(title),
        columns: split_heads(w, "esf-result", true),
        rows,
        note: w.t(note),
    }
}

fn cost_table(w: &dyn Words, p: &ProjectInput, costs: &[(Party, i64)]) -> Table {
    let spent: i64 = costs.iter().map(|c| c.1).sum();
    let mut rows = vec![
        vec![w.label("project-field-budget"), optional(w, p.budget)],
        vec![
            w.label("project-field-co_financing"),
            optional(w, p.co_financing),
        ],
    ];
    for party in Party::ALL {
        let paid: i64 = costs.iter().filter(|c| c.0 == *party).map(|c| c.1).sum();
        if paid != 0 {
            rows.push(vec![
                Cell::text(format!(
                    "{}: {}",
                    w.t("esf-cost-paid-by"),
                    w.t(&party.label_key())
                )),
                w.int(paid),
            ]);
        }
    }
    rows.push(vec![w.label("esf-cost-total"), w.int(spent)]);
    rows.push(vec![w.label("esf-budget-used"), share(w, spent, p.budget)]);
    Table {
        title: w.t("esf-costs-title"),
        columns: vec![w.t("esf-item"), w.t("esf-amount")],
        rows,
        note: w.t("esf-costs-note"),
    }
}

fn goal_table(
    w: &dyn Words,
    goals: &[(String, Indicator, i64)],
    t: &[(Indicator, Split)],
) -> Table {
    let actual = |i: Indicator| t.iter().find(|r| r.0 == i).map_or(0, |r| r.1.total);
    Table {
        title: w.t("project-goals-title"),
        columns: vec![
            w.t("project-field-text"),
            w.t("dashboard-indicator"),
            w.t("project-field-target"),
            w.t("project-actual"),
            w.t("project-reached"),
        ],
        rows: goals
            .iter()
            .map(|(text, i, target)| {
                let a = actual(*i);
                vec![
                    Cell::text(text.clone()),
                    w.label(&i.label_key()),
                    w.int(*target),
                    w.int(a.into()),
                    w.share(reached(a, *target)),
                ]
            })
            .collect(),
        note: String::new(),
    }
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The report, every word from `w`.
pub fn esf_report(i: &EsfInput<'_>, w: &dyn Words) -> Report {
    let t = tally(i.people, i.staff);
    let split = |ind: Indicator| {
        t.iter()
            .find(|r| r.0 == ind)
            .map(|r| r.1.clone())
            .unwrap_or_default()
    };
    let p = i.project;
    let newcomers = Table {
        title: w.t("esf-newcomers-title"),
        columns: split_heads(w, "dashboard-indicator", true),
        rows: t
            .iter()
            .filter(|(ind, _)| ind.counts_participants())
            .map(|(ind, s)| split_row(w, w.label(&ind.label_key()), s, true))
            .collect(),
        note: w.t("esf-newcomers-note"),
    };
    let staff = Table {
        title: w.t("esf-staff-title"),
        columns: split_heads(w, "dashboard-indicator", false),
        rows: vec![split_row(
            w,
            w.label(&Indicator::StaffTrained.label_key()),
            &split(Indicator::StaffTrained),
            false,
        )],
        note: w.t("esf-staff-note"),
    };
    let mut facts = vec![
        (w.t("esf-programme"), i.programme.to_string()),
        (
            w.t("project-field-project_number"),
            p.project_number.clone(),
        ),
        (
            w.t("project-period"),
            format!("{} – {}", date(p.period_start), date(p.period_end)),
        ),
    ];
    if !p.overall_goal.is_empty() {
        facts.push((w.t("project-field-overall_goal"), p.overall_goal.clone()));
    }
    Report {
        lang: String::new(),
        title: w.t("esf-title"),
        subtitle: i.programme.to_string(),
        facts,
        tables: vec![
            planned_table(w, p, &split(Indicator::Participants)),
            newcomers,
            staff,
            result_table(
                w,
                i.people,
                |p| p.week4,
                "esf-immediate-title",
                "esf-immediate-note",
            ),
            result_table(
                w,
                i.people,
                |p| p.month6,
                "esf-longer-title",
                "esf-longer-note",
            ),
            goal_table(w, i.goals, &t),
            cost_table(w, p, i.costs),
        ],
        footer: format!("{} {} · {}", w.t("esf-made-on"), i.made_on, i.made_by),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::report::Value;

    /// Words as keys, figures as plain numbers: what the test reads is what the builder chose.
    struct Keys;

    impl Words for Keys {
        fn t(&self, key: &str) -> String {
            key.to_string()
        }
        fn number(&self, n: i64) -> String {
            n.to_string()
        }
        fn percent(&self, share: f64) -> String {
            format!("{:.0} %", share * 100.0)
        }
    }

    fn person(gender: Gender, age: AgeGroup) -> PersonFacts {
        PersonFacts {
            gender,
            age,
            internship_started: true,
            internship_completed: true,
            certified: false,
            left: true,
            week4: None,
            month6: None,
        }
    }

    fn table<'a>(r: &'a Report, title: &str) -> &'a Table {
        r.tables.iter().find(|t| t.title == title).unwrap()
    }

    fn row<'a>(t: &'a Table, label: &str) -> Vec<&'a Value> {
        t.rows
            .iter()
            .find(|r| r[0].shown == label)
            .unwrap()
            .iter()
            .map(|c| &c.value)
            .collect()
    }

    #[test]
    fn the_report_counts_newcomers_and_staff_apart_planned_against_actual_with_results_and_costs() {
        let project = ProjectInput {
            project_number: "2026/00123".into(),
            budget: Some(1_000_000),
            co_financing: Some(400_000),
            planned_women: Some(4),
            planned_men: Some(2),
            ..ProjectInput::default()
        };
        let people = [
            PersonFacts {
                week4: Some(OutcomeGroup::Work),
                month6: Some(OutcomeGroup::Work),
                ..person(Gender::Female, AgeGroup::From25To54)
            },
            PersonFacts {
                week4: Some(OutcomeGroup::Studies),
                ..person(Gender::Female, AgeGroup::Under25)
            },
            PersonFacts {
                left: false,
                week4: None,
                ..person(Gender::Male, AgeGroup::From55To64)
            },
        ];
        let goals = [("Tre i arbete".to_string(), Indicator::WorkOrStudiesWeek4, 4)];
        let r = esf_report(
            &EsfInput {
                programme: "Praktik Göteborg",
                made_on: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
                made_by: "Petra Projektledare",
                project: &project,
                goals: &goals,
                people: &people,
                staff: &[Gender::Female, Gender::Male, Gender::Male],
                costs: &[(Party::Municipality, 150_000), (Party::State, 100_000)],
            },
            &Keys,
        );
        let planned = table(&r, "esf-planned-title");
        // Women: 4 planned, 2 actual, 50 %; the total planned is women and men together.
        assert_eq!(
            row(planned, "dashboard-women"),
            [
                &Value::Text("dashboard-women".into()),
                &Value::Int(4),
                &Value::Int(2),
                &Value::Percent(0.5)
            ]
        );
        assert_eq!(row(planned, "dashboard-total")[1], &Value::Int(6));
        assert_eq!(row(planned, "dashboard-other")[1], &Value::Empty);
        // The newcomers' table has no staff row; the staff's has no age groups.
        let newcomers = table(&r, "esf-newcomers-title");
        assert!(
            newcomers
                .rows
                .iter()
                .all(|r| r[0].shown != "indicator-staff_trained")
        );
        let p = row(newcomers, "indicator-participants");
        // total, women, men, other, then <25, 25–54, 55–64, 65+
        assert_eq!(
            p[1..9].to_vec(),
            [3, 2, 1, 0, 1, 1, 1, 0]
                .map(Value::Int)
                .iter()
                .collect::<Vec<_>>()
        );
        let staff = table(&r, "esf-staff-title");
        assert_eq!(staff.columns.len(), 5);
        assert_eq!(
            row(staff, "indicator-staff_trained")[1..5].to_vec(),
            [3, 1, 2, 0].map(Value::Int).iter().collect::<Vec<_>>()
        );
        // The results count those who left: one in work, one studying at four weeks; at six
        // months one in work and one not recorded.
        let week4 = table(&r, "esf-immediate-title");
        assert_eq!(row(week4, "esf-result-work")[2], &Value::Int(1));
        assert_eq!(
            row(week4, "esf-result-studies")[5],
            &Value::Int(1),
            "under 25"
        );
        assert_eq!(row(week4, "esf-result-unrecorded")[1], &Value::Int(0));
        assert_eq!(row(week4, "esf-left-total")[1], &Value::Int(2));
        let month6 = table(&r, "esf-longer-title");
        assert_eq!(row(month6, "esf-result-work")[1], &Value::Int(1));
        assert_eq!(row(month6, "esf-result-unrecorded")[1], &Value::Int(1));
        // The goal: 2 of 4 in work or studies within four weeks.
        let goals = table(&r, "project-goals-title");
        assert_eq!(
            row(goals, "Tre i arbete")[3..5].to_vec(),
            [&Value::Int(2), &Value::Percent(0.5)]
        );
        // Costs: 250 000 of a budget of 1 000 000 spent, 25 %.
        let costs = table(&r, "esf-costs-title");
        assert_eq!(row(costs, "esf-cost-total")[1], &Value::Int(250_000));
        assert_eq!(row(costs, "esf-budget-used")[1], &Value::Percent(0.25));
        assert!(r.facts.iter().any(|f| f.1 == "2026/00123"));
        // Every row is as long as its heads.
        for t in &r.tables {
            assert!(
                t.rows.iter().all(|row| row.len() == t.columns.len()),
                "{}",
                t.title
            );
        }
    }

    #[test]
    fn without_a_budget_or_plan_the_shares_are_empty_not_infinite() {
        let project = ProjectInput::default();
        let r = esf_report(
            &EsfInput {
                programme: "P",
                made_on: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
                made_by: "",
                project: &project,
                goals: &[],
                people: &[],
                staff: &[],
                costs: &[],
            },
            &Keys,
        );
        let costs = table(&r, "esf-costs-title");
        assert_eq!(row(costs, "esf-budget-used")[1], &Value::Empty);
        assert_eq!(row(costs, "project-field-budget")[1], &Value::Empty);
        let planned = table(&r, "esf-planned-title");
        assert_eq!(row(planned, "dashboard-total")[3], &Value::Empty);
        assert!(table(&r, "project-goals-title").rows.is_empty());
    }
}
