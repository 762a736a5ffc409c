//! The data files' shape, one serde struct per TOML table, mirroring the format 1:1.
//!
//! Nothing here is checked beyond types and field names (`deny_unknown_fields` everywhere, so a
//! misspelt field is an error, never silently dropped). Every value keeps its span so that the
//! validator in `super` can point at `file:line:col`.

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use std::fmt;
use toml::Spanned;
use toml::value::Datetime;

/// The top-level table of a meeting file, without its `[[event]]`s (read one by one, so that one
/// broken event does not hide the problems of the others).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeeting {
    pub id: Spanned<String>,
    pub draft: Option<bool>,
    pub timezone: Option<Spanned<String>>,
    pub updated: Spanned<Datetime>,
    pub groups: Vec<Spanned<String>>,
    /// `within = { "Q2/20" = "WP1/20", "WP1/20" = "SG20" }`: which group each group belongs to.
    pub within: Option<Spanned<std::collections::BTreeMap<String, Spanned<String>>>>,
    pub url: Option<Spanned<String>>,
    pub title: Spanned<RawText>,
    pub location: Option<Spanned<RawText>>,
    pub description: Option<Spanned<RawText>>,
    pub source: Spanned<RawSource>,
    pub contact: Spanned<RawContact>,
}

/// `source = { reference = …, date = … }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub reference: Spanned<RawText>,
    pub date: Spanned<Datetime>,
}

/// `contact = { email = …, phone = …, fax = …, web = … }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    pub email: Spanned<String>,
    pub phone: Option<String>,
    pub fax: Option<String>,
    pub web: Option<Spanned<String>>,
}

/// One `[[event]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub key: Spanned<String>,
    pub kind: Spanned<String>,
    #[serde(default)]
    pub groups: Vec<Spanned<String>>,
    pub first_day: Option<Spanned<Datetime>>,
    pub last_day: Option<Spanned<Datetime>>,
    pub start: Option<Spanned<Datetime>>,
    pub end: Option<Spanned<Datetime>>,
    pub title: Spanned<RawText>,
    pub description: Option<Spanned<RawText>>,
    pub location: Option<Spanned<RawText>>,
    pub url: Option<Spanned<String>>,
    pub status: Option<Spanned<String>>,
    /// No longer part of the format (the lock file keeps SEQUENCE); read only to say so.
    pub sequence: Option<Spanned<toml::Value>>,
    pub updated: Option<Spanned<Datetime>>,
}

/// A text as written: a plain string (English) or a table of language code → string, in the
/// order written. Language codes are checked by the validator, which knows where they stand.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RawText(pub Vec<(String, String)>);

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = RawText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a table of languages like { en = \"…\", zh = \"…\" }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawText, E> {
                Ok(RawText(vec![("en".into(), v.into())]))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawText, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    out.push((k, v));
                }
                Ok(RawText(out))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}
