//! Loading: `data/*.toml` → validated [`Catalog`], or every problem found, each at
//! `file:line:col`.
//!
//! Reading is split from parsing ([`load_dir`] does the I/O, [`parse_meeting`] takes a `&str`) so
//! tests need no files. A file is parsed in three passes: TOML syntax (all syntax errors), then
//! the shape of the top-level table and of each `[[event]]` separately (so one broken event does
//! not hide the others), then the rules of the data format. Every problem is collected; the
//! catalog is refused if there is any.

mod plan;
mod raw;

use crate::model::{
    Catalog, Contact, Event, Group, Kind, Lang, Meeting, Source, Status, Text, When, is_valid_id,
};
use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use raw::{RawEvent, RawMeeting, RawPlan, RawText};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::value::{Datetime, Offset};

/// The zone a meeting is in when its file names none: ITU headquarters, Geneva.
pub const DEFAULT_TZ: Tz = chrono_tz::Europe::Zurich;

/// One thing wrong with the data, at a place in a file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file, as given (e.g. `data/sg20-wp1-2018-01.toml`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What is wrong, and the fix when known.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

/// Reads and validates every `*.toml` file in `dir` (not recursive, in name order).
pub fn load_dir(dir: &Path) -> Result<Catalog, Vec<Problem>> {
    let mut parsed = Parsed::default();
    let order = read_and_parse(dir, &mut parsed)?;
    // nothing is kept for a next time: the meetings move into the catalog
    let results: Vec<(String, FileResult)> = order
        .into_iter()
        .map(|f| {
            let (_, r) = parsed.files.remove(&f).expect("parsed above");
            (f, r)
        })
        .collect();
    assemble(results.into_iter())
}

/// One file as parsed: the meeting (shared with the catalogs built of it) and where its id is
/// (line, column), or its problems.
type FileResult = Result<(Arc<Meeting>, (usize, usize)), Vec<Problem>>;

/// The meeting files parsed so far, by name, each with a hash of the bytes it was parsed from:
/// a reload that keeps this parses only the files whose bytes changed (every file is still
/// read and hashed, which costs a fraction of parsing it), and checks the rules across files
/// (unique ids) on all of them again.
#[derive(Debug, Default)]
pub struct Parsed {
    files: HashMap<String, (u128, FileResult)>,
    parses: u64,
}

impl Parsed {
    /// How many files were parsed into this so far (a file read again unchanged is not).
    pub fn parses(&self) -> u64 {
        self.parses
    }
}

/// As [`load_dir`], parsing only the files whose bytes differ from what `parsed` holds, and
/// keeping what it parses there for the next time. Files are parsed on every core.
pub fn load_dir_with(dir: &Path, parsed: &mut Parsed) -> Result<Catalog, Vec<Problem>> {
    let order = read_and_parse(dir, parsed)?;
    let results = order.into_iter().map(|f| {
        let r = parsed.files[&f].1.clone();
        (f, r)
    });
    assemble(results)
}

/// Reads the meeting files of `dir` and parses into `parsed` those whose bytes it does not hold
/// yet: the files in name order, or the problems of reading them (and those of parsing, when
/// some file could not be read).
fn read_and_parse(dir: &Path, parsed: &mut Parsed) -> Result<Vec<String>, Vec<Problem>> {
    let shown = dir.display().to_string();
    let whole = |message: String| Problem {
        file: shown.clone(),
        line: 1,
        col: 1,
        message,
    };
    let entries = std::fs::read_dir(dir)
        .map_err(|e| vec![whole(format!("cannot read the data directory: {e}"))])?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(vec![whole(
            "no meeting files (*.toml) in the data directory".into(),
        )]);
    }
    let mut problems = Vec::new();
    // (file, hash, text) of the files to parse; the others are taken from `parsed`
    let mut changed: Vec<(String, u128, String)> = Vec::new();
    let mut order = Vec::with_capacity(paths.len());
    for path in &paths {
        let file = path.display().to_string();
        let problem = |message: String| Problem {
            file: file.clone(),
            line: 1,
            col: 1,
            message,
        };
        match std::fs::read(path).map(String::from_utf8) {
            Ok(Ok(text)) => {
                let hash = xxhash_rust::xxh3::xxh3_128(text.as_bytes());
                if parsed.files.get(&file).is_none_or(|(h, _)| *h != hash) {
                    changed.push((file.clone(), hash, text));
                }
                order.push(file);
            }
            Ok(Err(_)) => problems.push(problem("file is not valid UTF-8".into())),
            Err(e) => problems.push(problem(format!("cannot read file: {e}"))),
        }
    }
    for (file, hash, result) in parse_all(changed) {
        parsed.parses += 1;
        parsed.files.insert(file, (hash, result));
    }
    // files that are gone are forgotten
    let present: std::collections::HashSet<&String> = order.iter().collect();
    parsed.files.retain(|f, _| present.contains(f));
    if problems.is_empty() {
        return Ok(order);
    }
    // a file that cannot be read: report it with every other file's problems
    let others = order.iter().map(|f| (f.clone(), parsed.files[f].1.clone()));
    if let Err(more) = assemble(others) {
        problems.extend(more);
    }
    problems.sort();
    Err(problems)
}

/// Parses files on every core (each file on its own is independent of the others), in order.
fn parse_all(files: Vec<(String, u128, String)>) -> Vec<(String, u128, FileResult)> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // threads cost more than a few files take
    if cores == 1 || files.len() < 64 {
        return files.into_iter().map(parse_one).collect();
    }
    let chunk = files.len().div_ceil(cores);
    let mut files = files.into_iter();
    let chunks: Vec<Vec<_>> = (0..cores)
        .map(|_| files.by_ref().take(chunk).collect())
        .collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|c| s.spawn(move || c.into_iter().map(parse_one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

fn parse_one((file, hash, text): (String, u128, String)) -> (String, u128, FileResult) {
    let result =
        parse_meeting(&file, &text).map(|(m, id_at)| (Arc::new(m), line_col(&text, id_at.start)));
    (file, hash, result)
}

/// Parses several files' contents (`(file name, text)`) into one catalog, checking also the rules
/// that span files (meeting ids are unique).
pub fn parse_sources<'a>(
    sources: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Catalog, Vec<Problem>> {
    let results = sources.into_iter().map(|(file, text)| {
        let r = parse_meeting(file, text).map(|(m, at)| (Arc::new(m), line_col(text, at.start)));
        (file.to_string(), r)
    });
    assemble(results)
}

/// The catalog of parsed files, in the order given, checking the rules across files (meeting ids
/// are unique: the first file keeps its id), or every problem of every file.
fn assemble(results: impl Iterator<Item = (String, FileResult)>) -> Result<Catalog, Vec<Problem>> {
    let mut meetings = Vec::new();
    let mut problems = Vec::new();
    // meeting id → (file, line, col) of its first definition
    let mut seen: HashMap<String, (String, usize, usize)> = HashMap::new();
    for (file, result) in results {
        match result {
            Ok((meeting, (line, col))) => {
                if let Some((f, l, c)) = seen.get(&meeting.id) {
                    problems.push(Problem {
                        file,
                        line,
                        col,
                        message: format!(
                            "meeting id '{}' is already used by {f}:{l}:{c}; ids must be unique across files",
                            meeting.id
                        ),
                    });
                } else {
                    seen.insert(meeting.id.clone(), (file, line, col));
                    meetings.push(meeting);
                }
            }
            Err(p) => problems.extend(p),
        }
    }
    if problems.is_empty() {
        Ok(Catalog::of(meetings))
    } else {
        problems.sort();
        Err(problems)
    }
}

/// Parses and validates one meeting file. On success also returns the span of its `id` (for
/// messages about duplicates across files).
pub fn parse_meeting(file: &str, text: &str) -> Result<(Meeting, Range<usize>), Vec<Problem>> {
    let mut cx = Cx {
        file,
        text,
        problems: Vec::new(),
    };
    let meeting = cx.meeting();
    match meeting {
        Some(m) if cx.problems.is_empty() => Ok(m),
        _ => {
            cx.problems.sort();
            cx.problems.dedup();
            Err(cx.problems)
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// `s` with its control characters escaped (`\n`, `\u{1b}`): values quoted in a message come
/// from the file (a key may hold an escaped newline), and a problem must stay on one line, so
/// that no value can break `check`'s output or forge a `file:line:col:` line of its own.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// The validation context of one file: where problems go.
struct Cx<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Cx<'_> {
    fn err(&mut self, at: &Range<usize>, message: impl Into<String>) {
        let (line, col) = line_col(self.text, at.start);
        self.problems.push(Problem {
            file: self.file.into(),
            line,
            col,
            message: one_line(&message.into()),
        });
    }

    fn toml_err(&mut self, e: &toml::de::Error, prefix: &str) {
        let at = e.span().unwrap_or(0..0);
        let msg = e.message().trim().replace('\n', " ");
        self.err(&at, format!("{prefix}{msg}"));
    }

    fn meeting(&mut self) -> Option<(Meeting, Range<usize>)> {
        let (root, syntax) = DeTable::parse_recoverable(self.text);
        if !syntax.is_empty() {
            for e in &syntax {
                self.toml_err(e, "TOML syntax: ");
            }
            return None;
        }
        let span = root.span();
        let mut root = root.into_inner();
        let raw_events = root.remove("event");
        let raw_plan = root.remove("plan");
        let raw = RawMeeting::deserialize(ValueDeserializer::from(Spanned::new(
            span,
            DeValue::Table(root),
        )));
        let raw_events = self.raw_events(raw_events);
        let raw_plan = self.raw_plan(raw_plan);
        let raw = match raw {
            Ok(raw) => raw,
            Err(e) => {
                self.toml_err(&e, "");
                return None;
            }
        };
        let id_at = raw.id.span();
        let m = self.validate_meeting(raw, raw_events?, raw_plan?)?;
        Some((m, id_at))
    }

    /// Deserializes each `[[event]]` on its own; `None` if any failed.
    fn raw_events(&mut self, value: Option<Spanned<DeValue<'_>>>) -> Option<Vec<RawEvent>> {
        let Some(value) = value else {
            return Some(Vec::new());
        };
        let span = value.span();
        let DeValue::Array(items) = value.into_inner() else {
            self.err(
                &span,
                "'event' must be an array of tables, written [[event]]",
            );
            return None;
        };
        let mut ok = true;
        let mut events = Vec::new();
        for item in items {
            // name the event in messages about its shape, when its key can be read
            let prefix = match item.get_ref().get("key").map(|k| k.get_ref()) {
                Some(DeValue::String(key)) => format!("event '{key}': "),
                _ => "event: ".to_string(),
            };
            match RawEvent::deserialize(ValueDeserializer::from(item)) {
                Ok(e) => events.push(e),
                Err(e) => {
                    ok = false;
                    self.toml_err(&e, &prefix);
                }
            }
        }
        ok.then_some(events)
    }

    fn validate_meeting(
        &mut self,
        raw: RawMeeting,
        raw_events: Vec<RawEvent>,
        raw_plan: Option<RawPlan>,
    ) -> Option<Meeting> {
        let before = self.problems.len();
        let id = raw.id.get_ref().clone();
        if !is_valid_id(&id) {
            self.err(
                &raw.id.span(),
                format!(
                    "meeting id '{id}' may only hold lowercase letters, digits and '-', starting with a letter or digit"
                ),
            );
        }
        if crate::select::RESERVED_IDS.contains(&id.as_str()) {
            self.err(
                &raw.id.span(),
                format!("meeting id '{id}' is reserved (it names a feed: /feeds/{id}.ics); choose another"),
            );
        }
        let tz = match &raw.timezone {
            None => DEFAULT_TZ,
            Some(name) => match name.get_ref().parse::<Tz>() {
                Ok(tz) => tz,
                Err(_) => {
                    let hint = suggest_tz(name.get_ref())
                        .map(|s| format!(" (did you mean '{s}'?)"))
                        .unwrap_or_default();
                    self.err(
                        &name.span(),
                        format!("unknown time zone '{}'{hint}", name.get_ref()),
                    );
                    DEFAULT_TZ
                }
            },
        };
        let updated = self.utc("updated", &raw.updated);
        let mut groups: Vec<Group> = Vec::new();
        for g in &raw.groups {
            match Group::parse(g.get_ref()) {
                Ok(group) => {
                    if let Some(other) = groups.iter().find(|o| o.slug() == group.slug()) {
                        self.err(
                            &g.span(),
                            format!("group '{group}' is declared twice (as '{other}' before)"),
                        );
                    } else {
                        groups.push(group);
                    }
                }
                Err(msg) => self.err(&g.span(), msg),
            }
        }
        let within = self.within(raw.within.as_ref(), &groups);
        let url = raw.url.as_ref().map(|u| self.url("url", u));
        let title = self.text("title", &raw.title);
        let location = raw.location.as_ref().map(|t| self.text("location", t));
        let description = raw
            .description
            .as_ref()
            .map(|t| self.text("description", t));
        let source = raw.source.get_ref();
        let reference = self.text("source.reference", &source.reference);
        let source_date = self.date("source.date", &source.date);
        let contact = raw.contact.get_ref();
        if !contact.email.get_ref().contains('@') {
            self.err(
                &contact.email.span(),
                format!(
                    "contact.email '{}' is not an e-mail address",
                    contact.email.get_ref()
                ),
            );
        }
        let source_url = raw
            .source
            .get_ref()
            .url
            .as_ref()
            .map(|u| self.url("source.url", u));
        let web = contact.web.as_ref().map(|w| self.url("contact.web", w));

        let mut events: Vec<Event> = Vec::with_capacity(raw_events.len());
        let mut keys: HashMap<String, Range<usize>> = HashMap::new();
        for re in &raw_events {
            let key = re.key.get_ref();
            if let Some(first) = keys.get(key) {
                let (l, c) = line_col(self.text, first.start);
                self.err(
                    &re.key.span(),
                    format!("event key '{key}' is already used at line {l}:{c}; keys must be unique in a meeting"),
                );
            } else {
                keys.insert(key.clone(), re.key.span());
            }
            if let Some(e) = self.event(re, tz, &groups, updated) {
                events.push(e);
            }
        }
        let plan = raw_plan.and_then(|rp| {
            let venue = location.clone().flatten();
            let settings = plan::Settings {
                tz,
                groups: &groups,
                updated: updated?,
                venue: venue.as_ref(),
            };
            self.plan(rp, &settings, &mut events, &keys)
        });
        if self.problems.len() > before {
            return None;
        }
        let mut meeting = Meeting {
            id,
            draft: raw.draft.unwrap_or(false),
            tz,
            updated: updated?,
            groups,
            within,
            url: url.flatten(),
            title: title?,
            location: location.flatten(),
            description: description.flatten(),
            source: Source {
                reference: reference?,
                date: source_date?,
                url: source_url.flatten(),
            },
            contact: Contact {
                email: contact.email.get_ref().clone(),
                phone: contact.phone.clone(),
                fax: contact.fax.clone(),
                web: web.flatten(),
            },
            events,
            plan,
        };
        meeting.sort_events();
        Some(meeting)
    }

    /// The group each declared group is within (`within = { "Q2/20" = "WP1/20" }`), by index;
    /// every name must be declared, and no group may end up within itself.
    fn within(
        &mut self,
        raw: Option<&Spanned<BTreeMap<String, Spanned<String>>>>,
        groups: &[Group],
    ) -> Vec<Option<usize>> {
        let mut within = vec![None; groups.len()];
        let Some(raw) = raw else {
            return within;
        };
        let declared = || {
            groups
                .iter()
                .map(Group::name)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let find = |name: &str| groups.iter().position(|g| g.slug() == Group::slug_of(name));
        for (child, parent) in raw.get_ref() {
            let (Some(c), Some(p)) = (find(child), find(parent.get_ref())) else {
                let (missing, at): (&str, _) = match find(child) {
                    None => (child, raw.span()),
                    Some(_) => (parent.get_ref(), parent.span()),
                };
                self.err(
                    &at,
                    format!(
                        "within: group '{missing}' is not declared in the meeting's groups ({}); add it there or fix the name",
                        declared()
                    ),
                );
                continue;
            };
            if c == p {
                self.err(
                    &parent.span(),
                    format!("within: group '{child}' cannot be within itself"),
                );
                continue;
            }
            within[c] = Some(p);
        }
        // no group within one of its own members: each chain of parents ends
        for start in 0..groups.len() {
            let mut at = within[start];
            for _ in 0..groups.len() {
                match at {
                    Some(p) if p == start => {
                        self.err(
                            &raw.span(),
                            format!(
                                "within: group '{}' ends up within itself; each group belongs to one larger group",
                                groups[start].name()
                            ),
                        );
                        return vec![None; groups.len()];
                    }
                    Some(p) => at = within[p],
                    None => break,
                }
            }
        }
        within
    }

    fn event(
        &mut self,
        re: &RawEvent,
        tz: Tz,
        groups: &[Group],
        meeting_updated: Option<DateTime<Utc>>,
    ) -> Option<Event> {
        let before = self.problems.len();
        let key = re.key.get_ref().clone();
        let what = format!("event '{key}'");
        if !is_valid_id(&key) {
            self.err(
                &re.key.span(),
                format!("{what}: key may only hold lowercase letters, digits and '-', starting with a letter or digit"),
            );
        }
        let kind = Kind::parse(re.kind.get_ref());
        if kind.is_none() {
            let names: Vec<_> = Kind::ALL.iter().map(|k| k.name()).collect();
            self.err(
                &re.kind.span(),
                format!(
                    "{what}: unknown kind '{}' (expected one of {}){}",
                    re.kind.get_ref(),
                    names.join(", "),
                    did_you_mean(re.kind.get_ref(), &names)
                ),
            );
        }
        let mut group_ix = Vec::new();
        for g in &re.groups {
            let slug = Group::slug_of(g.get_ref());
            match groups.iter().position(|d| d.slug() == slug) {
                Some(i) if !group_ix.contains(&i) => group_ix.push(i),
                Some(_) => self.err(
                    &g.span(),
                    format!("{what}: group '{}' is listed twice", g.get_ref()),
                ),
                None => {
                    let declared: Vec<_> = groups.iter().map(|g| g.name()).collect();
                    self.err(
                        &g.span(),
                        format!(
                            "{what}: group '{}' is not declared in the meeting's groups ({}); add it there or fix the name",
                            g.get_ref(),
                            declared.join(", ")
                        ),
                    );
                }
            }
        }
        let when = self.when(re, tz, &what);
        let title = self.text(&format!("{what}: title"), &re.title);
        let description = re
            .description
            .as_ref()
            .map(|t| self.text(&format!("{what}: description"), t));
        let location = re
            .location
            .as_ref()
            .map(|t| self.text(&format!("{what}: location"), t));
        let url = re
            .url
            .as_ref()
            .map(|u| self.url(&format!("{what}: url"), u));
        let status = match &re.status {
            None => Some(Status::Confirmed),
            Some(s) => {
                let st = Status::parse(s.get_ref());
                if st.is_none() {
                    let names: Vec<_> = Status::ALL.iter().map(|k| k.name()).collect();
                    self.err(
                        &s.span(),
                        format!(
                            "{what}: unknown status '{}' (expected one of {}){}",
                            s.get_ref(),
                            names.join(", "),
                            did_you_mean(s.get_ref(), &names)
                        ),
                    );
                }
                st
            }
        };
        if let Some(s) = &re.sequence {
            self.err(
                &s.span(),
                format!(
                    "{what}: 'sequence' is no longer written in the data: `itucal lock` keeps every event's SEQUENCE in the lock file ({}); remove this line",
                    crate::lock::FILE_NAME
                ),
            );
        }
        let updated = match &re.updated {
            Some(u) => self.utc(&format!("{what}: updated"), u),
            None => meeting_updated,
        };
        if self.problems.len() > before {
            return None;
        }
        Some(Event {
            key,
            kind: kind?,
            groups: group_ix,
            when: when?,
            title: title?,
            description: description.flatten(),
            location: location.flatten(),
            url: url.flatten(),
            status: status?,
            sequence: 0,
            updated: updated?,
            change: None,
            planned: false,
        })
    }

    fn when(&mut self, re: &RawEvent, tz: Tz, what: &str) -> Option<When> {
        match (&re.first_day, &re.start) {
            (Some(first), None) => {
                if let Some(end) = &re.end {
                    self.err(
                        &end.span(),
                        format!(
                            "{what}: 'end' goes with 'start'; an all-day event ends on 'last_day'"
                        ),
                    );
                }
                let first_d = self.date(&format!("{what}: first_day"), first)?;
                let last_d = match &re.last_day {
                    None => first_d,
                    Some(l) => {
                        let last_d = self.date(&format!("{what}: last_day"), l)?;
                        if last_d < first_d {
                            self.err(
                                &l.span(),
                                format!("{what}: last_day {last_d} is before first_day {first_d}"),
                            );
                            return None;
                        }
                        last_d
                    }
                };
                Some(When::AllDay {
                    first: first_d,
                    last: last_d,
                })
            }
            (None, Some(start)) => {
                if let Some(l) = &re.last_day {
                    self.err(
                        &l.span(),
                        format!(
                            "{what}: 'last_day' goes with 'first_day'; a timed event ends at 'end'"
                        ),
                    );
                }
                let Some(end) = &re.end else {
                    self.err(
                        &start.span(),
                        format!(
                            "{what}: a timed event needs 'end' (a local date-time after 'start')"
                        ),
                    );
                    return None;
                };
                let s = self.local(&format!("{what}: start"), start)?;
                let e = self.local(&format!("{what}: end"), end)?;
                let s_utc = self.instant(&format!("{what}: start"), start, s, tz);
                let e_utc = self.instant(&format!("{what}: end"), end, e, tz);
                if e <= s {
                    self.err(
                        &end.span(),
                        format!(
                            "{what}: end {} is not after start {}",
                            e.format("%Y-%m-%dT%H:%M:%S"),
                            s.format("%Y-%m-%dT%H:%M:%S")
                        ),
                    );
                    return None;
                }
                Some(When::Timed {
                    start: s,
                    end: e,
                    start_utc: s_utc?,
                    end_utc: e_utc?,
                })
            }
            (Some(first), Some(_)) => {
                self.err(
                    &first.span(),
                    format!(
                        "{what}: give either 'first_day' (all-day) or 'start' (timed), not both"
                    ),
                );
                None
            }
            (None, None) => {
                let at = re.end.as_ref().map_or(re.key.span(), |e| e.span());
                let msg = if re.end.is_some() {
                    format!(
                        "{what}: 'end' without 'start'; add 'start' or use 'first_day' for an all-day event"
                    )
                } else {
                    format!("{what}: needs 'first_day' (all-day) or 'start' and 'end' (timed)")
                };
                self.err(&at, msg);
                None
            }
        }
    }

    /// A local date-time that exists exactly once in `tz`.
    fn instant(
        &mut self,
        what: &str,
        at: &Spanned<Datetime>,
        local: NaiveDateTime,
        tz: Tz,
    ) -> Option<DateTime<Utc>> {
        self.instant_at(what, &at.span(), local, tz)
    }

    /// [`Self::instant`] for a time that is not written as one TOML value (a plan's slot).
    fn instant_at(
        &mut self,
        what: &str,
        at: &Range<usize>,
        local: NaiveDateTime,
        tz: Tz,
    ) -> Option<DateTime<Utc>> {
        match tz.from_local_datetime(&local) {
            LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
            LocalResult::None => {
                self.err(
                    at,
                    format!(
                        "{what} {} does not exist in {} (it falls in the gap when clocks move forward); pick a time outside the gap",
                        local.format("%Y-%m-%dT%H:%M:%S"),
                        tz.name()
                    ),
                );
                None
            }
            LocalResult::Ambiguous(a, b) => {
                self.err(
                    at,
                    format!(
                        "{what} {} occurs twice in {} (clocks move back that night): it could mean {} ({} UTC) or {} ({} UTC); pick a time outside the overlap",
                        local.format("%Y-%m-%dT%H:%M:%S"),
                        tz.name(),
                        a.format("%Y-%m-%dT%H:%M:%S%:z"),
                        a.with_timezone(&Utc).format("%H:%M"),
                        b.format("%Y-%m-%dT%H:%M:%S%:z"),
                        b.with_timezone(&Utc).format("%H:%M"),
                    ),
                );
                None
            }
        }
    }

    fn text(&mut self, what: &str, raw: &Spanned<RawText>) -> Option<Text> {
        let mut forms: Vec<(Lang, &str)> = Vec::new();
        let mut ok = true;
        for (code, value) in &raw.get_ref().0 {
            match Lang::parse(code) {
                Some(lang) if value.trim().is_empty() && lang != Lang::En => {
                    // an empty translation would show as a blank title; missing ones fall back
                    self.err(
                        &raw.span(),
                        format!(
                            "{what}: the '{code}' text is empty; leave '{code}' out to fall back to English"
                        ),
                    );
                    ok = false;
                }
                Some(lang) => forms.push((lang, value.as_str())),
                None => {
                    ok = false;
                    self.err(
                        &raw.span(),
                        format!(
                            "{what}: unknown language code '{code}' (known: {})",
                            Lang::codes()
                        ),
                    );
                }
            }
        }
        let en = forms.iter().find(|(l, _)| *l == Lang::En).map(|(_, t)| *t);
        match en {
            Some(e) if e.trim().is_empty() => {
                self.err(&raw.span(), format!("{what}: the English text is empty"));
                None
            }
            Some(e) if ok => Some(
                forms
                    .iter()
                    .filter(|(l, _)| *l != Lang::En)
                    .fold(Text::new(e), |t, (l, s)| t.with(*l, s)),
            ),
            Some(_) => None,
            None => {
                self.err(
                    &raw.span(),
                    format!("{what}: English text missing; write {{ en = \"…\" }} (other languages fall back to it)"),
                );
                None
            }
        }
    }

    fn url(&mut self, what: &str, raw: &Spanned<String>) -> Option<String> {
        let u = raw.get_ref();
        let ok = (u.starts_with("https://") || u.starts_with("http://"))
            && !u.chars().any(|c| c.is_whitespace() || c.is_control());
        if !ok {
            self.err(
                &raw.span(),
                format!("{what}: '{u}' is not an http(s) URL without spaces"),
            );
            return None;
        }
        Some(u.clone())
    }

    fn date(&mut self, what: &str, raw: &Spanned<Datetime>) -> Option<NaiveDate> {
        let dt = raw.get_ref();
        match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => {
                let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into());
                if date.is_none() {
                    self.err(&raw.span(), format!("{what}: {dt} is not a calendar date"));
                }
                date
            }
            _ => {
                self.err(
                    &raw.span(),
                    format!("{what} must be a date like 2018-01-15, not {dt}"),
                );
                None
            }
        }
    }

    fn local(&mut self, what: &str, raw: &Spanned<Datetime>) -> Option<NaiveDateTime> {
        let dt = raw.get_ref();
        match (dt.date, dt.time, dt.offset) {
            (Some(d), Some(t), None) => {
                let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into());
                let time = NaiveTime::from_hms_opt(
                    t.hour.into(),
                    t.minute.into(),
                    t.second.unwrap_or(0).into(),
                );
                match (date, time) {
                    (Some(d), Some(time)) if t.nanosecond.unwrap_or(0) == 0 => {
                        Some(d.and_time(time))
                    }
                    _ => {
                        self.err(
                            &raw.span(),
                            format!("{what}: {dt} is not a valid date-time"),
                        );
                        None
                    }
                }
            }
            _ => {
                self.err(
                    &raw.span(),
                    format!(
                        "{what} must be a local date-time like 2018-01-15T08:30:00 (no offset: it is read in the meeting's time zone), not {dt}"
                    ),
                );
                None
            }
        }
    }

    fn utc(&mut self, what: &str, raw: &Spanned<Datetime>) -> Option<DateTime<Utc>> {
        let dt = raw.get_ref();
        let parsed = match (dt.date, dt.time, dt.offset) {
            (Some(_), Some(_), Some(Offset::Z)) => DateTime::parse_from_rfc3339(&dt.to_string())
                .ok()
                .map(|t| t.with_timezone(&Utc)),
            _ => None,
        };
        if parsed.is_none() {
            self.err(
                &raw.span(),
                format!("{what} must be a UTC date-time like 2017-09-29T00:00:00Z, not {dt}"),
            );
        }
        parsed
    }
}

/// ` (did you mean 'x'?)` when one of `names` is close to `got`, else empty.
fn did_you_mean(got: &str, names: &[&str]) -> String {
    names
        .iter()
        .map(|n| (strsim::jaro_winkler(got, n), n))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| format!("; did you mean '{n}'?"))
        .unwrap_or_default()
}

/// Cities people write that tzdb files under another city's name.
const ALIASES: &[(&str, &str)] = &[
    ("geneva", "Europe/Zurich"),
    ("genf", "Europe/Zurich"),
    ("geneve", "Europe/Zurich"),
    ("bern", "Europe/Zurich"),
    ("lausanne", "Europe/Zurich"),
    ("beijing", "Asia/Shanghai"),
    ("new delhi", "Asia/Kolkata"),
    ("washington", "America/New_York"),
];

/// The zone of a city: one tzdb names (`Seoul` → `Asia/Seoul`) or one of [`ALIASES`]
/// (`Geneva` → `Europe/Zurich`); case and `_` do not matter.
pub fn city_timezone(city: &str) -> Option<Tz> {
    let city = city.trim().to_lowercase().replace('_', " ");
    if let Some((_, tz)) = ALIASES.iter().find(|(c, _)| *c == city) {
        return tz.parse().ok();
    }
    chrono_tz::TZ_VARIANTS.iter().copied().find(|tz| {
        tz.name()
            .rsplit('/')
            .next()
            .is_some_and(|c| c.to_lowercase().replace('_', " ") == city)
    })
}

/// The IANA zone someone most likely meant by `name`.
fn suggest_tz(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    let city = lower.rsplit('/').next().unwrap_or(&lower).replace('_', " ");
    if let Some((_, tz)) = ALIASES.iter().find(|(c, _)| *c == city) {
        return Some(tz);
    }
    chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| {
            (
                strsim::jaro_winkler(&lower, &tz.name().to_lowercase()),
                tz.name(),
            )
        })
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_stays_on_one_line_whatever_the_file_quotes() {
        // regression (found by fuzzing): a key holding an escaped newline printed a second,
        // forged `file:line:col:` line
        let text = "key = \"x\\ndata/other.toml:1:1: forged problem\"\n";
        let problems = parse_meeting("m.toml", text).unwrap_err();
        assert!(!problems.is_empty());
        for p in problems {
            assert!(!p.to_string().contains('\n'), "{p}");
        }
    }

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        assert_eq!(line_col("ab\n会议x", 3 + 6), (2, 3));
        assert_eq!(line_col("abc", 0), (1, 1));
    }
}
