//! `GET /meetings/{id}`: the meeting as its letter gives it: title, dates, venue, the events as
//! a table in the meeting's time (Geneva) with "add to calendar" links, the time plan (or that
//! it is not yet published), the deadlines, the agenda, the descriptions and the contacts.
//!
//! The time plan's sessions are shown once, in the plan's tables ([`super::plan`]): the
//! programme table and the descriptions hold the events of the meeting's file, so that the
//! page stays small when a plan has hundreds of sessions.
//!
//! Nothing here depends on the clock: the viewer's local times and the days left before each
//! deadline are filled in by the page's script from the `<time>` elements and `data-` attributes
//! rendered here.

use super::i18n;
use super::layout::{Ctx, Page, page};
use super::text;
use crate::links::{EventLinks, download_url, lang_query, meeting_path, subscribe_path};
use crate::model::{Event, Kind, Lang, Meeting, Status, When};
use crate::select::{Feed, Filter};
use maud::{Markup, html};
use std::borrow::Cow;

/// The `datetime` of an event's start: a date, or an RFC 3339 time with the zone's offset.
fn start_datetime(meeting: &Meeting, event: &Event) -> String {
    match &event.when {
        When::AllDay { first, .. } => first.to_string(),
        When::Timed { start_utc, .. } => start_utc.with_timezone(&meeting.tz).to_rfc3339(),
    }
}

/// When an event happens, in the meeting's zone, with a `<time>` for machines.
pub fn when(meeting: &Meeting, event: &Event, lang: Lang) -> Markup {
    let label = match &event.when {
        When::AllDay { first, last } => i18n::days(*first, *last, lang),
        When::Timed { start, end, .. } => i18n::times(*start, *end, lang),
    };
    html! { time datetime=(start_datetime(meeting, event)) { (label) } }
}

/// The groups and status of an event, as a short line under its title.
fn tags(meeting: &Meeting, event: &Event, lang: Lang) -> Markup {
    let groups: Vec<&str> = meeting.groups_of(event).map(|g| g.name()).collect();
    html! {
        @if !groups.is_empty() {
            span.tag { (groups.join(" · ")) }
        }
        @if event.kind == Kind::Deadline || event.kind == Kind::Info {
            span.tag { (i18n::kind_tag(event.kind, lang)) }
        }
        @if let Some(s) = i18n::status_name(event.status, lang) {
            span.tag.status { (s) }
        }
    }
}

/// The "add to calendar" links of one event.
pub fn add_links(ctx: &Ctx<'_>, meeting: &Meeting, event: &Event) -> Markup {
    let t = ctx.t;
    let l = EventLinks::new(ctx.base, meeting, event, ctx.lang);
    let title = &event.title.get(ctx.lang);
    html! {
        ul.add {
            li { a href=(l.google) rel="noopener" target="_blank" data-link="event-google"
                aria-label=(i18n::add_to(title, &t.google, ctx.lang)) { (t.google_short) } }
            li { a href=(l.outlook) rel="noopener" target="_blank" data-link="event-outlook"
                aria-label=(i18n::add_to(title, &t.outlook, ctx.lang)) { (t.outlook_short) } }
            li { a href=(l.office365) rel="noopener" target="_blank" data-link="event-office365"
                aria-label=(i18n::add_to(title, &t.office365, ctx.lang)) { (t.office365_short) } }
            li { a href=(l.download) data-link="event-ics" download dir="ltr"
                aria-label=(i18n::download_event(title, ctx.lang)) { ".ics" } }
        }
    }
}

/// The meeting page in `lang`; `changed` is how many changes the lock's history tells of it and
/// when the latest was locked ([`super::changes::changed`]), shown with a link to them.
pub fn render(
    meeting: &Meeting,
    base: &str,
    lang: Lang,
    changed: Option<(usize, chrono::DateTime<chrono::Utc>)>,
) -> String {
    let ctx = Ctx::new(base, lang);
    let t = ctx.t;
    let title = &meeting.title.get(lang);
    let feed = Feed::Meeting(meeting.id.clone());
    let filter = Filter {
        lang,
        ..Filter::default()
    };
    let q = lang_query(lang);
    let subscribe = subscribe_path(&feed).unwrap_or_default();
    let deadlines: Vec<&Event> = meeting
        .events
        .iter()
        .filter(|e| e.kind == Kind::Deadline)
        .collect();
    // An agenda is a numbered list of at least three items in a description (the WP meeting's
    // "Draft agenda: 1. … 14. …"); the data format has no field of its own for it.
    let described: Vec<(Cow<'_, str>, Cow<'_, str>)> = meeting
        .events
        .iter()
        .filter(|e| !e.planned)
        .filter_map(|e| Some((e.title.get(lang), e.description.as_ref()?.get(lang))))
        .collect();
    let agendas: Vec<(&str, Vec<text::Block<'_>>)> = described
        .iter()
        .filter_map(|(title, d)| {
            let lists = text::lists(d, 3);
            (!lists.is_empty()).then_some((&**title, lists))
        })
        .collect();
    let main = html! {
        h1 { (super::shown(&meeting.title, lang)) }
        // a draft is served only to an editor's preview: it says so before anything else
        @if meeting.draft {
            p.draft-note role="note" { (crate::i18n::tr(lang, "meeting-draft")) }
        }
        dl.facts {
            @if let Some((a, b)) = meeting.held_days() {
                dt { (t.dates) }
                dd { time datetime=(a.to_string()) { (i18n::date_range(a, b, lang)) } }
            }
            @if let Some(loc) = &meeting.location {
                dt { (t.venue) }
                dd { (super::shown(loc, lang)) }
            }
            dt { (t.groups) }
            dd { (meeting.groups.iter().map(|g| g.name()).collect::<Vec<_>>().join(" · ")) }
            dt { (t.source) }
            dd {
                (i18n::source_line(&meeting.source.reference.get(lang), meeting.source.date, lang))
                @if let Some(u) = &meeting.source.url {
                    " " a href=(u) data-link="letter" { (crate::i18n::tr(lang, "plan-none-letter")) }
                }
            }
            @if let Some(u) = &meeting.url {
                dt { (t.meeting_page) }
                dd { a href=(u) { (u) } }
            }
        }
        // the changes page (and its Atom feed and e-mail) from the start, so that a delegate
        // can follow a meeting before its first change
        p.updated {
            a href=(ctx.href(&crate::links::changes_route(Some(&meeting.id), crate::links::Show::Page), &q)) data-link="changes" {
                @if let Some((count, at)) = changed {
                    (crate::i18n::tr_args(lang, "meeting-updated", &[
                        ("date", crate::i18n::arg(&crate::i18n::dates::long(at.with_timezone(&crate::render::ics::HOME_TZ).date_naive(), lang))),
                        ("count", crate::i18n::num(count)),
                    ]))
                } @else {
                    (crate::i18n::tr(lang, "meeting-follow-changes"))
                }
            }
        }
        div.actions {
            a.button.primary href=(ctx.href(&subscribe, &q)) data-link="subscribe" { (t.subscribe_meeting) }
            a.button href=(download_url(base, &feed, &filter)) data-link="download" download { (t.download_ics) }
            a.button href=(ctx.href(&format!("{}/email.html", meeting_path(&meeting.id)), &q)) data-link="email" { (t.email_html) }
        }
        @if !meeting.groups.is_empty() {
            p.groups {
                (t.only_your_group) " "
                @for g in &meeting.groups {
                    a href=(ctx.href(&subscribe_path(&Feed::Group(g.slug().to_string())).unwrap_or_default(), &q)) { (g.name()) }
                    " "
                }
            }
        }
        (super::timeline::section(meeting, lang))
        (super::plan::section(&ctx, meeting))
        section aria-labelledby="programme-h" {
            h2 #programme-h { (t.programme) }
            div.table-wrap {
                table.events data-tz=(meeting.tz.name()) {
                    caption { (i18n::times_in(meeting.tz, lang)) }
                    thead {
                        tr {
                            th scope="col" { (t.col_event) }
                            th scope="col" { (super::email::heading_with_zone(&t.col_when, meeting.tz, lang)) }
                            th.local scope="col" hidden { (t.col_local) }
                            th scope="col" { (t.col_add) }
                        }
                    }
                    tbody {
                        @for e in meeting.events.iter().filter(|e| !e.planned) {
                            tr id=(format!("event-{}", e.key)) class=[(e.status == Status::Cancelled).then_some("cancelled")] {
                                th scope="row" {
                                    span.event-title { (super::shown(&e.title, lang)) }
                                    " " (tags(meeting, e, lang))
                                }
                                td { (when(meeting, e, lang)) }
                                @match &e.when {
                                    When::Timed { start_utc, end_utc, .. } => {
                                        td.local hidden data-start=(start_utc.to_rfc3339()) data-end=(end_utc.to_rfc3339()) {}
                                    }
                                    When::AllDay { .. } => {
                                        td.local hidden { "–" }
                                    }
                                }
                                td { (add_links(&ctx, meeting, e)) }
                            }
                        }
                    }
                }
            }
            @if meeting.events.iter().any(|e| e.planned) {
                p.note { (crate::i18n::tr(lang, "meeting-programme-plan")) }
            }
        }
        @if !deadlines.is_empty() {
            section aria-labelledby="deadlines-h" {
                h2 #deadlines-h { (t.deadlines) }
                ul.deadlines {
                    @for e in &deadlines {
                        li {
                            (when(meeting, e, lang))
                            " "
                            span.countdown data-deadline=(e.when.last_date().to_string()) data-tz=(meeting.tz.name()) {}
                            br;
                            a href=(format!("#event-{}", e.key)) { (super::shown(&e.title, lang)) }
                        }
                    }
                }
                p.note { (t.deadline_note) }
            }
        }
        @if !agendas.is_empty() {
            section aria-labelledby="agenda-h" {
                h2 #agenda-h { (t.agenda) }
                @for (source, lists) in &agendas {
                    h3 { (source) }
                    @for b in lists { (text::block(b)) }
                }
            }
        }
        @if let Some(d) = &meeting.description {
            section aria-labelledby="about-h" {
                h2 #about-h { (t.about) }
                div.text lang=(i18n::strings(d.lang_of(lang)).html_lang) { (text::render(&d.get(lang))) }
            }
        }
        @if meeting.events.iter().any(|e| !e.planned && e.description.is_some()) {
            section aria-labelledby="details-h" {
                h2 #details-h { (t.details) }
                @for e in meeting.events.iter().filter(|e| !e.planned && e.description.is_some()) {
                    @if let Some(d) = &e.description {
                        details {
                            summary { (super::shown(&e.title, lang)) }
                            div.text lang=(i18n::strings(d.lang_of(lang)).html_lang) { (text::render(&d.get(lang))) }
                        }
                    }
                }
            }
        }
        section aria-labelledby="contact-h" {
            h2 #contact-h { (t.contact) }
            @let c = &meeting.contact;
            dl.facts {
                dt { (t.email) }
                dd { a href=(format!("mailto:{}", c.email)) { (c.email) } }
                @if let Some(p) = &c.phone {
                    dt { (t.phone) }
                    dd { a href=(format!("tel:{}", p.replace(' ', ""))) dir="ltr" { (p) } }
                }
                @if let Some(f) = &c.fax {
                    dt { (t.fax) }
                    dd { span dir="ltr" { (f) } }
                }
                @if let Some(w) = &c.web {
                    dt { (t.web) }
                    dd { (text::linkify(w)) }
                }
            }
        }
    };
    let path = meeting_path(&meeting.id);
    page(
        &ctx,
        &Page {
            title,
            path: &path,
            query: &lang_query,
        },
        main,
    )
}
