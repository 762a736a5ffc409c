//! iCalendar feeds: one VCALENDAR with one VTIMEZONE per zone used and one VEVENT per event.
//!
//! The calendar's own properties are built with the icalendar crate. VEVENTs are written
//! straight into the output, because building the crate's `Event` per event (a map of owned
//! properties, then its serializer, then our re-fold) was five times slower than the 100 ms a
//! 50,000-event feed may take (docs/BENCHMARKS.md). The crate stays the reference: a test
//! renders every test event with it and requires the same bytes. What the crate gets wrong or
//! lacks is done here: no random UID or wall-clock DTSTAMP (both come from the data), an
//! exclusive DTEND for all-day events, VTIMEZONEs derived from tzdb, and folding by
//! [`super::fold`] (75 octets, never inside a UTF-8 sequence or an escape pair).

use super::{fold, vtimezone};
use crate::model::{Catalog, Event, Kind, Lang, Meeting, Status, When};
use crate::select::{Feed, Filter};
use chrono::{Datelike, Days, NaiveDate};
use chrono_tz::Tz;
use icalendar::Property;
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
    let zh = lang == Lang::Zh;
    let (mut name, description) = match feed {
        Feed::All => (
            if zh { "ITU-T会议" } else { "ITU-T meetings" }.to_string(),
            if zh {
                "根据电信标准化局集体函整理的ITU-T会议日程。"
            } else {
                "ITU-T meetings from the TSB collective letters."
            }
            .to_string(),
        ),
        Feed::Deadlines => (
            if zh {
                "ITU-T截止日期"
            } else {
                "ITU-T deadlines"
            }
            .to_string(),
            if zh {
                "ITU-T会议的截止日期（文稿、注册、签证）。"
            } else {
                "Deadlines of ITU-T meetings: contributions, registration, visas."
            }
            .to_string(),
        ),
        Feed::Group(slug) => {
            let g = catalog.group(slug).map_or(slug.as_str(), |g| g.name());
            if zh {
                (
                    format!("ITU-T {g}会议"),
                    format!("{g}的会议，以及其所在会议的截止日期和注册等事项。"),
                )
            } else {
                (
                    format!("ITU-T {g} meetings"),
                    format!(
                        "Meetings of {g}, with the deadlines and registration of the meetings that include it."
                    ),
                )
            }
        }
        Feed::Meeting(id) | Feed::Event { meeting: id, .. } => {
            let m = catalog.meeting(id);
            let title = m.map_or(id.clone(), |m| m.title.get(lang).to_string());
            let desc = m
                .and_then(|m| m.description.as_ref())
                .map_or(title.clone(), |d| d.get(lang).to_string());
            match feed {
                Feed::Event { meeting, key } => {
                    let e = m.and_then(|m| m.event(key));
                    let t = e.map_or(key.clone(), |e| e.title.get(lang).to_string());
                    let _ = meeting;
                    (t, title)
                }
                _ => (title, desc),
            }
        }
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

fn kind_label(kind: Kind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (Kind::Meeting, Lang::En) => "meetings",
        (Kind::Session, Lang::En) => "sessions",
        (Kind::Deadline, Lang::En) => "deadlines",
        (Kind::Info, Lang::En) => "notices",
        (Kind::Meeting, Lang::Zh) => "会议",
        (Kind::Session, Lang::Zh) => "会段",
        (Kind::Deadline, Lang::Zh) => "截止日期",
        (Kind::Info, Lang::Zh) => "通知",
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

/// Renders a whole feed. `selection` comes from [`crate::select::select`] for the same feed
/// and filter. A feed with no events still names its zone and carries its VTIMEZONE.
pub fn calendar(
    catalog: &Catalog,
    feed: &Feed,
    filter: &Filter,
    selection: &[(&Meeting, &Event)],
) -> String {
    let lang = filter.lang;
    let (name, description) = feed_title(catalog, feed, filter);
    let zone = feed_zone(selection);

    let mut head = icalendar::Calendar::empty();
    head.append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .append_property(Property::new("NAME", &name))
        .append_property(Property::new("X-WR-CALNAME", &name))
        .append_property(Property::new("DESCRIPTION", &description))
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

    let mut out = fold::fold(&fold::unfold(head));
    for (tz, years) in zones_used(selection, zone) {
        out.push_str(&vtimezone::vtimezone(tz, years));
    }
    // ~1.4 kB per event: reserve once instead of doubling through a 70 MB feed
    out.reserve(selection.len() * 1400);
    let mut line = String::with_capacity(4096);
    // the description footer is the same for every event of a meeting (timed or all-day)
    let mut footers: Option<(&Meeting, String, String)> = None;
    for &(m, e) in selection {
        if footers.as_ref().is_none_or(|f| !std::ptr::eq(f.0, m)) {
            footers = Some((
                m,
                escaped_footer(m, true, lang),
                escaped_footer(m, false, lang),
            ));
        }
        let Some((_, timed, all_day)) = &footers else {
            unreachable!("set above")
        };
        let footer = if matches!(e.when, When::Timed { .. }) {
            timed
        } else {
            all_day
        };
        write_event(m, e, lang, footer, &mut out, &mut line);
    }
    out.push_str("END:VCALENDAR\r\n");
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

/// One VEVENT, folded, ending in CRLF.
pub fn event_block(meeting: &Meeting, event: &Event, lang: Lang) -> String {
    let timed = matches!(event.when, When::Timed { .. });
    let mut out = String::with_capacity(2048);
    let mut line = String::with_capacity(2048);
    let footer = escaped_footer(meeting, timed, lang);
    write_event(meeting, event, lang, &footer, &mut out, &mut line);
    out
}

/// Writes one VEVENT into `out`: each property is built in `line` (escaped as the icalendar
/// crate escapes TEXT) and folded straight into `out` with [`fold::fold_line`]. Properties are
/// in the order the icalendar crate writes them (alphabetical, then CATEGORIES), so the bytes are
/// those of [`event_block_reference`]. `footer` is [`escaped_footer`] of the meeting.
fn write_event(
    meeting: &Meeting,
    event: &Event,
    lang: Lang,
    footer: &str,
    out: &mut String,
    line: &mut String,
) {
    out.push_str("BEGIN:VEVENT\r\n");
    line.push_str("DESCRIPTION;LANGUAGE=");
    line.push_str(lang.code());
    line.push(':');
    if let Some(d) = &event.description {
        escape_into(d.get(lang).trim_end(), line);
        line.push_str("\\n\\n");
    }
    line.push_str(footer);
    emit(line, out);
    let (start, end, tz) = match &event.when {
        // DTEND of an all-day event is exclusive: the day after the last day
        When::AllDay { first, last } => (
            first.and_time(chrono::NaiveTime::MIN),
            last.checked_add_days(Days::new(1))
                .unwrap_or(*last)
                .and_time(chrono::NaiveTime::MIN),
            None,
        ),
        When::Timed { start, end, .. } => (*start, *end, Some(meeting.tz.name())),
    };
    push_date_prop("DTEND", end, tz, line);
    emit(line, out);
    line.push_str("DTSTAMP:");
    push_stamp(event.updated.naive_utc(), true, line);
    emit(line, out);
    push_date_prop("DTSTART", start, tz, line);
    emit(line, out);
    line.push_str("LAST-MODIFIED:");
    push_stamp(event.updated.naive_utc(), true, line);
    emit(line, out);
    if let Some(loc) = event.location.as_ref().or(meeting.location.as_ref()) {
        line.push_str("LOCATION;LANGUAGE=");
        line.push_str(loc.lang_of(lang).code());
        line.push(':');
        escape_into(loc.get(lang), line);
        emit(line, out);
    }
    line.push_str("SEQUENCE:");
    push_digits(event.sequence, 1, line);
    emit(line, out);
    line.push_str(match event.status {
        Status::Confirmed => "STATUS:CONFIRMED",
        Status::Tentative => "STATUS:TENTATIVE",
        Status::Cancelled => "STATUS:CANCELLED",
    });
    emit(line, out);
    line.push_str("SUMMARY;LANGUAGE=");
    line.push_str(event.title.lang_of(lang).code());
    line.push(':');
    escape_into(event.title.get(lang), line);
    emit(line, out);
    line.push_str(if event.kind.is_transparent() {
        "TRANSP:TRANSPARENT"
    } else {
        "TRANSP:OPAQUE"
    });
    emit(line, out);
    // the pieces of [`uid`], escaped one by one (escaping is per character): no allocation
    line.push_str("UID:");
    escape_into(&event.key, line);
    line.push('.');
    escape_into(&meeting.id, line);
    line.push('@');
    line.push_str(UID_DOMAIN);
    emit(line, out);
    if let Some(url) = event.url.as_ref().or(meeting.url.as_ref()) {
        line.push_str("URL:");
        line.push_str(url);
        emit(line, out);
    }
    line.push_str("CATEGORIES:");
    escape_into(event.kind.name(), line);
    for g in meeting.groups_of(event) {
        line.push(',');
        escape_into(g.name(), line);
    }
    emit(line, out);
    out.push_str("END:VEVENT\r\n");
}

/// `DTSTART;VALUE=DATE:20180115` (all-day, `tz` None) or `DTSTART;TZID=Europe/Zurich:20180115T083000`.
fn push_date_prop(key: &str, at: chrono::NaiveDateTime, tz: Option<&str>, line: &mut String) {
    line.push_str(key);
    match tz {
        None => {
            line.push_str(";VALUE=DATE:");
            push_ymd(at.date(), line);
        }
        Some(tz) => {
            line.push_str(";TZID=");
            line.push_str(tz);
            line.push(':');
            push_stamp(at, false, line);
        }
    }
}

fn push_ymd(d: NaiveDate, line: &mut String) {
    push_digits(d.year().max(0) as u32, 4, line);
    push_digits(d.month(), 2, line);
    push_digits(d.day(), 2, line);
}

/// `20180115T083000`, with a `Z` when `utc`.
fn push_stamp(t: chrono::NaiveDateTime, utc: bool, line: &mut String) {
    use chrono::Timelike;
    push_ymd(t.date(), line);
    line.push('T');
    push_digits(t.hour(), 2, line);
    push_digits(t.minute(), 2, line);
    push_digits(t.second(), 2, line);
    if utc {
        line.push('Z');
    }
}

/// `n` in decimal, zero-padded to at least `width` digits (no allocation: this runs several
/// times per event).
fn push_digits(n: u32, width: usize, line: &mut String) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    let mut rest = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for _ in digits.len() - i..width {
        line.push('0');
    }
    for &d in &digits[i..] {
        line.push(char::from(d));
    }
}

/// Folds the property in `line` into `out` and empties `line` for the next one.
fn emit(line: &mut String, out: &mut String) {
    fold::fold_line(line, out);
    line.clear();
}

/// TEXT escaping exactly as the icalendar crate does it (`\` `,` `;` and line feeds), in one
/// pass over the bytes.
fn escape_into(s: &str, out: &mut String) {
    const SPECIAL: [bool; 256] = {
        let mut t = [false; 256];
        t[b'\\' as usize] = true;
        t[b',' as usize] = true;
        t[b';' as usize] = true;
        t[b'\n' as usize] = true;
        t
    };
    let bytes = s.as_bytes();
    let mut last = 0;
    while let Some(off) = bytes[last..].iter().position(|&b| SPECIAL[usize::from(b)]) {
        let i = last + off;
        out.push_str(&s[last..i]);
        out.push_str(match bytes[i] {
            b'\\' => "\\\\",
            b',' => "\\,",
            b';' => "\\;",
            _ => "\\n",
        });
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// The event's own description followed by the meeting's footer: source letter, time zone,
/// contact and page.
pub fn description(meeting: &Meeting, event: &Event, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(d) = &event.description {
        out.push_str(d.get(lang).trim_end());
        out.push_str("\n\n");
    }
    footer_into(
        meeting,
        matches!(event.when, When::Timed { .. }),
        lang,
        &mut out,
    );
    out.truncate(out.trim_end().len());
    out
}

/// The footer [`description`] ends with, escaped for a TEXT value: the same for every timed (or
/// every all-day) event of a meeting, so a feed computes it once per meeting.
fn escaped_footer(meeting: &Meeting, timed: bool, lang: Lang) -> String {
    let mut footer = String::new();
    footer_into(meeting, timed, lang, &mut footer);
    let mut out = String::with_capacity(footer.len() + 32);
    escape_into(footer.trim_end(), &mut out);
    out
}

fn footer_into(meeting: &Meeting, timed: bool, lang: Lang, out: &mut String) {
    let c = &meeting.contact;
    let reference = meeting.source.reference.get(lang);
    let zone = zone_label(meeting.tz, lang);
    match lang {
        Lang::En => {
            out.push_str(&format!(
                "Source: {reference} of {}.\n",
                english_date(meeting.source.date)
            ));
            if timed {
                out.push_str(&format!("Times are in {zone}.\n"));
            } else {
                out.push_str(&format!("Dates are in {zone}.\n"));
            }
            out.push_str(&format!("Contact: {}", c.email));
            if let Some(p) = &c.phone {
                out.push_str(&format!(", tel. {p}"));
            }
            if let Some(f) = &c.fax {
                out.push_str(&format!(", fax {f}"));
            }
            out.push_str(".\n");
            if let Some(w) = &c.web {
                out.push_str(&format!("Study group: {w}\n"));
            }
            if let Some(u) = &meeting.url {
                out.push_str(&format!("Meeting page: {u}\n"));
            }
        }
        Lang::Zh => {
            let d = meeting.source.date;
            out.push_str(&format!(
                "来源：{reference}（{}年{}月{}日）。\n",
                d.year(),
                d.month(),
                d.day()
            ));
            if timed {
                out.push_str(&format!("时间为{zone}。\n"));
            } else {
                out.push_str(&format!("日期为{zone}。\n"));
            }
            out.push_str(&format!("联系方式：{}", c.email));
            if let Some(p) = &c.phone {
                out.push_str(&format!("，电话 {p}"));
            }
            if let Some(f) = &c.fax {
                out.push_str(&format!("，传真 {f}"));
            }
            out.push_str("。\n");
            if let Some(w) = &c.web {
                out.push_str(&format!("研究组网页：{w}\n"));
            }
            if let Some(u) = &meeting.url {
                out.push_str(&format!("会议网页：{u}\n"));
            }
        }
    }
}

fn zone_label(tz: Tz, lang: Lang) -> String {
    match (tz == HOME_TZ, lang) {
        (true, Lang::En) => "Geneva time (Europe/Zurich)".into(),
        (true, Lang::Zh) => "日内瓦时间（Europe/Zurich）".into(),
        (false, Lang::En) => format!("local time ({})", tz.name()),
        (false, Lang::Zh) => format!("当地时间（{}）", tz.name()),
    }
}

/// "29 September 2017", as ITU-T's English letters write dates.
pub fn english_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), d.format("%B"), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;
    use icalendar::{CalendarDateTime, Component, EventLike, EventStatus};

    /// The VEVENT as the icalendar crate writes it, re-folded: the oracle [`write_event`] must match
    /// byte for byte (see the test below).
    fn event_block_reference(meeting: &Meeting, event: &Event, lang: Lang) -> String {
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
                let tzid = meeting.tz.name().to_string();
                ev.starts(CalendarDateTime::WithTimezone {
                    date_time: *start,
                    tzid: tzid.clone(),
                })
                .ends(CalendarDateTime::WithTimezone {
                    date_time: *end,
                    tzid,
                });
            }
        }
        ev.append_property(text_prop("SUMMARY", &event.title, lang));
        ev.append_property(
            Property::new("DESCRIPTION", description(meeting, event, lang))
                .add_parameter("LANGUAGE", lang.code())
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
        let mut categories = vec![event.kind.name().to_string()];
        categories.extend(meeting.groups_of(event).map(|g| g.name().to_string()));
        ev.categories(categories);
        serialize(&ev)
    }

    /// A component as the icalendar crate writes it (escaped), re-folded by [`fold`].
    fn serialize(component: &impl Component) -> String {
        fold::fold(&fold::unfold(&component.to_string()))
    }

    fn text_prop(key: &str, text: &Text, lang: Lang) -> Property {
        Property::new(key, text.get(lang))
            .add_parameter("LANGUAGE", text.lang_of(lang).code())
            .done()
    }

    #[test]
    fn the_direct_writer_writes_the_bytes_the_icalendar_crate_writes() {
        let seed = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/sg20-wp1-2018-01.toml"
        ))
        .unwrap();
        let c = parse_sources([("t.toml", DATA), ("seed.toml", seed.as_str())]).expect("valid");
        for m in &c.meetings {
            for e in &m.events {
                for lang in Lang::ALL {
                    assert_eq!(
                        event_block(m, e, lang),
                        event_block_reference(m, e, lang),
                        "{} {} {lang:?}",
                        m.id,
                        e.key
                    );
                }
            }
        }
    }
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
sequence = 3
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
        calendar(&c, &Feed::All, &f, &sel)
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
            "SEQUENCE:3",
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
            ("METHOD:PUBLISH\r\n", 1),
            ("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n", 1),
            ("X-PUBLISHED-TTL:PT1H\r\n", 1),
            ("BEGIN:VTIMEZONE\r\n", 1),
        ] {
            assert_eq!(ics.matches(prop).count(), n, "{prop}");
        }
        for banned in ["ORGANIZER", "ATTENDEE", "METHOD:REQUEST", "VALARM"] {
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
        assert_eq!(summary, "Nine days\\, a \\\\ b\\; c");
        assert_eq!(unescape(summary), "Nine days, a \\ b; c");
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
        assert!(days.contains(&"SUMMARY;LANGUAGE=zh:九天".to_string()));
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
            let out = serialize(&ev);
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
        let ics = calendar(&c, &Feed::All, &f, &sel);
        assert_eq!(ics.matches("BEGIN:VTIMEZONE\r\n").count(), 2);
        assert!(ics.contains("TZID:Asia/Dubai\r\n"));
        assert!(ics.contains("DTSTART;TZID=Asia/Dubai:20180702T093000"));
        // mixed zones: the calendar's zone is Geneva's
        assert!(ics.contains("X-WR-TIMEZONE:Europe/Zurich\r\n"));
    }
}
