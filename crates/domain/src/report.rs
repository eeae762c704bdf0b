//! A report or a list as tables, ready to be written as a PDF, an XLSX workbook or CSV: every
//! word already in the reader's language, every figure both as she reads it and as a value a
//! spreadsheet can count with.

use serde::Serialize;

/// A cell's value for a spreadsheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Value {
    Text(String),
    Int(i64),
    /// A number with decimals (hours).
    Number(f64),
    /// A share: 0.5 is 50 %.
    Percent(f64),
    Empty,
}

/// One cell: as shown (`shown`) and as counted (`value`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub shown: String,
    pub value: Value,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        Cell {
            shown: s.clone(),
            value: Value::Text(s),
        }
    }

    pub fn empty() -> Cell {
        Cell {
            shown: "–".into(),
            value: Value::Empty,
        }
    }
}

/// A table: its title, column heads and rows (each as long as the heads).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Table {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// What the reader should know about the figures; may be empty.
    pub note: String,
}

/// A report: its title, the facts it is about (label and value), its tables.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// The language code of its words (`sv`, `en`).
    pub lang: String,
    pub title: String,
    pub subtitle: String,
    pub facts: Vec<(String, String)>,
    pub tables: Vec<Table>,
    /// A closing line (who made it, when, from what).
    pub footer: String,
}

/// How the report's reader reads words and figures: a message by its key, a whole number, a
/// share as a percentage.
pub trait Words {
    fn t(&self, key: &str) -> String;
    fn number(&self, n: i64) -> String;
    fn percent(&self, share: f64) -> String;

    fn int(&self, n: i64) -> Cell {
        Cell {
            shown: self.number(n),
            value: Value::Int(n),
        }
    }

    fn share(&self, share: f64) -> Cell {
        Cell {
            shown: self.percent(share),
            value: Value::Percent(share),
        }
    }

    /// A label cell, from its key.
    fn label(&self, key: &str) -> Cell {
        Cell::text(self.t(key))
    }
}
