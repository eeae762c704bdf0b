//! Test data more than one test binary needs.

use std::sync::OnceLock;

use brygga_domain::refdata::RefData;
use chrono::NaiveDate;

/// The demo logins' password.
pub const DEMO_PASSWORD: &str = crate::demo::DEMO_PASSWORD;

/// The reference data (occupations, municipalities, …), read once per test binary.
pub fn refdata() -> &'static RefData {
    static R: OnceLock<RefData> = OnceLock::new();
    R.get_or_init(|| RefData::load().expect("reference data"))
}

/// Today, fixed once per test binary: the demo templates are built for this date, so a run
/// that passes midnight still sees one day.
pub fn today() -> NaiveDate {
    static TODAY: OnceLock<NaiveDate> = OnceLock::new();
    *TODAY.get_or_init(brygga_domain::calendar::today)
}

/// The Luhn check digit of a string of digits (the last digit of a personnummer or an
/// organisationsnummer, computed over the nine before it).
pub fn luhn(digits: &str) -> u32 {
    let sum: u32 = digits
        .chars()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, d)| {
            let p = if i % 2 == 0 { d * 2 } else { d };
            p / 10 + p % 10
        })
        .sum();
    (10 - sum % 10) % 10
}

/// A personnummer `YYYYMMDD-NNNC` for a birth date and birth number `NNN`, with the right (or, if
/// `wrong`, a wrong) check digit. The tests use 1990 dates with birth numbers 238/239, which are
/// in the tax agency's published test-number series (never assigned to real people).
pub fn personnummer(date: &str, birth_number: &str, wrong: bool) -> String {
    let check = luhn(&format!("{}{birth_number}", &date[2..]));
    let check = if wrong { (check + 1) % 10 } else { check };
    format!("{date}-{birth_number}{check}")
}

/// The same number with its last (check) digit changed.
pub fn with_wrong_check_digit(s: &str) -> String {
    let last = s
        .chars()
        .last()
        .and_then(|c| c.to_digit(10))
        .expect("ends in a digit");
    format!("{}{}", &s[..s.len() - 1], (last + 1) % 10)
}

/// An organisationsnummer `NNNNNN-NNNC` for nine digits (third digit ≥ 2 for a legal entity),
/// with its check digit.
pub fn org_number(nine: &str) -> String {
    format!("{}-{}{}", &nine[..6], &nine[6..], luhn(nine))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits_match_published_examples() {
        // The tax agency's example personnummer 811218-9876 and Volvo's 556012-5790.
        assert_eq!(luhn("811218987"), 6);
        assert_eq!(personnummer("19811218", "987", false), "19811218-9876");
        assert_eq!(personnummer("19811218", "987", true), "19811218-9877");
        assert_eq!(with_wrong_check_digit("19811218-9876"), "19811218-9877");
        assert_eq!(org_number("556012579"), "556012-5790");
    }
}
