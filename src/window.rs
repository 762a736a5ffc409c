//! The window of the aggregate feeds: which meetings `all`, `deadlines` and a group's feed hold
//! on a given UTC date, so that each stays within what calendar services take (Google documents
//! 1 MB for a subscribed calendar and drops events past about 1,100) however large the catalog
//! grows. Pure: the date is an input ([`Today`] is the one place it is read).
//!
//! The rule (docs/catalog.md):
//! 1. the meetings that end on or after [`PAST_DAYS`] before today, as long as the feed stays
//!    within [`MAX_EVENTS`] (and [`MAX_BYTES`], which the store checks on the rendered bytes):
//!    first the latest past ones, back from today, up to a quarter of the bound; then the
//!    coming ones, in date order; then, with what room is left, more of the past. Each side
//!    stops at the first meeting that does not fit, so the window is one unbroken stretch of
//!    time around today;
//! 2. and, for each group the feed covers that has no meeting in that stretch, its latest
//!    meeting (counted first, against the same bound): a group with no upcoming meeting still
//!    shows its last one, and a small catalog such as the shipped seed keeps everything.
//!
//! What is left out is in the archive feeds (a year, a group), which are never windowed.

use crate::model::{Catalog, Event, Meeting};
use crate::select::{Feed, Filter, select};
use chrono::{NaiveDate, TimeDelta, Utc};
use std::collections::{HashMap, HashSet};
use std::iter::Peekable;
use std::ops::Range;

/// How far back a windowed feed reaches: meetings that ended up to about three months ago stay,
/// so an event a delegate just attended does not vanish from their calendar.
pub const PAST_DAYS: i64 = 92;

/// Most events of a windowed feed (Google drops events past about 1,100).
pub const MAX_EVENTS: usize = 1000;

/// Most bytes of a windowed feed (Google's documented limit is 1 MB).
pub const MAX_BYTES: usize = 1_000_000;

/// The UTC date the windows are computed on: the system's, or a fixed one (`--today`,
/// `ITUCAL_TODAY`) for tests, previews and reproducible exports. Only the date enters, so a
/// windowed feed's bytes change at most once a day and replicas agree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Today {
    /// Today's date in UTC, from the system clock.
    #[default]
    System,
    /// This date.
    Fixed(NaiveDate),
}

impl Today {
    /// The date.
    pub fn date(self) -> NaiveDate {
        match self {
            Today::System => Utc::now().date_naive(),
            Today::Fixed(d) => d,
        }
    }

    /// Seconds until the date changes (at the next UTC midnight), for `Cache-Control`; `None`
    /// when the date is fixed and so never changes.
    pub fn seconds_left(self) -> Option<u64> {
        match self {
            Today::Fixed(_) => None,
            Today::System => {
                let now = Utc::now();
                let midnight = now.date_naive().succ_opt()?.and_hms_opt(0, 0, 0)?.and_utc();
                u64::try_from((midnight - now).num_seconds()).ok()
            }
        }
    }
}

/// What a windowed feed holds: its events and the stretch of time they cover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Windowed<'a> {
    /// The events, in feed order.
    pub events: Vec<(&'a Meeting, &'a Event)>,
    /// Meetings that ended before this date are left out (but for the latest of each group).
    pub from: NaiveDate,
    /// Meetings that start after this date are left out, when the window had to stop short of
    /// the last meeting to stay within its bounds.
    pub through: Option<NaiveDate>,
    /// Meetings of the full selection left out.
    pub left_out: usize,
}

/// The window of `selection` (a full feed, from [`crate::select::select`], in feed order: the
/// events of one meeting together, meetings by date) on `today`, holding at most `max_events`
/// with the latest meetings of the quiet groups in `scope` (slugs; empty: every group the
/// meetings declare).
pub fn window<'a>(
    selection: Vec<(&'a Meeting, &'a Event)>,
    scope: &[String],
    today: NaiveDate,
    max_events: usize,
) -> Windowed<'a> {
    // the meetings, each with the range of its events in `selection`
    let mut blocks: Vec<(&Meeting, Range<usize>)> = Vec::new();
    for (i, (m, _)) in selection.iter().enumerate() {
        match blocks.last_mut() {
            Some((last, range)) if std::ptr::eq(*last, *m) => range.end = i + 1,
            _ => blocks.push((m, i..i + 1)),
        }
    }
    let mut from = today - TimeDelta::days(PAST_DAYS);
    let recent = |m: &Meeting| m.last_date().is_some_and(|d| d >= from);
    let in_scope = |slug: &str| scope.is_empty() || scope.iter().any(|s| s == slug);
    let mut fill = Fill {
        blocks: &blocks,
        keep: vec![false; blocks.len()],
        count: 0,
    };
    // 2. first, as they are counted first: the latest meeting of each group in scope that
    // meets not at all from `from` on (blocks are in date order: the last one seen wins)
    let mut latest: HashMap<&str, usize> = HashMap::new();
    let mut active: HashSet<&str> = HashSet::new();
    for (b, (m, _)) in blocks.iter().enumerate() {
        for g in m.groups.iter().filter(|g| in_scope(g.slug())) {
            latest.insert(g.slug(), b);
            if recent(m) {
                active.insert(g.slug());
            }
        }
    }
    for (slug, &b) in &latest {
        if !active.contains(slug) && !fill.keep[b] {
            fill.take(b, usize::MAX);
        }
    }
    // 1. around today: the past backwards, the coming meetings forwards, while they fit
    let (past, coming): (Vec<usize>, Vec<usize>) = (0..blocks.len())
        .filter(|&b| recent(blocks[b].0) && !fill.keep[b])
        .partition(|&b| blocks[b].0.last_date().is_some_and(|d| d < today));
    let mut past = past.into_iter().rev().peekable();
    fill.take_while(&mut past, max_events / 4);
    let mut through = None;
    for b in coming {
        if !fill.take(b, max_events) {
            through = blocks[b].0.first_date().and_then(|d| d.pred_opt());
            break;
        }
    }
    fill.take_while(&mut past, max_events);
    if let Some(&b) = past.peek() {
        // the past stopped short: the window starts the day after that meeting's last
        from = blocks[b]
            .0
            .last_date()
            .and_then(|d| d.succ_opt())
            .unwrap_or(from);
    }
    let keep = fill.keep;
    let left_out = keep.iter().filter(|k| !**k).count();
    let events = blocks
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .flat_map(|((_, range), _)| selection[range.clone()].iter().copied())
        .collect();
    Windowed {
        events,
        from,
        through,
        left_out,
    }
}

/// The meetings a window keeps so far, and their events' count.
struct Fill<'b, 'a> {
    blocks: &'b [(&'a Meeting, Range<usize>)],
    keep: Vec<bool>,
    count: usize,
}

impl Fill<'_, '_> {
    /// Keeps meeting `b` if the count stays within `bound`; whether it did.
    fn take(&mut self, b: usize, bound: usize) -> bool {
        let n = self.blocks[b].1.len();
        if self.count.saturating_add(n) > bound {
            return false;
        }
        self.keep[b] = true;
        self.count += n;
        true
    }

    /// Keeps the meetings of `queue` in turn until one does not fit within `bound` (it stays
    /// at the front of the queue).
    fn take_while(&mut self, queue: &mut Peekable<impl Iterator<Item = usize>>, bound: usize) {
        while let Some(&b) = queue.peek() {
            if !self.take(b, bound) {
                return;
            }
            queue.next();
        }
    }
}

/// The meetings of `catalog` that the calendar of all meetings holds on `today`, in date order,
/// with that window (what the home page lists).
pub fn meetings(catalog: &Catalog, today: NaiveDate) -> (Vec<&Meeting>, Windowed<'_>) {
    let all = select(catalog, &Feed::All, &Filter::default()).unwrap_or_default();
    let w = window(all, &[], today, MAX_EVENTS);
    let mut meetings: Vec<&Meeting> = w.events.iter().map(|(m, _)| *m).collect();
    meetings.dedup_by(|a, b| std::ptr::eq(*a, *b));
    (meetings, w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_sources;

    /// A meeting of `groups` whose one event is on `day`.
    fn meeting(id: &str, groups: &str, day: &str) -> String {
        format!(
            "id = \"{id}\"\nupdated = 2017-09-29T00:00:00Z\ngroups = [{groups}]\ntitle = \"{id}\"\n\
             source = {{ reference = \"L\", date = 2017-09-29 }}\ncontact = {{ email = \"a@b.c\" }}\n\n\
             [[event]]\nkey = \"a\"\nkind = \"meeting\"\nfirst_day = {day}\ntitle = \"A\"\n\n\
             [[event]]\nkey = \"b\"\nkind = \"deadline\"\nfirst_day = {day}\ntitle = \"B\"\n"
        )
    }

    fn catalog(meetings: &[(&str, &str, &str)]) -> Catalog {
        let files: Vec<(String, String)> = meetings
            .iter()
            .map(|(id, g, d)| (format!("{id}.toml"), meeting(id, g, d)))
            .collect();
        parse_sources(files.iter().map(|(f, s)| (f.as_str(), s.as_str()))).expect("valid")
    }

    fn ids(w: &Windowed<'_>) -> Vec<String> {
        let mut ids: Vec<String> = w.events.iter().map(|(m, _)| m.id.clone()).collect();
        ids.dedup();
        ids
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn old_meetings_leave_but_the_latest_of_each_group_stays() {
        let c = catalog(&[
            ("quiet-2019", "\"Q9/20\"", "2019-05-01"),
            ("busy-2019", "\"Q1/20\"", "2019-06-01"),
            ("busy-2026", "\"Q1/20\"", "2026-10-01"),
            ("busy-2027", "\"Q1/20\"", "2027-02-01"),
        ]);
        let all = select(&c, &Feed::All, &Filter::default()).unwrap();
        let w = window(all, &[], day("2026-12-01"), MAX_EVENTS);
        // busy-2019 ended long ago; quiet-2019 is Q9/20's latest
        assert_eq!(ids(&w), ["quiet-2019", "busy-2026", "busy-2027"]);
        assert_eq!(w.from, day("2026-08-31"));
        assert_eq!((w.through, w.left_out), (None, 1));
        // a group's own window: only its latest is kept regardless of age
        let q9 = select(&c, &Feed::Group("q9-20".into()), &Filter::default()).unwrap();
        let w = window(q9, &["q9-20".into()], day("2026-12-01"), MAX_EVENTS);
        assert_eq!(ids(&w), ["quiet-2019"]);
    }

    #[test]
    fn the_window_stops_at_the_first_meeting_that_does_not_fit() {
        let c = catalog(&[
            ("a", "\"Q1/20\"", "2026-12-05"),
            ("b", "\"Q2/20\"", "2027-01-10"),
            ("c", "\"Q1/20\"", "2027-02-10"),
            ("d", "\"Q2/20\"", "2027-03-10"),
            ("e", "\"Q3/20\"", "2027-04-10"),
        ]);
        let all = select(&c, &Feed::All, &Filter::default()).unwrap();
        // two events each: room for four meetings; the fifth ends the window
        let w = window(all, &[], day("2026-12-01"), 8);
        assert_eq!(ids(&w), ["a", "b", "c", "d"]);
        assert_eq!(w.through, Some(day("2027-04-09")));
        assert_eq!(w.left_out, 1);
    }

    #[test]
    fn the_past_gets_a_quarter_before_the_coming_meetings_fill_the_rest() {
        let c = catalog(&[
            ("p1", "\"Q1/20\"", "2026-10-01"),
            ("p2", "\"Q1/20\"", "2026-10-20"),
            ("p3", "\"Q1/20\"", "2026-11-10"),
            ("p4", "\"Q1/20\"", "2026-11-30"),
            ("c1", "\"Q1/20\"", "2026-12-01"),
            ("c2", "\"Q1/20\"", "2026-12-20"),
            ("c3", "\"Q1/20\"", "2027-01-20"),
            ("c4", "\"Q1/20\"", "2027-02-20"),
        ]);
        let all = select(&c, &Feed::All, &Filter::default()).unwrap();
        // room for four meetings of two events: one of the past (a quarter), then three to come
        let w = window(all.clone(), &[], day("2026-12-01"), 8);
        assert_eq!(ids(&w), ["p4", "c1", "c2", "c3"]);
        assert_eq!(
            (w.from, w.through),
            (day("2026-11-11"), Some(day("2027-02-19")))
        );
        // room for all that is to come: the rest goes to the past, back from today
        let w = window(all, &[], day("2026-12-01"), 14);
        assert_eq!(ids(&w), ["p2", "p3", "p4", "c1", "c2", "c3", "c4"]);
        assert_eq!((w.from, w.through), (day("2026-10-02"), None));
    }

    #[test]
    fn a_fixed_date_never_changes_and_the_system_date_changes_before_a_day_passes() {
        assert_eq!(Today::Fixed(day("2026-12-01")).date(), day("2026-12-01"));
        assert_eq!(Today::Fixed(day("2026-12-01")).seconds_left(), None);
        let left = Today::System.seconds_left().unwrap();
        assert!(left <= 86_400, "{left}");
    }
}
