//! The lock file on disk: TOML (as `Cargo.lock` is), written by [`write`] in one fixed layout so
//! that a diff reads as "these events changed": one `[[event]]` block per event, sorted by
//! meeting and key, one fact per line; then the history, one `[[version]]` per run of
//! `itucal lock` that changed anything, oldest first, so a new version is appended.
//!
//! [`parse`] takes the text (tests need no files), [`read`] the data directory; every problem is
//! reported at `file:line:col`, like the data's.

use super::{Change, Entry, Facts, Lock, Slot, Version};
use crate::load::{Problem, line_col};
use crate::model::{Kind, Lang, Status, Text};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::value::Datetime;

/// The version of the layout; a reader refuses others.
pub const FORMAT: u32 = 1;

/// Where the lock of a data directory is.
pub fn path(dir: &Path) -> PathBuf {
    dir.join(super::FILE_NAME)
}

/// Reads the lock of `dir`: `None` when there is none.
pub fn read(dir: &Path) -> Result<Option<Lock>, Vec<Problem>> {
    let path = path(dir);
    let shown = path.display().to_string();
    match std::fs::read(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(vec![at_start(
            &shown,
            format!("cannot read the lock file: {e}"),
        )]),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => parse(&shown, &text).map(Some),
            Err(_) => Err(vec![at_start(&shown, "file is not valid UTF-8".into())]),
        },
    }
}

fn at_start(file: &str, message: String) -> Problem {
    Problem {
        file: file.into(),
        line: 1,
        col: 1,
        message,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLock {
    format: Spanned<u32>,
    #[serde(default)]
    event: Vec<Spanned<RawEntry>>,
    #[serde(default)]
    version: Vec<Spanned<RawVersion>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    meeting: String,
    key: String,
    sequence: u32,
    changed: Datetime,
    hash: String,
    #[serde(default)]
    removed: bool,
    kind: String,
    status: String,
    #[serde(default)]
    groups: Vec<String>,
    first_day: Option<Datetime>,
    last_day: Option<Datetime>,
    start: Option<Datetime>,
    end: Option<Datetime>,
    title: BTreeMap<String, String>,
    location: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVersion {
    number: u32,
    time: Datetime,
    #[serde(default)]
    published: Vec<String>,
    #[serde(default)]
    change: Vec<RawChange>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChange {
    meeting: String,
    key: String,
    text: BTreeMap<String, String>,
}

/// Problems of one file, each at the span it concerns.
struct Cx<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Cx<'_> {
    fn err(&mut self, at: &Range<usize>, message: String) {
        let (line, col) = line_col(self.text, at.start);
        self.problems.push(Problem {
            file: self.file.into(),
            line,
            col,
            message,
        });
    }
}

/// Parses a lock file's text; `file` names it in problems.
pub fn parse(file: &str, text: &str) -> Result<Lock, Vec<Problem>> {
    let mut cx = Cx {
        file,
        text,
        problems: Vec::new(),
    };
    let raw: RawLock = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let at = e.span().unwrap_or(0..0);
            let msg = e.message().trim().replace('\n', " ");
            cx.err(&at, msg);
            return Err(cx.problems);
        }
    };
    if *raw.format.get_ref() != FORMAT {
        cx.err(
            &raw.format.span(),
            format!(
                "lock format {} is not the one this itucal writes ({FORMAT}); run a matching itucal",
                raw.format.get_ref()
            ),
        );
        return Err(cx.problems);
    }
    let mut events: Vec<Entry> = Vec::new();
    for e in &raw.event {
        let at = e.span();
        let e = e.get_ref();
        let what = format!("event '{}/{}'", e.meeting, e.key);
        if let Some(entry) = entry(&mut cx, &at, &what, e) {
            if let Some(prev) = events.last()
                && (prev.meeting.as_str(), prev.key.as_str())
                    >= (entry.meeting.as_str(), entry.key.as_str())
            {
                cx.err(
                    &at,
                    format!("{what}: events must be sorted by meeting and key, each once; write the lock with `itucal lock`"),
                );
            }
            events.push(entry);
        }
    }
    let mut versions: Vec<Version> = Vec::new();
    for v in &raw.version {
        let at = v.span();
        let v = v.get_ref();
        let what = format!("version {}", v.number);
        let want = versions.last().map_or(1, |p| p.number + 1);
        if v.number != want {
            cx.err(
                &at,
                format!("{what}: expected version {want} here (versions count up from 1)"),
            );
        }
        let Some(time) = utc(&mut cx, &at, &what, &v.time) else {
            continue;
        };
        if versions.last().is_some_and(|p| p.time > time) {
            cx.err(
                &at,
                format!("{what}: its time is before the previous version's"),
            );
        }
        let mut changes = Vec::new();
        for c in &v.change {
            let what = format!("{what}: change of '{}/{}'", c.meeting, c.key);
            if let Some(words) = read_text(&mut cx, &at, &format!("{what}: text"), &c.text) {
                changes.push(Change {
                    meeting: c.meeting.clone(),
                    key: c.key.clone(),
                    text: words,
                });
            }
        }
        versions.push(Version {
            number: v.number,
            time,
            published: v.published.clone(),
            changes,
        });
    }
    if cx.problems.is_empty() {
        Ok(Lock { events, versions })
    } else {
        Err(cx.problems)
    }
}

fn entry(cx: &mut Cx<'_>, at: &Range<usize>, what: &str, e: &RawEntry) -> Option<Entry> {
    let before = cx.problems.len();
    let kind = Kind::parse(&e.kind);
    if kind.is_none() {
        cx.err(at, format!("{what}: unknown kind '{}'", e.kind));
    }
    let status = Status::parse(&e.status);
    if status.is_none() {
        cx.err(at, format!("{what}: unknown status '{}'", e.status));
    }
    if e.hash.len() != 32 || !e.hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        cx.err(
            at,
            format!("{what}: hash '{}' is not 32 hex digits", e.hash),
        );
    }
    let changed = utc(cx, at, &format!("{what}: changed"), &e.changed);
    let when = match (&e.first_day, &e.last_day, &e.start, &e.end) {
        (Some(f), l, None, None) => {
            let first = date(cx, at, &format!("{what}: first_day"), f);
            let last = match l {
                Some(l) => date(cx, at, &format!("{what}: last_day"), l),
                None => first,
            };
            first
                .zip(last)
                .map(|(first, last)| Slot::Days { first, last })
        }
        (None, None, Some(s), Some(n)) => {
            let start = local(cx, at, &format!("{what}: start"), s);
            let end = local(cx, at, &format!("{what}: end"), n);
            start
                .zip(end)
                .map(|(start, end)| Slot::Times { start, end })
        }
        _ => {
            cx.err(
                at,
                format!("{what}: needs first_day (and last_day) or start and end"),
            );
            None
        }
    };
    let title = read_text(cx, at, &format!("{what}: title"), &e.title);
    let location = match &e.location {
        Some(l) => read_text(cx, at, &format!("{what}: location"), l).map(Some),
        None => Some(None),
    };
    if cx.problems.len() > before {
        return None;
    }
    Some(Entry {
        meeting: e.meeting.clone(),
        key: e.key.clone(),
        sequence: e.sequence,
        changed: changed?,
        hash: e.hash.clone(),
        removed: e.removed,
        facts: Facts {
            kind: kind?,
            status: status?,
            groups: e.groups.clone(),
            when: when?,
            title: title?,
            location: location?,
        },
    })
}

fn read_text(
    cx: &mut Cx<'_>,
    at: &Range<usize>,
    what: &str,
    forms: &BTreeMap<String, String>,
) -> Option<Text> {
    let Some(en) = forms.get("en") else {
        cx.err(at, format!("{what}: English text missing"));
        return None;
    };
    let mut t = Text::new(en);
    for (code, value) in forms {
        match Lang::parse(code) {
            Some(Lang::En) => {}
            Some(lang) => t = t.with(lang, value),
            None => {
                cx.err(
                    at,
                    format!(
                        "{what}: unknown language code '{code}' (known: {})",
                        Lang::codes()
                    ),
                );
                return None;
            }
        }
    }
    Some(t)
}

fn utc(cx: &mut Cx<'_>, at: &Range<usize>, what: &str, d: &Datetime) -> Option<DateTime<Utc>> {
    let parsed = d
        .offset
        .is_some()
        .then(|| DateTime::parse_from_rfc3339(&d.to_string()).ok())
        .flatten()
        .map(|t| t.with_timezone(&Utc));
    if parsed.is_none() {
        cx.err(
            at,
            format!("{what} must be a UTC date-time like 2018-01-16T10:00:00Z, not {d}"),
        );
    }
    parsed
}

fn date(cx: &mut Cx<'_>, at: &Range<usize>, what: &str, d: &Datetime) -> Option<NaiveDate> {
    let parsed = (d.time.is_none() && d.offset.is_none())
        .then(|| NaiveDate::parse_from_str(&d.to_string(), "%Y-%m-%d").ok())
        .flatten();
    if parsed.is_none() {
        cx.err(
            at,
            format!("{what} must be a date like 2018-01-15, not {d}"),
        );
    }
    parsed
}

fn local(cx: &mut Cx<'_>, at: &Range<usize>, what: &str, d: &Datetime) -> Option<NaiveDateTime> {
    let parsed = (d.date.is_some() && d.offset.is_none())
        .then(|| NaiveDateTime::parse_from_str(&d.to_string(), "%Y-%m-%dT%H:%M:%S").ok())
        .flatten();
    if parsed.is_none() {
        cx.err(
            at,
            format!("{what} must be a local date-time like 2018-01-15T08:30:00, not {d}"),
        );
    }
    parsed
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A text as an inline table, in the order of [`Lang::ALL`], with the languages it has.
fn text_table(t: &Text) -> String {
    let forms: Vec<String> = Lang::ALL
        .into_iter()
        .filter(|&l| t.lang_of(l) == l)
        .map(|l| format!("{} = {}", l.code(), quoted(&t.get(l))))
        .collect();
    format!("{{ {} }}", forms.join(", "))
}

fn utc_text(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The lock file's text.
pub fn write(lock: &Lock) -> String {
    let mut out = String::new();
    out.push_str(
        "# The lock of the meeting files beside it: what subscribers have been shown of every event.\n\
         # Written by `itucal lock`; review its diff and commit it with the data. Not edited by hand.\n",
    );
    let _ = writeln!(out, "format = {FORMAT}");
    for e in &lock.events {
        let f = &e.facts;
        out.push_str("\n[[event]]\n");
        let _ = writeln!(out, "meeting = {}", quoted(&e.meeting));
        let _ = writeln!(out, "key = {}", quoted(&e.key));
        let _ = writeln!(out, "sequence = {}", e.sequence);
        let _ = writeln!(out, "changed = {}", utc_text(e.changed));
        let _ = writeln!(out, "hash = {}", quoted(&e.hash));
        if e.removed {
            out.push_str("removed = true\n");
        }
        let _ = writeln!(out, "kind = {}", quoted(f.kind.name()));
        let _ = writeln!(out, "status = {}", quoted(f.status.name()));
        if !f.groups.is_empty() {
            let groups: Vec<String> = f.groups.iter().map(|g| quoted(g)).collect();
            let _ = writeln!(out, "groups = [{}]", groups.join(", "));
        }
        match f.when {
            Slot::Days { first, last } => {
                let _ = writeln!(out, "first_day = {first}");
                if last != first {
                    let _ = writeln!(out, "last_day = {last}");
                }
            }
            Slot::Times { start, end } => {
                let _ = writeln!(out, "start = {}", start.format("%Y-%m-%dT%H:%M:%S"));
                let _ = writeln!(out, "end = {}", end.format("%Y-%m-%dT%H:%M:%S"));
            }
        }
        let _ = writeln!(out, "title = {}", text_table(&f.title));
        if let Some(l) = &f.location {
            let _ = writeln!(out, "location = {}", text_table(l));
        }
    }
    for v in &lock.versions {
        out.push_str("\n[[version]]\n");
        let _ = writeln!(out, "number = {}", v.number);
        let _ = writeln!(out, "time = {}", utc_text(v.time));
        if !v.published.is_empty() {
            let ids: Vec<String> = v.published.iter().map(|m| quoted(m)).collect();
            let _ = writeln!(out, "published = [{}]", ids.join(", "));
        }
        for c in &v.changes {
            out.push_str("\n[[version.change]]\n");
            let _ = writeln!(out, "meeting = {}", quoted(&c.meeting));
            let _ = writeln!(out, "key = {}", quoted(&c.key));
            let _ = writeln!(out, "text = {}", text_table(&c.text));
        }
    }
    out
}
