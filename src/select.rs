//! Selection: which events of the [`Catalog`] a request's feed holds. Pure, no I/O.
//!
//! A request names a [`Feed`] (everything, one meeting, one group, deadlines, one event) and a
//! [`Filter`] (language, kinds, groups). [`Filter::parse`] turns the query string into a filter,
//! checking every value against what exists; [`select`] returns the events in feed order.

use crate::model::{Catalog, Event, Group, Kind, Lang, Meeting, Status};
use chrono::{Datelike, NaiveDate};
use std::fmt;
use std::sync::Arc;

/// Reserved words that cannot be meeting ids because they name feeds of their own.
pub const RESERVED_IDS: [&str; 3] = ["all", "deadlines", "groups"];

/// Most values a comma list in a query may hold (every kind, or many groups, but not unbounded).
pub const MAX_LIST: usize = 32;

/// The feed a request asks for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Feed {
    /// Every event of every meeting.
    All,
    /// Every event of one meeting.
    Meeting(String),
    /// A group across all meetings: its own events plus the meeting-wide events of every
    /// meeting that declares it.
    Group(String),
    /// The deadlines of every meeting.
    Deadlines,
    /// The archive of a year: every meeting held (first meeting day) in it.
    Year(i32),
    /// The archive of a group: every meeting that declares it, never windowed.
    GroupArchive(String),
    /// A single event.
    Event {
        /// Meeting id.
        meeting: String,
        /// Event key.
        key: String,
    },
}

impl Feed {
    /// Whether the feed is cut to a window of time on today's date ([`crate::window`]): the
    /// aggregate feeds a delegate subscribes to. A meeting's feed, an event and the archives
    /// are complete.
    pub fn is_windowed(&self) -> bool {
        matches!(self, Feed::All | Feed::Deadlines | Feed::Group(_))
    }

    /// The groups whose latest meeting a window always keeps: the feed's group, else the
    /// filter's, else (empty) every group.
    pub fn window_scope(&self, filter: &Filter) -> Vec<String> {
        match self {
            Feed::Group(slug) => vec![slug.clone()],
            _ => filter.groups.clone(),
        }
    }
}

/// Options every feed takes from the query string. Lists are kept sorted and deduplicated so
/// that equivalent queries are equal.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Filter {
    /// Language of texts.
    pub lang: Lang,
    /// Only these kinds (empty: all).
    pub kinds: Vec<Kind>,
    /// Only events belonging to one of these group slugs (empty: all).
    pub groups: Vec<String>,
    /// `cancelled=hide`: leave out cancelled events (removed ones, and those the data calls
    /// off), which a calendar would otherwise show struck through or drop by itself.
    pub hide_cancelled: bool,
}

impl Default for Filter {
    fn default() -> Filter {
        Filter {
            lang: Lang::En,
            kinds: Vec::new(),
            groups: Vec::new(),
            hide_cancelled: false,
        }
    }
}

/// A query value the service does not accept (→ 400).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadQuery(pub String);

impl fmt::Display for BadQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Something the request names that does not exist (→ 404).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotFound(pub String);

impl fmt::Display for NotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Filter {
    /// The query parameters a feed takes.
    pub const PARAMS: [&'static str; 4] = ["lang", "kind", "group", "cancelled"];

    /// The values of `cancelled`: cancelled events shown (the default) or left out.
    pub const CANCELLED: [&'static str; 2] = ["show", "hide"];

    /// Builds a filter from decoded query pairs, checking each value against `catalog`.
    pub fn parse<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        catalog: &Catalog,
    ) -> Result<Filter, BadQuery> {
        let mut f = Filter::default();
        let mut seen: Vec<&str> = Vec::new();
        for (k, v) in pairs {
            if seen.contains(&k) {
                return Err(BadQuery(format!(
                    "parameter '{k}' is given twice; give it once (lists are comma-separated)"
                )));
            }
            match k {
                "lang" => {
                    f.lang = Lang::parse(v).ok_or_else(|| {
                        BadQuery(format!(
                            "parameter 'lang': unknown language '{v}'; allowed: {}",
                            Lang::ALL.map(Lang::code).join(", ")
                        ))
                    })?
                }
                "kind" => {
                    for name in list("kind", v)? {
                        let kind = Kind::parse(name).ok_or_else(|| {
                            BadQuery(format!(
                                "parameter 'kind': unknown kind '{name}'; allowed: {}",
                                Kind::ALL.map(Kind::name).join(", ")
                            ))
                        })?;
                        f.kinds.push(kind);
                    }
                }
                "group" => {
                    for name in list("group", v)? {
                        let group = catalog.group(name).ok_or_else(|| {
                            BadQuery(format!(
                                "parameter 'group': unknown group '{name}'; allowed: {}",
                                group_names(catalog)
                            ))
                        })?;
                        f.groups.push(group.slug().to_string());
                    }
                }
                "cancelled" => {
                    f.hide_cancelled = match v {
                        "show" => false,
                        "hide" => true,
                        _ => {
                            return Err(BadQuery(format!(
                                "parameter 'cancelled': '{v}' is not allowed; allowed: {}",
                                Filter::CANCELLED.join(", ")
                            )));
                        }
                    }
                }
                _ => {
                    return Err(BadQuery(format!(
                        "unknown parameter '{k}'; allowed: {}",
                        Filter::PARAMS.join(", ")
                    )));
                }
            }
            seen.push(k);
        }
        f.kinds.sort();
        f.kinds.dedup();
        f.groups.sort();
        f.groups.dedup();
        Ok(f)
    }

    /// The query string that gives this filter, in canonical order (empty for the default).
    pub fn to_query(&self) -> String {
        self.query(true)
    }

    /// [`Filter::to_query`] without the language, for a feed whose path names it
    /// ([`crate::links::feed_path_in`]).
    pub fn query_after_path(&self) -> String {
        self.query(false)
    }

    fn query(&self, lang: bool) -> String {
        let mut parts = Vec::new();
        if lang && self.lang != Lang::En {
            parts.push(format!("lang={}", self.lang.code()));
        }
        if !self.kinds.is_empty() {
            let kinds: Vec<_> = self.kinds.iter().map(|k| k.name()).collect();
            parts.push(format!("kind={}", kinds.join(",")));
        }
        if !self.groups.is_empty() {
            parts.push(format!("group={}", self.groups.join(",")));
        }
        if self.hide_cancelled {
            parts.push("cancelled=hide".into());
        }
        parts.join("&")
    }
}

fn list<'a>(param: &str, v: &'a str) -> Result<Vec<&'a str>, BadQuery> {
    let items: Vec<&str> = v
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if items.is_empty() {
        return Err(BadQuery(format!(
            "parameter '{param}' is empty; give one or more comma-separated values"
        )));
    }
    if items.len() > MAX_LIST {
        return Err(BadQuery(format!(
            "parameter '{param}' lists {} values; at most {MAX_LIST} are allowed",
            items.len()
        )));
    }
    Ok(items)
}

fn group_names(catalog: &Catalog) -> String {
    let names: Vec<_> = catalog.groups.iter().map(Group::slug).collect();
    names.join(", ")
}

fn meeting_ids(catalog: &Catalog) -> String {
    let ids: Vec<_> = catalog.meetings.iter().map(|m| m.id.as_str()).collect();
    ids.join(", ")
}

/// The meeting with `id`, or a 404 naming those that exist.
pub fn meeting<'a>(catalog: &'a Catalog, id: &str) -> Result<&'a Meeting, NotFound> {
    catalog.meeting(id).ok_or_else(|| {
        NotFound(format!(
            "no meeting '{id}'; meetings: {}",
            meeting_ids(catalog)
        ))
    })
}

/// The group with this name or slug, or a 404 naming those that exist.
pub fn group<'a>(catalog: &'a Catalog, name_or_slug: &str) -> Result<&'a Group, NotFound> {
    catalog.group(name_or_slug).ok_or_else(|| {
        NotFound(format!(
            "no group '{name_or_slug}'; groups: {}",
            group_names(catalog)
        ))
    })
}

/// The meetings that declare the group with `slug`, in date order.
pub fn meetings_of<'a>(catalog: &'a Catalog, slug: &str) -> Vec<&'a Meeting> {
    let of = |m: &&Meeting| m.declares(slug).is_some();
    catalog
        .meetings
        .iter()
        .map(Arc::as_ref)
        .filter(of)
        .collect()
}

/// A group's next meeting on `today`: the first of its meetings that is not over, else its
/// latest (what a stable "next meeting" link leads to); `None` when it has none.
pub fn next_meeting<'a>(catalog: &'a Catalog, slug: &str, today: NaiveDate) -> Option<&'a Meeting> {
    let meetings = meetings_of(catalog, slug);
    let over = |m: &&Meeting| m.held_days().is_some_and(|(_, last)| last < today);
    meetings
        .iter()
        .find(|m| !over(m))
        .or(meetings.last())
        .copied()
}

/// Whether `event` of `meeting` belongs to the group with `slug`, in a meeting that declares
/// the group: it concerns the whole meeting (no groups), or one of its groups is that group, one
/// the group is within (the Working Party meeting that reviews a Question's work) or one within
/// the group (a Study Group's feed has everything of the Study Group). Never a sibling's.
pub fn belongs_to(meeting: &Meeting, event: &Event, slug: &str) -> bool {
    meeting
        .declares(slug)
        .is_some_and(|ix| belongs_to_group(meeting, event, ix))
}

/// [`belongs_to`] for the group at index `ix` of the meeting's groups.
fn belongs_to_group(meeting: &Meeting, event: &Event, ix: usize) -> bool {
    event.groups.is_empty() || event.groups.iter().any(|&g| meeting.related(g, ix))
}

/// The meetings held in `year` (their first meeting day), in date order, or a 404 naming the
/// years there are.
pub fn held_in(catalog: &Catalog, year: i32) -> Result<Vec<&Meeting>, NotFound> {
    let meetings: Vec<&Meeting> = catalog
        .meetings
        .iter()
        .map(Arc::as_ref)
        .filter(|m| m.held_days().is_some_and(|(first, _)| first.year() == year))
        .collect();
    if meetings.is_empty() {
        return Err(NotFound(format!(
            "no meeting is held in {year}; years: {}",
            years(catalog)
        )));
    }
    Ok(meetings)
}

/// The years meetings are held in, for a 404's "what exists".
fn years(catalog: &Catalog) -> String {
    let years: Vec<String> = held_years(catalog).iter().map(i32::to_string).collect();
    years.join(", ")
}

/// The years meetings are held in, oldest first (each has an archive feed).
pub fn held_years(catalog: &Catalog) -> Vec<i32> {
    let mut years: Vec<i32> = catalog
        .meetings
        .iter()
        .filter_map(|m| m.held_days())
        .map(|(d, _)| d.year())
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// Whether the group with `slug` is a study group in the data's structure: some meeting has
/// groups within it and it is within none.
pub fn is_study_group(catalog: &Catalog, slug: &str) -> bool {
    catalog
        .meetings
        .iter()
        .any(|m| m.declares(slug).is_some_and(|g| m.is_study_group(g)))
}

/// The study groups of the catalog, by slug.
pub fn study_groups(catalog: &Catalog) -> Vec<&Group> {
    let study = |g: &&Group| is_study_group(catalog, g.slug());
    catalog.groups.iter().filter(study).collect()
}

/// Whether an aggregate feed (everything, a study group) or an archive (a year, a group, all
/// years: a working party's ten years of time plans would be tens of megabytes) leaves `event`
/// out by default:
/// it is a session of the time plan, and not one of a study group's own plenary sessions.
fn left_out_of_aggregates(m: &Meeting, e: &Event) -> bool {
    e.planned && !e.groups.iter().any(|&g| m.is_study_group(g))
}

/// Whether `feed` with `filter` leaves the time plans' sessions out (but for a study group's
/// plenary sessions): the aggregate feeds and the archives do, unless the filter asks for them.
pub fn leaves_sessions_out(catalog: &Catalog, feed: &Feed, filter: &Filter) -> bool {
    !filter.kinds.contains(&Kind::Session)
        && match feed {
            Feed::All | Feed::Year(_) | Feed::GroupArchive(_) => true,
            Feed::Group(slug) => is_study_group(catalog, slug),
            _ => false,
        }
}

/// Whether `feed` with `filter` holds the time plans' sessions at all.
pub fn holds_sessions(catalog: &Catalog, feed: &Feed, filter: &Filter) -> bool {
    !leaves_sessions_out(catalog, feed, filter)
        && (filter.kinds.is_empty() || filter.kinds.contains(&Kind::Session))
}

/// The meetings `feed` draws on, or a 404 naming what exists when it names a meeting, group,
/// year or event that does not.
fn feed_meetings<'a>(catalog: &'a Catalog, feed: &Feed) -> Result<Vec<&'a Meeting>, NotFound> {
    let meetings: Vec<&Meeting> = match feed {
        Feed::Meeting(id) | Feed::Event { meeting: id, .. } => vec![meeting(catalog, id)?],
        Feed::Group(slug) | Feed::GroupArchive(slug) => {
            group(catalog, slug)?;
            catalog.meetings.iter().map(Arc::as_ref).collect()
        }
        Feed::Year(year) => held_in(catalog, *year)?,
        Feed::All | Feed::Deadlines => catalog.meetings.iter().map(Arc::as_ref).collect(),
    };
    if let Feed::Event { key, .. } = feed {
        event_of(meetings[0], key)?;
    }
    Ok(meetings)
}

/// The event of `m` with `key`, or a 404 naming the meeting's events.
fn event_of<'a>(m: &'a Meeting, key: &str) -> Result<&'a Event, NotFound> {
    m.event(key).ok_or_else(|| {
        let keys: Vec<_> = m.events.iter().map(|e| e.key.as_str()).collect();
        NotFound(format!(
            "no event '{key}' in meeting '{}'; events: {}",
            m.id,
            keys.join(", ")
        ))
    })
}

/// A 404 naming what exists when `feed` names something that does not: what [`select`] would
/// answer, without selecting.
pub fn check(catalog: &Catalog, feed: &Feed) -> Result<(), NotFound> {
    feed_meetings(catalog, feed).map(|_| ())
}

/// The events of `feed` that pass `filter`, as (meeting, event) pairs in feed order: meetings by
/// date, events by start.
pub fn select<'a>(
    catalog: &'a Catalog,
    feed: &Feed,
    filter: &Filter,
) -> Result<Vec<(&'a Meeting, &'a Event)>, NotFound> {
    let meetings = feed_meetings(catalog, feed)?;
    if let Feed::Event { key, .. } = feed {
        let m = meetings[0];
        return Ok(vec![(m, event_of(m, key)?)]);
    }
    let sessions_out = leaves_sessions_out(catalog, feed, filter);
    // `group`: the index of a group feed's group in the meeting's groups
    let keep = |m: &Meeting, e: &Event, group: Option<usize>| {
        let in_feed = match (feed, group) {
            (_, Some(ix)) => belongs_to_group(m, e, ix),
            (Feed::Deadlines, _) => e.kind == Kind::Deadline,
            _ => true,
        };
        in_feed
            && !(sessions_out && left_out_of_aggregates(m, e))
            && !(filter.hide_cancelled && e.status == Status::Cancelled)
            && (filter.kinds.is_empty() || filter.kinds.contains(&e.kind))
            && (filter.groups.is_empty() || filter.groups.iter().any(|g| belongs_to(m, e, g)))
    };
    Ok(meetings
        .into_iter()
        .flat_map(|m| {
            // a group's feed: only the meetings that declare the group, found once per meeting
            let (events, group) = match feed {
                Feed::Group(slug) | Feed::GroupArchive(slug) => match m.declares(slug) {
                    Some(ix) => (&m.events[..], Some(ix)),
                    None => (&[][..], None),
                },
                _ => (&m.events[..], None),
            };
            events
                .iter()
                .filter(move |e| keep(m, e, group))
                .map(move |e| (m, e))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_sources;

    const DATA: &str = r#"
id = "m"
updated = 2017-09-29T00:00:00Z
groups = ["SG20", "WP1/20", "Q1/20", "Q2/20"]
title = "M"
source = { reference = "L", date = 2017-09-29 }
contact = { email = "a@b.c" }

[[event]]
key = "q1"
kind = "meeting"
groups = ["Q1/20"]
first_day = 2018-01-15
title = "Q1"

[[event]]
key = "q2"
kind = "meeting"
groups = ["Q2/20"]
first_day = 2018-01-15
title = "Q2"

[[event]]
key = "dl"
kind = "deadline"
first_day = 2018-01-11
title = "D"

[[event]]
key = "wp"
kind = "meeting"
groups = ["WP1/20"]
first_day = 2018-01-24
title = "WP"
"#;

    fn catalog() -> Catalog {
        parse_sources([("m.toml", DATA)]).expect("valid")
    }

    fn keys(feed: Feed, filter: &Filter) -> Vec<String> {
        let c = catalog();
        select(&c, &feed, filter)
            .unwrap()
            .into_iter()
            .map(|(_, e)| e.key.clone())
            .collect()
    }

    #[test]
    fn without_a_structure_a_group_feed_holds_its_events_and_the_meeting_wide_ones_only() {
        let f = Filter::default();
        assert_eq!(keys(Feed::Group("q2-20".into()), &f), ["dl", "q2"]);
        // no structure declared: WP1/20 does not pull in the Questions
        assert_eq!(keys(Feed::Group("wp1-20".into()), &f), ["dl", "wp"]);
        // SG20 is declared but tags no event: only meeting-wide events
        assert_eq!(keys(Feed::Group("sg20".into()), &f), ["dl"]);
    }

    /// Issue 13 §2: a group's feed holds its own events, its ancestors' and its descendants',
    /// and the meeting-wide ones; never a sibling's.
    #[test]
    fn a_group_feed_holds_its_ancestors_and_descendants_but_no_sibling() {
        let data = DATA.replace(
            "groups = [\"SG20\", \"WP1/20\", \"Q1/20\", \"Q2/20\"]",
            "groups = [\"SG20\", \"WP1/20\", \"Q1/20\", \"Q2/20\"]\nwithin = { \"Q1/20\" = \"WP1/20\", \"Q2/20\" = \"WP1/20\", \"WP1/20\" = \"SG20\" }",
        );
        assert_ne!(data, DATA);
        let c = parse_sources([("m.toml", data.as_str())]).expect("valid");
        let keys = |slug: &str| -> Vec<String> {
            select(&c, &Feed::Group(slug.into()), &Filter::default())
                .unwrap()
                .into_iter()
                .map(|(_, e)| e.key.clone())
                .collect()
        };
        // the Working Party meeting that reviews Q2/20's work, not Q1/20's meeting
        assert_eq!(keys("q2-20"), ["dl", "q2", "wp"]);
        assert_eq!(keys("q1-20"), ["dl", "q1", "wp"]);
        // everything under the Working Party, and under the Study Group
        assert_eq!(keys("wp1-20"), ["dl", "q1", "q2", "wp"]);
        assert_eq!(keys("sg20"), ["dl", "q1", "q2", "wp"]);
    }

    /// Issue 17: `cancelled=hide` leaves out what a calendar would strike through.
    #[test]
    fn cancelled_events_are_left_out_on_request() {
        let data = format!("{DATA}status = \"cancelled\"\n");
        let c = parse_sources([("m.toml", data.as_str())]).unwrap();
        let keys = |f: &Filter| -> Vec<String> {
            let sel = select(&c, &Feed::All, f).unwrap();
            sel.into_iter().map(|(_, e)| e.key.clone()).collect()
        };
        assert_eq!(keys(&Filter::default()), ["dl", "q1", "q2", "wp"]);
        let hide = Filter::parse([("cancelled", "hide")], &c).unwrap();
        assert_eq!(keys(&hide), ["dl", "q1", "q2"]);
        assert_eq!(hide.to_query(), "cancelled=hide");
        assert_eq!(
            Filter::parse([("cancelled", "show")], &c).unwrap(),
            Filter::default()
        );
        assert_eq!(
            Filter::parse([("cancelled", "no")], &c).unwrap_err().0,
            "parameter 'cancelled': 'no' is not allowed; allowed: show, hide"
        );
    }

    #[test]
    fn the_deadlines_feed_holds_only_deadlines() {
        assert_eq!(keys(Feed::Deadlines, &Filter::default()), ["dl"]);
    }

    #[test]
    fn filters_combine_kind_and_group() {
        let c = catalog();
        let f = Filter::parse([("kind", "meeting"), ("group", "Q1/20,q2-20")], &c).unwrap();
        assert_eq!(f.groups, ["q1-20", "q2-20"]);
        assert_eq!(keys(Feed::All, &f), ["q1", "q2"]);
    }

    #[test]
    fn equivalent_queries_give_equal_filters() {
        let c = catalog();
        let a = Filter::parse([("group", "q2-20,Q1/20"), ("kind", "info,meeting")], &c).unwrap();
        let b = Filter::parse(
            [("kind", "meeting,info,info"), ("group", "Q1/20,Q2/20")],
            &c,
        )
        .unwrap();
        assert_eq!(a, b);
        assert_eq!(a.to_query(), "kind=meeting,info&group=q1-20,q2-20");
    }

    #[test]
    fn bad_query_values_name_the_parameter_and_the_allowed_values() {
        let c = catalog();
        let cases = [
            (
                ("lang", "de"),
                "parameter 'lang': unknown language 'de'; allowed: ar, zh, en, fr, ru, es",
            ),
            (
                ("kind", "party"),
                "parameter 'kind': unknown kind 'party'; allowed: meeting, session, deadline, info",
            ),
            (
                ("group", "Q9/20"),
                "parameter 'group': unknown group 'Q9/20'; allowed: q1-20, q2-20, sg20, wp1-20",
            ),
            (
                ("kind", ","),
                "parameter 'kind' is empty; give one or more comma-separated values",
            ),
            (
                ("lnag", "zh"),
                "unknown parameter 'lnag'; allowed: lang, kind, group, cancelled",
            ),
        ];
        for ((k, v), want) in cases {
            let got = Filter::parse([(k, v)], &c).unwrap_err();
            assert_eq!(got.0, want, "query {k}={v}");
        }
    }

    #[test]
    fn unknown_names_in_the_path_are_not_found_with_what_exists() {
        let c = catalog();
        let f = Filter::default();
        assert_eq!(
            select(&c, &Feed::Meeting("x".into()), &f).unwrap_err().0,
            "no meeting 'x'; meetings: m"
        );
        assert_eq!(
            select(&c, &Feed::Group("q9-20".into()), &f).unwrap_err().0,
            "no group 'q9-20'; groups: q1-20, q2-20, sg20, wp1-20"
        );
        let e = Feed::Event {
            meeting: "m".into(),
            key: "zz".into(),
        };
        assert_eq!(
            select(&c, &e, &f).unwrap_err().0,
            "no event 'zz' in meeting 'm'; events: dl, q1, q2, wp"
        );
    }
}
