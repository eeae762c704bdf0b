//! Swedish identity numbers and contact details, parsed once at the edge of the system.
//!
//! Rules follow Skatteverket (personnummer, samordningsnummer) and Bolagsverket
//! (organisationsnummer): a date part, a serial and a Luhn check digit over ten digits.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::field::FieldError;
use crate::values::Gender;

/// Luhn (modulus 10, weights 2 and 1 from the left) check digit over the first nine digits.
fn luhn_check_digit(nine: &[u8]) -> u8 {
    let sum: u32 = nine
        .iter()
        .take(9)
        .enumerate()
        .map(|(i, &d)| {
            let p = u32::from(d) * if i % 2 == 0 { 2 } else { 1 };
            p / 10 + p % 10
        })
        .sum();
    // Always below 10, so the narrowing cannot lose anything.
    ((10 - sum % 10) % 10) as u8
}

/// The digit values of `b`, or `None` if any byte is not an ASCII digit.
fn digit_values(b: &[u8]) -> Option<Vec<u8>> {
    b.iter()
        .map(|c| c.is_ascii_digit().then(|| c - b'0'))
        .collect()
}

fn two(d: &[u8], i: usize) -> u32 {
    u32::from(d[i]) * 10 + u32::from(d[i + 1])
}

/// A birth date read from the ten-digit form `YYMMDDNNNC` of a personnummer.
struct BirthDate {
    year: i32,
    date: NaiveDate,
    coordination: bool,
}

/// How the century of a ten-digit number is known.
#[derive(Clone, Copy)]
enum Century {
    /// Written with twelve digits.
    Given(i32),
    /// `YYMMDD-NNNN` or no separator: the latest century that does not put the birth in the future.
    UnderHundred,
    /// `YYMMDD+NNNN`: Skatteverket switches to `+` in the calendar year the person turns 100, so
    /// the birth year is the latest one ending in `YY` that is at most this year minus 100.
    HundredOrOver,
}

/// The birth date of a ten-digit personnummer or samordningsnummer, `None` if it does not exist
/// or lies after `today`.
fn birth_date(ten: &[u8], century: Century, today: NaiveDate) -> Option<BirthDate> {
    let yy = i32::try_from(two(ten, 0)).ok()?;
    let month = two(ten, 2);
    let raw_day = two(ten, 4);
    // Samordningsnummer: the day of birth plus 60.
    let coordination = (61..=91).contains(&raw_day);
    let day = if coordination { raw_day - 60 } else { raw_day };
    let ty = today.year();
    let year = match century {
        Century::Given(c) => c * 100 + yy,
        Century::UnderHundred => {
            let y = ty - (ty - yy).rem_euclid(100);
            if y == ty && (month, day) > (today.month(), today.day()) {
                y - 100
            } else {
                y
            }
        }
        Century::HundredOrOver => {
            let limit = ty - 100;
            limit - (limit - yy).rem_euclid(100)
        }
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    (date <= today).then_some(BirthDate {
        year,
        date,
        coordination,
    })
}

/// A Swedish personnummer or samordningsnummer (coordination number, day of birth + 60).
///
/// Stored in the canonical twelve-digit form `YYYYMMDD-NNNN`; for a samordningsnummer the day
/// stays as written (61–91). `Debug` hides the serial so that logs do not carry whole numbers.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Personnummer {
    canonical: String,
    birth_date: NaiveDate,
    coordination: bool,
}

impl Personnummer {
    const FIELD: &'static str = "personnummer";

    /// Parse against today's date in Stockholm.
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        Self::parse_at(s, crate::calendar::today())
    }

    /// Parse as if today were `today` (the century of ten-digit forms depends on it).
    ///
    /// Accepts `YYYYMMDD-NNNN`, `YYYYMMDDNNNN`, `YYMMDD-NNNN`, `YYMMDDNNNN` and `YYMMDD+NNNN`.
    pub fn parse_at(s: &str, today: NaiveDate) -> Result<Self, FieldError> {
        let err = |key| FieldError::new(Self::FIELD, key);
        let b = s.trim().as_bytes();
        let (century_digits, ten_bytes, century): (&[u8], Vec<u8>, Century) = match b.len() {
            13 if b[8] == b'-' => (&b[..2], [&b[2..8], &b[9..]].concat(), Century::UnderHundred),
            12 => (&b[..2], b[2..].to_vec(), Century::UnderHundred),
            11 if b[6] == b'-' => (&[], [&b[..6], &b[7..]].concat(), Century::UnderHundred),
            11 if b[6] == b'+' => (&[], [&b[..6], &b[7..]].concat(), Century::HundredOrOver),
            10 => (&[], b.to_vec(), Century::UnderHundred),
            _ => return Err(err("error-personnummer-format")),
        };
        let ten = digit_values(&ten_bytes).ok_or_else(|| err("error-personnummer-format"))?;
        let century = match digit_values(century_digits) {
            None => return Err(err("error-personnummer-format")),
            Some(c) if c.len() == 2 => {
                let c = i32::try_from(two(&c, 0)).map_err(|_| err("error-personnummer-format"))?;
                // Skatteverket stores the century as 18, 19 or 20.
                if c < 18 {
                    return Err(err("error-personnummer-date"));
                }
                Century::Given(c)
            }
            Some(_) => century,
        };
        let birth =
            birth_date(&ten, century, today).ok_or_else(|| err("error-personnummer-date"))?;
        if luhn_check_digit(&ten) != ten[9] {
            return Err(err("error-personnummer-checksum"));
        }
        let rest: String = ten[2..].iter().map(|d| char::from(b'0' + d)).collect();
        let canonical = format!("{:04}{}-{}", birth.year, &rest[..4], &rest[4..]);
        Ok(Personnummer {
            canonical,
            birth_date: birth.date,
            coordination: birth.coordination,
        })
    }

    /// `YYYYMMDD-NNNN`, always twelve digits and a dash.
    pub fn as_str(&self) -> &str {
        &self.canonical
    }

    /// Whether this is a samordningsnummer (day of birth + 60).
    pub fn is_coordination_number(&self) -> bool {
        self.coordination
    }

    /// The real date of birth (for a samordningsnummer, the day minus 60).
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    pub fn birth_year(&self) -> i32 {
        self.birth_date.year()
    }

    /// Legal gender as registered: the ninth digit of the ten-digit form, odd for men.
    pub fn legal_gender(&self) -> Gender {
        // Canonical `YYYYMMDD-NNNC`: the ninth digit of the ten-digit form is at byte 11.
        match self.canonical.as_bytes().get(11) {
            Some(d) if (d - b'0') % 2 == 1 => Gender::Male,
            _ => Gender::Female,
        }
    }
}

impl fmt::Display for Personnummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical)
    }
}

impl fmt::Debug for Personnummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Personnummer({}-****)",
            self.canonical.get(..8).unwrap_or_default()
        )
    }
}

impl FromStr for Personnummer {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, FieldError> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Personnummer {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        Self::parse(&s)
    }
}

impl From<Personnummer> for String {
    fn from(p: Personnummer) -> String {
        p.canonical
    }
}

impl AsRef<str> for Personnummer {
    fn as_ref(&self) -> &str {
        &self.canonical
    }
}

/// A Swedish organisationsnummer, canonical form `NNNNNN-NNNN`.
///
/// Legal entities have a third digit of 2 or more; a sole trader (enskild näringsidkare) uses
/// their personnummer, which is accepted when its date is valid.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrgNumber(String);

impl OrgNumber {
    const FIELD: &'static str = "org_number";

    pub fn parse(s: &str) -> Result<Self, FieldError> {
        Self::parse_at(s, crate::calendar::today())
    }

    /// Parse as if today were `today` (only a sole trader's date depends on it).
    ///
    /// Accepts `NNNNNN-NNNN`, ten digits, and twelve digits (optionally with a dash before the
    /// last four) starting with `16` for a legal entity or with the century (18, 19, 20) of a
    /// sole trader's personnummer.
    pub fn parse_at(s: &str, today: NaiveDate) -> Result<Self, FieldError> {
        let err = |key| FieldError::new(Self::FIELD, key);
        let b = s.trim().as_bytes();
        let (prefix, ten_bytes): (&[u8], Vec<u8>) = match b.len() {
            10 => (&[], b.to_vec()),
            11 if b[6] == b'-' => (&[], [&b[..6], &b[7..]].concat()),
            12 => (&b[..2], b[2..].to_vec()),
            13 if b[8] == b'-' => (&b[..2], [&b[2..8], &b[9..]].concat()),
            _ => return Err(err("error-orgnumber-format")),
        };
        let ten = digit_values(&ten_bytes).ok_or_else(|| err("error-orgnumber-format"))?;
        let legal_entity = ten[2] >= 2;
        let century = match prefix {
            [] => Century::UnderHundred,
            b"16" if legal_entity => Century::UnderHundred,
            b"18" | b"19" | b"20" if !legal_entity => {
                Century::Given(i32::from(prefix[0] - b'0') * 10 + i32::from(prefix[1] - b'0'))
            }
            _ => return Err(err("error-orgnumber-format")),
        };
        if luhn_check_digit(&ten) != ten[9] {
            return Err(err("error-orgnumber-checksum"));
        }
        if !legal_entity && birth_date(&ten, century, today).is_none() {
            return Err(err("error-orgnumber-format"));
        }
        let digits: String = ten.iter().map(|d| char::from(b'0' + d)).collect();
        Ok(OrgNumber(format!("{}-{}", &digits[..6], &digits[6..])))
    }

    /// `NNNNNN-NNNN`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A legal entity (third digit 2 or more) rather than a sole trader's personnummer.
    pub fn is_legal_entity(&self) -> bool {
        self.0.as_bytes().get(2).is_some_and(|&d| d >= b'2')
    }
}

impl fmt::Display for OrgNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for OrgNumber {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, FieldError> {
        Self::parse(s)
    }
}

impl TryFrom<String> for OrgNumber {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        Self::parse(&s)
    }
}

impl From<OrgNumber> for String {
    fn from(o: OrgNumber) -> String {
        o.0
    }
}

impl AsRef<str> for OrgNumber {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// An e-mail address: the local part as typed, the domain lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    const FIELD: &'static str = "email";

    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let err = || FieldError::new(Self::FIELD, "error-email");
        let s = s.trim();
        if s.len() > 254 {
            return Err(err());
        }
        let (local, domain) = s.split_once('@').ok_or_else(err)?;
        if local.is_empty()
            || local.len() > 64
            || local.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(err());
        }
        let domain = domain.to_lowercase();
        let labels: Vec<&str> = domain.split('.').collect();
        let label_ok = |l: &&str| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                // ASCII letters, digits and '-', or letters and digits of any script (IDN).
                && l.chars().all(|c| c == '-' || c.is_alphanumeric())
        };
        // A top-level domain is never all digits; this also rejects bare IPv4 addresses.
        let tld_ok = labels
            .last()
            .is_some_and(|t| !t.chars().all(|c| c.is_ascii_digit()));
        if labels.len() < 2 || !labels.iter().all(label_ok) || !tld_ok {
            return Err(err());
        }
        Ok(Email(format!("{local}@{domain}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Email {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, FieldError> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Email {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        Self::parse(&s)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A phone number as the user typed it (trimmed): digits, spaces, `-`, parentheses and a
/// leading `+`, with 7–15 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl Phone {
    const FIELD: &'static str = "phone";

    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let s = s.trim();
        let chars_ok = s.char_indices().all(|(i, c)| {
            c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')') || (c == '+' && i == 0)
        });
        let digits = s.chars().filter(char::is_ascii_digit).count();
        if !chars_ok || !(7..=15).contains(&digits) {
            return Err(FieldError::new(Self::FIELD, "error-phone"));
        }
        Ok(Phone(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Only the digits, with the leading `+` if one was typed (for comparing numbers).
    pub fn digits(&self) -> String {
        self.0
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect()
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Phone {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, FieldError> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Phone {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        Self::parse(&s)
    }
}

impl From<Phone> for String {
    fn from(p: Phone) -> String {
        p.0
    }
}

impl AsRef<str> for Phone {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error as DeError, StringDeserializer};

    type R = Result<(), FieldError>;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    /// "Today" for the deterministic tests.
    fn today() -> NaiveDate {
        day(2025, 6, 15)
    }

    fn pnr(s: &str) -> Result<Personnummer, FieldError> {
        Personnummer::parse_at(s, today())
    }

    fn pnr_key(s: &str) -> Option<&'static str> {
        pnr(s).err().map(|e| e.key)
    }

    fn org(s: &str) -> Result<OrgNumber, FieldError> {
        OrgNumber::parse_at(s, today())
    }

    fn org_key(s: &str) -> Option<&'static str> {
        org(s).err().map(|e| e.key)
    }

    /// Appends the Luhn check digit computed over the last nine digits in `s` (separators kept).
    /// Numbers built with it are constructed for the tests, not taken from any register.
    fn with_check(s: &str) -> String {
        let digits: Vec<u8> = s
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        let nine = &digits[digits.len().saturating_sub(9)..];
        format!("{s}{}", luhn_check_digit(nine))
    }

    /// The same number with its last digit replaced by the next one (mod 10).
    fn wrong_check(s: &str) -> String {
        let mut b = s.as_bytes().to_vec();
        if let Some(last) = b.last_mut() {
            *last = b'0' + (*last - b'0' + 1) % 10;
        }
        String::from_utf8(b).unwrap_or_default()
    }

    fn deserialize<T: for<'de> Deserialize<'de>>(s: &str) -> Result<T, DeError> {
        let d: StringDeserializer<DeError> = s.to_string().into_deserializer();
        T::deserialize(d)
    }

    // Published examples used below:
    // - 201701012393: in Skatteverket's open test-number series (dataportal.se "Testpersonnummer").
    // - 701063-2391: Skatteverket's worked samordningsnummer example (man born 1970-10-03).
    // - 640823-3234: Skatteverket's worked example of the check-digit calculation.
    // Every other personnummer here is constructed with `with_check`.

    #[test]
    fn luhn_matches_published_examples() {
        assert_eq!(luhn_check_digit(&[1, 7, 0, 1, 0, 1, 2, 3, 9]), 3);
        assert_eq!(luhn_check_digit(&[6, 4, 0, 8, 2, 3, 3, 2, 3]), 4);
        assert_eq!(luhn_check_digit(&[7, 0, 1, 0, 6, 3, 2, 3, 9]), 1);
        assert_eq!(luhn_check_digit(&[5, 5, 6, 0, 3, 6, 0, 7, 9]), 3);
    }

    #[test]
    fn accepts_every_written_form() -> R {
        for s in [
            "20170101-2393",
            "201701012393",
            "170101-2393",
            "1701012393",
            "  170101-2393\n",
            "\t20170101-2393 ",
        ] {
            let p = pnr(s)?;
            assert_eq!(p.as_str(), "20170101-2393", "{s}");
            assert_eq!(p.birth_date(), day(2017, 1, 1));
            assert_eq!(p.birth_year(), 2017);
            assert!(!p.is_coordination_number());
        }
        Ok(())
    }

    #[test]
    fn plus_means_a_hundred_years_or_more() -> R {
        assert_eq!(pnr("170101+2393")?.as_str(), "19170101-2393");
        assert_eq!(pnr("640823-3234")?.as_str(), "19640823-3234");
        assert_eq!(pnr("640823+3234")?.as_str(), "18640823-3234");
        assert_eq!(pnr(&with_check("000101+123"))?.birth_year(), 1900);
        assert_eq!(pnr(&with_check("000101-123"))?.birth_year(), 2000);
        Ok(())
    }

    #[test]
    fn century_of_ten_digit_forms_never_puts_the_birth_in_the_future() -> R {
        // Today is 2025-06-15.
        assert_eq!(
            pnr(&with_check("250615-123"))?.birth_date(),
            day(2025, 6, 15)
        );
        assert_eq!(
            pnr(&with_check("250616-123"))?.birth_date(),
            day(1925, 6, 16)
        );
        assert_eq!(pnr(&with_check("251231-123"))?.birth_year(), 1925);
        assert_eq!(pnr(&with_check("250101-123"))?.birth_year(), 2025);
        assert_eq!(pnr(&with_check("260101-123"))?.birth_year(), 1926);
        assert_eq!(pnr(&with_check("991231-123"))?.birth_year(), 1999);
        assert_eq!(pnr(&with_check("250615123"))?.birth_year(), 2025);
        // `+` switches in the calendar year the person turns 100, birthday or not.
        assert_eq!(pnr(&with_check("250616+123"))?.birth_year(), 1925);
        assert_eq!(pnr(&with_check("250614+123"))?.birth_year(), 1925);
        assert_eq!(pnr(&with_check("260101+123"))?.birth_year(), 1826);
        assert_eq!(pnr(&with_check("240101+123"))?.birth_year(), 1924);
        // The same digits on another day resolve to another century.
        let s = with_check("250616-123");
        assert_eq!(
            Personnummer::parse_at(&s, day(2025, 6, 16))?.birth_year(),
            2025
        );
        assert_eq!(
            Personnummer::parse_at(&s, day(2025, 6, 15))?.birth_year(),
            1925
        );
        assert_eq!(
            Personnummer::parse_at(&s, day(2124, 1, 1))?.birth_year(),
            2025
        );
        assert_eq!(
            Personnummer::parse_at(&s, day(2125, 6, 16))?.birth_year(),
            2125
        );
        Ok(())
    }

    #[test]
    fn coordination_numbers_add_sixty_to_the_day() -> R {
        let s = pnr("701063-2391")?;
        assert!(s.is_coordination_number());
        assert_eq!(s.birth_date(), day(1970, 10, 3));
        assert_eq!(s.as_str(), "19701063-2391");
        assert_eq!(s.legal_gender(), Gender::Male);
        assert_eq!(
            pnr(&with_check("19900161-123"))?.birth_date(),
            day(1990, 1, 1)
        );
        assert_eq!(
            pnr(&with_check("19900191-123"))?.birth_date(),
            day(1990, 1, 31)
        );
        assert_eq!(
            pnr(&with_check("19900288-123"))?.birth_date(),
            day(1990, 2, 28)
        );
        assert_eq!(
            pnr(&with_check("20000289-123"))?.birth_date(),
            day(2000, 2, 29)
        );
        for bad in [
            "19900192-123",
            "19900160-123",
            "19900199-123",
            "19900289-123",
            "19900290-123",
            "19900491-123",
        ] {
            assert_eq!(
                pnr_key(&with_check(bad)),
                Some("error-personnummer-date"),
                "{bad}"
            );
        }
        Ok(())
    }

    #[test]
    fn coordination_number_dates_must_not_be_in_the_future() {
        // 2025-06-16 as a samordningsnummer, twelve digits, is tomorrow.
        assert_eq!(
            pnr_key(&with_check("20250676-123")),
            Some("error-personnummer-date")
        );
        assert_eq!(
            pnr(&with_check("20250675-123")).map(|p| p.birth_date()),
            Ok(day(2025, 6, 15))
        );
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for bad in [
            "19900230-123",
            "19900231-123",
            "19900431-123",
            "19901301-123",
            "19900001-123",
            "19900100-123",
            "19900132-123",
            "19000229-123",
            "21000229-123",
            "17990101-123",
            "000229+123",
            "991301-123",
        ] {
            assert_eq!(
                pnr_key(&with_check(bad)),
                Some("error-personnummer-date"),
                "{bad}"
            );
        }
        assert!(pnr(&with_check("20000229-123")).is_ok());
        assert!(pnr(&with_check("000229-123")).is_ok());
        assert!(pnr(&with_check("19960229-123")).is_ok());
    }

    #[test]
    fn future_dates_are_rejected() {
        assert_eq!(
            pnr_key(&with_check("20250616-123")),
            Some("error-personnummer-date")
        );
        assert_eq!(
            pnr_key(&with_check("20300101-123")),
            Some("error-personnummer-date")
        );
        assert!(pnr(&with_check("20250615-123")).is_ok());
        assert_eq!(
            Personnummer::parse_at("20170101-2393", day(2016, 12, 31)).map_err(|e| e.key),
            Err("error-personnummer-date")
        );
    }

    #[test]
    fn wrong_check_digits_are_rejected() {
        for good in [
            "20170101-2393",
            "170101-2393",
            "1701012393",
            "701063-2391",
            "640823+3234",
        ] {
            assert!(pnr(good).is_ok());
            assert_eq!(
                pnr_key(&wrong_check(good)),
                Some("error-personnummer-checksum"),
                "{good}"
            );
        }
        // A swapped pair of digits is also caught.
        assert_eq!(
            pnr_key("20170101-3293"),
            Some("error-personnummer-checksum")
        );
    }

    #[test]
    fn malformed_input_is_a_format_error() {
        for bad in [
            "",
            " ",
            "2393",
            "170101-239",
            "170101-23934",
            "170101 2393",
            "170101--2393",
            "17010-12393",
            "2017-01-01-2393",
            "20170101+2393",
            "2017010-12393",
            "20170101_2393",
            "17O101-2393",
            "170101-239a",
            "١٧٠١٠١-٢٣٩٣",
            "17010١2393",
            "1701ä12393",
            "+1701012393",
            "-170101-2393",
            "201701012393 1",
            "1701012393x",
            "x1701012393",
            "ä20170101-239",
        ] {
            assert_eq!(pnr_key(bad), Some("error-personnummer-format"), "{bad:?}");
        }
    }

    #[test]
    fn legal_gender_is_the_ninth_digit() -> R {
        assert_eq!(pnr("20170101-2393")?.legal_gender(), Gender::Male);
        assert_eq!(pnr("640823-3234")?.legal_gender(), Gender::Male);
        assert_eq!(
            pnr(&with_check("19900101-980"))?.legal_gender(),
            Gender::Female
        );
        assert_eq!(
            pnr(&with_check("19900101-981"))?.legal_gender(),
            Gender::Male
        );
        Ok(())
    }

    #[test]
    fn display_serde_and_debug() -> R {
        let p = pnr("1701012393")?;
        assert_eq!(p.to_string(), "20170101-2393");
        assert_eq!(String::from(p.clone()), "20170101-2393");
        assert_eq!(p.as_ref(), "20170101-2393");
        assert_eq!(format!("{p:?}"), "Personnummer(20170101-****)");
        // Deserialising goes through `parse` (today's date), serialising writes `as_str`.
        let back: Personnummer =
            deserialize("20170101-2393").map_err(|_| FieldError::new("serde", "x"))?;
        assert_eq!(back, p);
        let back: Personnummer =
            deserialize(" 170101-2393").map_err(|_| FieldError::new("serde", "x"))?;
        assert_eq!(back, p);
        let e = deserialize::<Personnummer>("20170101-2394")
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("personnummer: error-personnummer-checksum")
        );
        assert_eq!("201701012393".parse::<Personnummer>()?, p);
        Ok(())
    }

    #[test]
    fn parse_uses_todays_date() {
        assert!(Personnummer::parse("20170101-2393").is_ok());
        assert_eq!(
            Personnummer::parse(&with_check("30000101-123")).map_err(|e| (e.field, e.key)),
            Err(("personnummer".to_string(), "error-personnummer-date"))
        );
    }

    fn arb_date(from: NaiveDate, to: NaiveDate) -> impl Strategy<Value = NaiveDate> {
        let span = (to - from).num_days();
        (0..=span).prop_map(move |d| from + chrono::Duration::days(d))
    }

    /// (today, birth date, serial, coordination) with the birth date in 1900..=today.
    fn arb_case() -> impl Strategy<Value = (NaiveDate, NaiveDate, u32, bool)> {
        arb_date(day(2000, 1, 1), day(2099, 12, 31)).prop_flat_map(|today| {
            (
                Just(today),
                arb_date(day(1900, 1, 1), today),
                0u32..1000,
                any::<bool>(),
            )
        })
    }

    /// The ten digits (with the Luhn digit) of a birth date and serial.
    fn ten_digits(birth: NaiveDate, serial: u32, coordination: bool) -> String {
        let d = birth.day() + if coordination { 60 } else { 0 };
        with_check(&format!(
            "{:02}{:02}{d:02}{serial:03}",
            birth.year() % 100,
            birth.month()
        ))
    }

    proptest! {
        #[test]
        fn any_valid_number_parses_and_round_trips((today, birth, serial, coordination) in arb_case()) {
            let ten = ten_digits(birth, serial, coordination);
            let canonical = format!("{:04}{}-{}", birth.year(), &ten[2..6], &ten[6..]);
            let sep = if birth.year() > today.year() - 100 { '-' } else { '+' };
            let forms = [
                canonical.clone(),
                canonical.replace('-', ""),
                format!("{}{sep}{}", &ten[..6], &ten[6..]),
            ];
            for form in forms.iter().chain(if sep == '-' { Some(&ten) } else { None }) {
                let p = Personnummer::parse_at(form, today);
                prop_assert!(p.is_ok(), "{} on {}: {:?}", form, today, p);
                let p = p.map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(p.as_str(), canonical.as_str());
                prop_assert_eq!(p.birth_date(), birth);
                prop_assert_eq!(p.is_coordination_number(), coordination);
                let again = Personnummer::parse_at(p.as_str(), today);
                prop_assert_eq!(again.as_ref(), Ok(&p));
            }
        }

        #[test]
        fn any_other_check_digit_fails_the_checksum(
            (today, birth, serial, coordination) in arb_case(),
            delta in 1u8..10,
        ) {
            let ten = ten_digits(birth, serial, coordination);
            let mut b = format!("{:04}{}-{}", birth.year(), &ten[2..6], &ten[6..]).into_bytes();
            if let Some(last) = b.last_mut() {
                *last = b'0' + (*last - b'0' + delta) % 10;
            }
            let s = String::from_utf8(b).unwrap_or_default();
            prop_assert_eq!(
                Personnummer::parse_at(&s, today).map_err(|e| e.key),
                Err("error-personnummer-checksum")
            );
        }

        #[test]
        fn parsers_never_panic_and_are_idempotent(s in ".{0,20}", digits in "[0-9+ -]{0,16}") {
            for s in [&s, &digits] {
                if let Ok(p) = Personnummer::parse_at(s, today()) {
                    prop_assert_eq!(Personnummer::parse_at(p.as_str(), today()), Ok(p));
                }
                if let Ok(o) = OrgNumber::parse_at(s, today()) {
                    prop_assert_eq!(OrgNumber::parse_at(o.as_str(), today()), Ok(o));
                }
                if let Ok(e) = Email::parse(s) {
                    prop_assert_eq!(Email::parse(e.as_str()), Ok(e));
                }
                if let Ok(p) = Phone::parse(s) {
                    prop_assert_eq!(Phone::parse(p.as_str()), Ok(p));
                }
            }
        }

        #[test]
        fn org_numbers_with_luhn_digit_parse(nine in "[1-9][0-9][2-9][0-9]{6}", delta in 1u8..10) {
            let s = with_check(&nine);
            let o = org(&s).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(o.as_str(), format!("{}-{}", &s[..6], &s[6..]));
            prop_assert!(o.is_legal_entity());
            let mut b = s.into_bytes();
            if let Some(last) = b.last_mut() {
                *last = b'0' + (*last - b'0' + delta) % 10;
            }
            let wrong = String::from_utf8(b).unwrap_or_default();
            prop_assert_eq!(org_key(&wrong), Some("error-orgnumber-checksum"));
        }
    }

    #[test]
    fn known_org_numbers_parse() -> R {
        for (s, canonical) in [
            ("556036-0793", "556036-0793"),
            ("5560360793", "556036-0793"),
            ("165560360793", "556036-0793"),
            ("16556036-0793", "556036-0793"),
            (" 202100-5489 ", "202100-5489"),
            ("212000-0142", "212000-0142"),
            ("212000-1355", "212000-1355"),
        ] {
            let o = org(s)?;
            assert_eq!(o.as_str(), canonical, "{s}");
            assert_eq!(o.to_string(), canonical);
            assert!(o.is_legal_entity());
        }
        Ok(())
    }

    #[test]
    fn org_number_errors() {
        for s in [
            "556036-0794",
            "5560360790",
            "165560360792",
            "202100-5488",
            "212000-0143",
            "212000-1356",
        ] {
            assert_eq!(org_key(s), Some("error-orgnumber-checksum"), "{s}");
        }
        for s in [
            "",
            "556036-079",
            "556036 0793",
            "55603-60793",
            "556036+0793",
            "5560-360793",
            "175560360793",
            "155560360793",
            "1655603607931",
            "16-556036-0793",
            "55603607934",
            "556O36-0793",
            "öö6036-0793",
            "556036-0793-",
            "١٦٥٥٦٠٣٦٠٧٩٣",
        ] {
            assert_eq!(org_key(s), Some("error-orgnumber-format"), "{s:?}");
        }
    }

    #[test]
    fn sole_traders_use_a_personnummer() -> R {
        let o = org("640823-3234")?;
        assert_eq!(o.as_str(), "640823-3234");
        assert!(!o.is_legal_entity());
        assert_eq!(org("196408233234")?.as_str(), "640823-3234");
        assert_eq!(org("19640823-3234")?.as_str(), "640823-3234");
        assert_eq!(org("701063-2391")?.as_str(), "701063-2391");
        assert_eq!(org("201701012393")?.as_str(), "170101-2393");
        // A personnummer does not take the legal-entity prefix, nor a legal entity a century.
        assert_eq!(org_key("166408233234"), Some("error-orgnumber-format"));
        assert_eq!(org_key("195560360793"), Some("error-orgnumber-format"));
        // Not a date: 1990-02-30, and day 92.
        assert_eq!(
            org_key(&with_check("900230-123")),
            Some("error-orgnumber-format")
        );
        assert_eq!(
            org_key(&with_check("900192-123")),
            Some("error-orgnumber-format")
        );
        assert_eq!(
            org_key(&with_check("19000229123")),
            Some("error-orgnumber-format")
        );
        assert!(org(&with_check("20000229123")).is_ok());
        assert_eq!(org_key("640823-3235"), Some("error-orgnumber-checksum"));
        Ok(())
    }

    #[test]
    fn org_number_serde() -> R {
        let o = org("5560360793")?;
        assert_eq!(String::from(o.clone()), "556036-0793");
        let back: OrgNumber =
            deserialize("165560360793").map_err(|_| FieldError::new("serde", "x"))?;
        assert_eq!(back, o);
        assert!(deserialize::<OrgNumber>("556036-0794").is_err());
        assert_eq!("556036-0793".parse::<OrgNumber>()?, o);
        assert_eq!(OrgNumber::parse("556036-0793")?, o);
        assert_eq!(
            OrgNumber::parse("x").map_err(|e| e.field),
            Err("org_number".to_string())
        );
        Ok(())
    }

    fn email_key(s: &str) -> Option<&'static str> {
        Email::parse(s).err().map(|e| e.key)
    }

    #[test]
    fn valid_emails() -> R {
        for (s, stored) in [
            ("anna.svensson@example.se", "anna.svensson@example.se"),
            ("  Anna.Svensson@Example.SE \n", "Anna.Svensson@example.se"),
            ("a+tag@sub.example.co.uk", "a+tag@sub.example.co.uk"),
            ("x@a-b.se", "x@a-b.se"),
            ("kalle@RÄKSMÖRGÅS.se", "kalle@räksmörgås.se"),
            ("عمر@مثال.السعودية", "عمر@مثال.السعودية"),
            ("o'brien@example.ie", "o'brien@example.ie"),
            ("x@123.se", "x@123.se"),
        ] {
            let e = Email::parse(s)?;
            assert_eq!(e.as_str(), stored, "{s}");
            assert_eq!(e.to_string(), stored);
        }
        let local = "a".repeat(64);
        assert!(Email::parse(&format!("{local}@example.se")).is_ok());
        // 254 characters in all is the limit.
        let long = format!(
            "{}@{}.{}.{}.se",
            "a".repeat(64),
            "b".repeat(63),
            "c".repeat(63),
            "d".repeat(58)
        );
        assert_eq!(long.len(), 254);
        assert!(Email::parse(&long).is_ok());
        Ok(())
    }

    #[test]
    fn invalid_emails() {
        let long_local = format!("{}@example.se", "a".repeat(65));
        let long_label = format!("a@{}.se", "b".repeat(64));
        let too_long = format!(
            "{}@{}.{}.{}.se",
            "a".repeat(64),
            "b".repeat(63),
            "c".repeat(63),
            "d".repeat(59)
        );
        assert_eq!(too_long.len(), 255);
        for s in [
            "",
            " ",
            "anna",
            "anna.example.se",
            "@example.se",
            "anna@",
            "anna@example",
            "anna@@example.se",
            "anna@ex@ample.se",
            "an na@example.se",
            "anna@exa mple.se",
            "anna@-example.se",
            "anna@example-.se",
            "anna@example..se",
            "anna@.example.se",
            "anna@example.se.",
            "anna@ex_ample.se",
            "anna@1.2.3.4",
            "anna\t@example.se",
            "anna\u{7}@example.se",
            "anna@example.se>",
            "anna@exam!ple.se",
            "anna@example.-se",
            long_local.as_str(),
            long_label.as_str(),
            too_long.as_str(),
        ] {
            assert_eq!(email_key(s), Some("error-email"), "{s:?}");
        }
        assert_eq!(
            Email::parse("x").map_err(|e| e.field),
            Err("email".to_string())
        );
    }

    #[test]
    fn email_serde() -> R {
        let e = Email::parse("Anna@Example.se")?;
        assert_eq!(String::from(e.clone()), "Anna@example.se");
        let back: Email =
            deserialize("Anna@EXAMPLE.se").map_err(|_| FieldError::new("serde", "x"))?;
        assert_eq!(back, e);
        assert!(deserialize::<Email>("nope").is_err());
        assert_eq!("Anna@example.se".parse::<Email>()?, e);
        Ok(())
    }

    #[test]
    fn phones() -> R {
        for (s, stored, digits) in [
            ("070-123 45 67", "070-123 45 67", "0701234567"),
            ("  +46 70 123 45 67 ", "+46 70 123 45 67", "+46701234567"),
            ("(08) 123 456", "(08) 123 456", "08123456"),
            ("+46 (0)8-123 456", "+46 (0)8-123 456", "+4608123456"),
            ("1234567", "1234567", "1234567"),
            ("123456789012345", "123456789012345", "123456789012345"),
        ] {
            let p = Phone::parse(s)?;
            assert_eq!(p.as_str(), stored);
            assert_eq!(p.to_string(), stored);
            assert_eq!(p.digits(), digits);
        }
        for s in [
            "",
            "123456",
            "12 34 56",
            "1234567890123456",
            "+",
            "46+701234567",
            "++46701234567",
            "070.123 45 67",
            "070/1234567",
            "070-123 45 67 ext 2",
            "tel 0701234567",
            "070\t1234567",
            "٠٧٠١٢٣٤٥٦٧",
            "0701234567+",
        ] {
            assert_eq!(
                Phone::parse(s).map_err(|e| (e.field, e.key)),
                Err(("phone".to_string(), "error-phone")),
                "{s:?}"
            );
        }
        let back: Phone =
            deserialize(" 070-123 45 67").map_err(|_| FieldError::new("serde", "x"))?;
        assert_eq!(String::from(back), "070-123 45 67");
        assert!(deserialize::<Phone>("12").is_err());
        Ok(())
    }
}
