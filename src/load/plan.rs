//! The time plan: `[plan]` → [`Plan`] and one `session` event per session.
//!
//! The plan is a grid, `days.<date>.<slot> = ["Q2/20 #3 @ Room K", …]`, so that a two-week
//! meeting fits on a screen. A session's identity is what it is: its groups and the number the
//! editor gives it among their sessions (or a key of its own). Its day, slot and room are where
//! it happens to be; moving the cell to another day or room changes the event, never its UID.
//!
//! Every rule is checked and every problem reported, as for the rest of the file: unknown slots
//! and groups, days outside the meeting, times in the DST gap or overlap, duplicate keys, a group
//! in two rooms at once, and a room holding two sessions at once (unless they are marked joint).

use super::raw::{RawCell, RawPlan, RawSession};
use super::{Cx, did_you_mean, line_col};
use crate::model::{
    Arg, Event, Group, Kind, Plan, PlanStatus, Session, Status, Text, When, is_valid_id,
};
use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;
use toml::Spanned;
use toml::de::{DeValue, ValueDeserializer};

/// What the plan needs of the meeting around it.
pub(super) struct Settings<'a> {
    pub tz: Tz,
    pub groups: &'a [Group],
    pub updated: DateTime<Utc>,
    /// The meeting's location, after the room in each session's LOCATION.
    pub venue: Option<&'a Text>,
}

/// A session as read, with where it was written, before the checks across sessions.
struct Cell {
    session: Session,
    at: Range<usize>,
    joint: bool,
    sequence: u32,
    start_utc: DateTime<Utc>,
    end_utc: DateTime<Utc>,
}

impl Cell {
    fn label(&self, groups: &[Group]) -> String {
        format!(
            "{} #{}",
            group_names(&self.session.groups, groups),
            self.session.number
        )
    }
}

fn group_names(ix: &[usize], groups: &[Group]) -> String {
    ix.iter()
        .map(|&i| groups[i].name())
        .collect::<Vec<_>>()
        .join("+")
}

/// `09:30-12:30` (or with an en dash) → start and end; an end before the start is on the next
/// day (an evening session running past midnight). Equal times are refused.
fn parse_times(s: &str) -> Option<(NaiveTime, NaiveTime)> {
    let (a, b) = s.split_once(['-', '–'])?;
    let t = |x: &str| NaiveTime::parse_from_str(x.trim(), "%H:%M").ok();
    let (start, end) = (t(a)?, t(b)?);
    // equal times would read as a session of 24 hours
    (start != end).then_some((start, end))
}

impl Cx<'_> {
    /// Deserializes `[plan]` on its own: `Some(None)` when there is none, `None` if it is
    /// malformed (the problems are reported).
    pub(super) fn raw_plan(
        &mut self,
        value: Option<Spanned<DeValue<'_>>>,
    ) -> Option<Option<RawPlan>> {
        let Some(value) = value else {
            return Some(None);
        };
        match RawPlan::deserialize(ValueDeserializer::from(value)) {
            Ok(p) => Some(Some(p)),
            Err(e) => {
                self.toml_err(&e, "plan: ");
                None
            }
        }
    }

    /// Validates the plan and appends one event per session to `events`. `keys` are the
    /// `[[event]]` keys already taken, with where they were written.
    pub(super) fn plan(
        &mut self,
        raw: RawPlan,
        cx: &Settings<'_>,
        events: &mut Vec<Event>,
        keys: &HashMap<String, Range<usize>>,
    ) -> Option<Plan> {
        let before = self.problems.len();
        let status = PlanStatus::parse(raw.status.get_ref());
        if status.is_none() {
            let names: Vec<_> = PlanStatus::ALL.iter().map(|s| s.name()).collect();
            self.err(
                &raw.status.span(),
                format!(
                    "plan: unknown status '{}' (expected one of {}){}",
                    raw.status.get_ref(),
                    names.join(", "),
                    did_you_mean(raw.status.get_ref(), &names)
                ),
            );
        }
        let version = raw.version.get_ref().trim().to_string();
        if version.is_empty() {
            self.err(
                &raw.version.span(),
                "plan: the version is empty; give the label of the plan as published, e.g. \"1\"",
            );
        }
        let mut slots: HashMap<&str, (NaiveTime, NaiveTime)> = HashMap::new();
        for (name, times) in &raw.slots {
            match parse_times(times.get_ref()) {
                Some(t) => {
                    slots.insert(name, t);
                }
                None => self.err(
                    &times.span(),
                    format!(
                        "plan: slot '{name}' = '{}' is not a time range like \"09:30-12:30\"",
                        times.get_ref()
                    ),
                ),
            }
        }
        let days = self.meeting_days(events, &raw.days.span());
        let plan_status = status.unwrap_or(PlanStatus::Draft);
        let mut cells: Vec<Cell> = Vec::new();
        for (day, grid) in raw.days.get_ref() {
            let date = match NaiveDate::parse_from_str(day.get_ref(), "%Y-%m-%d") {
                Ok(d) => d,
                Err(_) => {
                    self.err(
                        &day.span(),
                        format!(
                            "plan: day '{}' is not a date like 2026-10-19",
                            day.get_ref()
                        ),
                    );
                    continue;
                }
            };
            if let Some((first, last)) = days
                && (date < first || date > last)
            {
                self.err(
                    &day.span(),
                    format!(
                        "plan: day {date} is outside the meeting's days ({first} to {last}, from its events of kind 'meeting'); fix the date or the meetings' days"
                    ),
                );
            }
            for (slot, list) in grid.get_ref() {
                let name = slot.get_ref().as_str();
                let (times, slot_name) = match slots.get(name) {
                    Some(t) => (*t, Some(name.to_string())),
                    None => match parse_times(name) {
                        Some(t) => (t, None),
                        None => {
                            let mut names: Vec<&str> = slots.keys().copied().collect();
                            names.sort();
                            self.err(
                                &slot.span(),
                                format!(
                                    "plan: {date}: unknown slot '{name}' (slots: {}); name one of them or give the times, like \"18:00-20:00\"{}{}",
                                    if names.is_empty() { "none named".to_string() } else { names.join(", ") },
                                    if name.contains(':') { ", the end not equal to the start" } else { "" },
                                    did_you_mean(name, &names)
                                ),
                            );
                            continue;
                        }
                    },
                };
                let start = date.and_time(times.0);
                let mut end = date.and_time(times.1);
                if times.1 <= times.0 {
                    end = end.checked_add_days(Days::new(1)).unwrap_or(end);
                }
                for cell in list.get_ref() {
                    if let Some(c) =
                        self.cell(cell, cx, plan_status, (start, end), slot_name.clone())
                    {
                        cells.push(c);
                    }
                }
            }
        }
        self.keys_unique(&cells, keys);
        self.no_clashes(&cells, cx.groups);
        if self.problems.len() > before {
            return None;
        }
        cells.sort_by(|a, b| {
            (a.session.start, &a.session.room, &a.session.key).cmp(&(
                b.session.start,
                &b.session.room,
                &b.session.key,
            ))
        });
        let shared: Arc<str> = Arc::from(version.as_str());
        let venue = cx.venue.map(|v| Arc::new(v.clone()));
        // exactly: a plan's sessions are most of the catalog's events, and a doubled vector's
        // spare half was a third of the memory they took
        events.reserve_exact(cells.len());
        for c in &cells {
            events.push(session_event(c, cx, plan_status, &shared, venue.as_ref()));
        }
        Some(Plan {
            status: plan_status,
            version,
            sessions: cells.into_iter().map(|c| c.session).collect(),
        })
    }

    /// The first and last day of the meeting: those of its events of kind `meeting`.
    fn meeting_days(
        &mut self,
        events: &[Event],
        at: &Range<usize>,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let meetings = events.iter().filter(|e| e.kind == Kind::Meeting);
        let first = meetings.clone().map(|e| e.when.first_date()).min();
        let last = meetings.map(|e| e.when.last_date()).max();
        match (first, last) {
            (Some(f), Some(l)) => Some((f, l)),
            _ => {
                self.err(
                    at,
                    "plan: the meeting has no event of kind 'meeting', so its days are unknown; add the groups' meetings as [[event]]s with kind = \"meeting\"",
                );
                None
            }
        }
    }

    /// One cell of the grid → a session at `times`.
    fn cell(
        &mut self,
        raw: &Spanned<RawCell>,
        cx: &Settings<'_>,
        plan_status: PlanStatus,
        (start, end): (NaiveDateTime, NaiveDateTime),
        slot: Option<String>,
    ) -> Option<Cell> {
        let at = raw.span();
        let before = self.problems.len();
        let (names, number, room, key, joint, status, sequence) = match raw.get_ref() {
            RawCell::String(s) => {
                let shown = s.trim();
                let Some((left, room)) = s.split_once('@') else {
                    self.err(
                        &at,
                        format!("plan: session '{shown}' has no room; write it like \"Q2/20 #3 @ Room K\""),
                    );
                    return None;
                };
                let Some((groups, number)) = left.split_once('#') else {
                    self.err(
                        &at,
                        format!(
                            "plan: session '{shown}' has no number; write it like \"Q2/20 #3 @ Room K\" (the number, not the day, slot or room, keeps the session the same event when it moves)"
                        ),
                    );
                    return None;
                };
                let Ok(number) = number.trim().parse::<u32>() else {
                    self.err(
                        &at,
                        format!(
                            "plan: session '{shown}': '#{}' is not a session number like #3",
                            number.trim()
                        ),
                    );
                    return None;
                };
                let names: Vec<String> = groups.split('+').map(|g| g.trim().to_string()).collect();
                (names, number, room.trim().to_string(), None, false, None, 0)
            }
            RawCell::Table(t) => match RawSession::deserialize(RawCell::Table(t.clone())) {
                Ok(f) if f.sequence.is_some() => {
                    self.err(
                        &at,
                        format!(
                            "plan: session: 'sequence' is no longer written in the data: `itucal lock` keeps every session's SEQUENCE in the lock file ({}); remove it",
                            crate::lock::FILE_NAME
                        ),
                    );
                    return None;
                }
                Ok(f) => (
                    f.groups,
                    f.session,
                    f.room.trim().to_string(),
                    f.key,
                    f.joint,
                    f.status,
                    f.sequence.unwrap_or(0),
                ),
                Err(e) => {
                    let msg = e.message().trim().replace('\n', " ");
                    self.err(&at, format!("plan: session: {msg}"));
                    return None;
                }
            },
            other => {
                self.err(
                    &at,
                    format!(
                        "plan: a session is a string like \"Q2/20 #3 @ Room K\" or a table like {{ groups = [\"Q2/20\"], session = 3, room = \"Room K\" }}, not {}",
                        other.type_str()
                    ),
                );
                return None;
            }
        };
        let mut groups = Vec::new();
        for name in &names {
            match cx
                .groups
                .iter()
                .position(|g| g.slug() == Group::slug_of(name))
            {
                Some(i) if !groups.contains(&i) => groups.push(i),
                Some(_) => self.err(
                    &at,
                    format!("plan: session of '{name}': the group is listed twice"),
                ),
                None => {
                    let declared: Vec<_> = cx.groups.iter().map(Group::name).collect();
                    self.err(
                        &at,
                        format!(
                            "plan: group '{name}' is not declared in the meeting's groups ({}); add it there or fix the name{}",
                            declared.join(", "),
                            did_you_mean(name, &declared)
                        ),
                    );
                }
            }
        }
        if names.is_empty() || names.iter().all(|n| n.is_empty()) {
            self.err(&at, "plan: a session needs at least one group");
        }
        if number == 0 {
            self.err(&at, "plan: session numbers start at 1");
        }
        if room.is_empty() {
            self.err(
                &at,
                "plan: the room is empty; name the room, e.g. \"Room K\"",
            );
        }
        groups.sort_unstable();
        let key = match key {
            Some(k) if is_valid_id(&k) => k,
            Some(k) => {
                self.err(
                    &at,
                    format!("plan: session key '{k}' may only hold lowercase letters, digits and '-', starting with a letter or digit"),
                );
                return None;
            }
            None => {
                let slugs: Vec<&str> = groups.iter().map(|&i| cx.groups[i].slug()).collect();
                format!("{}-s{number}", slugs.join("-"))
            }
        };
        let status = match status.as_deref() {
            None | Some("confirmed") => match plan_status {
                PlanStatus::Final => Status::Confirmed,
                _ => Status::Tentative,
            },
            Some("cancelled") => Status::Cancelled,
            Some(other) => {
                self.err(
                    &at,
                    format!(
                        "plan: unknown session status '{other}' (expected confirmed or cancelled){}",
                        did_you_mean(other, &["confirmed", "cancelled"])
                    ),
                );
                return None;
            }
        };
        let what = format!("plan: session {}", names.join("+"));
        let start_utc = self.instant_at(&format!("{what}: start"), &at, start, cx.tz);
        let end_utc = self.instant_at(&format!("{what}: end"), &at, end, cx.tz);
        if self.problems.len() > before {
            return None;
        }
        Some(Cell {
            session: Session {
                key,
                number,
                groups,
                room,
                slot,
                start,
                end,
                status,
            },
            at,
            joint,
            sequence,
            start_utc: start_utc?,
            end_utc: end_utc?,
        })
    }

    /// No two sessions, and no session and `[[event]]`, share a key.
    fn keys_unique(&mut self, cells: &[Cell], events: &HashMap<String, Range<usize>>) {
        let mut seen: HashMap<&str, &Range<usize>> = HashMap::new();
        for c in cells {
            let key = c.session.key.as_str();
            let first = seen.get(key).copied().or_else(|| events.get(key));
            match first {
                Some(first) => {
                    let (l, col) = line_col(self.text, first.start);
                    self.err(
                        &c.at,
                        format!(
                            "plan: session key '{key}' is already used at line {l}:{col}; number each session of a group differently, or give one a key of its own"
                        ),
                    );
                }
                None => {
                    seen.insert(key, &c.at);
                }
            }
        }
    }

    /// No group in two rooms at once; no room holding two sessions at once unless both are
    /// marked joint. Each clash is reported once, at the later of the two cells in the file.
    fn no_clashes(&mut self, cells: &[Cell], groups: &[Group]) {
        let mut live: Vec<&Cell> = cells
            .iter()
            .filter(|c| c.session.status != Status::Cancelled)
            .collect();
        // by start: the sessions that overlap one are those after it that start before it ends
        // (a plan of hundreds of sessions is checked pair by pair only where they overlap)
        live.sort_by_key(|c| c.start_utc);
        for (i, a) in live.iter().enumerate() {
            for b in &live[i + 1..] {
                if b.start_utc >= a.end_utc {
                    break;
                }
                // compared as lower case, without allocating for every overlapping pair
                fn lower(s: &str) -> impl Iterator<Item = char> + '_ {
                    s.chars().flat_map(char::to_lowercase)
                }
                let same_room = lower(&a.session.room).eq(lower(&b.session.room));
                let shared = a
                    .session
                    .groups
                    .iter()
                    .find(|g| b.session.groups.contains(g));
                let room_clash = same_room && !(a.joint && b.joint);
                if !room_clash && (same_room || shared.is_none()) {
                    continue;
                }
                let (first, later) = if a.at.start < b.at.start {
                    (a, b)
                } else {
                    (b, a)
                };
                let (l, col) = line_col(self.text, first.at.start);
                let when = format!(
                    "{} {}–{}",
                    later.session.start.date(),
                    later.session.start.format("%H:%M"),
                    later.session.end.format("%H:%M")
                );
                if room_clash {
                    self.err(
                        &later.at,
                        format!(
                            "plan: '{}' holds two sessions at once ({when}): {} here and {} at line {l}:{col}; give one another room, make them one joint session (\"{}+… #n @ {}\"), or mark both joint = true",
                            later.session.room,
                            later.label(groups),
                            first.label(groups),
                            group_names(&first.session.groups, groups),
                            later.session.room,
                        ),
                    );
                } else if let Some(&g) = shared.filter(|_| !same_room) {
                    self.err(
                        &later.at,
                        format!(
                            "plan: {} would be in two rooms at once ({when}): '{}' here and '{}' at line {l}:{col}; move one of the sessions or give both the same room",
                            groups[g].name(),
                            later.session.room,
                            first.session.room,
                        ),
                    );
                }
            }
        }
    }
}

/// The event of a session: kind `session`, its groups, its times in the meeting's zone, the room
/// as its location; title and description from the messages of every language.
fn session_event(
    c: &Cell,
    cx: &Settings<'_>,
    status: PlanStatus,
    version: &Arc<str>,
    venue: Option<&Arc<Text>>,
) -> Event {
    let s = &c.session;
    let plain = |s: &str| Arg::Plain(Arc::from(s));
    // one set of values for the three messages (each takes the ones it names), formatted when
    // a feed or page is written
    let mut args = vec![
        ("groups", plain(&group_names(&s.groups, cx.groups))),
        ("number", plain(&s.number.to_string())),
        ("room", plain(&s.room)),
        ("status", plain(status.name())),
        ("version", Arg::Plain(Arc::clone(version))),
    ];
    if let Some(venue) = venue {
        args.push(("venue", Arg::Text(Arc::clone(venue))));
    }
    let args: Arc<[(&'static str, Arg)]> = args.into();
    // a joint session's groups take more of the columns a month view shows: its number comes
    // right after them
    let title_id = if s.groups.len() > 1 {
        "session-title-joint"
    } else {
        "session-title"
    };
    let title = Text::message(title_id, Arc::clone(&args));
    let description = Text::message("session-description", Arc::clone(&args));
    let location = match venue {
        Some(_) => Text::message("session-location", args),
        None => Text::new(&s.room),
    };
    Event {
        key: s.key.clone(),
        kind: Kind::Session,
        groups: s.groups.clone(),
        when: When::Timed {
            start: s.start,
            end: s.end,
            start_utc: c.start_utc,
            end_utc: c.end_utc,
        },
        title,
        description: Some(description),
        location: Some(location),
        url: None,
        status: s.status,
        sequence: c.sequence,
        updated: cx.updated,
        change: None,
        planned: true,
    }
}

#[cfg(test)]
mod tests {
    use crate::load::parse_meeting;
    use crate::model::{Kind, Meeting, PlanStatus, Status, When};

    /// A meeting of Q1/20 and Q2/20, 15–19 January 2018, with this plan status and grid.
    fn meeting(status: &str, grid: &str) -> Result<Meeting, Vec<String>> {
        let text = format!(
            r#"id = "m"
updated = 2017-09-29T00:00:00Z
groups = ["WP1/20", "Q1/20", "Q2/20"]
title = "M"
location = "ITU headquarters, Geneva"
source = {{ reference = "L", date = 2017-09-29 }}
contact = {{ email = "a@b.c" }}

[[event]]
key = "q1-20-s9"
kind = "meeting"
groups = ["Q1/20"]
first_day = 2018-01-15
last_day = 2018-10-29
title = "Q1/20 meeting"

[plan]
status = "{status}"
version = "1"
slots = {{ am = "09:30-12:30", pm = "14:30-17:30" }}

[plan.days]
{grid}
"#
        );
        parse_meeting("m.toml", &text)
            .map(|(m, _)| m)
            .map_err(|ps| ps.iter().map(ToString::to_string).collect())
    }

    fn session<'a>(m: &'a Meeting, key: &str) -> &'a crate::model::Event {
        m.event(key)
            .unwrap_or_else(|| panic!("no event {key} in {:?}", m.events))
    }

    #[test]
    fn a_moved_session_keeps_its_key_and_takes_its_new_time_and_room() {
        let before = meeting("tentative", r#"2018-01-15.am = ["Q1/20 #1 @ Room K"]"#).unwrap();
        let after = meeting("tentative", r#"2018-01-16.pm = ["Q1/20 #1 @ Room L"]"#).unwrap();
        let (a, b) = (session(&before, "q1-20-s1"), session(&after, "q1-20-s1"));
        assert_eq!(a.kind, Kind::Session);
        let start = |e: &crate::model::Event| match e.when {
            When::Timed { start, .. } => start.to_string(),
            When::AllDay { .. } => panic!("a session is timed"),
        };
        assert_eq!(start(a), "2018-01-15 09:30:00");
        assert_eq!(start(b), "2018-01-16 14:30:00");
        assert!(
            b.location
                .as_ref()
                .unwrap()
                .get(crate::model::Lang::En)
                .starts_with("Room L, ")
        );
    }

    #[test]
    fn sessions_are_tentative_until_the_plan_is_final() {
        let grid = r#"2018-01-15.am = ["Q1/20 #1 @ Room K"]"#;
        for (status, want) in [
            ("draft", Status::Tentative),
            ("tentative", Status::Tentative),
            ("final", Status::Confirmed),
        ] {
            let m = meeting(status, grid).unwrap();
            assert_eq!(session(&m, "q1-20-s1").status, want, "{status}");
            assert_eq!(
                m.plan.as_ref().unwrap().status,
                PlanStatus::parse(status).unwrap()
            );
        }
    }

    #[test]
    fn a_joint_sessions_key_does_not_depend_on_the_order_of_its_groups() {
        let a = meeting("final", r#"2018-01-15.am = ["Q2/20+Q1/20 #1 @ Room K"]"#).unwrap();
        let b = meeting("final", r#"2018-01-15.am = ["Q1/20 + Q2/20 #1 @ Room K"]"#).unwrap();
        assert_eq!(session(&a, "q1-20-q2-20-s1"), session(&b, "q1-20-q2-20-s1"));
        let title = session(&a, "q1-20-q2-20-s1")
            .title
            .get(crate::model::Lang::En)
            .to_string();
        assert_eq!(title, "Q1/20+Q2/20 #1 (joint), Room K");
    }

    #[test]
    fn sessions_marked_joint_may_share_a_room_and_a_cancelled_one_clashes_with_nothing() {
        let joint = r#"2018-01-15.am = [
            { groups = ["Q1/20"], session = 1, room = "Room K", joint = true },
            { groups = ["Q2/20"], session = 1, room = "Room K", joint = true },
        ]
        2018-01-15.pm = [
            { groups = ["Q1/20"], session = 2, room = "Room K", status = "cancelled" },
            "Q2/20 #2 @ Room K",
        ]"#;
        let m = meeting("final", joint).unwrap();
        assert_eq!(session(&m, "q1-20-s2").status, Status::Cancelled);
        assert_eq!(m.plan.unwrap().sessions.len(), 4);
    }

    #[test]
    fn an_evening_session_through_the_autumn_switch_lasts_its_real_length() {
        let m = meeting(
            "final",
            r#"2018-10-27."21:00-03:30" = ["Q1/20 #1 @ Room K"]"#,
        )
        .unwrap();
        let When::Timed {
            start,
            end,
            start_utc,
            end_utc,
        } = session(&m, "q1-20-s1").when
        else {
            panic!("timed")
        };
        assert_eq!(
            (start.to_string(), end.to_string()),
            ("2018-10-27 21:00:00".into(), "2018-10-28 03:30:00".into())
        );
        assert_eq!((end_utc - start_utc).num_minutes(), 7 * 60 + 30);
    }

    #[test]
    fn a_session_key_may_not_be_an_event_key_and_an_own_key_is_kept() {
        let clash = meeting("final", r#"2018-01-15.am = ["Q1/20 #9 @ Room K"]"#).unwrap_err();
        assert_eq!(clash.len(), 1, "{clash:?}");
        assert!(
            clash[0].contains("session key 'q1-20-s9' is already used at line 10:7"),
            "{clash:?}"
        );
        let own = r#"2018-01-15.am = [{ groups = ["Q1/20"], session = 9, room = "Room K", key = "q1-20-opening" }]"#;
        let m = meeting("final", own).unwrap();
        assert_eq!(session(&m, "q1-20-opening").kind, Kind::Session);
    }

    #[test]
    fn every_problem_of_a_plan_is_reported_at_once() {
        let grid = r#"2018-01-15.am = ["Q1/20 #1 @ Room K", "Q2/20 #1 @ Room K"]
2018-01-15.xx = ["Q1/20 #2 @ Room K"]
2018-01-15.pm = ["Q1/20 #1 @ Room L", "Q3/20 #1 @ Room M", "Q2/20 @ Room N"]"#;
        let problems = meeting("final", grid).unwrap_err();
        assert_eq!(problems.len(), 5, "{problems:#?}");
        for p in &problems {
            assert!(p.starts_with("m.toml:"), "{p}");
        }
    }
}
