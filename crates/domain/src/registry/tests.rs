//! Validation of registry drafts: what each field accepts, how it is normalised, and which
//! field and message key each mistake is reported under.

use std::error::Error;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

type R = Result<(), Box<dyn Error>>;

/// "Today" for every test, so that personnummer centuries and birth-year limits are fixed.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 15).unwrap_or_default()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn refdata() -> Result<RefData, Box<dyn Error>> {
    Ok(RefData::load()?)
}

/// Luhn check digit over a string of digits (weights 2, 1, … from the left).
fn luhn(digits: &str) -> u32 {
    let sum: u32 = digits
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let p = u32::from(b - b'0') * if i % 2 == 0 { 2 } else { 1 };
            p / 10 + p % 10
        })
        .sum();
    (10 - sum % 10) % 10
}

/// A valid personnummer `YYYYMMDD-SSSC` constructed for the tests (1990 dates with serials
/// 238/239, as in the store's tests: the tax agency's published test-number series).
fn pnr(yyyymmdd: &str, serial: u32) -> String {
    let nine = format!("{}{serial:03}", &yyyymmdd[2..]);
    format!("{yyyymmdd}-{serial:03}{}", luhn(&nine))
}

/// The same number with its check digit off by one.
fn wrong_check(s: &str) -> String {
    let mut b = s.as_bytes().to_vec();
    if let Some(last) = b.last_mut() {
        *last = b'0' + (*last - b'0' + 1) % 10;
    }
    String::from_utf8(b).unwrap_or_default()
}

/// A valid organisationsnummer of a legal entity (`556NNN-NNNC`), constructed for the tests.
fn orgnr(n: u32) -> String {
    let nine = format!("556{n:06}");
    format!("{}-{}{}", &nine[..6], &nine[6..], luhn(&nine))
}

fn s(v: &str) -> String {
    v.to_string()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// Every reported error as (field, key), in the order reported; empty if the draft was valid.
fn errors<T>(r: Result<T, FieldErrors>) -> Vec<(String, &'static str)> {
    match r {
        Ok(_) => vec![],
        Err(e) => e.0.into_iter().map(|e| (e.field, e.key)).collect(),
    }
}

fn err(field: &str, key: &'static str) -> (String, &'static str) {
    (field.to_string(), key)
}

// ---------------------------------------------------------------- helpers

#[test]
fn split_list_trims_drops_empty_items_and_duplicates() {
    assert_eq!(
        split_list(" Matlagning, hygien ,,\nTruckkort\n, HYGIEN, matlagning "),
        strings(&["Matlagning", "hygien", "Truckkort"])
    );
    assert_eq!(split_list(""), Vec::<String>::new());
    assert_eq!(split_list(" , \n ,"), Vec::<String>::new());
    // Only ASCII case is folded; other words stay as typed.
    assert_eq!(split_list("Städ, STÄD"), strings(&["Städ", "STÄD"]));
}

#[test]
fn optional_fields_are_parsed_only_when_given() {
    let mut e = FieldErrors::default();
    assert_eq!(optional(&mut e, "email", " \t", Email::parse), None);
    assert!(e.is_empty());
    assert_eq!(optional(&mut e, "contact", "nope", Email::parse), None);
    assert_eq!(e.0, vec![FieldError::new("contact", "error-email")]);
}

#[test]
fn free_text_is_trimmed_and_limited() {
    let mut e = FieldErrors::default();
    assert_eq!(
        free_text(&mut e, "notes", "  två rader\nhär  ", 20),
        "två rader\nhär"
    );
    assert_eq!(free_text(&mut e, "notes", "", 20), "");
    // Characters, not bytes, are counted.
    assert_eq!(
        free_text(&mut e, "notes", &"å".repeat(20), 20),
        "å".repeat(20)
    );
    assert!(e.is_empty());
    free_text(&mut e, "notes", &"å".repeat(21), 20);
    assert_eq!(e.0, vec![FieldError::new("notes", "error-too-long")]);
}

#[test]
fn the_text_limit_counts_what_is_kept_not_the_padding() -> R {
    // A pasted text at the limit, with the newline the paste brought along, is kept.
    let mut e = FieldErrors::default();
    let at_limit = "x".repeat(20);
    assert_eq!(
        free_text(&mut e, "notes", &format!("  {at_limit}\n"), 20),
        at_limit
    );
    assert!(e.is_empty());
    let mut d = employer();
    d.notes = format!("{}\n\n", "n".repeat(5000));
    assert_eq!(d.validate(&refdata()?, today())?.notes.len(), 5000);
    let mut d = participant();
    d.special_needs = format!(" {} ", "s".repeat(5000));
    d.education_field = format!("{}\t", "f".repeat(200));
    let i = d.validate(&refdata()?, today())?;
    assert_eq!(
        (i.special_needs.len(), i.education_field.len()),
        (5000, 200)
    );
    Ok(())
}

// ---------------------------------------------------------------- participants

/// The least a valid participant needs.
fn participant() -> ParticipantDraft {
    ParticipantDraft {
        programme_id: s("1"),
        first_name: s("Amina"),
        last_name: s("Hassan"),
        municipality_code: s("0180"),
        birth_year: s("1990"),
        ..Default::default()
    }
}

fn participant_errors(d: &ParticipantDraft) -> Result<Vec<(String, &'static str)>, Box<dyn Error>> {
    Ok(errors(d.validate(&refdata()?, today())))
}

#[test]
fn a_minimal_participant_gets_the_defaults() -> R {
    let i = participant().validate(&refdata()?, today())?;
    assert_eq!(
        i,
        ParticipantInput {
            programme_id: 1,
            cohort_id: None,
            first_name: s("Amina"),
            last_name: s("Hassan"),
            personnummer: None,
            email: None,
            phone: None,
            municipality_code: s("0180"),
            gender: Gender::Unspecified,
            birth_year: 1990,
            swedish_level: None,
            languages: vec![],
            sfi_level: None,
            education_level: EducationLevel::None,
            education_field: s(""),
            education_country: s(""),
            experience: vec![],
            skills: vec![],
            wished_occupations: vec![],
            available_days: vec![],
            max_commute_km: 30,
            driving_licence: DrivingLicence::None,
            special_needs: s(""),
            needed_accommodations: vec![],
            eligibility: EligibilityStatus::Unknown,
            consents: vec![],
        }
    );
    Ok(())
}

#[test]
fn a_complete_participant_is_trimmed_and_normalised() -> R {
    let number = pnr("19900415", 238);
    let d = ParticipantDraft {
        programme_id: s(" 7 "),
        cohort_id: s(" 12\t"),
        first_name: s("  Amina "),
        last_name: s(" Hassan Ali  "),
        // Ten digits with a dash; stored in the twelve-digit form.
        personnummer: format!(" {} ", &number[2..]),
        email: s(" Amina.Hassan@Example.SE "),
        phone: s(" 070-123 45 67 "),
        municipality_code: s(" 1480 "),
        gender: s(" Female "),
        birth_year: s(""),
        swedish_level: s(" b1 "),
        languages: vec![
            LanguageSkill {
                language: s(" Arabiska "),
                level: s("C2"),
            },
            LanguageSkill::default(),
            LanguageSkill {
                language: s("Engelska"),
                level: s(" b2 "),
            },
        ],
        sfi_level: s(" d "),
        education_level: s("upper_secondary"),
        education_field: s(" Vård och omsorg "),
        education_country: s(" Syrien "),
        experience: vec![
            Experience {
                occupation: s(" 5120 "),
                years: s(" 3 "),
                country: s(" Syrien "),
            },
            Experience::default(),
            Experience {
                occupation: s("9111"),
                years: s("0"),
                country: s(""),
            },
        ],
        skills: strings(&["Matlagning, hygien\nTruckkort", " ", "Svenska"]),
        wished_occupations: strings(&["5120", "", " 5321 "]),
        available_days: strings(&["mon", " wed ", "", "fri"]),
        max_commute_km: s(" 45 "),
        driving_licence: s(" B "),
        special_needs: s("  Behöver tolk vid första mötet.  "),
        needed_accommodations: strings(&["interpreter", "", " quiet_room "]),
        eligibility: s("eligible"),
        consents: strings(&["registry", " statistics", ""]),
    };
    let i = d.validate(&refdata()?, today())?;
    assert_eq!(i.programme_id, 7);
    assert_eq!(i.cohort_id, Some(12));
    assert_eq!(i.first_name, "Amina");
    assert_eq!(i.last_name, "Hassan Ali");
    assert_eq!(
        i.personnummer.as_ref().map(|p| p.as_str()),
        Some(number.as_str())
    );
    assert_eq!(
        i.email.as_ref().map(|e| e.as_str()),
        Some("Amina.Hassan@example.se")
    );
    assert_eq!(i.phone.as_ref().map(|p| p.as_str()), Some("070-123 45 67"));
    assert_eq!(i.municipality_code, "1480");
    assert_eq!(i.gender, Gender::Female);
    // Taken from the personnummer when not typed.
    assert_eq!(i.birth_year, 1990);
    assert_eq!(i.swedish_level, Some(Cefr::B1));
    assert_eq!(
        i.languages,
        vec![
            LanguageLevel {
                language: s("Arabiska"),
                level: Cefr::C2
            },
            LanguageLevel {
                language: s("Engelska"),
                level: Cefr::B2
            },
        ]
    );
    assert_eq!(i.sfi_level, Some(SfiCourse::D));
    assert_eq!(i.education_level, EducationLevel::UpperSecondary);
    assert_eq!(i.education_field, "Vård och omsorg");
    assert_eq!(i.education_country, "Syrien");
    assert_eq!(
        i.experience,
        vec![
            WorkExperience {
                occupation: s("5120"),
                years: 3,
                country: s("Syrien")
            },
            WorkExperience {
                occupation: s("9111"),
                years: 0,
                country: s("")
            },
        ]
    );
    assert_eq!(
        i.skills,
        strings(&["Matlagning", "hygien", "Truckkort", "Svenska"])
    );
    assert_eq!(i.wished_occupations, strings(&["5120", "5321"]));
    assert_eq!(
        i.available_days,
        vec![Weekday::Mon, Weekday::Wed, Weekday::Fri]
    );
    assert_eq!(i.max_commute_km, 45);
    assert_eq!(i.driving_licence, DrivingLicence::B);
    assert_eq!(i.special_needs, "Behöver tolk vid första mötet.");
    assert_eq!(
        i.needed_accommodations,
        vec![Accommodation::Interpreter, Accommodation::QuietRoom]
    );
    assert_eq!(i.eligibility, EligibilityStatus::Eligible);
    assert_eq!(
        i.consents,
        vec![ConsentPurpose::Registry, ConsentPurpose::Statistics]
    );
    Ok(())
}

#[test]
fn an_empty_participant_reports_every_required_field_at_once() -> R {
    let expected = vec![
        err("programme_id", "error-invalid-choice"),
        err("first_name", "error-required"),
        err("last_name", "error-required"),
        err("municipality_code", "error-required"),
        err("birth_year", "error-required"),
    ];
    assert_eq!(participant_errors(&ParticipantDraft::default())?, expected);
    // Whitespace is as good as nothing.
    let blank = ParticipantDraft {
        programme_id: s("  "),
        first_name: s(" \t"),
        last_name: s("\n"),
        municipality_code: s("   "),
        birth_year: s(" "),
        ..Default::default()
    };
    assert_eq!(participant_errors(&blank)?, expected);
    Ok(())
}

#[test]
fn each_required_participant_field_is_reported_under_its_own_name() -> R {
    type Clear = fn(&mut ParticipantDraft);
    let cases: [(Clear, &str, &str); 5] = [
        (
            |d| d.programme_id.clear(),
            "programme_id",
            "error-invalid-choice",
        ),
        (|d| d.first_name.clear(), "first_name", "error-required"),
        (|d| d.last_name.clear(), "last_name", "error-required"),
        (
            |d| d.municipality_code.clear(),
            "municipality_code",
            "error-required",
        ),
        (|d| d.birth_year.clear(), "birth_year", "error-required"),
    ];
    for (clear, field, key) in cases {
        let mut d = participant();
        clear(&mut d);
        assert_eq!(participant_errors(&d)?, vec![err(field, key)], "{field}");
    }
    Ok(())
}

#[test]
fn programme_and_cohort_must_be_positive_ids() -> R {
    for bad in ["0", "-1", "abc", "1.5", "2147483648", "1 2"] {
        let mut d = participant();
        d.programme_id = s(bad);
        assert_eq!(
            participant_errors(&d)?,
            vec![err("programme_id", "error-invalid-choice")],
            "{bad:?}"
        );
        let mut d = participant();
        d.cohort_id = s(bad);
        assert_eq!(
            participant_errors(&d)?,
            vec![err("cohort_id", "error-invalid-choice")],
            "{bad:?}"
        );
    }
    let mut d = participant();
    d.programme_id = s("2147483647");
    assert_eq!(d.validate(&refdata()?, today())?.programme_id, i32::MAX);
    Ok(())
}

#[test]
fn names_are_limited_to_two_hundred_characters() -> R {
    let mut d = participant();
    d.first_name = "Å".repeat(200);
    d.last_name = format!("  {}  ", "Ö".repeat(200));
    let i = d.validate(&refdata()?, today())?;
    assert_eq!(i.first_name.chars().count(), 200);
    assert_eq!(i.last_name, "Ö".repeat(200));
    d.first_name = "Å".repeat(201);
    d.last_name = "Ö".repeat(201);
    assert_eq!(
        participant_errors(&d)?,
        vec![
            err("first_name", "error-too-long-200"),
            err("last_name", "error-too-long-200")
        ]
    );
    Ok(())
}

#[test]
fn a_wrong_personnummer_is_reported_on_its_own_field() -> R {
    let good = pnr("19900415", 238);
    for (bad, key) in [
        (wrong_check(&good), "error-personnummer-checksum"),
        (wrong_check(&good[2..]), "error-personnummer-checksum"),
        (s("19900415-23"), "error-personnummer-format"),
        (s("1990-04-15"), "error-personnummer-format"),
        (s("19900415-238X"), "error-personnummer-format"),
        (s("abc"), "error-personnummer-format"),
        (pnr("19900230", 238), "error-personnummer-date"),
        // Tomorrow.
        (pnr("20250616", 238), "error-personnummer-date"),
    ] {
        // Without a typed birth year the wrong number is the only error: it would have given
        // the year.
        let mut d = participant();
        d.birth_year.clear();
        d.personnummer = bad.clone();
        assert_eq!(
            participant_errors(&d)?,
            vec![err("personnummer", key)],
            "{bad:?}"
        );
        d.birth_year = s("1990");
        assert_eq!(
            participant_errors(&d)?,
            vec![err("personnummer", key)],
            "{bad:?}"
        );
    }
    Ok(())
}

#[test]
fn the_birth_year_follows_from_the_personnummer_and_must_agree_with_it() -> R {
    let r = refdata()?;
    let mut d = participant();
    d.birth_year.clear();
    d.personnummer = pnr("19900415", 239);
    assert_eq!(d.validate(&r, today())?.birth_year, 1990);
    d.birth_year = s(" 1990 ");
    assert_eq!(d.validate(&r, today())?.birth_year, 1990);
    d.birth_year = s("1991");
    assert_eq!(
        errors(d.validate(&r, today())),
        vec![err("birth_year", "error-birth-year-mismatch")]
    );
    // A samordningsnummer (day + 60) gives the year too.
    d.personnummer = s("701063-2391");
    d.birth_year.clear();
    let i = d.validate(&r, today())?;
    assert_eq!(i.birth_year, 1970);
    assert_eq!(
        i.personnummer.as_ref().map(|p| p.as_str()),
        Some("19701063-2391")
    );
    // `+`: a hundred years or more.
    d.personnummer = s("170101+2393");
    assert_eq!(d.validate(&r, today())?.birth_year, 1917);
    Ok(())
}

#[test]
fn a_typed_birth_year_lies_between_1900_and_this_year() -> R {
    let r = refdata()?;
    for (year, expected) in [("1900", 1900), ("2025", 2025), (" 1975 ", 1975)] {
        let mut d = participant();
        d.birth_year = s(year);
        assert_eq!(d.validate(&r, today())?.birth_year, expected);
    }
    for (bad, key) in [
        ("1899", "error-out-of-range"),
        ("2026", "error-out-of-range"),
        ("-1990", "error-out-of-range"),
        ("nittio", "error-number"),
        ("1990.0", "error-number"),
        ("99999999999999999999", "error-number"),
    ] {
        let mut d = participant();
        d.birth_year = s(bad);
        assert_eq!(
            errors(d.validate(&r, today())),
            vec![err("birth_year", key)],
            "{bad:?}"
        );
    }
    // The upper limit moves with today.
    let mut d = participant();
    d.birth_year = s("2026");
    assert_eq!(d.validate(&r, date(2026, 1, 1))?.birth_year, 2026);
    Ok(())
}

#[test]
fn malformed_participant_values_name_their_field_and_key() -> R {
    type Set = fn(&mut ParticipantDraft);
    let cases: Vec<(Set, &str, &str)> = vec![
        (|d| d.email = s("amina@"), "email", "error-email"),
        (
            |d| d.email = s("amina hassan@example.se"),
            "email",
            "error-email",
        ),
        (|d| d.phone = s("070-12"), "phone", "error-phone"),
        (
            |d| d.phone = s("070 123 45 67 ring"),
            "phone",
            "error-phone",
        ),
        (
            |d| d.municipality_code = s("0000"),
            "municipality_code",
            "error-municipality-unknown",
        ),
        (
            |d| d.municipality_code = s("Stockholm"),
            "municipality_code",
            "error-municipality-unknown",
        ),
        (|d| d.gender = s("kvinna"), "gender", "error-gender"),
        (|d| d.swedish_level = s("B3"), "swedish_level", "error-cefr"),
        (
            |d| d.swedish_level = s("flytande"),
            "swedish_level",
            "error-cefr",
        ),
        (|d| d.sfi_level = s("E"), "sfi_level", "error-sfi"),
        (
            |d| d.education_level = s("phd"),
            "education_level",
            "error-invalid-choice",
        ),
        (
            |d| d.driving_licence = s("X"),
            "driving_licence",
            "error-invalid-choice",
        ),
        (
            |d| d.eligibility = s("maybe"),
            "eligibility",
            "error-invalid-choice",
        ),
        (
            |d| d.max_commute_km = s("-1"),
            "max_commute_km",
            "error-out-of-range",
        ),
        (
            |d| d.max_commute_km = s("501"),
            "max_commute_km",
            "error-out-of-range",
        ),
        (
            |d| d.max_commute_km = s("tio"),
            "max_commute_km",
            "error-number",
        ),
        (
            |d| d.max_commute_km = s("12.5"),
            "max_commute_km",
            "error-number",
        ),
        (
            |d| d.wished_occupations = strings(&["9999"]),
            "wished_occupations",
            "error-ssyk-unknown",
        ),
        (
            |d| d.wished_occupations = strings(&["51"]),
            "wished_occupations",
            "error-ssyk-format",
        ),
        (
            |d| d.available_days = strings(&["monday"]),
            "available_days",
            "error-invalid-choice",
        ),
        (
            |d| d.needed_accommodations = strings(&["lift"]),
            "needed_accommodations",
            "error-invalid-choice",
        ),
        (
            |d| d.consents = strings(&["everything"]),
            "consents",
            "error-invalid-choice",
        ),
        (
            |d| d.education_field = "x".repeat(201),
            "education_field",
            "error-too-long-200",
        ),
        (
            |d| d.education_country = "x".repeat(201),
            "education_country",
            "error-too-long-200",
        ),
        (
            |d| d.special_needs = "x".repeat(5001),
            "special_needs",
            "error-too-long-5000",
        ),
    ];
    for (set, field, key) in cases {
        let mut d = participant();
        set(&mut d);
        assert_eq!(participant_errors(&d)?, vec![err(field, key)], "{d:?}");
    }
    Ok(())
}

#[test]
fn participant_numbers_and_texts_accept_their_limits() -> R {
    let r = refdata()?;
    let mut d = participant();
    d.max_commute_km = s("0");
    assert_eq!(d.validate(&r, today())?.max_commute_km, 0);
    d.max_commute_km = s("500");
    d.education_field = "x".repeat(200);
    d.education_country = "y".repeat(200);
    d.special_needs = "z".repeat(5000);
    let i = d.validate(&r, today())?;
    assert_eq!(i.max_commute_km, 500);
    assert_eq!(i.education_field.len(), 200);
    assert_eq!(i.education_country.len(), 200);
    assert_eq!(i.special_needs.len(), 5000);
    for g in Gender::ALL {
        d.gender = g.as_str().to_uppercase();
        assert_eq!(d.validate(&r, today())?.gender, *g);
    }
    for l in DrivingLicence::ALL {
        d.driving_licence = l.as_str().to_string();
        assert_eq!(d.validate(&r, today())?.driving_licence, *l);
    }
    for l in EducationLevel::ALL {
        d.education_level = l.as_str().to_string();
        assert_eq!(d.validate(&r, today())?.education_level, *l);
    }
    for l in EligibilityStatus::ALL {
        d.eligibility = l.as_str().to_string();
        assert_eq!(d.validate(&r, today())?.eligibility, *l);
    }
    Ok(())
}

#[test]
fn every_wrong_item_of_a_list_is_reported() -> R {
    let mut d = participant();
    d.wished_occupations = strings(&["5120", "9999", " ", "abcd", "9111"]);
    d.available_days = strings(&["mon", "funday", "sun", "Mon"]);
    assert_eq!(
        participant_errors(&d)?,
        vec![
            err("wished_occupations", "error-ssyk-unknown"),
            err("wished_occupations", "error-ssyk-format"),
            err("available_days", "error-invalid-choice"),
            err("available_days", "error-invalid-choice"),
        ]
    );
    Ok(())
}

#[test]
fn language_rows_blank_are_ignored_half_filled_are_flagged() -> R {
    let r = refdata()?;
    let row = |language: &str, level: &str| LanguageSkill {
        language: s(language),
        level: s(level),
    };
    let mut d = participant();
    d.languages = vec![row("", ""), row("  ", " \t"), row("Somaliska", "a2")];
    assert_eq!(
        d.validate(&r, today())?.languages,
        vec![LanguageLevel {
            language: s("Somaliska"),
            level: Cefr::A2
        }]
    );
    for (language, level, key) in [
        ("Tigrinja", "", "error-language-level"),
        ("Tigrinja", "B3", "error-language-level"),
        ("Tigrinja", "modersmål", "error-language-level"),
        ("", "B1", "error-required"),
        (" ", "B1", "error-required"),
    ] {
        d.languages = vec![row("Arabiska", "C2"), row(language, level)];
        assert_eq!(
            errors(d.validate(&r, today())),
            vec![err("languages", key)],
            "{language:?} {level:?}"
        );
    }
    d.languages = vec![row(&"x".repeat(60), "B1")];
    assert!(d.validate(&r, today()).is_ok());
    d.languages = vec![row(&"x".repeat(61), "B1")];
    assert_eq!(
        errors(d.validate(&r, today())),
        vec![err("languages", "error-too-long-60")]
    );
    // Both halves of one row wrong, and a second wrong row: all reported.
    d.languages = vec![row(&"x".repeat(61), "Z9"), row("", "C3")];
    assert_eq!(
        errors(d.validate(&r, today())),
        vec![
            err("languages", "error-too-long-60"),
            err("languages", "error-language-level"),
            err("languages", "error-required"),
            err("languages", "error-language-level"),
        ]
    );
    Ok(())
}

#[test]
fn experience_rows_need_a_known_occupation_and_years() -> R {
    let r = refdata()?;
    let row = |occupation: &str, years: &str| Experience {
        occupation: s(occupation),
        years: s(years),
        country: s("Eritrea"),
    };
    let mut d = participant();
    d.experience = vec![row("5321", "60"), row("5120", "0")];
    assert_eq!(
        d.validate(&r, today())?
            .experience
            .iter()
            .map(|x| (x.occupation.as_str(), x.years))
            .collect::<Vec<_>>(),
        vec![("5321", 60), ("5120", 0)]
    );
    for (occupation, years, key) in [
        ("9999", "2", "error-ssyk-unknown"),
        ("51", "2", "error-ssyk-format"),
        ("kock", "2", "error-ssyk-format"),
        ("5120", "61", "error-out-of-range"),
        ("5120", "-1", "error-out-of-range"),
        ("5120", "", "error-number"),
        ("5120", "två", "error-number"),
    ] {
        d.experience = vec![row(occupation, years)];
        assert_eq!(
            errors(d.validate(&r, today())),
            vec![err("experience", key)],
            "{occupation:?} {years:?}"
        );
    }
    d.experience = vec![row("9999", "99")];
    assert_eq!(
        errors(d.validate(&r, today())),
        vec![
            err("experience", "error-ssyk-unknown"),
            err("experience", "error-out-of-range")
        ]
    );
    Ok(())
}

#[test]
fn a_participant_with_many_mistakes_hears_of_all_of_them() -> R {
    let d = ParticipantDraft {
        programme_id: s("x"),
        cohort_id: s("0"),
        first_name: s(""),
        last_name: "L".repeat(201),
        personnummer: wrong_check(&pnr("19900415", 238)),
        email: s("no-at-sign"),
        phone: s("12"),
        municipality_code: s("9999"),
        gender: s("?"),
        birth_year: s("1990"),
        swedish_level: s("D1"),
        languages: vec![LanguageSkill {
            language: s("Farsi"),
            level: s(""),
        }],
        sfi_level: s("F"),
        education_level: s("lots"),
        education_field: "f".repeat(201),
        education_country: "c".repeat(201),
        experience: vec![Experience {
            occupation: s("0000"),
            years: s("1"),
            country: s(""),
        }],
        skills: strings(&["ok"]),
        wished_occupations: strings(&["12345"]),
        available_days: strings(&["someday"]),
        max_commute_km: s("1000"),
        driving_licence: s("Z"),
        special_needs: "n".repeat(5001),
        needed_accommodations: strings(&["butler"]),
        eligibility: s("perhaps"),
        consents: strings(&["all"]),
    };
    assert_eq!(
        participant_errors(&d)?,
        vec![
            err("programme_id", "error-invalid-choice"),
            err("cohort_id", "error-invalid-choice"),
            err("first_name", "error-required"),
            err("last_name", "error-too-long-200"),
            err("personnummer", "error-personnummer-checksum"),
            err("email", "error-email"),
            err("phone", "error-phone"),
            err("municipality_code", "error-municipality-unknown"),
            err("gender", "error-gender"),
            err("swedish_level", "error-cefr"),
            err("languages", "error-language-level"),
            err("sfi_level", "error-sfi"),
            err("education_level", "error-invalid-choice"),
            err("education_field", "error-too-long-200"),
            err("education_country", "error-too-long-200"),
            err("experience", "error-ssyk-unknown"),
            err("wished_occupations", "error-ssyk-format"),
            err("available_days", "error-invalid-choice"),
            err("max_commute_km", "error-out-of-range"),
            err("driving_licence", "error-invalid-choice"),
            err("special_needs", "error-too-long-5000"),
            err("needed_accommodations", "error-invalid-choice"),
            err("eligibility", "error-invalid-choice"),
            err("consents", "error-invalid-choice"),
        ]
    );
    Ok(())
}

// ---------------------------------------------------------------- employers

fn employer() -> EmployerDraft {
    EmployerDraft {
        name: s("Solgläntans äldreboende"),
        org_number: orgnr(360),
        sector: s("public"),
        ..Default::default()
    }
}

fn employer_errors(d: &EmployerDraft) -> Result<Vec<(String, &'static str)>, Box<dyn Error>> {
    Ok(errors(d.validate(&refdata()?, today())))
}

#[test]
fn a_minimal_employer_gets_the_defaults() -> R {
    let i = employer().validate(&refdata()?, today())?;
    assert_eq!(
        i,
        EmployerInput {
            name: s("Solgläntans äldreboende"),
            org_number: OrgNumber::parse_at(&orgnr(360), today())?,
            sector: Sector::Public,
            agreement_status: AgreementStatus::None,
            agreement_date: None,
            notes: s(""),
            units: vec![],
            contacts: vec![],
            supervisors: vec![],
        }
    );
    Ok(())
}

#[test]
fn a_complete_employer_is_trimmed_and_normalised() -> R {
    let org = orgnr(123);
    let d = EmployerDraft {
        name: s("  Restaurang Bryggan AB "),
        // Twelve digits without a dash, with the `16` prefix of a legal entity.
        org_number: format!(" 16{}{} ", &org[..6], &org[7..]),
        sector: s(" private "),
        agreement_status: s("signed"),
        agreement_date: s(" 2025-03-01 "),
        notes: s("  Vill ta emot två praktikanter i höst.\n "),
        units: vec![
            UnitDraft {
                id: Default::default(),
                name: s(" Köket "),
                address: s(" Hamngatan 1 "),
                municipality_code: s(" 1480 "),
            },
            UnitDraft::default(),
            UnitDraft {
                id: Default::default(),
                name: s("Lagret"),
                address: s(""),
                municipality_code: s("0180"),
            },
        ],
        contacts: vec![
            ContactDraft::default(),
            ContactDraft {
                id: Default::default(),
                name: s(" Karin Berg "),
                title: s(" Kökschef "),
                email: s(" Karin@Bryggan.EXAMPLE "),
                phone: s(" 031-12 34 56 "),
            },
            // Only an email: the name is still required (see below), so not here.
        ],
        supervisors: vec![
            SupervisorDraft {
                id: Default::default(),
                name: s(" Johan Ek "),
                email: s(""),
                phone: s("+46 70 123 45 67"),
                training_status: s(""),
            },
            // A blank row whose training select still sends its first option.
            SupervisorDraft {
                id: Default::default(),
                training_status: s("not_started"),
                ..Default::default()
            },
            SupervisorDraft {
                id: Default::default(),
                name: s("Lena Ek"),
                email: s("lena@bryggan.example"),
                phone: s(""),
                training_status: s(" trained "),
            },
        ],
    };
    let i = d.validate(&refdata()?, today())?;
    assert_eq!(i.name, "Restaurang Bryggan AB");
    assert_eq!(i.org_number.as_str(), org);
    assert_eq!(i.sector, Sector::Private);
    assert_eq!(i.agreement_status, AgreementStatus::Signed);
    assert_eq!(i.agreement_date, Some(date(2025, 3, 1)));
    assert_eq!(i.notes, "Vill ta emot två praktikanter i höst.");
    assert_eq!(
        i.units,
        vec![
            Unit {
                id: Default::default(),
                name: s("Köket"),
                address: s("Hamngatan 1"),
                municipality_code: s("1480"),
            },
            Unit {
                id: Default::default(),
                name: s("Lagret"),
                address: s(""),
                municipality_code: s("0180"),
            },
        ]
    );
    assert_eq!(
        i.contacts,
        vec![Contact {
            id: Default::default(),
            name: s("Karin Berg"),
            title: s("Kökschef"),
            email: s("Karin@bryggan.example"),
            phone: s("031-12 34 56"),
        }]
    );
    assert_eq!(
        i.supervisors,
        vec![
            SupervisorInput {
                id: Default::default(),
                name: s("Johan Ek"),
                email: s(""),
                phone: s("+46 70 123 45 67"),
                training_status: TrainingStatus::NotStarted,
            },
            SupervisorInput {
                id: Default::default(),
                name: s("Lena Ek"),
                email: s("lena@bryggan.example"),
                phone: s(""),
                training_status: TrainingStatus::Trained,
            },
        ]
    );
    Ok(())
}

#[test]
fn an_empty_employer_reports_every_required_field_at_once() -> R {
    assert_eq!(
        employer_errors(&EmployerDraft::default())?,
        vec![
            err("name", "error-required"),
            err("org_number", "error-orgnumber-format"),
            err("sector", "error-invalid-choice"),
        ]
    );
    Ok(())
}

#[test]
fn malformed_employer_values_name_their_field_and_key() -> R {
    type Set = fn(&mut EmployerDraft);
    let cases: Vec<(Set, &str, &str)> = vec![
        (|d| d.name = "n".repeat(201), "name", "error-too-long-200"),
        (
            |d| d.org_number = wrong_check(&orgnr(360)),
            "org_number",
            "error-orgnumber-checksum",
        ),
        (
            |d| d.org_number = s("556036-079"),
            "org_number",
            "error-orgnumber-format",
        ),
        (
            |d| d.org_number = s("556036 0793"),
            "org_number",
            "error-orgnumber-format",
        ),
        (
            |d| d.org_number = s("Bryggan AB"),
            "org_number",
            "error-orgnumber-format",
        ),
        (|d| d.sector = s("Public"), "sector", "error-invalid-choice"),
        (
            |d| d.sector = s("government"),
            "sector",
            "error-invalid-choice",
        ),
        (
            |d| d.agreement_status = s("done"),
            "agreement_status",
            "error-invalid-choice",
        ),
        (
            |d| d.agreement_date = s("2025-02-29"),
            "agreement_date",
            "error-date",
        ),
        (
            |d| d.agreement_date = s("01/03/2025"),
            "agreement_date",
            "error-date",
        ),
        (
            |d| d.agreement_date = s("2025-3-1"),
            "agreement_date",
            "error-date",
        ),
        (
            |d| d.notes = "n".repeat(5001),
            "notes",
            "error-too-long-5000",
        ),
    ];
    for (set, field, key) in cases {
        let mut d = employer();
        set(&mut d);
        assert_eq!(employer_errors(&d)?, vec![err(field, key)], "{d:?}");
    }
    // A sole trader's personnummer is a valid organisation number.
    let mut d = employer();
    d.org_number = pnr("19900415", 238);
    assert_eq!(
        d.validate(&refdata()?, today())?.org_number.as_str(),
        &pnr("19900415", 238)[2..]
    );
    Ok(())
}

#[test]
fn a_signed_agreement_needs_its_date() -> R {
    let r = refdata()?;
    let mut d = employer();
    d.agreement_status = s("signed");
    assert_eq!(
        errors(d.validate(&r, today())),
        vec![err("agreement_date", "error-required")]
    );
    // A wrong date is reported once, as a wrong date.
    d.agreement_date = s("2025-13-01");
    assert_eq!(
        errors(d.validate(&r, today())),
        vec![err("agreement_date", "error-date")]
    );
    d.agreement_date = s("2024-02-29");
    assert_eq!(
        d.validate(&r, today())?.agreement_date,
        Some(date(2024, 2, 29))
    );
    // Other statuses may leave it out, or give one.
    for status in ["", "none", "draft", "sent", "ended"] {
        let mut d = employer();
        d.agreement_status = s(status);
        assert_eq!(d.validate(&r, today())?.agreement_date, None, "{status:?}");
        d.agreement_date = s("2025-01-31");
        assert_eq!(
            d.validate(&r, today())?.agreement_date,
            Some(date(2025, 1, 31)),
            "{status:?}"
        );
    }
    // An unknown status is not taken for `signed`: only its own error.
    d.agreement_status = s("SIGNED");
    d.agreement_date.clear();
    assert_eq!(
        errors(d.validate(&r, today())),
        vec![err("agreement_status", "error-invalid-choice")]
    );
    Ok(())
}

#[test]
fn unit_rows_blank_are_ignored_half_filled_are_flagged() -> R {
    let r = refdata()?;
    let row = |name: &str, address: &str, municipality: &str| UnitDraft {
        id: Default::default(),
        name: s(name),
        address: s(address),
        municipality_code: s(municipality),
    };
    let mut d = employer();
    d.units = vec![
        row("", "", ""),
        row(" ", "\t", " "),
        row("Kontoret", "", "0180"),
    ];
    assert_eq!(d.validate(&r, today())?.units.len(), 1);
    for (unit, expected) in [
        (
            row("", "Storgatan 2", ""),
            vec![
                err("units", "error-required"),
                err("units", "error-required"),
            ],
        ),
        (
            row("Kontoret", "", ""),
            vec![err("units", "error-required")],
        ),
        (row("", "", "0180"), vec![err("units", "error-required")]),
        (
            row("Kontoret", "", "0000"),
            vec![err("units", "error-municipality-unknown")],
        ),
        (
            row(&"k".repeat(201), "", "0180"),
            vec![err("units", "error-too-long-200")],
        ),
        (
            row("Kontoret", &"a".repeat(201), "0180"),
            vec![err("units", "error-too-long-200")],
        ),
    ] {
        d.units = vec![row("Köket", "", "1480"), unit.clone()];
        assert_eq!(errors(d.validate(&r, today())), expected, "{unit:?}");
    }
    Ok(())
}

#[test]
fn contact_rows_need_a_name_and_valid_details() -> R {
    let r = refdata()?;
    let row = |name: &str, title: &str, email: &str, phone: &str| ContactDraft {
        id: Default::default(),
        name: s(name),
        title: s(title),
        email: s(email),
        phone: s(phone),
    };
    let mut d = employer();
    d.contacts = vec![row("", "", "", ""), row("Karin Berg", "", "", "")];
    assert_eq!(
        d.validate(&r, today())?.contacts,
        vec![Contact {
            id: Default::default(),
            name: s("Karin Berg"),
            title: s(""),
            email: s(""),
            phone: s(""),
        }]
    );
    for (contact, expected) in [
        (
            row("", "", "karin@example.se", ""),
            vec![err("contacts", "error-required")],
        ),
        (
            row("Karin", "", "karin@", ""),
            vec![err("contacts", "error-email")],
        ),
        (
            row("Karin", "", "", "123"),
            vec![err("contacts", "error-phone")],
        ),
        (
            row(&"k".repeat(201), "", "", ""),
            vec![err("contacts", "error-too-long-200")],
        ),
        (
            row("Karin", &"t".repeat(201), "", ""),
            vec![err("contacts", "error-too-long-200")],
        ),
        (
            row("", "", "karin@", "1"),
            vec![
                err("contacts", "error-required"),
                err("contacts", "error-email"),
                err("contacts", "error-phone"),
            ],
        ),
    ] {
        d.contacts = vec![contact.clone()];
        assert_eq!(errors(d.validate(&r, today())), expected, "{contact:?}");
    }
    Ok(())
}

#[test]
fn supervisor_rows_need_a_name_and_a_known_training_status() -> R {
    let r = refdata()?;
    let row = |name: &str, email: &str, phone: &str, training: &str| SupervisorDraft {
        id: Default::default(),
        name: s(name),
        email: s(email),
        phone: s(phone),
        training_status: s(training),
    };
    let mut d = employer();
    for t in TrainingStatus::ALL {
        d.supervisors = vec![row("Johan", "", "", t.as_str())];
        assert_eq!(d.validate(&r, today())?.supervisors[0].training_status, *t);
    }
    for (supervisor, expected) in [
        (
            row("", "johan@example.se", "", ""),
            vec![err("supervisors", "error-required")],
        ),
        (
            row("Johan", "johan@", "", ""),
            vec![err("supervisors", "error-email")],
        ),
        (
            row("Johan", "", "0", ""),
            vec![err("supervisors", "error-phone")],
        ),
        (
            row("Johan", "", "", "half"),
            vec![err("supervisors", "error-invalid-choice")],
        ),
        (
            row(&"j".repeat(201), "", "", ""),
            vec![err("supervisors", "error-too-long-200")],
        ),
    ] {
        d.supervisors = vec![supervisor.clone()];
        assert_eq!(errors(d.validate(&r, today())), expected, "{supervisor:?}");
    }
    Ok(())
}

#[test]
fn an_employer_with_many_mistakes_hears_of_all_of_them() -> R {
    let d = EmployerDraft {
        name: s(" "),
        org_number: wrong_check(&orgnr(1)),
        sector: s("state"),
        agreement_status: s("signed"),
        agreement_date: s("igår"),
        notes: "n".repeat(5001),
        units: vec![UnitDraft {
            id: Default::default(),
            name: s("Köket"),
            address: s(""),
            municipality_code: s("1"),
        }],
        contacts: vec![ContactDraft {
            id: Default::default(),
            name: s(""),
            title: s(""),
            email: s("x@y"),
            phone: s(""),
        }],
        supervisors: vec![SupervisorDraft {
            id: Default::default(),
            name: s("Johan"),
            email: s(""),
            phone: s(""),
            training_status: s("expert"),
        }],
    };
    assert_eq!(
        employer_errors(&d)?,
        vec![
            err("name", "error-required"),
            err("org_number", "error-orgnumber-checksum"),
            err("sector", "error-invalid-choice"),
            err("agreement_date", "error-date"),
            err("notes", "error-too-long-5000"),
            err("units", "error-municipality-unknown"),
            err("contacts", "error-required"),
            err("contacts", "error-email"),
            err("supervisors", "error-invalid-choice"),
        ]
    );
    Ok(())
}

// ---------------------------------------------------------------- placements

fn placement() -> PlacementDraft {
    PlacementDraft {
        employer_id: s("3"),
        title: s("Kockpraktik"),
        ssyk_code: s("5120"),
        min_swedish: s("A2"),
        days_per_week: s("5"),
        hours_per_week: s("40"),
        municipality_code: s("1480"),
        period_start: s("2025-09-01"),
        period_end: s("2025-12-19"),
        places: s("2"),
        ..Default::default()
    }
}

fn placement_errors(d: &PlacementDraft) -> Result<Vec<(String, &'static str)>, Box<dyn Error>> {
    Ok(errors(d.validate(&refdata()?)))
}

#[test]
fn a_minimal_placement_gets_the_defaults() -> R {
    let i = placement().validate(&refdata()?)?;
    assert_eq!(
        i,
        PlacementInput {
            employer_id: 3,
            title: s("Kockpraktik"),
            ssyk_code: s("5120"),
            tasks: s(""),
            required_skills: vec![],
            desired_skills: vec![],
            min_swedish: Cefr::A2,
            other_languages: vec![],
            education_level: EducationLevel::None,
            driving_licence: DrivingLicence::None,
            days_per_week: 5,
            hours_per_week: 40,
            municipality_code: s("1480"),
            address: s(""),
            period_start: date(2025, 9, 1),
            period_end: date(2025, 12, 19),
            places: 2,
            accommodations: vec![],
            status: PlacementStatus::Draft,
        }
    );
    Ok(())
}

#[test]
fn a_complete_placement_is_trimmed_and_normalised() -> R {
    let d = PlacementDraft {
        employer_id: s(" 42 "),
        title: s("  Undersköterska, hemtjänst "),
        ssyk_code: s(" 5321 "),
        tasks: s("  Stöd i vardagen.\nDokumentation. "),
        required_skills: strings(&["Hygien, bemötande", "", " Körkort "]),
        desired_skills: strings(&["Arabiska,arabiska, Somaliska"]),
        min_swedish: s(" b1 "),
        other_languages: vec![
            LanguageSkill::default(),
            LanguageSkill {
                language: s(" Engelska "),
                level: s("a2"),
            },
        ],
        education_level: s("upper_secondary"),
        driving_licence: s("B"),
        days_per_week: s(" 4 "),
        hours_per_week: s(" 32 "),
        municipality_code: s(" 0180 "),
        address: s("  Vårdvägen 3 "),
        period_start: s(" 2025-08-18 "),
        period_end: s(" 2025-08-18 "),
        places: s(" 100 "),
        accommodations: strings(&["flexible_hours", " ", "part_time "]),
        status: s(" published "),
    };
    let i = d.validate(&refdata()?)?;
    assert_eq!(
        i,
        PlacementInput {
            employer_id: 42,
            title: s("Undersköterska, hemtjänst"),
            ssyk_code: s("5321"),
            tasks: s("Stöd i vardagen.\nDokumentation."),
            required_skills: strings(&["Hygien", "bemötande", "Körkort"]),
            desired_skills: strings(&["Arabiska", "Somaliska"]),
            min_swedish: Cefr::B1,
            other_languages: vec![LanguageLevel {
                language: s("Engelska"),
                level: Cefr::A2,
            }],
            education_level: EducationLevel::UpperSecondary,
            driving_licence: DrivingLicence::B,
            days_per_week: 4,
            hours_per_week: 32,
            municipality_code: s("0180"),
            address: s("Vårdvägen 3"),
            // A one-day period is allowed.
            period_start: date(2025, 8, 18),
            period_end: date(2025, 8, 18),
            places: 100,
            accommodations: vec![Accommodation::FlexibleHours, Accommodation::PartTime],
            status: PlacementStatus::Published,
        }
    );
    Ok(())
}

#[test]
fn an_empty_placement_reports_every_required_field_at_once() -> R {
    assert_eq!(
        placement_errors(&PlacementDraft::default())?,
        vec![
            err("employer_id", "error-invalid-choice"),
            err("title", "error-required"),
            err("ssyk_code", "error-ssyk-format"),
            err("min_swedish", "error-cefr"),
            err("days_per_week", "error-number"),
            err("hours_per_week", "error-number"),
            err("municipality_code", "error-required"),
            err("period_start", "error-date"),
            err("period_end", "error-date"),
            err("places", "error-number"),
        ]
    );
    Ok(())
}

#[test]
fn malformed_placement_values_name_their_field_and_key() -> R {
    type Set = fn(&mut PlacementDraft);
    let cases: Vec<(Set, &str, &str)> = vec![
        (
            |d| d.employer_id = s("0"),
            "employer_id",
            "error-invalid-choice",
        ),
        (
            |d| d.employer_id = s("Bryggan"),
            "employer_id",
            "error-invalid-choice",
        ),
        (|d| d.title = "t".repeat(201), "title", "error-too-long-200"),
        (
            |d| d.ssyk_code = s("9999"),
            "ssyk_code",
            "error-ssyk-unknown",
        ),
        (|d| d.ssyk_code = s("512"), "ssyk_code", "error-ssyk-format"),
        (
            |d| d.ssyk_code = s("5120 – Kockar"),
            "ssyk_code",
            "error-ssyk-format",
        ),
        (
            |d| d.tasks = "t".repeat(5001),
            "tasks",
            "error-too-long-5000",
        ),
        (|d| d.min_swedish = s("B3"), "min_swedish", "error-cefr"),
        (
            |d| d.education_level = s("any"),
            "education_level",
            "error-invalid-choice",
        ),
        (
            |d| d.driving_licence = s("b"),
            "driving_licence",
            "error-invalid-choice",
        ),
        (
            |d| d.days_per_week = s("0"),
            "days_per_week",
            "error-out-of-range",
        ),
        (
            |d| d.days_per_week = s("8"),
            "days_per_week",
            "error-out-of-range",
        ),
        (
            |d| d.days_per_week = s("fem"),
            "days_per_week",
            "error-number",
        ),
        (
            |d| d.hours_per_week = s("0"),
            "hours_per_week",
            "error-out-of-range",
        ),
        (
            |d| d.hours_per_week = s("61"),
            "hours_per_week",
            "error-out-of-range",
        ),
        (
            |d| d.hours_per_week = s("37.5"),
            "hours_per_week",
            "error-number",
        ),
        (
            |d| d.municipality_code = s("0000"),
            "municipality_code",
            "error-municipality-unknown",
        ),
        (
            |d| d.address = "a".repeat(201),
            "address",
            "error-too-long-200",
        ),
        (
            |d| d.period_start = s("2025-09-31"),
            "period_start",
            "error-date",
        ),
        (
            |d| d.period_start = s("1 september"),
            "period_start",
            "error-date",
        ),
        (
            |d| d.period_end = s("2025/12/19"),
            "period_end",
            "error-date",
        ),
        (|d| d.places = s("0"), "places", "error-out-of-range"),
        (|d| d.places = s("101"), "places", "error-out-of-range"),
        (|d| d.places = s("-2"), "places", "error-out-of-range"),
        (|d| d.places = s("två"), "places", "error-number"),
        (
            |d| d.accommodations = strings(&["ramp"]),
            "accommodations",
            "error-invalid-choice",
        ),
        (|d| d.status = s("open"), "status", "error-invalid-choice"),
    ];
    for (set, field, key) in cases {
        let mut d = placement();
        set(&mut d);
        assert_eq!(placement_errors(&d)?, vec![err(field, key)], "{d:?}");
    }
    Ok(())
}

#[test]
fn placement_numbers_and_texts_accept_their_limits() -> R {
    let r = refdata()?;
    let mut d = placement();
    d.days_per_week = s("1");
    d.hours_per_week = s("1");
    d.places = s("1");
    d.title = "t".repeat(200);
    d.tasks = "t".repeat(5000);
    d.address = "a".repeat(200);
    let i = d.validate(&r)?;
    assert_eq!((i.days_per_week, i.hours_per_week, i.places), (1, 1, 1));
    d.days_per_week = s("7");
    d.hours_per_week = s("60");
    d.places = s("100");
    let i = d.validate(&r)?;
    assert_eq!((i.days_per_week, i.hours_per_week, i.places), (7, 60, 100));
    for st in PlacementStatus::ALL {
        d.status = st.as_str().to_string();
        assert_eq!(d.validate(&r)?.status, *st);
    }
    Ok(())
}

#[test]
fn a_placement_period_may_not_end_before_it_starts() -> R {
    let r = refdata()?;
    let mut d = placement();
    d.period_start = s("2025-09-01");
    d.period_end = s("2025-08-31");
    assert_eq!(
        errors(d.validate(&r)),
        vec![err("period_end", "error-period-order")]
    );
    // Ending on the day it starts is fine.
    d.period_end = s("2025-09-01");
    assert_eq!(d.validate(&r)?.period_end, date(2025, 9, 1));
    // A wrong date is reported as such, with no order error on top.
    d.period_start = s("2025-02-30");
    assert_eq!(
        errors(d.validate(&r)),
        vec![err("period_start", "error-date")]
    );
    d.period_start = s("2024-02-29");
    d.period_end = s("2025-02-28");
    assert!(d.validate(&r).is_ok());
    Ok(())
}

#[test]
fn other_language_rows_blank_are_ignored_half_filled_are_flagged() -> R {
    let r = refdata()?;
    let row = |language: &str, level: &str| LanguageSkill {
        language: s(language),
        level: s(level),
    };
    let mut d = placement();
    d.other_languages = vec![row(" ", ""), row("Finska", "C1")];
    assert_eq!(d.validate(&r)?.other_languages.len(), 1);
    for (language, level, key) in [
        ("Finska", "", "error-language-level"),
        ("Finska", "C3", "error-language-level"),
        ("", "C1", "error-required"),
        (&*"f".repeat(61), "C1", "error-too-long-60"),
    ] {
        d.other_languages = vec![row(language, level)];
        assert_eq!(
            errors(d.validate(&r)),
            vec![err("other_languages", key)],
            "{language:?} {level:?}"
        );
    }
    Ok(())
}

#[test]
fn a_placement_with_many_mistakes_hears_of_all_of_them() -> R {
    let d = PlacementDraft {
        employer_id: s("-3"),
        title: s(""),
        ssyk_code: s("0000"),
        tasks: "t".repeat(5001),
        required_skills: vec![],
        desired_skills: vec![],
        min_swedish: s("native"),
        other_languages: vec![LanguageSkill {
            language: s(""),
            level: s("B2"),
        }],
        education_level: s("?"),
        driving_licence: s("?"),
        days_per_week: s("9"),
        hours_per_week: s("x"),
        municipality_code: s("x"),
        address: "a".repeat(201),
        period_start: s("2025-10-01"),
        period_end: s("2025-09-30"),
        places: s("1000"),
        accommodations: strings(&["?"]),
        status: s("?"),
    };
    assert_eq!(
        placement_errors(&d)?,
        vec![
            err("employer_id", "error-invalid-choice"),
            err("title", "error-required"),
            err("ssyk_code", "error-ssyk-unknown"),
            err("tasks", "error-too-long-5000"),
            err("min_swedish", "error-cefr"),
            err("other_languages", "error-required"),
            err("education_level", "error-invalid-choice"),
            err("driving_licence", "error-invalid-choice"),
            err("days_per_week", "error-out-of-range"),
            err("hours_per_week", "error-number"),
            err("municipality_code", "error-municipality-unknown"),
            err("address", "error-too-long-200"),
            err("period_end", "error-period-order"),
            err("places", "error-out-of-range"),
            err("accommodations", "error-invalid-choice"),
            err("status", "error-invalid-choice"),
        ]
    );
    Ok(())
}

// ---------------------------------------------------------------- message keys

/// Every key the registry's validation reports directly has a message in both languages.
#[test]
fn every_registry_error_key_is_translated() {
    let src = include_str!("../registry.rs");
    let mut used = std::collections::BTreeSet::new();
    for (at, _) in src.match_indices("\"error-") {
        let k = src[at + 1..].split('"').next().unwrap_or_default();
        used.insert(k.to_string());
    }
    assert!(used.contains("error-birth-year-mismatch"), "{used:?}");
    assert!(used.contains("error-language-level"), "{used:?}");
    for ftl in [
        include_str!("../../../i18n/locales/sv/errors.ftl"),
        include_str!("../../../i18n/locales/en/errors.ftl"),
    ] {
        for k in &used {
            assert!(
                ftl.lines().any(|l| l.starts_with(&format!("{k} = "))),
                "{k} has no message"
            );
        }
    }
}

// ---------------------------------------------------------------- properties

/// Field names each draft may report errors under (as its form and JSON name them).
const PARTICIPANT_FIELDS: &[&str] = &[
    "programme_id",
    "cohort_id",
    "first_name",
    "last_name",
    "personnummer",
    "email",
    "phone",
    "municipality_code",
    "gender",
    "birth_year",
    "swedish_level",
    "languages",
    "sfi_level",
    "education_level",
    "education_field",
    "education_country",
    "experience",
    "skills",
    "wished_occupations",
    "available_days",
    "max_commute_km",
    "driving_licence",
    "special_needs",
    "needed_accommodations",
    "eligibility",
    "consents",
];

const EMPLOYER_FIELDS: &[&str] = &[
    "name",
    "org_number",
    "sector",
    "agreement_status",
    "agreement_date",
    "notes",
    "units",
    "contacts",
    "supervisors",
];

const PLACEMENT_FIELDS: &[&str] = &[
    "employer_id",
    "title",
    "ssyk_code",
    "tasks",
    "required_skills",
    "desired_skills",
    "min_swedish",
    "other_languages",
    "education_level",
    "driving_licence",
    "days_per_week",
    "hours_per_week",
    "municipality_code",
    "address",
    "period_start",
    "period_end",
    "places",
    "accommodations",
    "status",
];

/// Any text, or one of the values some field accepts (so that valid paths are taken too).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "\\PC{0,12}",
        1 => "[ \t\n]{0,3}",
        1 => "[ ]?[0-9]{1,5}[ ]?",
        1 => "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        1 => "[a-z]{1,8}@[a-z]{1,8}\\.se",
        3 => prop::sample::select(vec![
            "1", "7", "0", "-1", "1990", "2025", "0180", "1480", "5120", "9111", "B1", "c2",
            "A", "female", "B", "mon", "signed", "public", "trained", "published",
            "interpreter", "registry", "eligible", "bachelor", "2025-09-01", "2025-08-31",
            "701063-2391", "19900415-2386", "556036-0793", "070-123 45 67",
        ])
        .prop_map(str::to_string),
    ]
}

fn texts(n: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), n)
}

fn rows(n: usize) -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(texts(n), 0..3)
}

/// What every validation must guarantee whatever it was given.
fn check_errors(r: &Result<impl Sized, FieldErrors>, fields: &[&str]) -> Result<(), TestCaseError> {
    if let Err(e) = r {
        prop_assert!(!e.is_empty(), "an error without a field");
        for f in &e.0 {
            prop_assert!(
                fields.contains(&f.field.as_str()),
                "unknown field {}",
                f.field
            );
            prop_assert!(f.key.starts_with("error-"), "{}", f.key);
        }
    }
    Ok(())
}

fn trimmed(s: &str) -> bool {
    s == s.trim()
}

/// A valid participant with every field and one row of each table filled in.
fn full_participant() -> ParticipantDraft {
    ParticipantDraft {
        cohort_id: s("4"),
        personnummer: pnr("19900415", 238),
        birth_year: s(""),
        email: s("amina@example.se"),
        phone: s("070-123 45 67"),
        gender: s("female"),
        swedish_level: s("B1"),
        languages: vec![LanguageSkill {
            language: s("Arabiska"),
            level: s("C2"),
        }],
        sfi_level: s("D"),
        education_level: s("bachelor"),
        education_field: s("Ekonomi"),
        education_country: s("Syrien"),
        experience: vec![Experience {
            occupation: s("5120"),
            years: s("3"),
            country: s("Syrien"),
        }],
        skills: strings(&["Matlagning"]),
        wished_occupations: strings(&["5120"]),
        available_days: strings(&["mon"]),
        max_commute_km: s("20"),
        driving_licence: s("B"),
        special_needs: s("Inga"),
        needed_accommodations: strings(&["quiet_room"]),
        eligibility: s("eligible"),
        consents: strings(&["registry"]),
        ..participant()
    }
}

fn full_employer() -> EmployerDraft {
    EmployerDraft {
        agreement_status: s("signed"),
        agreement_date: s("2025-03-01"),
        notes: s("Anteckning"),
        units: vec![UnitDraft {
            id: Default::default(),
            name: s("Köket"),
            address: s("Hamngatan 1"),
            municipality_code: s("1480"),
        }],
        contacts: vec![ContactDraft {
            id: Default::default(),
            name: s("Karin Berg"),
            title: s("Kökschef"),
            email: s("karin@example.se"),
            phone: s("031-12 34 56"),
        }],
        supervisors: vec![SupervisorDraft {
            id: Default::default(),
            name: s("Johan Ek"),
            email: s("johan@example.se"),
            phone: s("070-765 43 21"),
            training_status: s("booked"),
        }],
        ..employer()
    }
}

fn full_placement() -> PlacementDraft {
    PlacementDraft {
        tasks: s("Förberedelser"),
        required_skills: strings(&["Hygien"]),
        desired_skills: strings(&["Arabiska"]),
        other_languages: vec![LanguageSkill {
            language: s("Engelska"),
            level: s("A2"),
        }],
        education_level: s("upper_secondary"),
        driving_licence: s("B"),
        address: s("Hamngatan 1"),
        accommodations: strings(&["part_time"]),
        status: s("published"),
        ..placement()
    }
}

/// (field reported, setter) for every input of a draft, rows included.
type Setters<D> = Vec<(&'static str, fn(&mut D, String))>;

fn participant_setters() -> Setters<ParticipantDraft> {
    vec![
        ("programme_id", |d, v| d.programme_id = v),
        ("cohort_id", |d, v| d.cohort_id = v),
        ("first_name", |d, v| d.first_name = v),
        ("last_name", |d, v| d.last_name = v),
        ("personnummer", |d, v| d.personnummer = v),
        ("email", |d, v| d.email = v),
        ("phone", |d, v| d.phone = v),
        ("municipality_code", |d, v| d.municipality_code = v),
        ("gender", |d, v| d.gender = v),
        ("birth_year", |d, v| d.birth_year = v),
        ("swedish_level", |d, v| d.swedish_level = v),
        ("languages", |d, v| d.languages[0].language = v),
        ("languages", |d, v| d.languages[0].level = v),
        ("sfi_level", |d, v| d.sfi_level = v),
        ("education_level", |d, v| d.education_level = v),
        ("education_field", |d, v| d.education_field = v),
        ("education_country", |d, v| d.education_country = v),
        ("experience", |d, v| d.experience[0].occupation = v),
        ("experience", |d, v| d.experience[0].years = v),
        ("experience", |d, v| d.experience[0].country = v),
        ("skills", |d, v| d.skills = vec![v]),
        ("wished_occupations", |d, v| d.wished_occupations = vec![v]),
        ("available_days", |d, v| d.available_days = vec![v]),
        ("max_commute_km", |d, v| d.max_commute_km = v),
        ("driving_licence", |d, v| d.driving_licence = v),
        ("special_needs", |d, v| d.special_needs = v),
        ("needed_accommodations", |d, v| {
            d.needed_accommodations = vec![v]
        }),
        ("eligibility", |d, v| d.eligibility = v),
        ("consents", |d, v| d.consents = vec![v]),
    ]
}

fn employer_setters() -> Setters<EmployerDraft> {
    vec![
        ("name", |d, v| d.name = v),
        ("org_number", |d, v| d.org_number = v),
        ("sector", |d, v| d.sector = v),
        ("agreement_status", |d, v| d.agreement_status = v),
        ("agreement_date", |d, v| d.agreement_date = v),
        ("notes", |d, v| d.notes = v),
        ("units", |d, v| d.units[0].name = v),
        ("units", |d, v| d.units[0].address = v),
        ("units", |d, v| d.units[0].municipality_code = v),
        ("contacts", |d, v| d.contacts[0].name = v),
        ("contacts", |d, v| d.contacts[0].title = v),
        ("contacts", |d, v| d.contacts[0].email = v),
        ("contacts", |d, v| d.contacts[0].phone = v),
        ("supervisors", |d, v| d.supervisors[0].name = v),
        ("supervisors", |d, v| d.supervisors[0].email = v),
        ("supervisors", |d, v| d.supervisors[0].phone = v),
        ("supervisors", |d, v| d.supervisors[0].training_status = v),
    ]
}

fn placement_setters() -> Setters<PlacementDraft> {
    vec![
        ("employer_id", |d, v| d.employer_id = v),
        ("title", |d, v| d.title = v),
        ("ssyk_code", |d, v| d.ssyk_code = v),
        ("tasks", |d, v| d.tasks = v),
        ("required_skills", |d, v| d.required_skills = vec![v]),
        ("desired_skills", |d, v| d.desired_skills = vec![v]),
        ("min_swedish", |d, v| d.min_swedish = v),
        ("other_languages", |d, v| d.other_languages[0].language = v),
        ("other_languages", |d, v| d.other_languages[0].level = v),
        ("education_level", |d, v| d.education_level = v),
        ("driving_licence", |d, v| d.driving_licence = v),
        ("days_per_week", |d, v| d.days_per_week = v),
        ("hours_per_week", |d, v| d.hours_per_week = v),
        ("municipality_code", |d, v| d.municipality_code = v),
        ("address", |d, v| d.address = v),
        ("period_start", |d, v| d.period_start = v),
        ("period_end", |d, v| d.period_end = v),
        ("places", |d, v| d.places = v),
        ("accommodations", |d, v| d.accommodations = vec![v]),
        ("status", |d, v| d.status = v),
    ]
}

/// Fields whose errors may follow from a change to another one: the birth year from the
/// personnummer, the agreement date from the status, the period's order from its start.
fn may_also_report(field: &str) -> &'static [&'static str] {
    match field {
        "personnummer" => &["birth_year"],
        "agreement_status" => &["agreement_date"],
        "period_start" => &["period_end"],
        _ => &[],
    }
}

/// Errors of a draft in which only `field` was changed: every one on that field (or one that
/// depends on it).
fn only_on(field: &str, got: &[(String, &'static str)]) -> Result<(), TestCaseError> {
    for (f, key) in got {
        prop_assert!(
            f == field || may_also_report(field).contains(&f.as_str()),
            "changing {} reported {}: {}",
            field,
            f,
            key
        );
    }
    Ok(())
}

#[test]
fn the_full_drafts_are_valid() -> R {
    let r = refdata()?;
    full_participant().validate(&r, today())?;
    full_employer().validate(&r, today())?;
    full_placement().validate(&r)?;
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A wrong value in one field never shows up as an error on another.
    #[test]
    fn a_participant_field_is_reported_on_its_own_name(i in any::<prop::sample::Index>(), v in text()) {
        let r = refdata().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let setters = participant_setters();
        let (field, set) = setters[i.index(setters.len())];
        let mut d = full_participant();
        set(&mut d, v);
        only_on(field, &errors(d.validate(&r, today())))?;
    }

    #[test]
    fn an_employer_field_is_reported_on_its_own_name(i in any::<prop::sample::Index>(), v in text()) {
        let r = refdata().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let setters = employer_setters();
        let (field, set) = setters[i.index(setters.len())];
        let mut d = full_employer();
        set(&mut d, v);
        only_on(field, &errors(d.validate(&r, today())))?;
    }

    #[test]
    fn a_placement_field_is_reported_on_its_own_name(i in any::<prop::sample::Index>(), v in text()) {
        let r = refdata().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let setters = placement_setters();
        let (field, set) = setters[i.index(setters.len())];
        let mut d = full_placement();
        set(&mut d, v);
        only_on(field, &errors(d.validate(&r)))?;
    }

    #[test]
    fn participant_validation_is_total_and_deterministic(
        f in texts(20),
        lists in prop::collection::vec(prop::collection::vec(text(), 0..3), 6),
        languages in rows(2),
        experience in rows(3),
    ) {
        let r = refdata().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let d = ParticipantDraft {
            programme_id: f[0].clone(),
            cohort_id: f[1].clone(),
            first_name: f[2].clone(),
            last_name: f[3].clone(),
            personnummer: f[4].clone(),
            email: f[5].clone(),
            phone: f[6].clone(),
            municipality_code: f[7].clone(),
            gender: f[8].clone(),
            birth_year: f[9].clone(),
            swedish_level: f[10].clone(),
            languages: languages
                .iter()
                .map(|l| LanguageSkill { language: l[0].clone(), level: l[1].clone() })
                .collect(),
            sfi_level: f[11].clone(),
            education_level: f[12].clone(),
            education_field: f[13].clone(),
            education_country: f[14].clone(),
            experience: experience
                .iter()
                .map(|x| Experience {
                    occupation: x[0].clone(),
                    years: x[1].clone(),
                    country: x[2].clone(),
                })
                .collect(),
            skills: lists[0].clone(),
            wished_occupations: lists[1].clone(),
            available_days: lists[2].clone(),
            max_commute_km: f[15].clone(),
            driving_licence: f[16].clone(),
            special_needs: f[17].clone(),
            needed_accommodations: lists[3].clone(),
            eligibility: f[18].clone(),
            consents: lists[4].clone(),
        };
        let first = d.validate(&r, today());
        prop_assert_eq!(&first, &d.validate(&r, today()));
        check_errors(&first, PARTICIPANT_FIELDS)?;
        if let Ok(i) = first {
            prop_assert!(i.programme_id > 0);
            prop_assert!(!i.first_name.is_empty() && trimmed(&i.first_name));
            prop_assert!(!i.last_name.is_empty() && trimmed(&i.last_name));
            prop_assert!((1800..=2025).contains(&i.birth_year));
            prop_assert!((0..=500).contains(&i.max_commute_km));
            prop_assert!(i.skills.iter().all(|s| !s.is_empty() && trimmed(s)));
            prop_assert!(i.languages.iter().all(|l| !l.language.is_empty() && trimmed(&l.language)));
            prop_assert!(i.experience.iter().all(|x| x.years <= 60 && trimmed(&x.country)));
            prop_assert!(trimmed(&i.education_field) && trimmed(&i.special_needs));
            if let Some(p) = &i.personnummer {
                prop_assert_eq!(p.birth_year(), i.birth_year);
            }
        }
    }

    #[test]
    fn employer_validation_is_total_and_deterministic(
        f in texts(6),
        units in rows(3),
        contacts in rows(4),
        supervisors in rows(4),
    ) {
        let r = refdata().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let d = EmployerDraft {
            name: f[0].clone(),
            org_number: f[1].clone(),
            sector: f[2].clone(),
            agreement_status: f[3].clone(),
            agreement_date: f[4].clone(),
            notes: f[5].clone(),
            units: units
                .iter()
                .map(|u| UnitDraft {
                    id: Default::default(),
                    name: u[0].clone(),
                    address: u[1].clone(),
                    municipality_code: u[2].clone(),
                })
                .collect(),
            contacts: contacts
                .iter()
                .map(|c| ContactDraft {
                    id: Default::default(),
                    name: c[0].clone(),
                    title: c[1].clone(),
                    email: c[2].clone(),
                    phone: c[3].clone(),
                })
                .collect(),
            supervisors: supervisors
                .iter()
                .map(|s| SupervisorDraft {
                    id: Default::default(),
                    name: s[0].clone(),
                    email: s[1].clone(),
                    phone: s[2].clone(),
                    training_status: s[3].clone(),
                })
                .collect(),
        };
        let first = d.validate(&r, today());
        prop_assert_eq!(&first, &d.validate(&r, today()));
        check_errors(&first, EMPLOYER_FIELDS)?;
        if let Ok(i) = first {
            prop_assert!(!i.name.is_empty() && trimmed(&i.name));
            prop_assert_eq!(
                i.agreement_status == AgreementStatus::Signed && i.agreement_date.is_none(),
                false
            );
            prop_assert!(i.units.iter().all(|u| r.municipality(&u.municipality_code).is_some()));
            prop_assert!(i.contacts.iter().all(|c| !c.name.is_empty()));
            prop_assert!(i.supervisors.iter().all(|s| !s.name.is_empty()));
        }
    }

    #[test]
    fn placement_validation_is_total_and_deterministic(
        f in texts(15),
        lists in prop::collection::vec(prop::collection::vec(text(), 0..3), 3),
        other_languages in rows(2),
    ) {
        let r = refdata().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let d = PlacementDraft {
            employer_id: f[0].clone(),
            title: f[1].clone(),
            ssyk_code: f[2].clone(),
            tasks: f[3].clone(),
            required_skills: lists[0].clone(),
            desired_skills: lists[1].clone(),
            min_swedish: f[4].clone(),
            other_languages: other_languages
                .iter()
                .map(|l| LanguageSkill { language: l[0].clone(), level: l[1].clone() })
                .collect(),
            education_level: f[5].clone(),
            driving_licence: f[6].clone(),
            days_per_week: f[7].clone(),
            hours_per_week: f[8].clone(),
            municipality_code: f[9].clone(),
            address: f[10].clone(),
            period_start: f[11].clone(),
            period_end: f[12].clone(),
            places: f[13].clone(),
            accommodations: lists[2].clone(),
            status: f[14].clone(),
        };
        let first = d.validate(&r);
        prop_assert_eq!(&first, &d.validate(&r));
        check_errors(&first, PLACEMENT_FIELDS)?;
        if let Ok(i) = first {
            prop_assert!(i.employer_id > 0);
            prop_assert!(i.period_start <= i.period_end);
            prop_assert!((1..=7).contains(&i.days_per_week));
            prop_assert!((1..=60).contains(&i.hours_per_week));
            prop_assert!((1..=100).contains(&i.places));
            prop_assert!(r.ssyk_group(&i.ssyk_code).is_some_and(|g| g.level == 4));
        }
    }

    /// Whatever valid personnummer is given, the birth year comes from it.
    #[test]
    fn the_birth_year_of_any_valid_personnummer_is_taken(
        days in 0i64..(125 * 365),
        serial in 0u32..1000,
    ) {
        let r = refdata().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let born = date(1900, 1, 1) + chrono::Duration::days(days);
        let number = pnr(&born.format("%Y%m%d").to_string(), serial);
        let mut d = participant();
        d.birth_year.clear();
        d.personnummer = number.clone();
        let i = d.validate(&r, today()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(i.birth_year, born.year());
        prop_assert_eq!(i.personnummer.map(|p| p.as_str().to_string()), Some(number.clone()));
        d.birth_year = (born.year() + 1).to_string();
        prop_assert_eq!(
            errors(d.validate(&r, today())),
            if born.year() < 2025 {
                vec![err("birth_year", "error-birth-year-mismatch")]
            } else {
                vec![err("birth_year", "error-out-of-range")]
            }
        );
    }

    /// The period is in order exactly when its end is not before its start.
    #[test]
    fn the_period_order_is_checked_for_any_two_dates(a in 0i64..3000, b in 0i64..3000) {
        let r = refdata().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let (start, end) = (
            date(2020, 1, 1) + chrono::Duration::days(a),
            date(2020, 1, 1) + chrono::Duration::days(b),
        );
        let mut d = placement();
        d.period_start = start.format("%Y-%m-%d").to_string();
        d.period_end = end.format("%Y-%m-%d").to_string();
        let got = errors(d.validate(&r));
        if end < start {
            prop_assert_eq!(got, vec![err("period_end", "error-period-order")]);
        } else {
            prop_assert!(got.is_empty(), "{:?}", got);
        }
    }
}

// ---------------------------------------------------------------- half-filled rows

/// A row with something typed in any of its cells is checked, never dropped unseen, and every
/// cell's mistake is reported even when another cell of the row is wrong too.
#[test]
fn half_filled_experience_rows_are_flagged() -> R {
    let r = refdata()?;
    let row = |occupation: &str, years: &str, country: &str| Experience {
        occupation: s(occupation),
        years: s(years),
        country: s(country),
    };
    let mut d = participant();
    d.experience = vec![row(" ", "\t", " ")];
    assert_eq!(d.validate(&r, today())?.experience, vec![]);
    for (x, expected) in [
        (
            row("", "5", "Syrien"),
            vec![err("experience", "error-ssyk-format")],
        ),
        (
            row("", "", "Syrien"),
            vec![
                err("experience", "error-ssyk-format"),
                err("experience", "error-number"),
            ],
        ),
        (
            row("5120", "2", &"c".repeat(201)),
            vec![err("experience", "error-too-long-200")],
        ),
        (
            row("", "", &"c".repeat(201)),
            vec![
                err("experience", "error-ssyk-format"),
                err("experience", "error-number"),
                err("experience", "error-too-long-200"),
            ],
        ),
    ] {
        d.experience = vec![x.clone()];
        assert_eq!(errors(d.validate(&r, today())), expected, "{x:?}");
    }
    d.experience = vec![row("5120", "2", &"c".repeat(200))];
    assert_eq!(d.validate(&r, today())?.experience[0].country.len(), 200);
    Ok(())
}

#[test]
fn half_filled_employer_rows_are_flagged() -> R {
    let r = refdata()?;
    let unit = |name: &str, address: &str, municipality: &str| UnitDraft {
        id: Default::default(),
        name: s(name),
        address: s(address),
        municipality_code: s(municipality),
    };
    let contact = |name: &str, title: &str, email: &str, phone: &str| ContactDraft {
        id: Default::default(),
        name: s(name),
        title: s(title),
        email: s(email),
        phone: s(phone),
    };
    let supervisor = |name: &str, email: &str, phone: &str, training: &str| SupervisorDraft {
        id: Default::default(),
        name: s(name),
        email: s(email),
        phone: s(phone),
        training_status: s(training),
    };
    let long = "x".repeat(201);

    let mut d = employer();
    d.units = vec![unit("", &long, "")];
    assert_eq!(
        errors(d.validate(&r, today())),
        vec![
            err("units", "error-required"),
            err("units", "error-too-long-200"),
            err("units", "error-required"),
        ]
    );

    for (c, expected) in [
        (
            contact("", "Kökschef", "", ""),
            vec![err("contacts", "error-required")],
        ),
        (
            contact("", "", "", "031-12 34 56"),
            vec![err("contacts", "error-required")],
        ),
        (
            contact("", &long, "", ""),
            vec![
                err("contacts", "error-required"),
                err("contacts", "error-too-long-200"),
            ],
        ),
    ] {
        let mut d = employer();
        d.contacts = vec![c.clone()];
        assert_eq!(errors(d.validate(&r, today())), expected, "{c:?}");
    }

    let mut d = employer();
    d.supervisors = vec![supervisor("", "", "070-123 45 67", "trained")];
    assert_eq!(
        errors(d.validate(&r, today())),
        vec![err("supervisors", "error-required")]
    );
    // The training select alone is a blank row.
    d.supervisors = vec![supervisor(" ", "", " ", "trained")];
    assert_eq!(d.validate(&r, today())?.supervisors, vec![]);
    Ok(())
}

// ---------------------------------------------------------------- hostile or mistyped text

#[test]
fn a_placement_cannot_start_in_year_zero_or_after_2100() -> R {
    let mut d = placement();
    d.period_start = s("0000-01-01");
    d.period_end = s("2101-01-01");
    assert_eq!(
        placement_errors(&d)?,
        vec![
            err("period_start", "error-date-range"),
            err("period_end", "error-date-range")
        ]
    );
    d.period_start = s("1900-01-01");
    d.period_end = s("2100-12-31");
    assert!(d.validate(&refdata()?).is_ok());
    Ok(())
}

#[test]
fn control_characters_in_any_text_are_a_field_error_not_a_database_error() -> R {
    let mut d = participant();
    d.first_name = s("Amina\0");
    d.education_field = s("Vård\u{7}");
    d.special_needs = s("Rad ett\r\nrad två\ttabb");
    d.skills = vec![s("svetsning\0")];
    assert_eq!(
        participant_errors(&d)?,
        vec![
            err("first_name", "error-control-char"),
            err("education_field", "error-control-char"),
            err("skills", "error-control-char"),
        ]
    );
    let mut d = employer();
    d.notes = s("ok\0");
    d.units = vec![UnitDraft {
        id: s(""),
        name: s("Kök\nATTENDEE:x"),
        address: s(""),
        municipality_code: s("0180"),
    }];
    assert_eq!(
        errors(d.validate(&refdata()?, today())),
        vec![
            err("notes", "error-control-char"),
            err("units", "error-control-char")
        ]
    );
    let mut d = placement();
    d.required_skills = vec![s(&"k".repeat(61))];
    assert_eq!(
        placement_errors(&d)?,
        vec![err("required_skills", "error-too-long-60")]
    );
    Ok(())
}
