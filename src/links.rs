//! Every link a person clicks or pastes: feed URLs (https and webcal), the subscribe links of
//! Google Calendar, Outlook.com and Microsoft 365, the per-event "add to calendar" links, and the
//! URLs of the HTML pages and e-mail snippets.
//!
//! Pure string building. The base of every absolute URL is the configured public URL
//! (`AppState::public_url`), never a request header: `Host` and `X-Forwarded-*` can be forged,
//! and a forged host in a subscribe link would point delegates' calendars at someone else.
//!
//! Query values are percent-encoded with everything but RFC 3986's unreserved characters
//! escaped (`Q1/20` → `Q1%2F20`, `+` → `%2B`, `&` → `%26`, a space → `%20`, Chinese as UTF-8
//! bytes), which every calendar service decodes the same way. The vendors' link formats are not
//! documented; the ones here are those in common use (see the calendar-client notes).

use crate::model::{Catalog, Event, Lang, Meeting, When};
use crate::select::{Feed, Filter};
use crate::urls::Route;
pub use crate::urls::{Show, encode};
use chrono::{Days, NaiveDate};
use std::borrow::Cow;

/// Google Calendar's "add calendar from URL" settings page: the fallback when a `cid` link is
/// refused.
pub const GOOGLE_ADD_BY_URL: &str = "https://calendar.google.com/calendar/r/settings/addbyurl";

/// The longest event description (in characters) put into an "add to calendar" link. Longer
/// ones are cut at a paragraph or word and end with the meeting page's address: a link must
/// stay short enough for mail clients and the calendar services.
pub const MAX_DETAILS: usize = 300;

/// `path` followed by `?query` when the query is not empty.
pub fn with_query(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

/// The query of the pages: only `lang=zh` (English is the default and adds nothing).
pub fn lang_query(lang: Lang) -> String {
    Filter {
        lang,
        ..Filter::default()
    }
    .to_query()
}

/// The path of a feed: `/feeds/all.ics`, `/feeds/{meeting}.ics`, `/feeds/groups/{slug}.ics`,
/// `/feeds/deadlines.ics`, the archives `/feeds/archive/{year}.ics` and
/// `/feeds/archive/groups/{slug}.ics`, or `/events/{meeting}/{key}.ics`.
pub fn feed_path(feed: &Feed) -> String {
    let ics = |name: &str| format!("{name}.ics");
    match feed {
        Feed::All => Route::Feed.path(&[&ics("all")]),
        Feed::Deadlines => Route::Feed.path(&[&ics("deadlines")]),
        Feed::Meeting(id) => Route::Feed.path(&[&ics(id)]),
        Feed::Group(slug) => Route::GroupFeed.path(&[&ics(slug)]),
        Feed::Year(year) => Route::YearFeed.path(&[&ics(&year.to_string())]),
        Feed::GroupArchive(slug) => Route::GroupArchiveFeed.path(&[&ics(slug)]),
        Feed::Event { meeting, key } => Route::Event.path(&[meeting, &ics(key)]),
    }
}

/// The path of a feed in `lang`: the language in the file name (`/feeds/all.zh.ics`; English
/// has none), which `serve` answers like `?lang=zh` and a static host serves as the file it is
/// (static hosts ignore query strings).
pub fn feed_path_in(feed: &Feed, lang: Lang) -> String {
    let path = feed_path(feed);
    match lang {
        Lang::En => path,
        other => format!(
            "{}.{}.ics",
            path.strip_suffix(".ics").unwrap_or(&path),
            other.code()
        ),
    }
}

/// The feed's subscription URL: `{base}{path in the filter's language}?{the rest of the
/// canonical query}`.
pub fn feed_url(base: &str, feed: &Feed, filter: &Filter) -> String {
    format!(
        "{base}{}",
        with_query(&feed_path_in(feed, filter.lang), &filter.query_after_path())
    )
}

/// The query parameter that serves a feed as a one-time download (an attachment), not as a
/// subscription.
pub const DOWNLOAD: &str = "download=1";

/// The feed as a one-time download: the subscription URL with [`DOWNLOAD`] last.
pub fn download_url(base: &str, feed: &Feed, filter: &Filter) -> String {
    let mut q = filter.query_after_path();
    if !q.is_empty() {
        q.push('&');
    }
    q.push_str(DOWNLOAD);
    format!("{base}{}", with_query(&feed_path_in(feed, filter.lang), &q))
}

/// The `webcal://` form of an http(s) URL (Apple Calendar, Outlook desktop, Google's `cid`).
/// `http://` becomes `webcal://` too: webcal has no secure variant, the client picks.
pub fn webcal(url: &str) -> String {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    format!("webcal://{rest}")
}

/// Google Calendar, subscribe: `cid` holds the **webcal** URL (an https URL there fails).
pub fn google_subscribe(feed_url: &str) -> String {
    format!(
        "https://calendar.google.com/calendar/r?cid={}",
        encode(&webcal(feed_url))
    )
}

/// The Outlook services with a web calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outlook {
    /// Outlook.com (personal Microsoft accounts): `outlook.live.com`.
    Live,
    /// Microsoft 365 (work or school accounts): `outlook.office.com`.
    Office,
}

impl Outlook {
    /// Both services, in the order pages list them.
    pub const ALL: [Outlook; 2] = [Outlook::Live, Outlook::Office];

    /// The service's host.
    pub fn host(self) -> &'static str {
        match self {
            Outlook::Live => "outlook.live.com",
            Outlook::Office => "outlook.office.com",
        }
    }
}

/// Outlook.com or Microsoft 365, subscribe: `addfromweb` with the https URL and the
/// calendar's name.
pub fn outlook_subscribe(service: Outlook, feed_url: &str, name: &str) -> String {
    format!(
        "https://{}/calendar/0/addfromweb?url={}&name={}",
        service.host(),
        encode(feed_url),
        encode(name)
    )
}

/// `20180115` (date) for calendar links.
fn compact_date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// The day after `d`: the exclusive end of an all-day event.
fn day_after(d: NaiveDate) -> NaiveDate {
    d.checked_add_days(Days::new(1)).unwrap_or(d)
}

/// What an "add this event" link says about the event: its own description (shortened to
/// [`MAX_DETAILS`]) and the address of its meeting's page, where the rest is.
pub fn event_details(base: &str, meeting: &Meeting, event: &Event, lang: Lang) -> String {
    let page = meeting_url(base, &meeting.id, lang);
    match &event.description {
        Some(d) => format!("{}\n\n{page}", shorten(d.get(lang).trim(), MAX_DETAILS)),
        None => page,
    }
}

/// The first paragraph of `text`, cut at a word (or anywhere, for text without spaces such as
/// Chinese) to at most `max` characters, with `…` when something was cut.
pub fn shorten(text: &str, max: usize) -> String {
    let first = text.split("\n\n").next().unwrap_or("").trim();
    let cut = first != text.trim();
    if first.chars().count() <= max {
        return if cut {
            format!("{first} …")
        } else {
            first.to_string()
        };
    }
    let prefix: String = first.chars().take(max).collect();
    let at = prefix
        .rfind(char::is_whitespace)
        .filter(|&i| i > prefix.len() / 2)
        .unwrap_or(prefix.len());
    format!("{}…", prefix[..at].trim_end())
}

/// The location an event link names: the event's, else the meeting's.
fn location<'a>(meeting: &'a Meeting, event: &'a Event, lang: Lang) -> Option<Cow<'a, str>> {
    event
        .location
        .as_ref()
        .or(meeting.location.as_ref())
        .map(|l| l.get(lang))
}

/// Google Calendar, add one event (`render?action=TEMPLATE`). Timed events give local wall
/// times and `ctz` (the meeting's zone, normally `Europe/Zurich`); all-day events give dates with
/// an exclusive end.
pub fn google_event(base: &str, meeting: &Meeting, event: &Event, lang: Lang) -> String {
    let dates = match &event.when {
        When::AllDay { first, last } => {
            format!(
                "{}/{}",
                compact_date(*first),
                compact_date(day_after(*last))
            )
        }
        When::Timed { start, end, .. } => format!(
            "{}/{}",
            start.format("%Y%m%dT%H%M%S"),
            end.format("%Y%m%dT%H%M%S")
        ),
    };
    let mut url = format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}&ctz={}&details={}",
        encode(&event.title.get(lang)),
        encode(&dates),
        encode(meeting.tz.name()),
        encode(&event_details(base, meeting, event, lang)),
    );
    if let Some(loc) = location(meeting, event, lang) {
        url.push_str(&format!("&location={}", encode(&loc)));
    }
    url
}

/// Outlook.com or Microsoft 365, add one event (`deeplink/compose`). Timed events give UTC
/// times with `Z` (offsets are rejected); all-day events give dates with an exclusive end and
/// `allday=true`.
pub fn outlook_event(
    service: Outlook,
    base: &str,
    meeting: &Meeting,
    event: &Event,
    lang: Lang,
) -> String {
    let (start, end, all_day) = match &event.when {
        When::AllDay { first, last } => (
            first.format("%Y-%m-%d").to_string(),
            day_after(*last).format("%Y-%m-%d").to_string(),
            true,
        ),
        When::Timed {
            start_utc, end_utc, ..
        } => (
            start_utc.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            end_utc.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            false,
        ),
    };
    let mut url = format!(
        "https://{}/calendar/0/deeplink/compose?path=/calendar/action/compose&rru=addevent&startdt={}&enddt={}&subject={}&body={}",
        service.host(),
        encode(&start),
        encode(&end),
        encode(&event.title.get(lang)),
        encode(&event_details(base, meeting, event, lang)),
    );
    if let Some(loc) = location(meeting, event, lang) {
        url.push_str(&format!("&location={}", encode(&loc)));
    }
    url.push_str(if all_day {
        "&allday=true"
    } else {
        "&allday=false"
    });
    url
}

/// The path of a feed's subscribe page: `/subscribe/all`, `/subscribe/{meeting}`,
/// `/subscribe/groups/{slug}`, `/subscribe/deadlines`. A single event has none (it is added,
/// not subscribed to): `None`.
pub fn subscribe_path(feed: &Feed) -> Option<String> {
    subscribe_route(feed, Show::Page)
}

/// The path of a feed's subscribe page or one of its snippets (`None` for a single event).
pub fn subscribe_route(feed: &Feed, show: Show) -> Option<String> {
    let (route, group) = match show {
        Show::Page => (Route::Subscribe, Route::SubscribeGroup),
        Show::EmailHtml => (Route::SubscribeEmailHtml, Route::SubscribeGroupEmailHtml),
        Show::EmailText => (Route::SubscribeEmailText, Route::SubscribeGroupEmailText),
    };
    Some(match feed {
        Feed::All => route.path(&["all"]),
        Feed::Deadlines => route.path(&["deadlines"]),
        Feed::Meeting(id) => route.path(&[id]),
        Feed::Group(slug) => group.path(&[slug]),
        // an archive is linked as a file; its subscribe page would be the group's or all's
        Feed::Event { .. } | Feed::Year(_) | Feed::GroupArchive(_) => return None,
    })
}

/// The path of a group's page.
pub fn group_path(slug: &str) -> String {
    Route::Group.path(&[slug])
}

/// The path of a meeting's page.
pub fn meeting_path(id: &str) -> String {
    meeting_route(id, Show::Page)
}

/// The path of a meeting's page or one of its e-mail snippets.
pub fn meeting_route(id: &str, show: Show) -> String {
    match show {
        Show::Page => Route::Meeting,
        Show::EmailHtml => Route::MeetingEmailHtml,
        Show::EmailText => Route::MeetingEmailText,
    }
    .path(&[id])
}

/// The path of the changes page of a meeting (or of every meeting), or of one of its e-mail
/// snippets.
pub fn changes_route(meeting: Option<&str>, show: Show) -> String {
    match (meeting, show) {
        (None, Show::Page) => Route::Changes.path(&[]),
        (None, Show::EmailHtml) => Route::ChangesEmailHtml.path(&[]),
        (None, Show::EmailText) => Route::ChangesEmailText.path(&[]),
        (Some(id), Show::Page) => Route::MeetingChanges.path(&[id]),
        (Some(id), Show::EmailHtml) => Route::MeetingChangesEmailHtml.path(&[id]),
        (Some(id), Show::EmailText) => Route::MeetingChangesEmailText.path(&[id]),
    }
}

/// The path of the Atom feed of a meeting's changes (or of every meeting's).
pub fn changes_atom_path(meeting: Option<&str>) -> String {
    match meeting {
        None => Route::ChangesAtom.path(&[]),
        Some(id) => Route::MeetingChangesAtom.path(&[id]),
    }
}

/// The absolute URL of a meeting's page in `lang`.
pub fn meeting_url(base: &str, id: &str, lang: Lang) -> String {
    format!("{base}{}", with_query(&meeting_path(id), &lang_query(lang)))
}

/// The path part of the public URL (`""` for `https://host`, `/itucal` for
/// `https://host/itucal`): pages link to each other and to their assets by root-relative paths
/// under it, so they work behind a proxy that serves the service under a path.
pub fn path_prefix(base: &str) -> &str {
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    base[after_scheme..]
        .find('/')
        .map_or("", |i| &base[after_scheme + i..])
        .trim_end_matches('/')
}

/// Every link of one feed, in the feed's language and with its filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedLinks {
    /// The calendar's name (as Outlook shows it).
    pub name: String,
    /// The https (or http) subscription URL.
    pub https: String,
    /// The same as `webcal://`.
    pub webcal: String,
    /// A one-time download (`download=1`).
    pub download: String,
    /// Google Calendar subscribe (`cid` = webcal URL).
    pub google: String,
    /// Outlook.com subscribe.
    pub outlook: String,
    /// Microsoft 365 subscribe.
    pub office365: String,
    /// The subscribe page (absolute), if the feed has one.
    pub page: Option<String>,
    /// The HTML e-mail snippet (absolute), if the feed has a subscribe page.
    pub email_html: Option<String>,
    /// The plain-text e-mail snippet (absolute), if the feed has a subscribe page.
    pub email_txt: Option<String>,
}

impl FeedLinks {
    /// The links of `feed` with `filter`.
    pub fn new(base: &str, catalog: &Catalog, feed: &Feed, filter: &Filter) -> FeedLinks {
        let (name, _) = crate::render::ics::feed_title(catalog, feed, filter);
        let https = feed_url(base, feed, filter);
        let q = filter.to_query();
        let page_at =
            |show| subscribe_route(feed, show).map(|p| format!("{base}{}", with_query(&p, &q)));
        FeedLinks {
            webcal: webcal(&https),
            download: download_url(base, feed, filter),
            google: google_subscribe(&https),
            outlook: outlook_subscribe(Outlook::Live, &https, &name),
            office365: outlook_subscribe(Outlook::Office, &https, &name),
            page: page_at(Show::Page),
            email_html: page_at(Show::EmailHtml),
            email_txt: page_at(Show::EmailText),
            name,
            https,
        }
    }
}

/// Every "add this event" link of one event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventLinks {
    /// Google Calendar (`render?action=TEMPLATE`).
    pub google: String,
    /// Outlook.com (`deeplink/compose`).
    pub outlook: String,
    /// Microsoft 365 (`deeplink/compose` on outlook.office.com).
    pub office365: String,
    /// The event's own `.ics` (inline).
    pub ics: String,
    /// The event's `.ics` as a download.
    pub download: String,
}

impl EventLinks {
    /// The links of one event, in `lang`.
    pub fn new(base: &str, meeting: &Meeting, event: &Event, lang: Lang) -> EventLinks {
        let feed = Feed::Event {
            meeting: meeting.id.clone(),
            key: event.key.clone(),
        };
        let filter = Filter {
            lang,
            ..Filter::default()
        };
        EventLinks {
            google: google_event(base, meeting, event, lang),
            outlook: outlook_event(Outlook::Live, base, meeting, event, lang),
            office365: outlook_event(Outlook::Office, base, meeting, event, lang),
            ics: feed_url(base, &feed, &filter),
            download: download_url(base, &feed, &filter),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_sources;
    use crate::model::Kind;

    const BASE: &str = "https://feeds.example.org";

    const DATA: &str = r#"
id = "sg20-wp1-2018-01"
updated = 2017-09-29T00:00:00Z
groups = ["Q1/20", "Q2/20"]
title = "M"
location = { en = "ITU headquarters, Geneva", zh = "日内瓦国际电联总部" }
source = { reference = "L", date = 2017-09-29 }
contact = { email = "a@b.c" }

[[event]]
key = "q1"
kind = "meeting"
groups = ["Q1/20"]
first_day = 2018-01-15
last_day = 2018-01-23
title = { en = "Q1/20 + Q2/20 & friends", zh = "第Q1/20课题报告人组会议" }

[[event]]
key = "registration"
kind = "info"
start = 2018-01-15T08:30:00
end = 2018-01-15T09:30:00
title = "Registration"
location = "Montbrillant"
description = "Bring a passport.\n\nSecond paragraph."

[[event]]
key = "dl"
kind = "deadline"
first_day = 2018-01-11
title = "Deadline"
"#;

    fn catalog() -> Catalog {
        parse_sources([("m.toml", DATA)]).expect("valid")
    }

    fn zh() -> Filter {
        Filter {
            lang: Lang::Zh,
            ..Filter::default()
        }
    }

    #[test]
    fn query_values_escape_everything_but_unreserved_characters() {
        assert_eq!(encode("Q1/20"), "Q1%2F20");
        assert_eq!(encode("a + b & c=d"), "a%20%2B%20b%20%26%20c%3Dd");
        assert_eq!(encode("会议"), "%E4%BC%9A%E8%AE%AE");
        assert_eq!(encode("a-b.c_d~e"), "a-b.c_d~e");
        assert_eq!(encode("50% (#1)?"), "50%25%20%28%231%29%3F");
    }

    #[test]
    fn feed_urls_have_the_canonical_query_and_downloads_add_download_last() {
        let c = catalog();
        let cases = [
            (
                Feed::All,
                Filter::default(),
                "https://feeds.example.org/feeds/all.ics",
            ),
            (
                Feed::Deadlines,
                zh(),
                "https://feeds.example.org/feeds/deadlines.zh.ics",
            ),
            (
                Feed::Meeting("sg20-wp1-2018-01".into()),
                Filter::default(),
                "https://feeds.example.org/feeds/sg20-wp1-2018-01.ics",
            ),
            (
                Feed::Group("q1-20".into()),
                Filter::parse(
                    [
                        ("lang", "zh"),
                        ("group", "Q2/20,q1-20"),
                        ("kind", "info,meeting"),
                    ],
                    &c,
                )
                .unwrap(),
                "https://feeds.example.org/feeds/groups/q1-20.zh.ics?kind=meeting,info&group=q1-20,q2-20",
            ),
            (
                Feed::Event {
                    meeting: "sg20-wp1-2018-01".into(),
                    key: "registration".into(),
                },
                Filter::default(),
                "https://feeds.example.org/events/sg20-wp1-2018-01/registration.ics",
            ),
        ];
        for (feed, filter, want) in cases {
            assert_eq!(feed_url(BASE, &feed, &filter), want, "{feed:?}");
            let dl = download_url(BASE, &feed, &filter);
            let want_dl = if want.contains('?') {
                format!("{want}&download=1")
            } else {
                format!("{want}?download=1")
            };
            assert_eq!(dl, want_dl, "{feed:?}");
        }
    }

    #[test]
    fn webcal_replaces_the_scheme_of_https_and_http_urls() {
        assert_eq!(
            webcal("https://feeds.example.org/feeds/all.zh.ics"),
            "webcal://feeds.example.org/feeds/all.zh.ics"
        );
        assert_eq!(
            webcal("http://127.0.0.1:8080/feeds/all.ics"),
            "webcal://127.0.0.1:8080/feeds/all.ics"
        );
    }

    #[test]
    fn google_subscribe_puts_the_encoded_webcal_url_in_cid() {
        assert_eq!(
            google_subscribe(
                "https://feeds.example.org/feeds/groups/q1-20.zh.ics?kind=meeting,deadline"
            ),
            "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Ffeeds.example.org%2Ffeeds%2Fgroups%2Fq1-20.zh.ics%3Fkind%3Dmeeting%2Cdeadline"
        );
    }

    #[test]
    fn outlook_subscribe_puts_the_encoded_https_url_and_name() {
        let url = "https://feeds.example.org/feeds/groups/q1-20.zh.ics";
        assert_eq!(
            outlook_subscribe(Outlook::Live, url, "ITU-T Q1/20 meetings"),
            "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Ffeeds.example.org%2Ffeeds%2Fgroups%2Fq1-20.zh.ics&name=ITU-T%20Q1%2F20%20meetings"
        );
        assert_eq!(
            outlook_subscribe(Outlook::Office, url, "ITU-T Q1/20会议"),
            "https://outlook.office.com/calendar/0/addfromweb?url=https%3A%2F%2Ffeeds.example.org%2Ffeeds%2Fgroups%2Fq1-20.zh.ics&name=ITU-T%20Q1%2F20%E4%BC%9A%E8%AE%AE"
        );
    }

    #[test]
    fn feed_links_name_the_calendar_as_the_feed_does() {
        let c = catalog();
        let l = FeedLinks::new(BASE, &c, &Feed::Group("q1-20".into()), &zh());
        assert_eq!(l.name, "ITU-T Q1/20会议");
        assert_eq!(
            l.https,
            "https://feeds.example.org/feeds/groups/q1-20.zh.ics"
        );
        assert_eq!(
            l.webcal,
            "webcal://feeds.example.org/feeds/groups/q1-20.zh.ics"
        );
        assert_eq!(
            l.download,
            "https://feeds.example.org/feeds/groups/q1-20.zh.ics?download=1"
        );
        assert_eq!(
            l.google,
            "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Ffeeds.example.org%2Ffeeds%2Fgroups%2Fq1-20.zh.ics"
        );
        assert_eq!(
            l.page.as_deref(),
            Some("https://feeds.example.org/subscribe/groups/q1-20?lang=zh")
        );
        assert_eq!(
            l.email_html.as_deref(),
            Some("https://feeds.example.org/subscribe/groups/q1-20/email.html?lang=zh")
        );
        assert_eq!(
            l.email_txt.as_deref(),
            Some("https://feeds.example.org/subscribe/groups/q1-20/email.txt?lang=zh")
        );
        let all = FeedLinks::new("http://127.0.0.1:8080", &c, &Feed::All, &Filter::default());
        assert_eq!(all.webcal, "webcal://127.0.0.1:8080/feeds/all.ics");
        assert_eq!(
            all.outlook,
            "https://outlook.live.com/calendar/0/addfromweb?url=http%3A%2F%2F127.0.0.1%3A8080%2Ffeeds%2Fall.ics&name=ITU-T%20meetings"
        );
    }

    #[test]
    fn google_event_links_give_local_times_with_ctz_and_exclusive_all_day_ends() {
        let c = catalog();
        let m = &c.meetings[0];
        let reg = m.event("registration").unwrap();
        assert_eq!(
            google_event(BASE, m, reg, Lang::En),
            "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Registration\
             &dates=20180115T083000%2F20180115T093000&ctz=Europe%2FZurich\
             &details=Bring%20a%20passport.%20%E2%80%A6%0A%0Ahttps%3A%2F%2Ffeeds.example.org%2Fmeetings%2Fsg20-wp1-2018-01\
             &location=Montbrillant"
        );
        let q1 = m.event("q1").unwrap();
        assert_eq!(
            google_event(BASE, m, q1, Lang::En),
            "https://calendar.google.com/calendar/render?action=TEMPLATE\
             &text=Q1%2F20%20%2B%20Q2%2F20%20%26%20friends\
             &dates=20180115%2F20180124&ctz=Europe%2FZurich\
             &details=https%3A%2F%2Ffeeds.example.org%2Fmeetings%2Fsg20-wp1-2018-01\
             &location=ITU%20headquarters%2C%20Geneva"
        );
        assert_eq!(
            google_event(BASE, m, q1, Lang::Zh),
            "https://calendar.google.com/calendar/render?action=TEMPLATE\
             &text=%E7%AC%ACQ1%2F20%E8%AF%BE%E9%A2%98%E6%8A%A5%E5%91%8A%E4%BA%BA%E7%BB%84%E4%BC%9A%E8%AE%AE\
             &dates=20180115%2F20180124&ctz=Europe%2FZurich\
             &details=https%3A%2F%2Ffeeds.example.org%2Fmeetings%2Fsg20-wp1-2018-01%3Flang%3Dzh\
             &location=%E6%97%A5%E5%86%85%E7%93%A6%E5%9B%BD%E9%99%85%E7%94%B5%E8%81%94%E6%80%BB%E9%83%A8"
        );
        // a one-day deadline ends the next day
        let dl = m.event("dl").unwrap();
        assert_eq!(dl.kind, Kind::Deadline);
        assert!(google_event(BASE, m, dl, Lang::En).contains("&dates=20180111%2F20180112&"));
    }

    #[test]
    fn outlook_event_links_give_utc_times_with_z_and_exclusive_all_day_ends() {
        let c = catalog();
        let m = &c.meetings[0];
        let reg = m.event("registration").unwrap();
        assert_eq!(
            outlook_event(Outlook::Live, BASE, m, reg, Lang::En),
            "https://outlook.live.com/calendar/0/deeplink/compose?path=/calendar/action/compose&rru=addevent\
             &startdt=2018-01-15T07%3A30%3A00Z&enddt=2018-01-15T08%3A30%3A00Z&subject=Registration\
             &body=Bring%20a%20passport.%20%E2%80%A6%0A%0Ahttps%3A%2F%2Ffeeds.example.org%2Fmeetings%2Fsg20-wp1-2018-01\
             &location=Montbrillant&allday=false"
        );
        let q1 = m.event("q1").unwrap();
        assert_eq!(
            outlook_event(Outlook::Office, BASE, m, q1, Lang::En),
            "https://outlook.office.com/calendar/0/deeplink/compose?path=/calendar/action/compose&rru=addevent\
             &startdt=2018-01-15&enddt=2018-01-24&subject=Q1%2F20%20%2B%20Q2%2F20%20%26%20friends\
             &body=https%3A%2F%2Ffeeds.example.org%2Fmeetings%2Fsg20-wp1-2018-01\
             &location=ITU%20headquarters%2C%20Geneva&allday=true"
        );
    }

    #[test]
    fn event_links_point_at_the_events_own_ics() {
        let c = catalog();
        let m = &c.meetings[0];
        let l = EventLinks::new(BASE, m, m.event("registration").unwrap(), Lang::Zh);
        assert_eq!(
            l.ics,
            "https://feeds.example.org/events/sg20-wp1-2018-01/registration.zh.ics"
        );
        assert_eq!(
            l.download,
            "https://feeds.example.org/events/sg20-wp1-2018-01/registration.zh.ics?download=1"
        );
    }

    #[test]
    fn long_descriptions_are_cut_at_a_word_or_anywhere_in_chinese() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four", 10), "one two…");
        assert_eq!(shorten("一二三四五六七八九十", 4), "一二三四…");
        assert_eq!(shorten("first\n\nsecond", 100), "first …");
    }

    #[test]
    fn page_paths_and_the_prefix_of_the_public_url() {
        assert_eq!(subscribe_path(&Feed::All).unwrap(), "/subscribe/all");
        assert_eq!(
            subscribe_path(&Feed::Group("q1-20".into())).unwrap(),
            "/subscribe/groups/q1-20"
        );
        assert_eq!(
            subscribe_path(&Feed::Meeting("m".into())).unwrap(),
            "/subscribe/m"
        );
        assert_eq!(
            subscribe_path(&Feed::Deadlines).unwrap(),
            "/subscribe/deadlines"
        );
        assert_eq!(
            meeting_url(BASE, "m", Lang::Zh),
            "https://feeds.example.org/meetings/m?lang=zh"
        );
        assert_eq!(path_prefix("https://feeds.example.org"), "");
        assert_eq!(path_prefix("https://example.org/itucal"), "/itucal");
        assert_eq!(path_prefix("http://127.0.0.1:8080"), "");
    }
}
