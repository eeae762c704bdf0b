//! Translations (Fluent): Swedish by default, English switchable. Every user-facing string is a
//! key in `locales/<lang>/<feature>.ftl`.

use fluent_templates::{Loader, static_loader};
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "sv",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Sv => Lang::En,
            Lang::En => Lang::Sv,
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::Sv => unic_langid::langid!("sv"),
            Lang::En => unic_langid::langid!("en"),
        }
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

    pub fn has(&self, key: &str) -> bool {
        LOCALES.try_lookup(&self.lang.id(), key).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key in the Swedish files exists in English and the other way round.
    #[test]
    fn both_languages_have_the_same_keys() {
        let keys = |lang: &str| -> std::collections::BTreeSet<String> {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("locales")
                .join(lang);
            let mut out = std::collections::BTreeSet::new();
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                for line in text.lines() {
                    if let Some((k, _)) = line.split_once(" =")
                        && !k.starts_with([' ', '#'])
                        && !k.is_empty()
                    {
                        out.insert(k.trim().to_string());
                    }
                }
            }
            out
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

    #[test]
    fn lookup_falls_back_to_the_key() {
        let sv = I18n::new(Lang::Sv);
        assert_eq!(sv.t("error-required"), "Fältet måste fyllas i.");
        assert_eq!(sv.t("no-such-key"), "no-such-key");
    }
}
