//! iCalendar feeds: one VCALENDAR with one VTIMEZONE per zone used and one VEVENT per event.
//!
//! The calendar's own properties and every VEVENT are built with the icalendar crate. What the
//! crate gets wrong or lacks is done here: no random UID or wall-clock DTSTAMP (both come from
//! the data), an exclusive DTEND for all-day events, VTIMEZONEs derived from tzdb, and folding by
//! [`super::fold`] (75 octets, never inside a UTF-8 sequence or an escape pair). Texts reach
//! the crate normalized by the loader ([`crate::model::normalize`]): it would not escape a
//! carriage return.

use super::{fold, vtimezone};
use crate::i18n::{arg, dates, isolate, tr, tr_args};
use crate::model::{Catalog, Event, Kind, Lang, Meeting, Status, Text, When};
use crate::select::{Feed, Filter};
use crate::window::Windowed;
use chrono::{Datelike, Days};
use chrono_tz::Tz;
use fluent_bundle::FluentValue;
use icalendar::{CalendarDateTime, Component, EventLike, EventStatus, Property};
use std::collections::BTreeMap;

/// The domain part of every UID. A constant of the project, never derived from the host name or
/// public URL: those change, UIDs must not.
pub const UID_DOMAIN: &str = "itucal";

/// The PRODID of every feed (no version number: a release must not change every feed's bytes).
pub const PRODID: &str = "-//itucal//ITU-T meeting feeds//EN";

/// The refresh hint, in RFC 5545 duration form.
pub const REFRESH: &str = "PT1H";

/// The zone of the service: Geneva.
pub const HOME_TZ: Tz = chrono_tz::Europe::Zurich;

/// The UID of an event: `{key}.{meeting id}@itucal`.
pub fn uid(meeting: &Meeting, event: &Event) -> String {
    format!("{}.{}@{UID_DOMAIN}", event.key, meeting.id)
}

/// The name and description of a feed, in `lang`.
pub fn feed_title(catalog: &Catalog, feed: &Feed, filter: &Filter) -> (String, String) {
    let lang = filter.lang;
    let (mut name, description) = match feed {
        Feed::All => (tr(lang, "feed-all-name"), tr(lang, "feed-all-description")),
        Feed::Deadlines => (
            tr(lang, "feed-deadlines-name"),
            tr(lang, "feed-deadlines-description"),
        ),
        Feed::Group(slug) | Feed::GroupArchive(slug) => {
            let g = catalog.group(slug).map_or(slug.as_str(), |g| g.name());
            let group = [("group", arg(g))];
            let (name, description) = match feed {
                Feed::Group(_) => ("feed-group-name", "feed-group-description"),
                _ => ("feed-group-archive-name", "feed-group-archive-description"),
            };
            (
                tr_args(lang, name, &group),
                tr_args(lang, description, &group),
            )
        }
        Feed::Year(year) => {
            // a string, so that no language groups its digits ("2,018")
            let year = year.to_string();
            let year = [("year", arg(&year))];
            (
                tr_args(lang, "feed-year-name", &year),
                tr_args(lang, "feed-year-description", &year),
            )
        }
        Feed::Meeting(id) | Feed::Event { meeting: id, .. } => {
            let m = catalog.meeting(id);
            let title = m.map_or(id.clone(), |m| m.title.get(lang).to_string());
            let desc = m
                .and_then(|m| m.description.as_ref())
                .map_or(title.clone(), |d| d.get(lang).to_string());
            match feed {
                Feed::Event { key, .. } => {
                    let e = m.and_then(|m| m.event(key));
                    let t = e.map_or(key.clone(), |e| e.title.get(lang).to_string());
                    (t, title)
                }
                _ => (title, desc),
            }
        }
    };
    // an archive that leaves the sessions out says they are in each meeting's own calendar
    let archive = matches!(feed, Feed::Year(_) | Feed::GroupArchive(_));
    let description = if archive && crate::select::leaves_sessions_out(catalog, feed, filter) {
        format!("{description} {}", tr(lang, "feed-archive-sessions"))
    } else {
        description
    };
    let mut parts: Vec<String> = Vec::new();
    if !filter.groups.is_empty() {
        let names: Vec<_> = filter
            .groups
            .iter()
            .map(|s| catalog.group(s).map_or(s.as_str(), |g| g.name()))
            .collect();
        parts.push(names.join(" + "));
    }
    if !filter.kinds.is_empty() {
        let kinds: Vec<_> = filter.kinds.iter().map(|k| kind_label(*k, lang)).collect();
        parts.push(kinds.join(" + "));
    }
    if !parts.is_empty() {
        name = format!("{name} – {}", parts.join(" – "));
    }
    (calendar_name(&name), description)
}

/// The languages [`feed_title`]'s name and description are really written in: the feed's,
/// but for a meeting's or an event's, whose name (and description) come from the data and may
/// fall back to English.
fn feed_title_langs(catalog: &Catalog, feed: &Feed, lang: Lang) -> (Lang, Lang) {
    let (Feed::Meeting(id) | Feed::Event { meeting: id, .. }) = feed else {
        return (lang, lang);
    };
    let Some(m) = catalog.meeting(id) else {
        return (lang, lang);
    };
    let title_in = m.title.lang_of(lang);
    match feed {
        Feed::Event { key, .. } => {
            let event_in = m.event(key).map_or(lang, |e| e.title.lang_of(lang));
            (event_in, title_in)
        }
        _ => (
            title_in,
            m.description.as_ref().map_or(title_in, |d| d.lang_of(lang)),
        ),
    }
}

/// A kind of event, plural and lower case, as a filtered feed's name lists it.
fn kind_label(kind: Kind, lang: Lang) -> String {
    tr(lang, &format!("feed-kind-{}", kind_id(kind)))
}

/// The word a kind's messages are named with (`kind-notice`, `feed-kind-notices`, …).
pub fn kind_id(kind: Kind) -> &'static str {
    match kind {
        Kind::Meeting => "meetings",
        Kind::Session => "sessions",
        Kind::Deadline => "deadlines",
        Kind::Info => "notices",
    }
}

/// A calendar name as Outlook web shows it: no commas or semicolons (it would show the escaping
/// backslash), no backslashes or line breaks, on one line.
pub fn calendar_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '\\' | '\n' | '\t' => " ".to_string(),
            ',' | ';' => " · ".to_string(),
            '，' | '；' => "·".to_string(),
            c => c.to_string(),
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The zone named in `X-WR-TIMEZONE`: the meetings' zone if they share one, else Geneva's.
fn feed_zone(selection: &[(&Meeting, &Event)]) -> Tz {
    let mut zones = selection.iter().map(|(m, _)| m.tz);
    match zones.next() {
        Some(first) if zones.all(|z| z == first) => first,
        _ => HOME_TZ,
    }
}

/// A windowed feed's description: `description`, then the stretch of time the feed covers.
pub fn window_description(description: &str, w: &Windowed<'_>, lang: Lang) -> String {
    let from = dates::long(w.from, lang);
    let mut args = vec![("description", arg(description)), ("from", arg(&from))];
    let through = w.through.map(|d| dates::long(d, lang));
    if let Some(through) = &through {
        args.push(("through", arg(through)));
    }
    let id = match through {
        None => "feed-window",
        Some(_) => "feed-window-through",
    };
    tr_args(lang, id, &args)
}

/// Renders a whole feed. `selection` comes from [`crate::select::select`] for the same feed
/// and filter, through [`crate::window::window`] for a windowed feed, whose `window` the
/// calendar's description then tells. A feed with no events still names its zone and carries
/// its VTIMEZONE.
pub fn calendar(
    catalog: &Catalog,
    feed: &Feed,
    filter: &Filter,
    selection: &[(&Meeting, &Event)],
    window: Option<&Windowed<'_>>,
) -> String {
    let lang = filter.lang;
    let (name, mut description) = feed_title(catalog, feed, filter);
    // only when it left something out: a small catalog's feeds read as they always have
    if let Some(w) = window.filter(|w| w.left_out > 0) {
        description = window_description(&description, w, lang);
    }
    let (name_in, description_in) = feed_title_langs(catalog, feed, filter.lang);
    let zone = feed_zone(selection);

    // No METHOD: CalDAV servers refuse a calendar object that has one (RFC 4791 §4.1), and
    // METHOD:PUBLISH asks for an ORGANIZER in every VEVENT (RFC 5546 §3.2.1), which a published
    // feed leaves out. A file without METHOD is a plain calendar, which is what a feed is.
    let mut head = icalendar::Calendar::empty();
    head.append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(
            Property::new("NAME", &name)
                .add_parameter("LANGUAGE", name_in.code())
                .done(),
        )
        .append_property(Property::new("X-WR-CALNAME", &name))
        .append_property(
            Property::new("DESCRIPTION", &description)
                .add_parameter("LANGUAGE", description_in.code())
                .done(),
        )
        .append_property(Property::new("X-WR-CALDESC", &description))
        .append_property(Property::new("X-WR-TIMEZONE", zone.name()))
        .append_property(
            Property::new("REFRESH-INTERVAL", REFRESH)
                .add_parameter("VALUE", "DURATION")
                .done(),
        )
        .append_property(Property::new("X-PUBLISHED-TTL", REFRESH));
    let head = head.to_string();
    let head = head.strip_suffix("END:VCALENDAR\r\n").unwrap_or(&head);

    // ~1.4 kB per event: reserve once instead of doubling through a 70 MB feed
    let mut out = String::with_capacity(head.len() + selection.len() * 1400);
    fold::refold_into(head, &mut out);
    for (tz, years) in zones_used(selection, zone) {
        out.push_str(&vtimezone::vtimezone(tz, years));
    }
    // one buffer for what the crate writes of each event, before it is re-folded into `out`
    let mut written = String::with_capacity(4096);
    // the description footer is the same for every event of a meeting (timed or all-day)
    let mut footers: Option<(&Meeting, String, String)> = None;
    for &(m, e) in selection {
        if footers.as_ref().is_none_or(|f| !std::ptr::eq(f.0, m)) {
            footers = Some((m, footer(m, true, lang), footer(m, false, lang)));
        }
        let Some((_, timed, all_day)) = &footers else {
            unreachable!("set above")
        };
        let own_footer = if matches!(e.when, When::Timed { .. }) {
            timed
        } else {
            all_day
        };
        written.clear();
        vevent(m, e, lang, own_footer)
            .fmt_write(&mut written)
            .expect("writing to a String cannot fail");
        fold::refold_into(&written, &mut out);
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// What a subscriber of a feed in `lang` sees of `event`: its VEVENT's content lines, unfolded,
/// without the three that tell its revision (`SEQUENCE`, `DTSTAMP`, `LAST-MODIFIED`). The lock
/// file hashes this, in every language, to see which events changed.
pub fn event_content(meeting: &Meeting, event: &Event, lang: Lang) -> String {
    let timed = matches!(event.when, When::Timed { .. });
    let mut written = String::new();
    vevent(meeting, event, lang, &footer(meeting, timed, lang))
        .fmt_write(&mut written)
        .expect("writing to a String cannot fail");
    let unfolded = fold::unfold(&written);
    let mut out = String::with_capacity(unfolded.len());
    for line in unfolded.split_terminator("\r\n") {
        let revision = ["SEQUENCE:", "DTSTAMP:", "LAST-MODIFIED:"]
            .iter()
            .any(|p| line.starts_with(p));
        if !revision {
            out.push_str(line);
            out.push_str("\r\n");
        }
    }
    out
}

/// Every zone the feed needs a VTIMEZONE for, with the years its events span there.
fn zones_used(
    selection: &[(&Meeting, &Event)],
    feed_zone: Tz,
) -> Vec<(Tz, std::ops::RangeInclusive<i32>)> {
    let mut spans: BTreeMap<&'static str, (Tz, i32, i32)> = BTreeMap::new();
    for (m, e) in selection {
        let (a, b) = (e.when.first_date().year(), e.when.last_date().year());
        let s = spans.entry(m.tz.name()).or_insert((m.tz, a, b));
        s.1 = s.1.min(a);
        s.2 = s.2.max(b);
    }
    let all = spans
        .values()
        .fold(None, |acc: Option<(i32, i32)>, &(_, a, b)| {
            Some(acc.map_or((a, b), |(x, y)| (x.min(a), y.max(b))))
        })
        .unwrap_or((1970, 1970));
    spans
        .entry(feed_zone.name())
        .or_insert((feed_zone, all.0, all.1));
    spans.into_values().map(|(tz, a, b)| (tz, a..=b)).collect()
}

/// The VEVENT of `event`, built with the icalendar crate. `footer` is [`footer`] of the meeting
/// for this kind of event.
///
/// Everything comes from the data, as the crate would otherwise fill it in wrongly for a feed: a
/// random UID and the current time as DTSTAMP when they are not set (every refresh would then
/// duplicate or rewrite every event), and `all_day`'s DTEND equal to DTSTART (Outlook: "ends
/// before it starts"). The crate writes the properties in alphabetical order, then CATEGORIES,
/// and folds them at 75 octets with an off-by-one: [`fold::refold_into`] folds its output again.
fn vevent(meeting: &Meeting, event: &Event, lang: Lang, footer: &str) -> icalendar::Event {
    let mut ev = icalendar::Event::new();
    ev.uid(&uid(meeting, event))
        .timestamp(event.updated)
        .last_modified(event.updated)
        .sequence(event.sequence);
    match &event.when {
        When::AllDay { first, last } => {
            // DTEND of an all-day event is exclusive: the day after the last day
            let end = last.checked_add_days(Days::new(1)).unwrap_or(*last);
            ev.starts(*first).ends(end);
        }
        When::Timed { start, end, .. } => {
            let tzid = meeting.tz.name();
            ev.starts(CalendarDateTime::WithTimezone {
                date_time: *start,
                tzid: tzid.to_string(),
            })
            .ends(CalendarDateTime::WithTimezone {
                date_time: *end,
                tzid: tzid.to_string(),
            });
        }
    }
    ev.append_property(
        Property::new("SUMMARY", summary(event, lang))
            .add_parameter("LANGUAGE", event.title.lang_of(lang).code())
            .done(),
    );
    // the event's own text decides the language (English when it fell back); the footer
    // around it is always in the feed's
    let described_in = event.description.as_ref().map_or(lang, |d| d.lang_of(lang));
    ev.append_property(
        Property::new("DESCRIPTION", description_with(event, footer, lang))
            .add_parameter("LANGUAGE", described_in.code())
            .done(),
    );
    if let Some(loc) = event.location.as_ref().or(meeting.location.as_ref()) {
        ev.append_property(text_prop("LOCATION", loc, lang));
    }
    if let Some(url) = event.url.as_ref().or(meeting.url.as_ref()) {
        ev.url(url);
    }
    ev.status(match event.status {
        Status::Confirmed => EventStatus::Confirmed,
        Status::Tentative => EventStatus::Tentative,
        Status::Cancelled => EventStatus::Cancelled,
    });
    ev.append_property(Property::new(
        "TRANSP",
        if event.kind.is_transparent() {
            "TRANSPARENT"
        } else {
            "OPAQUE"
        },
    ));
    ev.categories(
        std::iter::once(event.kind.name()).chain(meeting.groups_of(event).map(|g| g.name())),
    );
    ev
}

/// The SUMMARY of an event in `lang`: its title, after "Cancelled: " when it is cancelled (it
/// keeps its place in the calendars that strike it through, and says so in those that show it
/// plainly).
pub fn summary(event: &Event, lang: Lang) -> String {
    let title = event.title.get(lang);
    if event.status == Status::Cancelled {
        tr_args(lang, "feed-cancelled-title", &[("title", arg(&title))])
    } else {
        title.into_owned()
    }
}

/// A TEXT property in `lang`, labelled with the language the text is really in (English when a
/// Chinese feed falls back to it).
fn text_prop(key: &str, text: &Text, lang: Lang) -> Property {
    Property::new(key, text.get(lang))
        .add_parameter("LANGUAGE", text.lang_of(lang).code())
        .done()
}

/// The event's own description followed by the meeting's footer: source letter, time zone,
/// contact and page.
pub fn description(meeting: &Meeting, event: &Event, lang: Lang) -> String {
    let timed = matches!(event.when, When::Timed { .. });
    description_with(event, &footer(meeting, timed, lang), lang)
}

/// [`description`] with the meeting's footer already built; an event the lock's history tells
/// a change of ends with that change, on one line.
fn description_with(event: &Event, footer: &str, lang: Lang) -> String {
    let own = event
        .description
        .as_ref()
        .map(|d| super::prose::delimit_urls(d.get(lang).trim_end()));
    let own = own.as_deref();
    let mut out = String::with_capacity(own.map_or(0, |d| d.len() + 2) + footer.len());
    if let Some(d) = own {
        out.push_str(d);
        out.push_str("\n\n");
    }
    out.push_str(footer);
    if let Some(change) = &event.change {
        out.push('\n');
        out.push_str(&changed_line(change, lang));
    }
    out
}

/// "Changed on 16 January 2018: …" (the date in Geneva).
pub fn changed_line(change: &crate::model::LastChange, lang: Lang) -> String {
    let date = dates::long(change.at.with_timezone(&HOME_TZ).date_naive(), lang);
    tr_args(
        lang,
        "footer-changed",
        &[
            ("date", arg(&date)),
            ("change", arg(&change.text.get(lang))),
        ],
    )
}

/// The footer every description ends with, without trailing white space: the same for every
/// timed (or every all-day) event of a meeting, so a feed builds it once per meeting.
fn footer(meeting: &Meeting, timed: bool, lang: Lang) -> String {
    let mut out = String::new();
    footer_into(meeting, timed, lang, &mut out);
    out.truncate(out.trim_end().len());
    out
}

fn footer_into(meeting: &Meeting, timed: bool, lang: Lang, out: &mut String) {
    let c = &meeting.contact;
    let iso = |s: &str| isolate(s, lang);
    let line = |out: &mut String, id: &str, args: &[(&str, FluentValue<'_>)]| {
        out.push_str(&tr_args(lang, id, args));
        out.push('\n');
    };
    let date = dates::long(meeting.source.date, lang);
    let reference = &meeting.source.reference.get(lang);
    line(
        out,
        "footer-source",
        &[("reference", arg(reference)), ("date", arg(&date))],
    );
    let zone = zone_label(meeting.tz, lang);
    let zone_line = if timed {
        "footer-times"
    } else {
        "footer-dates"
    };
    line(out, zone_line, &[("zone", arg(&zone))]);
    out.push_str(&tr_args(
        lang,
        "footer-contact",
        &[("email", arg(&iso(&c.email)))],
    ));
    if let Some(p) = &c.phone {
        out.push_str(&tr_args(
            lang,
            "footer-contact-phone",
            &[("phone", arg(&iso(p)))],
        ));
    }
    if let Some(f) = &c.fax {
        out.push_str(&tr_args(
            lang,
            "footer-contact-fax",
            &[("fax", arg(&iso(f)))],
        ));
    }
    line(out, "footer-contact-end", &[]);
    if let Some(w) = &c.web {
        line(out, "footer-study-group", &[("url", arg(&iso(w)))]);
    }
    if let Some(u) = &meeting.url {
        line(out, "footer-meeting-page", &[("url", arg(&iso(u)))]);
    }
}

/// The zone named next to times: "Geneva time (Europe/Zurich)", else "local time (Zone/Name)".
pub fn zone_label(tz: Tz, lang: Lang) -> String {
    let id = if tz == HOME_TZ {
        "zone-home"
    } else {
        "zone-local"
    };
    tr_args(lang, id, &[("zone", arg(&isolate(tz.name(), lang)))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_sources;
    use crate::select::{Filter, select};

    const DATA: &str = r#"
id = "t"
updated = 2018-01-02T03:04:05Z
groups = ["Q1/20"]
url = "https://example.org/m"
title = { en = "Test, meeting; one", zh = "测试会议，一" }
location = "Geneva"
source = { reference = "TSB Collective Letter 3/20", date = 2017-09-29 }
contact = { email = "tsbsg20@itu.int" }

[[event]]
key = "day"
kind = "meeting"
groups = ["Q1/20"]
first_day = 2018-01-15
title = "One day"

[[event]]
key = "days"
kind = "deadline"
first_day = 2018-01-15
last_day = 2018-01-23
title = { en = "Nine days, a \\ b; c", zh = "九天" }
description = "Line one\r\nLine two\twith tab, comma; semicolon \\ backslash: colon 😀 e\u0301"
updated = 2018-02-01T00:00:00Z
status = "cancelled"

[[event]]
key = "timed"
kind = "session"
start = 2018-07-02T09:30:00
end = 2018-07-02T12:30:00
title = "Summer session"
"#;

    fn render(lang: Lang) -> String {
        let c = parse_sources([("t.toml", DATA)]).unwrap();
        let f = Filter {
            lang,
            ..Filter::default()
        };
        let sel = select(&c, &Feed::All, &f).unwrap();
        calendar(&c, &Feed::All, &f, &sel, None)
    }

    /// The properties of the VEVENT with `uid_prefix`, unfolded.
    fn event(ics: &str, key: &str) -> Vec<String> {
        let unfolded = fold::unfold(ics);
        let block = unfolded
            .split("BEGIN:VEVENT\r\n")
            .find(|b| b.contains(&format!("UID:{key}.t@itucal\r\n")))
            .unwrap_or_else(|| panic!("no event {key}"));
        block
            .split("\r\n")
            .take_while(|l| *l != "END:VEVENT")
            .map(str::to_string)
            .collect()
    }

    fn unescape(v: &str) -> String {
        let mut out = String::new();
        let mut it = v.chars();
        while let Some(c) = it.next() {
            if c == '\\' {
                match it.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(o) => out.push(o),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn all_day_events_have_an_exclusive_date_end() {
        let ics = render(Lang::En);
        let day = event(&ics, "day");
        assert!(day.contains(&"DTSTART;VALUE=DATE:20180115".to_string()));
        assert!(day.contains(&"DTEND;VALUE=DATE:20180116".to_string()));
        let days = event(&ics, "days");
        assert!(days.contains(&"DTEND;VALUE=DATE:20180124".to_string()));
    }

    #[test]
    fn timed_events_carry_their_zone_never_floating() {
        let ics = render(Lang::En);
        let e = event(&ics, "timed");
        assert!(e.contains(&"DTSTART;TZID=Europe/Zurich:20180702T093000".to_string()));
        assert!(e.contains(&"DTEND;TZID=Europe/Zurich:20180702T123000".to_string()));
        assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Zurich\r\n"));
        assert!(ics.contains("X-WR-TIMEZONE:Europe/Zurich\r\n"));
    }

    #[test]
    fn identity_and_revision_come_from_the_data() {
        let ics = render(Lang::En);
        let e = event(&ics, "days");
        for want in [
            "UID:days.t@itucal",
            "DTSTAMP:20180201T000000Z",
            "LAST-MODIFIED:20180201T000000Z",
            "SEQUENCE:0",
            "STATUS:CANCELLED",
            "TRANSP:TRANSPARENT",
            "CATEGORIES:deadline",
        ] {
            assert!(e.contains(&want.to_string()), "{want} missing in {e:#?}");
        }
        let day = event(&ics, "day");
        for want in [
            "DTSTAMP:20180102T030405Z",
            "SEQUENCE:0",
            "STATUS:CONFIRMED",
            "TRANSP:OPAQUE",
            "CATEGORIES:meeting,Q1/20",
            "URL:https://example.org/m",
            "LOCATION;LANGUAGE=en:Geneva",
        ] {
            assert!(
                day.contains(&want.to_string()),
                "{want} missing in {day:#?}"
            );
        }
    }

    #[test]
    fn the_calendar_has_the_publishing_properties_once() {
        let ics = render(Lang::En);
        for (prop, n) in [
            ("VERSION:2.0\r\n", 1),
            ("PRODID:", 1),
            ("CALSCALE:GREGORIAN\r\n", 1),
            ("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n", 1),
            ("X-PUBLISHED-TTL:PT1H\r\n", 1),
            ("BEGIN:VTIMEZONE\r\n", 1),
        ] {
            assert_eq!(ics.matches(prop).count(), n, "{prop}");
        }
        // METHOD: neither REQUEST (Outlook takes the feed for an invitation) nor PUBLISH
        for banned in ["ORGANIZER", "ATTENDEE", "METHOD", "VALARM"] {
            assert!(!ics.contains(banned), "{banned}");
        }
    }

    #[test]
    fn calendar_names_hold_no_commas_or_semicolons() {
        let c = parse_sources([("t.toml", DATA)]).unwrap();
        let f = Filter::default();
        let (name, _) = feed_title(&c, &Feed::Meeting("t".into()), &f);
        assert_eq!(name, "Test · meeting · one");
        assert_eq!(calendar_name("a,b;c\\d\ne，f"), "a · b · c d e·f");
    }

    #[test]
    fn lines_are_crlf_and_at_most_75_octets() {
        for lang in Lang::ALL {
            let ics = render(lang);
            assert!(ics.ends_with("\r\n"));
            assert!(!ics.replace("\r\n", "").contains('\n'));
            assert!(!ics.replace("\r\n", "").contains('\r'));
            for line in ics.split_terminator("\r\n") {
                assert!(line.len() <= 75, "{} octets: {line}", line.len());
            }
        }
    }

    #[test]
    fn text_is_escaped_and_round_trips() {
        let ics = render(Lang::En);
        let e = event(&ics, "days");
        let summary = e
            .iter()
            .find_map(|l| l.strip_prefix("SUMMARY;LANGUAGE=en:"))
            .unwrap();
        // cancelled: the title says so in the feed's language
        assert_eq!(summary, "Cancelled: Nine days\\, a \\\\ b\\; c");
        assert_eq!(unescape(summary), "Cancelled: Nine days, a \\ b; c");
        let desc = e
            .iter()
            .find_map(|l| l.strip_prefix("DESCRIPTION;LANGUAGE=en:"))
            .unwrap();
        assert!(unescape(desc).starts_with(
            "Line one\nLine two\twith tab, comma; semicolon \\ backslash: colon 😀 e\u{301}\n\nSource: "
        ));
    }

    #[test]
    fn chinese_feeds_mark_english_fallbacks_as_english() {
        let ics = render(Lang::Zh);
        let days = event(&ics, "days");
        assert!(days.contains(&"SUMMARY;LANGUAGE=zh:已取消：九天".to_string()));
        let day = event(&ics, "day");
        // no Chinese title: English text, labelled as English
        assert!(day.contains(&"SUMMARY;LANGUAGE=en:One day".to_string()));
        assert!(ics.contains("X-WR-CALNAME:ITU-T会议\r\n"));
    }

    /// Reverses TEXT escaping (RFC 5545 §3.3.11), independently of the icalendar crate.
    fn unescape_text(v: &str) -> String {
        unescape(v)
    }

    proptest::proptest! {
        #[test]
        fn any_text_round_trips_through_escape_fold_unfold_unescape(s in "\\PC{0,300}|[\\\\,;:\n\r\t a-z\u{4f1a}\u{1F600}\u{301}]{0,300}") {
            let text = crate::model::normalize(&s);
            let mut ev = icalendar::Event::new();
            ev.uid("u").timestamp(chrono::DateTime::UNIX_EPOCH);
            ev.append_property(Property::new("DESCRIPTION", text.as_str()));
            let mut out = String::new();
            fold::refold_into(&ev.to_string(), &mut out);
            for line in out.split_terminator("\r\n") {
                proptest::prop_assert!(line.len() <= fold::LIMIT, "{} octets", line.len());
            }
            let unfolded = fold::unfold(&out);
            let value = unfolded
                .split("\r\n")
                .find_map(|l| l.strip_prefix("DESCRIPTION:"))
                .unwrap();
            proptest::prop_assert_eq!(unescape_text(value), text);
        }
    }

    #[test]
    fn rendering_is_byte_identical_every_time() {
        assert_eq!(render(Lang::En), render(Lang::En));
        assert_eq!(render(Lang::Zh), render(Lang::Zh));
    }

    #[test]
    fn a_feed_mixing_zones_has_one_vtimezone_each() {
        let dubai = DATA.replace("id = \"t\"", "id = \"d\"\ntimezone = \"Asia/Dubai\"");
        let c = parse_sources([("t.toml", DATA), ("d.toml", dubai.as_str())]).unwrap();
        let f = Filter::default();
        let sel = select(&c, &Feed::All, &f).unwrap();
        let ics = calendar(&c, &Feed::All, &f, &sel, None);
        assert_eq!(ics.matches("BEGIN:VTIMEZONE\r\n").count(), 2);
        assert!(ics.contains("TZID:Asia/Dubai\r\n"));
        assert!(ics.contains("DTSTART;TZID=Asia/Dubai:20180702T093000"));
        // mixed zones: the calendar's zone is Geneva's
        assert!(ics.contains("X-WR-TIMEZONE:Europe/Zurich\r\n"));
    }
}
