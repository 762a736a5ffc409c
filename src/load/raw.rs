//! The data files' shape, one serde struct per TOML table, mirroring the format 1:1.
//!
//! Nothing here is checked beyond types and field names (`deny_unknown_fields` everywhere, so a
//! misspelt field is an error, never silently dropped). Every value keeps its span so that the
//! validator in `super` can point at `file:line:col`.

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use std::collections::BTreeMap;
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

/// `source = { reference = …, date = …, url = … }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub reference: Spanned<RawText>,
    pub date: Spanned<Datetime>,
    pub url: Option<Spanned<String>>,
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

/// The `[plan]` table: the time plan, a grid of days × slots → sessions. Read on its own, after
/// the meeting's table, so that a broken plan does not hide the meeting's other problems.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    /// `draft`, `tentative` or `final`.
    pub status: Spanned<String>,
    /// The plan's version label as the secretariat gives it (`"2"`, `"rev. 1, 12 October"`).
    pub version: Spanned<String>,
    /// Slot name → `"09:30-12:30"`.
    #[serde(default)]
    pub slots: BTreeMap<String, Spanned<String>>,
    /// Day (`2026-10-19`, a TOML key) → slot name or `"HH:MM-HH:MM"` → the cells of that slot.
    pub days: Spanned<BTreeMap<Spanned<String>, Spanned<RawDay>>>,
}

/// One day of the grid: slot name or `"HH:MM-HH:MM"` → the sessions in it.
pub type RawDay = BTreeMap<Spanned<String>, Spanned<Vec<Spanned<RawCell>>>>;

/// One session in the grid as written: `"Q2/20 #3 @ Room K"` or a table. Kept as a TOML value
/// and read into [`RawSession`] by the validator, cell by cell, so that one malformed cell does
/// not hide the problems of the others.
pub type RawCell = toml::Value;

/// The table form of a session.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSession {
    pub groups: Vec<String>,
    pub session: u32,
    pub room: String,
    /// An explicit key, instead of the one derived from the groups and the session number.
    pub key: Option<String>,
    /// Shares its room with other sessions marked joint at the same time.
    #[serde(default)]
    pub joint: bool,
    /// `confirmed` (default: the plan's status decides) or `cancelled`.
    pub status: Option<String>,
    /// Refused with a message naming the lock file, which keeps every SEQUENCE.
    pub sequence: Option<u32>,
}
