//! The evaluator's pseudonymised export: what may leave Brygga about a programme's participants
//! for an evaluation. No direct identifier (name, personnummer, address, e-mail, phone, free
//! text) is in it; each person is known by a pseudonym made for the one export (the same within
//! it, never the same across two); dates are months; and the background variables that could
//! single someone out (gender with age group) are suppressed in cells of fewer than
//! `SMALL_CELL` people.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::FieldError;
use crate::model::str_enum;
use crate::values::Gender;

/// The smallest group whose gender and age group are shown.
pub const SMALL_CELL: usize = 5;

/// What a suppressed value reads as.
pub const SUPPRESSED: &str = "*";

str_enum!(
    /// The age groups ESF reports by, from the age reached in the year of reference.
    AgeGroup, "age-group" {
        Under25 = "under_25",
        From25To54 = "25_54",
        From55To64 = "55_64",
        From65 = "65_plus",
    }
);

impl AgeGroup {
    /// The group of someone born in `birth_year`, in `year`.
    pub fn of(birth_year: i32, year: i32) -> AgeGroup {
        match year - birth_year {
            ..=24 => AgeGroup::Under25,
            25..=54 => AgeGroup::From25To54,
            55..=64 => AgeGroup::From55To64,
            _ => AgeGroup::From65,
        }
    }
}

/// A date as the export gives it: its month.
pub fn month_of(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// How many exported people share each gender and age group: the cells below `SMALL_CELL` are
/// suppressed.
#[derive(Debug, Clone, Default)]
pub struct Cells(HashMap<(Gender, AgeGroup), usize>);

impl Cells {
    pub fn count(&mut self, gender: Gender, age: AgeGroup) {
        *self.0.entry((gender, age)).or_insert(0) += 1;
    }

    /// Gender and age group as the export shows them: themselves, or both suppressed.
    pub fn shown(&self, gender: Gender, age: AgeGroup) -> (&'static str, &'static str) {
        if self.0.get(&(gender, age)).copied().unwrap_or(0) < SMALL_CELL {
            (SUPPRESSED, SUPPRESSED)
        } else {
            (gender.as_str(), age.as_str())
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn age_groups_follow_esf() {
        assert_eq!(AgeGroup::of(2002, 2026), AgeGroup::Under25);
        assert_eq!(AgeGroup::of(2001, 2026), AgeGroup::From25To54);
        assert_eq!(AgeGroup::of(1972, 2026), AgeGroup::From25To54);
        assert_eq!(AgeGroup::of(1971, 2026), AgeGroup::From55To64);
        assert_eq!(AgeGroup::of(1961, 2026), AgeGroup::From65);
        assert_eq!(month_of("2026-03-09".parse().unwrap()), "2026-03");
    }

    #[test]
    fn small_cells_are_suppressed() {
        let mut c = Cells::default();
        for _ in 0..SMALL_CELL {
            c.count(Gender::Female, AgeGroup::From25To54);
        }
        for _ in 0..SMALL_CELL - 1 {
            c.count(Gender::Male, AgeGroup::Under25);
        }
        assert_eq!(
            c.shown(Gender::Female, AgeGroup::From25To54),
            ("female", "25_54")
        );
        assert_eq!(c.shown(Gender::Male, AgeGroup::Under25), ("*", "*"));
        assert_eq!(c.shown(Gender::Male, AgeGroup::From65), ("*", "*"));
    }
}
