//! The lock file (`data/itucal.lock`): what subscribers have been shown of every event, as an
//! editor reviewed and committed it.
//!
//! For every event of every meeting it records a hash of what a subscriber sees (the event's
//! iCalendar properties in every language, but SEQUENCE, DTSTAMP and LAST-MODIFIED), its
//! SEQUENCE, when it last changed, and the facts needed to tell a change in words and to keep a
//! removed event in the feeds as cancelled (kind, groups, when, title, place). After the events
//! comes the history: one [`Version`] per `itucal lock` that changed anything, with one
//! sentence per changed event in every language.
//!
//! * [`advance`]: the lock that `itucal lock` writes for a catalog, and what changed. Pure: the
//!   time is an argument.
//! * [`apply`]: the catalog as served with a lock: SEQUENCE, LAST-MODIFIED and the latest change
//!   of every event from the lock, removed events back as cancelled. A lock that the data has
//!   moved past (stale) is advanced in memory at its own last change time, so that every
//!   replica serves the same bytes, and the events that differ are reported.
//! * [`file`]: reading and writing the file.
//! * [`words`]: the change sentences.

pub mod file;
pub mod words;

use crate::model::{Catalog, Event, Kind, Lang, LastChange, Meeting, Status, Text, When};
use crate::render::ics;
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The name of the lock file in the data directory (not `*.toml`: it is no meeting file).
pub const FILE_NAME: &str = "itucal.lock";

/// The lock: every event ever locked, sorted by meeting and key, and the history.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Lock {
    /// One entry per event, sorted by (meeting, key).
    pub events: Vec<Entry>,
    /// Every version, oldest first, numbered from 1.
    pub versions: Vec<Version>,
}

/// What the lock knows of one event.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    /// The meeting's id.
    pub meeting: String,
    /// The event's key.
    pub key: String,
    /// Its SEQUENCE.
    pub sequence: u32,
    /// When it last changed (the time of the `itucal lock` that saw the change).
    pub changed: DateTime<Utc>,
    /// [`hash`] of the event as last locked.
    pub hash: String,
    /// Gone from the data: served as cancelled while its meeting is.
    pub removed: bool,
    /// The event as last locked.
    pub facts: Facts,
}

/// What the lock keeps of an event: enough to tell a change and to show a removed event.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Facts {
    /// Kind.
    pub kind: Kind,
    /// Status in the data.
    pub status: Status,
    /// Group names.
    pub groups: Vec<String>,
    /// When, in the meeting's local time.
    pub when: Slot,
    /// Title.
    pub title: Text,
    /// Where (the event's place, else the meeting's).
    pub location: Option<Text>,
}

/// When an event happens, in local time (the meeting's zone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// Whole days, inclusive.
    Days {
        /// First day.
        first: NaiveDate,
        /// Last day.
        last: NaiveDate,
    },
    /// From a local time to another.
    Times {
        /// Start.
        start: NaiveDateTime,
        /// End.
        end: NaiveDateTime,
    },
}

impl Slot {
    fn of(when: &When) -> Slot {
        match *when {
            When::AllDay { first, last } => Slot::Days { first, last },
            When::Timed { start, end, .. } => Slot::Times { start, end },
        }
    }

    /// The slot as a model [`When`] in `tz`. A local time the zone does not have once (only
    /// possible if the meeting's zone changed since) is read as its earliest instant, or UTC.
    fn when(self, tz: chrono_tz::Tz) -> When {
        match self {
            Slot::Days { first, last } => When::AllDay { first, last },
            Slot::Times { start, end } => {
                let utc = |t: NaiveDateTime| {
                    tz.from_local_datetime(&t)
                        .earliest()
                        .map_or_else(|| t.and_utc(), |d| d.with_timezone(&Utc))
                };
                When::Timed {
                    start,
                    end,
                    start_utc: utc(start),
                    end_utc: utc(end),
                }
            }
        }
    }
}

/// One run of `itucal lock` that changed something.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Version {
    /// 1, 2, …
    pub number: u32,
    /// When it was locked.
    pub time: DateTime<Utc>,
    /// Meetings locked for the first time (their events are not listed as changes).
    pub published: Vec<String>,
    /// One per changed event of the meetings already published.
    pub changes: Vec<Change>,
}

/// One event's change, in words.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Change {
    /// The meeting's id.
    pub meeting: String,
    /// The event's key.
    pub key: String,
    /// The sentence, in every language.
    pub text: Text,
}

impl Lock {
    /// The entry of an event.
    pub fn entry(&self, meeting: &str, key: &str) -> Option<&Entry> {
        self.events
            .binary_search_by(|e| (e.meeting.as_str(), e.key.as_str()).cmp(&(meeting, key)))
            .ok()
            .map(|i| &self.events[i])
    }

    /// The latest time anything in the lock changed (the Unix epoch for an empty lock).
    pub fn last_change(&self) -> DateTime<Utc> {
        let events = self.events.iter().map(|e| e.changed);
        let versions = self.versions.iter().map(|v| v.time);
        events
            .chain(versions)
            .max()
            .unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
    }

    /// The latest version, if any.
    pub fn latest(&self) -> Option<&Version> {
        self.versions.last()
    }

    /// The latest change told of an event, with its version's time.
    pub fn last_change_of(&self, meeting: &str, key: &str) -> Option<LastChange> {
        self.versions.iter().rev().find_map(|v| {
            v.changes
                .iter()
                .find(|c| c.meeting == meeting && c.key == key)
                .map(|c| LastChange {
                    at: v.time,
                    text: c.text.clone(),
                })
        })
    }
}

/// The hash of what a subscriber sees of `event`: its VEVENT in every language, but the three
/// properties that tell its revision ([`ics::event_content`]), as 32 hex digits of xxh3-128.
pub fn hash(meeting: &Meeting, event: &Event) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for lang in Lang::ALL {
        h.update(lang.code().as_bytes());
        h.update(b"\n");
        h.update(ics::event_content(meeting, event, lang).as_bytes());
    }
    format!("{:032x}", h.digest128())
}

/// The facts the lock keeps of `event`.
pub fn facts(meeting: &Meeting, event: &Event) -> Facts {
    Facts {
        kind: event.kind,
        status: event.status,
        groups: meeting
            .groups_of(event)
            .map(|g| g.name().to_string())
            .collect(),
        when: Slot::of(&event.when),
        title: event.title.clone(),
        location: event.location.clone().or_else(|| meeting.location.clone()),
    }
}

/// What happened to one event between the lock and the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The meeting's id.
    pub meeting: String,
    /// The event's key.
    pub key: String,
    /// SEQUENCE in the lock (none for a new event).
    pub before: Option<u32>,
    /// SEQUENCE now.
    pub after: u32,
    /// What changed, for the editor: `new`, `removed: cancelled`, `start 2018-01-16T09:30 →
    /// 2018-01-17T14:30`, `location Room K → Room L`, …
    pub details: Vec<String>,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}: {}; ",
            self.meeting,
            self.key,
            self.details.join(", ")
        )?;
        match self.before {
            Some(b) => write!(f, "SEQUENCE {b} → {}", self.after),
            None => write!(f, "SEQUENCE {}", self.after),
        }
    }
}

/// The lock `itucal lock` writes for `catalog` at time `at`, and what changed (in lock order).
/// Unchanged events keep their entries; a changed one gets SEQUENCE + 1 and `at`; a new one
/// starts at 0; one gone from the data stays, removed, with SEQUENCE + 1. When anything changed,
/// a version is appended, telling each change of an already published meeting in words.
pub fn advance(old: Option<&Lock>, catalog: &Catalog, at: DateTime<Utc>) -> (Lock, Vec<Outcome>) {
    let empty = Lock::default();
    let old = old.unwrap_or(&empty);
    let known: BTreeSet<&str> = old.events.iter().map(|e| e.meeting.as_str()).collect();
    let mut current: BTreeMap<(&str, &str), (&Meeting, &Event)> = BTreeMap::new();
    for m in &catalog.meetings {
        for e in &m.events {
            current.insert((m.id.as_str(), e.key.as_str()), (m, e));
        }
    }
    let mut events = Vec::new();
    let mut outcomes = Vec::new();
    let mut changes = Vec::new();
    let mut published = BTreeSet::new();
    // every key of either side, in order
    let mut keys: BTreeSet<(&str, &str)> = current.keys().copied().collect();
    keys.extend(
        old.events
            .iter()
            .map(|e| (e.meeting.as_str(), e.key.as_str())),
    );
    for (mid, key) in keys {
        let was = old.entry(mid, key);
        let now = current.get(&(mid, key));
        let (entry, outcome) = match (was, now) {
            (None, Some(&(m, e))) => {
                let facts = facts(m, e);
                let out = Outcome {
                    meeting: mid.into(),
                    key: key.into(),
                    before: None,
                    after: 0,
                    details: vec!["new".into()],
                };
                if known.contains(mid) {
                    changes.push(change(mid, key, words::added(&facts)));
                } else {
                    published.insert(mid.to_string());
                }
                let entry = Entry {
                    meeting: mid.into(),
                    key: key.into(),
                    sequence: 0,
                    changed: at,
                    hash: hash(m, e),
                    removed: false,
                    facts,
                };
                (entry, Some(out))
            }
            (Some(w), Some(&(m, e))) => {
                let h = hash(m, e);
                if h == w.hash && !w.removed {
                    (w.clone(), None)
                } else {
                    let facts = facts(m, e);
                    let details = if w.removed {
                        vec!["back in the data".to_string()]
                    } else {
                        differences(&w.facts, &facts)
                    };
                    let text = if w.removed {
                        words::restored(&facts)
                    } else {
                        words::changed(&w.facts, &facts)
                    };
                    changes.push(change(mid, key, text));
                    let out = Outcome {
                        meeting: mid.into(),
                        key: key.into(),
                        before: Some(w.sequence),
                        after: w.sequence + 1,
                        details,
                    };
                    let entry = Entry {
                        sequence: w.sequence + 1,
                        changed: at,
                        hash: h,
                        removed: false,
                        facts,
                        ..w.clone()
                    };
                    (entry, Some(out))
                }
            }
            (Some(w), None) if w.removed => (w.clone(), None),
            (Some(w), None) => {
                changes.push(change(mid, key, words::cancelled(&w.facts)));
                let out = Outcome {
                    meeting: mid.into(),
                    key: key.into(),
                    before: Some(w.sequence),
                    after: w.sequence + 1,
                    details: vec!["removed from the data: cancelled".into()],
                };
                let entry = Entry {
                    sequence: w.sequence + 1,
                    changed: at,
                    removed: true,
                    ..w.clone()
                };
                (entry, Some(out))
            }
            (None, None) => unreachable!("every key comes from one side"),
        };
        events.push(entry);
        outcomes.extend(outcome);
    }
    let mut versions = old.versions.clone();
    if !outcomes.is_empty() {
        versions.push(Version {
            number: versions.last().map_or(1, |v| v.number + 1),
            time: at,
            published: published.into_iter().collect(),
            changes,
        });
    }
    (Lock { events, versions }, outcomes)
}

fn change(meeting: &str, key: &str, text: Text) -> Change {
    Change {
        meeting: meeting.into(),
        key: key.into(),
        text,
    }
}

/// The facts that differ, for the editor (English, terse).
fn differences(a: &Facts, b: &Facts) -> Vec<String> {
    let mut out = Vec::new();
    if a.when != b.when {
        out.push(format!(
            "when {} → {}",
            slot_text(a.when),
            slot_text(b.when)
        ));
    }
    let place = |l: &Option<Text>| {
        l.as_ref()
            .map_or("none".to_string(), |t| t.get(Lang::En).into())
    };
    if a.location != b.location {
        out.push(format!(
            "location {} → {}",
            place(&a.location),
            place(&b.location)
        ));
    }
    if a.title != b.title {
        out.push(format!(
            "title {:?} → {:?}",
            a.title.get(Lang::En),
            b.title.get(Lang::En)
        ));
    }
    if a.status != b.status {
        out.push(format!("status {} → {}", a.status.name(), b.status.name()));
    }
    if a.kind != b.kind {
        out.push(format!("kind {} → {}", a.kind.name(), b.kind.name()));
    }
    if a.groups != b.groups {
        out.push(format!(
            "groups [{}] → [{}]",
            a.groups.join(", "),
            b.groups.join(", ")
        ));
    }
    if out.is_empty() {
        out.push("details".into());
    }
    out
}

fn slot_text(s: Slot) -> String {
    match s {
        Slot::Days { first, last } if first == last => first.to_string(),
        Slot::Days { first, last } => format!("{first}..{last}"),
        Slot::Times { start, end } => format!(
            "{}..{}",
            start.format("%Y-%m-%dT%H:%M"),
            end.format("%Y-%m-%dT%H:%M")
        ),
    }
}

/// The catalog as served with a lock, and the events that differ from it.
#[derive(Clone, Debug)]
pub struct Applied {
    /// The served catalog.
    pub catalog: Catalog,
    /// What the next `itucal lock` would change (empty when the lock is current).
    pub stale: Vec<Outcome>,
}

/// The catalog as served with `lock`: every event's SEQUENCE and LAST-MODIFIED (so DTSTAMP) from
/// the lock, its latest change from the lock's history, and the events gone from the data back
/// in their meetings as cancelled. Where the data differs from the lock, the lock is advanced in
/// memory at the lock's own last change, so the bytes depend on the files only.
pub fn apply(mut catalog: Catalog, lock: &Lock) -> Applied {
    let (effective, stale) = advance(Some(lock), &catalog, lock.last_change());
    for m in &mut catalog.meetings {
        // a meeting shared with the parsed files is copied before it is changed
        let m = std::sync::Arc::make_mut(m);
        for e in &mut m.events {
            if let Some(entry) = effective.entry(&m.id, &e.key) {
                e.sequence = entry.sequence;
                e.updated = entry.changed;
            }
            e.change = lock.last_change_of(&m.id, &e.key);
        }
        let removed: Vec<Event> = effective
            .events
            .iter()
            .filter(|entry| entry.removed && entry.meeting == m.id)
            .map(|entry| Event {
                key: entry.key.clone(),
                kind: entry.facts.kind,
                groups: entry
                    .facts
                    .groups
                    .iter()
                    .filter_map(|g| m.declares(&crate::model::Group::slug_of(g)))
                    .collect(),
                when: entry.facts.when.when(m.tz),
                title: entry.facts.title.clone(),
                description: None,
                location: entry.facts.location.clone(),
                url: None,
                status: Status::Cancelled,
                sequence: entry.sequence,
                updated: entry.changed,
                change: lock.last_change_of(&m.id, &entry.key),
                // a removed event is told to every feed that may have held it
                planned: false,
            })
            .collect();
        if !removed.is_empty() {
            m.events.extend(removed);
            m.sort_events();
        }
    }
    Applied { catalog, stale }
}

#[cfg(test)]
mod tests;
