//! The JSON API's documents: meetings, events and feeds with all their links (the OpenAPI
//! description of them is [`super::openapi`]). Serde structs that mirror what a client reads;
//! pure functions of the data, the request's options and the public URL.
//!
//! Times: a timed event has `start` and `end` in RFC 3339 with the offset of its zone
//! (`"2018-01-15T08:30:00+01:00"`) and `timezone` naming that zone; an all-day event has
//! `first_day` and `last_day` (both inclusive, as the letter says) and `end_date_exclusive` (the
//! day after, as calendars store it).

use crate::links::{
    EventLinks, FeedLinks, feed_url, lang_query, meeting_path, meeting_url, subscribe_path, webcal,
    with_query,
};
use crate::model::{Catalog, Event, Lang, Meeting, When};
use crate::render::ics;
use crate::select::{Feed, Filter};
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Serialize;
use std::borrow::Cow;

/// The `type` of each feed `/api/feeds` lists: everything, the deadlines, a meeting, a group.
pub const FEED_TYPES: [&str; 4] = ["all", "deadlines", "meeting", "group"];

/// A group.
#[derive(Debug, Serialize)]
pub struct GroupJson<'a> {
    /// As ITU-T writes it: `Q2/20`.
    pub name: &'a str,
    /// As URLs write it: `q2-20`.
    pub slug: &'a str,
}

/// The letter a meeting comes from.
#[derive(Debug, Serialize)]
pub struct SourceJson<'a> {
    /// "TSB Collective Letter 3/20".
    pub reference: Cow<'a, str>,
    /// The letter's date.
    pub date: NaiveDate,
    /// Where the letter is published, if the data says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
}

/// Who to ask.
#[derive(Debug, Serialize)]
pub struct ContactJson<'a> {
    /// E-mail address.
    pub email: &'a str,
    /// Telephone.
    pub phone: Option<&'a str>,
    /// Fax.
    pub fax: Option<&'a str>,
    /// Web page.
    pub web: Option<&'a str>,
}

/// The links of a meeting.
#[derive(Debug, Serialize)]
pub struct MeetingLinksJson {
    /// Its HTML page.
    pub page: String,
    /// Its feed (https).
    pub feed: String,
    /// Its feed (webcal).
    pub webcal: String,
    /// Its subscribe page.
    pub subscribe: String,
    /// Its e-mail snippet.
    pub email_html: String,
    /// This meeting in the API.
    pub api: String,
}

/// A meeting, without its events (`/api/meetings`).
#[derive(Debug, Serialize)]
pub struct MeetingJson<'a> {
    /// Stable id.
    pub id: &'a str,
    /// Name.
    pub title: Cow<'a, str>,
    /// Summary.
    pub description: Option<Cow<'a, str>>,
    /// Default location of its events.
    pub location: Option<Cow<'a, str>>,
    /// Its page on itu.int.
    pub url: Option<&'a str>,
    /// The zone of its local times.
    pub timezone: &'a str,
    /// The first day it is held (local): of its meetings and sessions; its deadlines come
    /// earlier.
    pub first_day: Option<NaiveDate>,
    /// The last day it is held (local, inclusive).
    pub last_day: Option<NaiveDate>,
    /// The groups it concerns.
    pub groups: Vec<GroupJson<'a>>,
    /// The letter.
    pub source: SourceJson<'a>,
    /// Who to ask.
    pub contact: ContactJson<'a>,
    /// Last change of its data.
    pub updated: DateTime<Utc>,
    /// Number of events.
    pub event_count: usize,
    /// Links.
    pub links: MeetingLinksJson,
}

/// The links of an event. A time plan's session has only its place on the meeting page: it is
/// in its groups' feeds, which follow its changes, and has no links of its own (as on the
/// pages, [`crate::render::html::plan`]).
#[derive(Debug, Serialize)]
pub struct EventLinksJson {
    /// Its row on the meeting page (a session: its cell in the time plan).
    pub page: String,
    /// The event's own links; none for a time plan's session.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub own: Option<OwnLinksJson>,
}

/// An event's own calendar links.
#[derive(Debug, Serialize)]
pub struct OwnLinksJson {
    /// Its own `.ics`.
    pub ics: String,
    /// Its `.ics` as a download.
    pub download: String,
    /// Add to Google Calendar.
    pub google: String,
    /// Add to Outlook.com.
    pub outlook: String,
    /// Add to Microsoft 365.
    pub office365: String,
}

/// One event (`/api/events`, and in `/api/meetings/{id}`).
#[derive(Debug, Serialize)]
pub struct EventJson<'a> {
    /// The iCalendar UID: `{key}.{meeting}@itucal`.
    pub uid: String,
    /// Meeting id.
    pub meeting: &'a str,
    /// Key, unique in the meeting.
    pub key: &'a str,
    /// `meeting`, `session`, `deadline` or `info`.
    pub kind: &'static str,
    /// `confirmed`, `tentative` or `cancelled`.
    pub status: &'static str,
    /// Groups (empty: the whole meeting).
    pub groups: Vec<&'a str>,
    /// Title.
    pub title: Cow<'a, str>,
    /// Details.
    pub description: Option<Cow<'a, str>>,
    /// Where (the event's, else the meeting's).
    pub location: Option<Cow<'a, str>>,
    /// A page about it (the event's, else the meeting's).
    pub url: Option<&'a str>,
    /// Revision number.
    pub sequence: u32,
    /// Last change.
    pub updated: DateTime<Utc>,
    /// Whole days (`first_day`..`last_day`) rather than times (`start`..`end`).
    pub all_day: bool,
    /// The zone of its local times and dates.
    pub timezone: &'a str,
    /// Start, RFC 3339 with the zone's offset (timed events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// End, RFC 3339 with the zone's offset (timed events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// First day (all-day events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_day: Option<NaiveDate>,
    /// Last day, inclusive (all-day events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_day: Option<NaiveDate>,
    /// The day after the last day: the exclusive end calendars store (all-day events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date_exclusive: Option<NaiveDate>,
    /// Links.
    pub links: EventLinksJson,
}

/// One feed and its links (`/api/feeds`).
#[derive(Debug, Serialize)]
pub struct FeedJson<'a> {
    /// As in `/subscribe/{feed}`: `all`, `deadlines`, a meeting id or `groups/{slug}`.
    pub feed: String,
    /// `all`, `deadlines`, `meeting` or `group`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The meeting id or group slug, for those feeds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    /// The calendar's name.
    pub title: String,
    /// What it holds.
    pub description: String,
    /// Subscription URL.
    pub https: String,
    /// The same as webcal.
    pub webcal: String,
    /// One-time download.
    pub download: String,
    /// Google Calendar subscribe.
    pub google: String,
    /// Outlook.com subscribe.
    pub outlook: String,
    /// Microsoft 365 subscribe.
    pub office365: String,
    /// Subscribe page.
    pub subscribe_page: Option<String>,
    /// HTML e-mail snippet.
    pub email_html: Option<String>,
    /// Plain-text e-mail snippet.
    pub email_txt: Option<String>,
}

/// `/api/meetings`.
#[derive(Debug, Serialize)]
struct MeetingsDoc<'a> {
    lang: &'static str,
    meetings: Vec<MeetingJson<'a>>,
}

/// `/api/meetings/{id}`.
#[derive(Debug, Serialize)]
struct MeetingDoc<'a> {
    lang: &'static str,
    meeting: MeetingJson<'a>,
    events: Vec<EventJson<'a>>,
}

/// `/api/events`.
#[derive(Debug, Serialize)]
struct EventsDoc<'a> {
    lang: &'static str,
    kinds: Vec<&'static str>,
    groups: Vec<&'a str>,
    count: usize,
    events: Vec<EventJson<'a>>,
}

/// `/api/feeds`.
#[derive(Debug, Serialize)]
struct FeedsDoc<'a> {
    lang: &'static str,
    feeds: Vec<FeedJson<'a>>,
}

/// A document as the API serves it: pretty-printed, with a final newline.
pub(crate) fn to_json(doc: &impl Serialize) -> String {
    // serializing these plain structs cannot fail (string keys, no maps with other keys)
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_default();
    s.push('\n');
    s
}

/// A meeting as the API shows it.
pub fn meeting_json<'a>(base: &str, m: &'a Meeting, lang: Lang) -> MeetingJson<'a> {
    let feed = Feed::Meeting(m.id.clone());
    let filter = Filter {
        lang,
        ..Filter::default()
    };
    let https = feed_url(base, &feed, &filter);
    let q = lang_query(lang);
    MeetingJson {
        id: &m.id,
        title: m.title.get(lang),
        description: m.description.as_ref().map(|d| d.get(lang)),
        location: m.location.as_ref().map(|l| l.get(lang)),
        url: m.url.as_deref(),
        timezone: m.tz.name(),
        first_day: m.held_days().map(|d| d.0),
        last_day: m.held_days().map(|d| d.1),
        groups: m
            .groups
            .iter()
            .map(|g| GroupJson {
                name: g.name(),
                slug: g.slug(),
            })
            .collect(),
        source: SourceJson {
            reference: m.source.reference.get(lang),
            date: m.source.date,
            url: m.source.url.as_deref(),
        },
        contact: ContactJson {
            email: &m.contact.email,
            phone: m.contact.phone.as_deref(),
            fax: m.contact.fax.as_deref(),
            web: m.contact.web.as_deref(),
        },
        updated: m.updated,
        event_count: m.events.len(),
        links: MeetingLinksJson {
            page: meeting_url(base, &m.id, lang),
            webcal: webcal(&https),
            feed: https,
            subscribe: format!(
                "{base}{}",
                with_query(&subscribe_path(&feed).unwrap_or_default(), &q)
            ),
            email_html: format!(
                "{base}{}",
                with_query(&format!("{}/email.html", meeting_path(&m.id)), &q)
            ),
            api: format!(
                "{base}{}",
                with_query(&format!("/api{}", meeting_path(&m.id)), &q)
            ),
        },
    }
}

/// An event as the API shows it.
pub fn event_json<'a>(base: &str, m: &'a Meeting, e: &'a Event, lang: Lang) -> EventJson<'a> {
    let own = (!e.planned).then(|| {
        let l = EventLinks::new(base, m, e, lang);
        OwnLinksJson {
            ics: l.ics,
            download: l.download,
            google: l.google,
            outlook: l.outlook,
            office365: l.office365,
        }
    });
    let (start, end, first_day, last_day, end_date_exclusive) = match &e.when {
        When::Timed {
            start_utc, end_utc, ..
        } => (
            Some(start_utc.with_timezone(&m.tz).to_rfc3339()),
            Some(end_utc.with_timezone(&m.tz).to_rfc3339()),
            None,
            None,
            None,
        ),
        When::AllDay { first, last } => (
            None,
            None,
            Some(*first),
            Some(*last),
            last.checked_add_days(Days::new(1)),
        ),
    };
    EventJson {
        uid: ics::uid(m, e),
        meeting: &m.id,
        key: &e.key,
        kind: e.kind.name(),
        status: e.status.name(),
        groups: m.groups_of(e).map(|g| g.name()).collect(),
        title: e.title.get(lang),
        description: e.description.as_ref().map(|d| d.get(lang)),
        location: e
            .location
            .as_ref()
            .or(m.location.as_ref())
            .map(|l| l.get(lang)),
        url: e.url.as_deref().or(m.url.as_deref()),
        sequence: e.sequence,
        updated: e.updated,
        all_day: matches!(e.when, When::AllDay { .. }),
        timezone: m.tz.name(),
        start,
        end,
        first_day,
        last_day,
        end_date_exclusive,
        links: EventLinksJson {
            page: format!("{}#event-{}", meeting_url(base, &m.id, lang), e.key),
            own,
        },
    }
}

/// `/api/meetings`: every meeting, in date order.
pub fn meetings(catalog: &Catalog, base: &str, lang: Lang) -> String {
    to_json(&MeetingsDoc {
        lang: lang.code(),
        meetings: catalog
            .meetings
            .iter()
            .map(|m| meeting_json(base, m, lang))
            .collect(),
    })
}

/// `/api/meetings/{id}`: one meeting with its events.
pub fn meeting(base: &str, m: &Meeting, lang: Lang) -> String {
    to_json(&MeetingDoc {
        lang: lang.code(),
        meeting: meeting_json(base, m, lang),
        events: m
            .events
            .iter()
            .map(|e| event_json(base, m, e, lang))
            .collect(),
    })
}

/// `/api/events`: the events `selection` holds (from [`crate::select::select`] for `filter`).
pub fn events(selection: &[(&Meeting, &Event)], filter: &Filter, base: &str) -> String {
    to_json(&EventsDoc {
        lang: filter.lang.code(),
        kinds: filter.kinds.iter().map(|k| k.name()).collect(),
        groups: filter.groups.iter().map(String::as_str).collect(),
        count: selection.len(),
        events: selection
            .iter()
            .map(|(m, e)| event_json(base, m, e, filter.lang))
            .collect(),
    })
}

/// `/api/feeds`: every feed (everything, deadlines, each meeting, each group) with its links,
/// for `filter` (language, kinds, groups).
pub fn feeds(catalog: &Catalog, filter: &Filter, base: &str) -> String {
    let [all, deadlines, meeting, group] = FEED_TYPES;
    let mut list: Vec<(Feed, &'static str, Option<&str>)> =
        vec![(Feed::All, all, None), (Feed::Deadlines, deadlines, None)];
    for m in &catalog.meetings {
        list.push((Feed::Meeting(m.id.clone()), meeting, Some(&m.id)));
    }
    for g in &catalog.groups {
        list.push((Feed::Group(g.slug().to_string()), group, Some(g.slug())));
    }
    let feeds = list
        .into_iter()
        .map(|(feed, kind, id)| {
            let l = FeedLinks::new(base, catalog, &feed, filter);
            let (_, description) = ics::feed_title(catalog, &feed, filter);
            FeedJson {
                feed: feed_name(&feed),
                kind,
                id,
                title: l.name,
                description,
                https: l.https,
                webcal: l.webcal,
                download: l.download,
                google: l.google,
                outlook: l.outlook,
                office365: l.office365,
                subscribe_page: l.page,
                email_html: l.email_html,
                email_txt: l.email_txt,
            }
        })
        .collect();
    to_json(&FeedsDoc {
        lang: filter.lang.code(),
        feeds,
    })
}

/// The name `/api/feeds` gives a feed, as in `/subscribe/{feed}`: `all`, `deadlines`, a meeting
/// id or `groups/{slug}` (empty for a single event, which has no subscribe page).
pub fn feed_name(feed: &Feed) -> String {
    subscribe_path(feed)
        .unwrap_or_default()
        .trim_start_matches("/subscribe/")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_sources;
    use serde_json::Value;

    const BASE: &str = "https://feeds.example.org";

    const DATA: &str = r#"
id = "m"
updated = 2017-09-29T00:00:00Z
groups = ["Q1/20"]
title = { en = "M", zh = "会议" }
source = { reference = "L", date = 2017-09-29 }
contact = { email = "a@b.c" }

[[event]]
key = "reg"
kind = "info"
start = 2018-07-02T08:30:00
end = 2018-07-02T09:30:00
title = "Registration"

[[event]]
key = "q1"
kind = "meeting"
groups = ["Q1/20"]
first_day = 2018-01-15
last_day = 2018-01-23
title = "Q1/20"
"#;

    fn catalog() -> Catalog {
        parse_sources([("m.toml", DATA)]).expect("valid")
    }

    #[test]
    fn timed_events_have_offsets_of_their_zone_and_its_name() {
        let c = catalog();
        let m = &c.meetings[0];
        let v: Value =
            serde_json::to_value(event_json(BASE, m, m.event("reg").unwrap(), Lang::En)).unwrap();
        // summer time: +02:00
        assert_eq!(v["start"], "2018-07-02T08:30:00+02:00");
        assert_eq!(v["end"], "2018-07-02T09:30:00+02:00");
        assert_eq!(v["timezone"], "Europe/Zurich");
        assert_eq!(v["all_day"], false);
        assert!(v.get("first_day").is_none());
        assert_eq!(v["uid"], "reg.m@itucal");
    }

    #[test]
    fn all_day_events_have_inclusive_days_and_an_exclusive_end_date() {
        let c = catalog();
        let m = &c.meetings[0];
        let v: Value =
            serde_json::to_value(event_json(BASE, m, m.event("q1").unwrap(), Lang::Zh)).unwrap();
        assert_eq!(v["all_day"], true);
        assert_eq!(v["first_day"], "2018-01-15");
        assert_eq!(v["last_day"], "2018-01-23");
        assert_eq!(v["end_date_exclusive"], "2018-01-24");
        assert!(v.get("start").is_none());
        assert_eq!(v["groups"], serde_json::json!(["Q1/20"]));
        assert_eq!(
            v["links"]["ics"],
            "https://feeds.example.org/events/m/q1.zh.ics"
        );
    }
}
