//! Languages: the six official languages of ITU, on an equal footing, and every fixed text of
//! the feeds, pages and snippets in each.
//!
//! * [`Lang`]: the list of languages is the table in this file (code, direction, CLDR locale,
//!   text file); nothing else in the program lists them.
//! * The texts are Fluent messages, one file per language beside this one (`en.ftl`,
//!   `fr.ftl`, …, with the same message ids in each: a test holds them equal), read with
//!   `fluent-bundle`: [`tr`] and [`tr_args`] give a message in a language.
//! * [`dates`]: dates, weekdays and month names from CLDR (ICU4X), with the words around them
//!   from the messages.
//!
//! The data's own texts (titles, descriptions) are not here: they come with the data, in
//! whichever languages it has ([`crate::model::Text`]).

pub mod dates;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

macro_rules! languages {
    ($($(#[$doc:meta])* $name:ident = $code:literal, rtl: $rtl:literal, cldr: $cldr:literal;)+) => {
        /// A language feeds, pages and snippets can be read in. English is required in the
        /// data; a text missing in another language falls back to English (and says so).
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Lang {
            $($(#[$doc])* $name,)+
        }

        /// What the program knows of each language, in the order of [`Lang::ALL`].
        const TABLE: &[Info] = &[
            $(Info {
                code: $code,
                rtl: $rtl,
                cldr: $cldr,
                ftl: include_str!(concat!($code, ".ftl")),
            },)+
        ];

        impl Lang {
            /// Every language, in the order ITU lists them (Arabic, Chinese, English, French,
            /// Russian, Spanish): the language switch, the exports and error messages use it.
            pub const ALL: [Lang; TABLE.len()] = [$(Lang::$name,)+];
        }
    };
}

/// One row of the language table.
struct Info {
    /// BCP 47 code: `LANGUAGE=` parameters, `lang=` queries, file names, HTML `lang`.
    code: &'static str,
    /// Written right to left.
    rtl: bool,
    /// The CLDR locale that dates are formatted with.
    cldr: &'static str,
    /// The Fluent messages.
    ftl: &'static str,
}

languages! {
    /// Arabic, right to left; dates with Western digits, as ITU's Arabic texts write them.
    Ar = "ar", rtl: true, cldr: "ar-u-nu-latn";
    /// Chinese (simplified).
    Zh = "zh", rtl: false, cldr: "zh";
    /// English (the default: calendar fetchers send no Accept-Language); dates as ITU's
    /// English letters write them ("24 January 2018").
    #[default]
    En = "en", rtl: false, cldr: "en-GB";
    /// French.
    Fr = "fr", rtl: false, cldr: "fr";
    /// Russian.
    Ru = "ru", rtl: false, cldr: "ru";
    /// Spanish.
    Es = "es", rtl: false, cldr: "es";
}

impl Lang {
    fn info(self) -> &'static Info {
        &TABLE[self as usize]
    }

    /// The BCP 47 code (`en`, `zh`, `ar`, …).
    pub fn code(self) -> &'static str {
        self.info().code
    }

    /// Parses a language code (`en`, `fr`, …).
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        self.info().rtl
    }

    /// The HTML `dir` of text in the language: `rtl` or `ltr`.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// The position of the language in [`Lang::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The CLDR locale dates are formatted with.
    pub(crate) fn cldr(self) -> &'static str {
        self.info().cldr
    }

    /// The codes of every language, as error messages list them: `ar, zh, en, fr, ru, es`.
    pub fn codes() -> String {
        Lang::ALL.map(Lang::code).join(", ")
    }
}

/// The message bundle of each language, in the order of [`Lang::ALL`].
static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> = LazyLock::new(|| {
    Lang::ALL
        .iter()
        .map(|&lang| {
            let id = lang
                .code()
                .parse()
                .unwrap_or_else(|e| panic!("{}: not a language id: {e}", lang.code()));
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // no isolation marks around inserted values: they would change every English and
            // Chinese text; the Arabic messages carry their own marks where a Latin value sits
            // in an Arabic sentence
            bundle.set_use_isolating(false);
            let resource = FluentResource::try_new(lang.info().ftl.to_string())
                .unwrap_or_else(|(_, e)| panic!("{}.ftl does not parse: {e:?}", lang.code()));
            bundle
                .add_resource(resource)
                .unwrap_or_else(|e| panic!("{}.ftl: {e:?}", lang.code()));
            bundle
        })
        .collect()
});

/// Message `id` in `lang`, with `args` inserted. A message missing in `lang` (which the tests
/// rule out) is taken from English; one missing everywhere gives its id.
pub fn tr_args(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let args = (!args.is_empty()).then_some(&fluent_args);
    for lang in [lang, Lang::En] {
        let bundle = &BUNDLES[lang.index()];
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            return text.into_owned();
        }
    }
    id.to_string()
}

/// Message `id` in `lang` (one that takes no values).
pub fn tr(lang: Lang, id: &str) -> String {
    tr_args(lang, id, &[])
}

/// The CLDR plural category of the count `n` in `lang` (`one`, `few`, `other`, …): the one
/// [`tr_args`] selects with.
pub fn plural_category(lang: Lang, n: usize) -> &'static str {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    static RULES: LazyLock<Vec<PluralRules>> = LazyLock::new(|| {
        Lang::ALL
            .iter()
            .map(|l| {
                let id: unic_langid::LanguageIdentifier = l
                    .code()
                    .parse()
                    .expect("the table's codes are language ids");
                PluralRules::create(id, PluralRuleType::CARDINAL)
                    .unwrap_or_else(|e| panic!("{}: no plural rules: {e}", l.code()))
            })
            .collect()
    });
    match RULES[lang.index()].select(n) {
        Ok(PluralCategory::ZERO) => "zero",
        Ok(PluralCategory::ONE) => "one",
        Ok(PluralCategory::TWO) => "two",
        Ok(PluralCategory::FEW) => "few",
        Ok(PluralCategory::MANY) => "many",
        _ => "other",
    }
}

/// A text value for [`tr_args`].
pub fn arg(text: &str) -> FluentValue<'_> {
    FluentValue::from(text)
}

/// A number for [`tr_args`] (plural forms select on it).
pub fn num(n: usize) -> FluentValue<'static> {
    FluentValue::from(n)
}

/// `text` between a left-to-right isolate and its end (U+2066 … U+2069), when `lang` is right
/// to left: a code, URL, address or time inside an Arabic sentence then keeps its own order in
/// every client. Other languages get `text` as it is.
pub fn isolate(text: &str, lang: Lang) -> String {
    if lang.is_rtl() {
        format!("\u{2066}{text}\u{2069}")
    } else {
        text.to_string()
    }
}

/// Every message id of a language's file, in file order (for tests here and of the renderers).
#[cfg(test)]
pub(crate) fn ids(lang: Lang) -> Vec<String> {
    use fluent_syntax::ast;
    let resource = fluent_syntax::parser::parse(lang.info().ftl)
        .unwrap_or_else(|(_, e)| panic!("{}.ftl: {e:?}", lang.code()));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_message_and_no_other() {
        let english = ids(Lang::En);
        assert!(english.len() > 100, "{} messages", english.len());
        let mut unique = english.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            english.len(),
            "an id is written twice in en.ftl"
        );
        for lang in Lang::ALL {
            let got = ids(lang);
            let missing: Vec<_> = english.iter().filter(|id| !got.contains(id)).collect();
            let extra: Vec<_> = got.iter().filter(|id| !english.contains(id)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}.ftl: missing {missing:?}, extra {extra:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn every_message_formats_without_errors_with_its_values() {
        // every variable any message uses, with a value of the right kind
        let values: Vec<(&str, FluentValue)> = [
            "date",
            "reference",
            "zone",
            "name",
            "title",
            "service",
            "url",
            "group",
            "email",
            "phone",
            "fax",
            "label",
            "heading",
            "first",
            "last",
            "first-day",
            "last-day",
            "first-month-day",
            "last-month-day",
            "first-weekday",
            "last-weekday",
            "start",
            "end",
            "end-date",
            "when",
            "place",
            "from",
            "to",
            "change",
            "number",
            "groups",
            "room",
            "venue",
            "version",
            "status",
            "meeting",
            "group",
            "month",
            "name",
            "what",
            "dates",
            "year",
            "from",
            "through",
            "description",
        ]
        .into_iter()
        .map(|n| (n, arg("x")))
        .chain([("count", num(3))])
        .collect();
        for lang in Lang::ALL {
            let bundle = &BUNDLES[lang.index()];
            let mut args = FluentArgs::new();
            for (n, v) in &values {
                args.set(*n, v.clone());
            }
            for id in ids(lang) {
                let pattern = bundle.get_message(&id).and_then(|m| m.value()).unwrap();
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{}: {id}: {errors:?}", lang.code());
                assert!(!text.trim().is_empty(), "{}: {id} is empty", lang.code());
            }
        }
    }

    #[test]
    fn the_table_gives_codes_directions_and_own_names() {
        assert_eq!(Lang::codes(), "ar, zh, en, fr, ru, es");
        assert_eq!(Lang::default(), Lang::En);
        assert!(Lang::Ar.is_rtl() && !Lang::Zh.is_rtl());
        let names: Vec<String> = Lang::ALL.map(|l| tr(l, "lang-own-name")).to_vec();
        assert_eq!(
            names,
            [
                "العربية",
                "中文",
                "English",
                "Français",
                "Русский",
                "Español"
            ]
        );
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::parse("de"), None);
    }

    #[test]
    fn plural_forms_follow_each_language() {
        let days = |lang, n| tr_args(lang, "script-days-left", &[("count", num(n))]);
        assert_eq!(days(Lang::En, 1), "1 day left");
        assert_eq!(days(Lang::En, 5), "5 days left");
        assert_ne!(days(Lang::Ru, 2), days(Lang::Ru, 5), "ru: few vs many");
        assert_ne!(days(Lang::Ar, 2), days(Lang::Ar, 11), "ar: two vs many");
    }

    #[test]
    fn isolates_wrap_only_right_to_left_text() {
        assert_eq!(isolate("Q2/20", Lang::Ar), "\u{2066}Q2/20\u{2069}");
        assert_eq!(isolate("Q2/20", Lang::Fr), "Q2/20");
    }
}
