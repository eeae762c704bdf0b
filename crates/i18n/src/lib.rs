//! Translations (Fluent): Swedish by default, English switchable. Every user-facing string is a
//! key in `locales/<lang>/<feature>.ftl`, named after the web crate's feature folders; what
//! several features share lives in `common.ftl` (navigation, actions, shared field labels,
//! value sets) and `errors.ftl` (the `error-*` messages of the domain and the error pages). The
//! loader reads every file of a language folder, so a file's name is for people, not the code.

use fluent_templates::{Loader, static_loader};
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "sv",
        // Arabic isolates what it puts into a message (a date, a name), so that a left-to-right
        // value keeps its order in a right-to-left sentence; the others need no marks.
        customise: |bundle| {
            let rtl = bundle.locales.first().is_some_and(|l| l.language.as_str() == "ar");
            bundle.set_use_isolating(rtl)
        },
    };
}

/// The interface languages. Staff pages are in Swedish or English; the pages a participant sees
/// are also in Arabic (right to left), Ukrainian, Somali and Tigrinya: every key of the files
/// in [`PARTICIPANT_FILES`] exists in all six (a test checks it). A key missing in a language
/// falls back to Swedish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Sv,
    En,
    Ar,
    Uk,
    So,
    Ti,
}

/// The translation files that hold what a participant reads (her home, schedule, internship,
/// learning pages, plan, meetings, interviews, courses, account and the shared chrome): each of
/// them exists, with every key, in every language.
pub const PARTICIPANT_FILES: &[&str] = &[
    "account.ftl",
    "agreement.ftl",
    "auth.ftl",
    "certificate.ftl",
    "common.ftl",
    "course.ftl",
    "errors.ftl",
    "event.ftl",
    "file.ftl",
    "glossary.ftl",
    "home.ftl",
    "internship.ftl",
    "interview.ftl",
    "journey.ftl",
    "learning.ftl",
    "meeting.ftl",
    "participant.ftl",
    "schedule.ftl",
    "survey.ftl",
    "todo.ftl",
];

impl Lang {
    /// Every language, in the order the participant's language menu lists them.
    pub const ALL: &'static [Lang] = &[Lang::Sv, Lang::En, Lang::Ar, Lang::Uk, Lang::So, Lang::Ti];

    pub fn parse(s: &str) -> Option<Lang> {
        Lang::ALL.iter().copied().find(|l| l.code() == s)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Uk => "uk",
            Lang::So => "so",
            Lang::Ti => "ti",
        }
    }

    /// The language's own name, as its reader looks for it in a menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Sv => "Svenska",
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Uk => "Українська",
            Lang::So => "Soomaali",
            Lang::Ti => "ትግርኛ",
        }
    }

    /// Written right to left.
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// The `dir` attribute of a page in this language.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// Staff pages: Swedish or English (a participant's language stays Swedish there).
    pub fn staff(self) -> Lang {
        match self {
            Lang::En => Lang::En,
            _ => Lang::Sv,
        }
    }

    /// The other staff language (the switch on staff pages).
    pub fn other(self) -> Lang {
        match self {
            Lang::Sv => Lang::En,
            _ => Lang::Sv,
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::Sv => unic_langid::langid!("sv"),
            Lang::En => unic_langid::langid!("en"),
            Lang::Ar => unic_langid::langid!("ar"),
            Lang::Uk => unic_langid::langid!("uk"),
            Lang::So => unic_langid::langid!("so"),
            Lang::Ti => unic_langid::langid!("ti"),
        }
    }

    /// Whether numbers are written "1 234,5" (else "1,234.5").
    fn decimal_comma(self) -> bool {
        matches!(self, Lang::Sv | Lang::Uk)
    }
}

/// The translator handed to every template.
#[derive(Debug, Clone, Copy, Default)]
pub struct I18n {
    pub lang: Lang,
}

impl I18n {
    pub fn new(lang: Lang) -> Self {
        Self { lang }
    }

    /// The message for `key`; the key itself if no translation exists (visible, never a panic).
    pub fn t(&self, key: &str) -> String {
        LOCALES
            .try_lookup(&self.lang.id(), key)
            .unwrap_or_else(|| key.to_string())
    }

    pub fn t1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        let mut args = std::collections::HashMap::new();
        args.insert(
            std::borrow::Cow::from(name.to_string()),
            fluent_templates::fluent_bundle::FluentValue::from(value.to_string()),
        );
        LOCALES
            .try_lookup_with_args(&self.lang.id(), key, &args)
            .unwrap_or_else(|| key.to_string())
    }

    /// The message for `key` with two arguments.
    pub fn t2(&self, key: &str, (n1, v1): (&str, &str), (n2, v2): (&str, &str)) -> String {
        let mut args = std::collections::HashMap::new();
        for (name, value) in [(n1, v1), (n2, v2)] {
            args.insert(
                std::borrow::Cow::from(name.to_string()),
                fluent_templates::fluent_bundle::FluentValue::from(value.to_string()),
            );
        }
        LOCALES
            .try_lookup_with_args(&self.lang.id(), key, &args)
            .unwrap_or_else(|| key.to_string())
    }

    pub fn has(&self, key: &str) -> bool {
        LOCALES.try_lookup(&self.lang.id(), key).is_some()
    }

    /// `value` with `places` decimals as the reader writes numbers: "1 234,56" in Swedish (a
    /// no-break space between thousands, a decimal comma), "1,234.56" in English.
    pub fn decimal(&self, value: f64, places: usize) -> String {
        let (group, point) = if self.lang.decimal_comma() {
            ('\u{a0}', ',')
        } else {
            (',', '.')
        };
        let plain = format!("{:.*}", places, value.abs());
        let (whole, fraction) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
        let mut out = String::new();
        if value < 0.0 && plain.chars().any(|c| c.is_ascii_digit() && c != '0') {
            out.push('−');
        }
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push(group);
            }
            out.push(digit);
        }
        if !fraction.is_empty() {
            out.push(point);
            out.push_str(fraction);
        }
        out
    }

    /// A share (0–1) as a whole percentage the way the reader writes it: "74 %" in Swedish (a
    /// space before the sign), "74%" in English.
    pub fn percent(&self, share: f64) -> String {
        let whole = self.decimal(share * 100.0, 0);
        if self.lang.decimal_comma() {
            format!("{whole} %")
        } else {
            format!("{whole}%")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_each_language_writes_them() {
        let sv = I18n::new(Lang::Sv);
        let en = I18n::new(Lang::En);
        assert_eq!(sv.decimal(11.744, 2), "11,74");
        assert_eq!(en.decimal(11.744, 2), "11.74");
        assert_eq!(sv.decimal(1234.5, 1), "1\u{a0}234,5");
        assert_eq!(en.decimal(1234567.0, 0), "1,234,567");
        assert_eq!(sv.decimal(-0.004, 2), "0,00");
        assert_eq!(sv.decimal(-2.5, 1), "−2,5");
        assert_eq!(en.decimal(999.999, 2), "1,000.00");
        assert_eq!(sv.percent(0.7364), "74 %");
        assert_eq!(en.percent(0.7364), "74%");
        assert_eq!(sv.percent(0.0), "0 %");
    }

    /// The keys of every `.ftl` file of a language, by file name, in the order they are defined.
    fn keys_by_file(lang: &str) -> std::collections::BTreeMap<String, Vec<String>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang);
        let mut out = std::collections::BTreeMap::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let mut keys = Vec::new();
            for line in text.lines() {
                if let Some((k, _)) = line.split_once(" =")
                    && !k.starts_with([' ', '#'])
                    && !k.is_empty()
                {
                    keys.push(k.trim().to_string());
                }
            }
            out.insert(name, keys);
        }
        out
    }

    /// Every key in the Swedish files exists in English and the other way round.
    #[test]
    fn both_languages_have_the_same_keys() {
        let keys = |lang: &str| -> std::collections::BTreeSet<String> {
            keys_by_file(lang).into_values().flatten().collect()
        };
        let (sv, en) = (keys("sv"), keys("en"));
        assert!(sv.len() > 100, "{}", sv.len());
        assert_eq!(
            sv.difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "missing in en"
        );
        assert_eq!(
            en.difference(&sv).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "missing in sv"
        );
    }

    /// The two languages are mirrored: the same files (one per feature, plus `common.ftl` and
    /// `errors.ftl`), each with the same keys in the same order.
    #[test]
    fn both_languages_have_the_same_files_and_keys_per_file() {
        let (sv, en) = (keys_by_file("sv"), keys_by_file("en"));
        assert!(
            sv.contains_key("common.ftl") && sv.contains_key("errors.ftl"),
            "{sv:?}"
        );
        assert_eq!(
            sv.keys().collect::<Vec<_>>(),
            en.keys().collect::<Vec<_>>(),
            "file names"
        );
        for (file, keys) in &sv {
            assert!(
                file.ends_with(".ftl") && !keys.is_empty(),
                "{file}: not a translation file with messages"
            );
            assert_eq!(
                Some(keys),
                en.get(file),
                "keys of {file} (sv left, en right)"
            );
        }
    }

    /// No key is defined in two files (or twice in one): each message has one home.
    #[test]
    fn every_key_is_defined_once() {
        for lang in ["sv", "en"] {
            let mut seen = std::collections::BTreeMap::new();
            let mut twice = Vec::new();
            for (file, keys) in keys_by_file(lang) {
                for k in keys {
                    if let Some(first) = seen.insert(k.clone(), file.clone()) {
                        twice.push(format!("{k} in {first} and {file}"));
                    }
                }
            }
            assert!(
                twice.is_empty(),
                "{lang}: defined more than once: {twice:?}"
            );
        }
    }

    /// Every key of every file loads and resolves in its language (a file Fluent cannot parse,
    /// or a message it drops, shows up here). Every variable any message uses gets a value.
    #[test]
    fn every_key_resolves() {
        for (lang, code) in Lang::ALL.iter().map(|l| (*l, l.code())) {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("locales")
                .join(code);
            let mut args = std::collections::HashMap::new();
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                for (at, _) in text.match_indices('$') {
                    let name: String = text[at + 1..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    args.insert(
                        std::borrow::Cow::from(name),
                        fluent_templates::fluent_bundle::FluentValue::from(1),
                    );
                }
            }
            for (file, keys) in keys_by_file(code) {
                for k in keys {
                    assert!(
                        LOCALES
                            .try_lookup_with_args(&lang.id(), &k, &args)
                            .is_some(),
                        "{code}/{file}: {k} does not resolve"
                    );
                }
            }
        }
    }

    /// The languages beyond Swedish and English hold exactly the participant's files, each with
    /// the Swedish file's keys in its order.
    #[test]
    fn every_participant_language_has_every_participant_key() {
        let sv = keys_by_file("sv");
        for file in PARTICIPANT_FILES {
            assert!(sv.contains_key(*file), "{file} is not a Swedish file");
        }
        for lang in Lang::ALL
            .iter()
            .filter(|l| !matches!(l, Lang::Sv | Lang::En))
        {
            let got = keys_by_file(lang.code());
            assert_eq!(
                got.keys().map(String::as_str).collect::<Vec<_>>(),
                PARTICIPANT_FILES.to_vec(),
                "{}: files",
                lang.code()
            );
            for file in PARTICIPANT_FILES {
                assert_eq!(
                    got.get(*file),
                    sv.get(*file),
                    "{}/{file}: keys",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn languages_parse_their_codes_and_arabic_reads_right_to_left() {
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(*l));
        }
        assert_eq!(Lang::parse("xx"), None);
        assert!(Lang::Ar.is_rtl() && !Lang::Ti.is_rtl());
        assert_eq!(Lang::Ar.staff(), Lang::Sv);
        assert_eq!(I18n::new(Lang::Uk).decimal(1234.5, 1), "1\u{a0}234,5");
        assert_eq!(
            I18n::new(Lang::Ar).t("glossary-title"),
            "كلمات قد تكون جديدة عليك"
        );
    }

    #[test]
    fn lookup_falls_back_to_the_key() {
        let sv = I18n::new(Lang::Sv);
        assert_eq!(sv.t("error-required"), "Fältet måste fyllas i.");
        assert_eq!(sv.t("no-such-key"), "no-such-key");
    }
}
