//! Small closed sets and plain form values (dates, required text, numbers), parsed once.

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::field::FieldError;

/// Defines a code enum: `ALL`, `as_str`, case-insensitive trimmed `parse`, `Display`,
/// `FromStr` and serde as its code string.
macro_rules! code_enum {
    (
        $(#[$m:meta])* $name:ident, field $field:literal, key $key:literal
        { $($(#[$vm:meta])* $variant:ident = $code:literal),+ $(,)? }
    ) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "&'static str")]
        pub enum $name { $($(#[$vm])* $variant),+ }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(s: &str) -> Result<Self, FieldError> {
                let s = s.trim();
                $(if s.eq_ignore_ascii_case($code) { return Ok($name::$variant); })+
                Err(FieldError::new($field, $key))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = FieldError;
            fn from_str(s: &str) -> Result<Self, FieldError> {
                Self::parse(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = FieldError;
            fn try_from(s: String) -> Result<Self, FieldError> {
                Self::parse(&s)
            }
        }

        impl From<$name> for &'static str {
            fn from(v: $name) -> &'static str {
                v.as_str()
            }
        }

        /// In the OpenAPI document: a string with the closed set of codes.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($code),+]))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {
            fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }
        }
    };
}

code_enum!(
    /// A language level on the Common European Framework of Reference, ordered A1 < … < C2.
    Cefr, field "cefr", key "error-cefr" {
        A1 = "A1",
        A2 = "A2",
        B1 = "B1",
        B2 = "B2",
        C1 = "C1",
        C2 = "C2",
    }
);

code_enum!(
    /// A course in Swedish for immigrants (sfi), A to D.
    SfiCourse, field "sfi", key "error-sfi" {
        A = "A",
        B = "B",
        C = "C",
        D = "D",
    }
);

code_enum!(
    /// Gender as the participant states it (for statistics). `Personnummer::legal_gender` gives
    /// only `Female` or `Male`.
    Gender, field "gender", key "error-gender" {
        Female = "female",
        Male = "male",
        Other = "other",
        Unspecified = "unspecified",
    }
);

impl Gender {
    /// Translation key of the value's label, e.g. `gender-female`.
    pub fn label_key(self) -> String {
        format!("gender-{}", self.as_str())
    }
}

/// The format of an SSYK 2012 unit-group code (four digits). Whether the code exists in the
/// classification is checked against the reference data (`refdata`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SsykCode(String);

impl SsykCode {
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let s = s.trim();
        if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(FieldError::new("ssyk", "error-ssyk-format"));
        }
        Ok(SsykCode(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Major group (yrkesområde), the first digit.
    pub fn major(&self) -> &str {
        self.prefix(1)
    }

    /// Sub-major group, the first two digits.
    pub fn sub_major(&self) -> &str {
        self.prefix(2)
    }

    /// Minor group, the first three digits.
    pub fn minor(&self) -> &str {
        self.prefix(3)
    }

    fn prefix(&self, n: usize) -> &str {
        // Four ASCII digits by construction, so the slice always exists.
        self.0.get(..n).unwrap_or_default()
    }
}

impl fmt::Display for SsykCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for SsykCode {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, FieldError> {
        Self::parse(s)
    }
}

impl TryFrom<String> for SsykCode {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        Self::parse(&s)
    }
}

impl From<SsykCode> for String {
    fn from(c: SsykCode) -> String {
        c.0
    }
}

impl AsRef<str> for SsykCode {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// An ISO date `YYYY-MM-DD` (exactly that shape, trimmed) that exists in the calendar, in the
/// years `YEAR_MIN..=YEAR_MAX`.
pub fn parse_date(field: &str, s: &str) -> Result<NaiveDate, FieldError> {
    let err = || FieldError::new(field, "error-date");
    let b = s.trim().as_bytes();
    let shape_ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape_ok {
        return Err(err());
    }
    let num =
        |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    let year = i32::try_from(num(0..4)).map_err(|_| err())?;
    let date = NaiveDate::from_ymd_opt(year, num(5..7), num(8..10)).ok_or_else(err)?;
    if !(YEAR_MIN..=YEAR_MAX).contains(&year) {
        return Err(FieldError::new(field, "error-date-range"));
    }
    Ok(date)
}

/// The years a typed date may fall in (a placement starting in year 0 is a typo).
pub const YEAR_MIN: i32 = 1900;
pub const YEAR_MAX: i32 = 2100;

/// Trimmed text that is not empty, on one line and at most `max_len` characters long (see
/// `crate::text` for the limits).
pub fn parse_required(field: &str, s: &str, max_len: usize) -> Result<String, FieldError> {
    crate::text::required(field, s, max_len)
}

/// A whole number (trimmed) within `min..=max`.
pub fn parse_int_range(field: &str, s: &str, min: i64, max: i64) -> Result<i64, FieldError> {
    let n: i64 = s
        .trim()
        .parse()
        .map_err(|_| FieldError::new(field, "error-number"))?;
    if !(min..=max).contains(&n) {
        return Err(FieldError::new(field, "error-out-of-range"));
    }
    Ok(n)
}

/// A clock time as an `<input type="time">` sends it (`HH:MM`, seconds allowed); `key` names
/// the error beside `field`.
pub fn parse_clock(field: &str, s: &str, key: &'static str) -> Result<NaiveTime, FieldError> {
    let s = s.trim();
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .map_err(|_| FieldError::new(field, key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error as DeError, StringDeserializer};

    type R = Result<(), FieldError>;

    fn deserialize<T: for<'de> Deserialize<'de>>(s: &str) -> Result<T, DeError> {
        let d: StringDeserializer<DeError> = s.to_string().into_deserializer();
        T::deserialize(d)
    }

    fn key<T>(r: Result<T, FieldError>) -> Option<&'static str> {
        r.err().map(|e| e.key)
    }

    #[test]
    fn cefr_levels() -> R {
        assert_eq!(
            Cefr::ALL,
            &[Cefr::A1, Cefr::A2, Cefr::B1, Cefr::B2, Cefr::C1, Cefr::C2]
        );
        assert!(
            Cefr::A1 < Cefr::A2
                && Cefr::A2 < Cefr::B1
                && Cefr::B2 < Cefr::C1
                && Cefr::C1 < Cefr::C2
        );
        assert!(Cefr::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Cefr::parse(" b1 ")?, Cefr::B1);
        assert_eq!(Cefr::parse("C2")?, Cefr::C2);
        for c in Cefr::ALL {
            assert_eq!(Cefr::parse(c.as_str())?, *c);
            assert_eq!(Cefr::parse(&c.as_str().to_lowercase())?, *c);
            assert_eq!(c.to_string(), c.as_str());
            assert_eq!(deserialize::<Cefr>(c.as_str()).ok(), Some(*c));
            assert_eq!(<&'static str>::from(*c), c.as_str());
        }
        for bad in ["", "B", "B3", "A0", "b 1", "B1+", "native", "Б1"] {
            assert_eq!(
                Cefr::parse(bad),
                Err(FieldError::new("cefr", "error-cefr")),
                "{bad:?}"
            );
        }
        assert_eq!("a2".parse::<Cefr>()?, Cefr::A2);
        assert!(deserialize::<Cefr>("D1").is_err());
        Ok(())
    }

    #[test]
    fn sfi_courses() -> R {
        assert_eq!(
            SfiCourse::ALL,
            &[SfiCourse::A, SfiCourse::B, SfiCourse::C, SfiCourse::D]
        );
        assert_eq!(SfiCourse::parse(" c")?, SfiCourse::C);
        for c in SfiCourse::ALL {
            assert_eq!(SfiCourse::parse(c.as_str())?, *c);
            assert_eq!(c.to_string(), c.as_str());
            assert_eq!(
                deserialize::<SfiCourse>(&c.as_str().to_lowercase()).ok(),
                Some(*c)
            );
        }
        for bad in ["", "E", "AB", "sfi A", "1"] {
            assert_eq!(
                SfiCourse::parse(bad),
                Err(FieldError::new("sfi", "error-sfi")),
                "{bad:?}"
            );
        }
        Ok(())
    }

    #[test]
    fn genders() -> R {
        assert_eq!(
            Gender::ALL,
            &[
                Gender::Female,
                Gender::Male,
                Gender::Other,
                Gender::Unspecified
            ]
        );
        let codes: Vec<&str> = Gender::ALL.iter().map(|g| g.as_str()).collect();
        assert_eq!(codes, ["female", "male", "other", "unspecified"]);
        assert_eq!(Gender::parse(" Female ")?, Gender::Female);
        assert_eq!(Gender::parse("UNSPECIFIED")?, Gender::Unspecified);
        for g in Gender::ALL {
            assert_eq!(Gender::parse(g.as_str())?, *g);
            assert_eq!(g.to_string(), g.as_str());
            assert_eq!(deserialize::<Gender>(g.as_str()).ok(), Some(*g));
        }
        assert_eq!(Gender::Other.label_key(), "gender-other");
        for bad in ["", "f", "kvinna", "man ", "women", "none"] {
            assert_eq!(
                Gender::parse(bad),
                Err(FieldError::new("gender", "error-gender")),
                "{bad:?}"
            );
        }
        Ok(())
    }

    #[test]
    fn ssyk_codes() -> R {
        let c = SsykCode::parse(" 5321 ")?;
        assert_eq!(c.as_str(), "5321");
        assert_eq!(c.to_string(), "5321");
        assert_eq!((c.major(), c.sub_major(), c.minor()), ("5", "53", "532"));
        assert_eq!(SsykCode::parse("0110")?.major(), "0");
        assert_eq!(String::from(c.clone()), "5321");
        assert_eq!(deserialize::<SsykCode>("5321").ok(), Some(c.clone()));
        assert_eq!("5321".parse::<SsykCode>()?, c);
        for bad in [
            "", "532", "53210", "53 21", "532a", "-532", "+532", "٥٣٢١", "5321.0",
        ] {
            assert_eq!(
                SsykCode::parse(bad),
                Err(FieldError::new("ssyk", "error-ssyk-format")),
                "{bad:?}"
            );
        }
        assert!(deserialize::<SsykCode>("12").is_err());
        Ok(())
    }

    #[test]
    fn iso_dates() -> R {
        assert_eq!(
            parse_date("start", "2024-02-29")?,
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap_or_default()
        );
        assert_eq!(
            parse_date("start", " 2025-12-31 ")?,
            NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default()
        );
        assert_eq!(
            parse_date("start", "2000-02-29")?,
            NaiveDate::from_ymd_opt(2000, 2, 29).unwrap_or_default()
        );
        for bad in [
            "",
            "2023-02-29",
            "1900-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "2024-01-00",
            "2024-01-32",
            "2024-1-05",
            "2024-01-5",
            "24-01-05",
            "20240105",
            "2024/01/05",
            "05-01-2024",
            "2024-01-05T00:00",
            "+2024-01-05",
            "2024-01-0a",
            "２０２４-01-05",
            "2024–01–05",
        ] {
            assert_eq!(
                parse_date("start", bad),
                Err(FieldError::new("start", "error-date")),
                "{bad:?}"
            );
        }
        Ok(())
    }

    #[test]
    fn required_text() -> R {
        assert_eq!(
            parse_required("title", "  Undersköterska  ", 20)?,
            "Undersköterska"
        );
        assert_eq!(parse_required("title", "Åsa Öberg", 9)?, "Åsa Öberg");
        assert_eq!(parse_required("title", "a  b", 4)?, "a  b");
        assert_eq!(
            parse_required("title", "", 10),
            Err(FieldError::new("title", "error-required"))
        );
        assert_eq!(
            parse_required("title", " \t\n ", 10),
            Err(FieldError::new("title", "error-required"))
        );
        assert_eq!(
            parse_required("title", "Åsa Öbergs", 9),
            Err(FieldError::new("title", "error-too-long"))
        );
        assert_eq!(
            key(parse_required("title", &"x".repeat(201), 200)),
            Some("error-too-long-200")
        );
        assert!(parse_required("title", &"x".repeat(200), 200).is_ok());
        Ok(())
    }

    #[test]
    fn integers_in_range() -> R {
        assert_eq!(parse_int_range("years", " 12 ", 0, 60)?, 12);
        assert_eq!(parse_int_range("years", "0", 0, 60)?, 0);
        assert_eq!(parse_int_range("years", "60", 0, 60)?, 60);
        assert_eq!(parse_int_range("delta", "-5", -10, 10)?, -5);
        assert_eq!(
            parse_int_range("years", "61", 0, 60),
            Err(FieldError::new("years", "error-out-of-range"))
        );
        assert_eq!(
            parse_int_range("years", "-1", 0, 60),
            Err(FieldError::new("years", "error-out-of-range"))
        );
        assert_eq!(
            key(parse_int_range("n", "99999999999999999999", 0, 60)),
            Some("error-number")
        );
        for bad in ["", "twelve", "1.5", "1,5", "12 år", "1 000", "0x10", "١٢"] {
            assert_eq!(
                parse_int_range("years", bad, 0, 60),
                Err(FieldError::new("years", "error-number")),
                "{bad:?}"
            );
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn every_calendar_date_round_trips(days in 0i64..(200 * 366)) {
            let d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default() + chrono::Duration::days(days);
            prop_assert_eq!(parse_date("d", &d.format("%Y-%m-%d").to_string()), Ok(d));
        }

        #[test]
        fn value_parsers_never_panic(s in "\\PC{0,12}") {
            let _ = parse_date("d", &s);
            let _ = parse_int_range("n", &s, -5, 5);
            let _ = SsykCode::parse(&s);
            let _ = Cefr::parse(&s);
            if let Ok(t) = parse_required("t", &s, 8) {
                prop_assert!(!t.is_empty() && t.chars().count() <= 8 && t == t.trim());
            }
        }
    }

    /// Every `error-…` key named in the domain's parsers (and the ones the web layer uses) has a
    /// message in both languages, and the two files define the same keys.
    #[test]
    fn every_error_key_is_translated() {
        let sv = include_str!("../../i18n/locales/sv/errors.ftl");
        let en = include_str!("../../i18n/locales/en/errors.ftl");
        let defined = |ftl: &str| -> std::collections::BTreeSet<String> {
            ftl.lines()
                .filter_map(|l| l.split_once(" = "))
                .filter(|(k, v)| k.starts_with("error-") && !v.trim().is_empty())
                .map(|(k, _)| k.to_string())
                .collect()
        };
        let (sv_keys, en_keys) = (defined(sv), defined(en));
        assert_eq!(sv_keys, en_keys);
        let mut used = std::collections::BTreeSet::new();
        for src in [include_str!("ids.rs"), include_str!("values.rs")] {
            for (at, _) in src.match_indices("\"error-") {
                let rest = &src[at + 1..];
                let k = rest.split('"').next().unwrap_or_default();
                if k.len() > "error-".len()
                    && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                {
                    used.insert(k.to_string());
                }
            }
        }
        for k in [
            "error-ssyk-unknown",
            "error-municipality-unknown",
            "error-conflict",
            "error-not-found",
            "error-forbidden",
            "error-duplicate-orgnumber",
            "error-duplicate-email",
            "error-password-too-short",
            "error-password-mismatch",
            "error-login-failed",
            "error-login-throttled",
            "error-csrf",
            "error-invalid-choice",
            "error-period-order",
        ] {
            used.insert(k.to_string());
        }
        assert!(used.len() >= 30, "{used:?}");
        let missing: Vec<&String> = used.difference(&sv_keys).collect();
        assert!(missing.is_empty(), "missing in errors.ftl: {missing:?}");
    }
}
