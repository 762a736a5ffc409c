//! A meeting's time plan as pages show it: one table per day, its slots as rows and the groups
//! meeting that day as columns, the room in each cell; or, while there is no plan, a sentence
//! saying so.
//!
//! Times are the meeting's; each row also carries the slot's instants as `data-start` /
//! `data-end` for the page's script, which writes the viewer's own times beside them (the
//! programme table's mechanism). A table that is wider than a phone scrolls inside its wrapper,
//! never the page.
//!
//! A session has no "add to calendar" links of its own: rooms and times change during a
//! meeting, and a copied event never hears of it. The plan instead offers each group's
//! calendar, which holds the group's sessions and follows their changes.

use super::layout::Ctx;
use crate::i18n::{arg, dates, isolate, tr, tr_args};
use crate::links::{lang_query, subscribe_path};
use crate::model::{Lang, Meeting, Plan, PlanStatus, Session, Status};
use crate::select::Feed;
use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use maud::{Markup, html};

/// The time plan section of a meeting page: the plan, each session a target of the page's
/// `#event-{key}` links, and the calendars of the groups that have sessions in it.
pub fn section(ctx: &Ctx<'_>, meeting: &Meeting) -> Markup {
    let lang = ctx.lang;
    html! {
        section aria-labelledby="plan-h" {
            h2 #plan-h { (tr(lang, "plan-heading")) }
            @match &meeting.plan {
                Some(plan) => {
                    (grid(meeting, plan, lang, None, true))
                    p.plan-groups {
                        (tr(lang, "plan-subscribe")) " "
                        @for g in planned_groups(meeting, plan) {
                            @let feed = Feed::Group(g.slug().to_string());
                            a href=(ctx.href(&subscribe_path(&feed).unwrap_or_default(), &lang_query(lang))) dir="ltr" { (g.name()) }
                            " "
                        }
                    }
                }
                None => (not_published(meeting, lang)),
            }
        }
    }
}

/// The plan's version and how settled it is: "Version 3, tentative: sessions and rooms may
/// change during the meeting."
pub fn status_line(plan: &Plan, lang: Lang) -> String {
    let status = match plan.status {
        PlanStatus::Final => "final",
        PlanStatus::Tentative => "tentative",
        PlanStatus::Draft => "draft",
    };
    let version = isolate(&plan.version, lang);
    tr_args(
        lang,
        "plan-version",
        &[("version", arg(&version)), ("status", arg(status))],
    )
}

/// The groups that have sessions in `plan`, in the meeting's order.
pub fn planned_groups<'a>(
    meeting: &'a Meeting,
    plan: &Plan,
) -> impl Iterator<Item = &'a crate::model::Group> {
    let mut has = vec![false; meeting.groups.len()];
    for &g in plan.sessions.iter().flat_map(|s| &s.groups) {
        has[g] = true;
    }
    meeting
        .groups
        .iter()
        .zip(has)
        .filter_map(|(g, has)| has.then_some(g))
}

/// "Time plan not yet published", with the letter's link (when the data has it) and where
/// later announcements are.
fn not_published(meeting: &Meeting, lang: Lang) -> Markup {
    let reference = &meeting.source.reference.get(lang);
    html! {
        p.plan-none {
            (tr_args(lang, "plan-none", &[("reference", arg(reference))]))
            @if let Some(u) = &meeting.source.url {
                " " a href=(u) data-link="letter" { (tr(lang, "plan-none-letter")) }
            }
            @if let Some(u) = &meeting.url {
                " " a href=(u) data-link="meeting-page" { (tr(lang, "plan-none-link")) }
            }
        }
    }
}

/// One row of a day's table: a slot, with its sessions.
struct Row<'a> {
    start: NaiveDateTime,
    end: NaiveDateTime,
    slot: Option<&'a str>,
    sessions: Vec<&'a Session>,
}

/// The plan's status line and one table per day; `only` keeps the sessions of one group (by
/// index) and of the groups it is within or that are within it, as that group's feed does;
/// `anchors` gives each session the id `event-{key}` (once per page: on its meeting's page).
fn grid(meeting: &Meeting, plan: &Plan, lang: Lang, only: Option<usize>, anchors: bool) -> Markup {
    let shown: Vec<&Session> = plan
        .sessions
        .iter()
        .filter(|s| only.is_none_or(|g| s.groups.iter().any(|&h| meeting.related(g, h))))
        .collect();
    let mut days: Vec<NaiveDate> = shown.iter().map(|s| s.start.date()).collect();
    days.dedup();
    html! {
        p.plan-status {
            (status_line(plan, lang))
            " " (super::i18n::times_in(meeting.tz, lang)) "."
        }
        @for day in days {
            @let sessions: Vec<&Session> = shown.iter().copied().filter(|s| s.start.date() == day).collect();
            (day_table(meeting, day, &sessions, lang, anchors))
        }
    }
}

/// The table of one day: slots × the groups that meet that day.
fn day_table(
    meeting: &Meeting,
    day: NaiveDate,
    sessions: &[&Session],
    lang: Lang,
    anchors: bool,
) -> Markup {
    let mut groups: Vec<usize> = sessions
        .iter()
        .flat_map(|s| s.groups.iter().copied())
        .collect();
    groups.sort_unstable();
    groups.dedup();
    let mut rows: Vec<Row<'_>> = Vec::new();
    for s in sessions {
        match rows
            .iter_mut()
            .find(|r| r.start == s.start && r.end == s.end)
        {
            Some(r) => r.sessions.push(s),
            None => rows.push(Row {
                start: s.start,
                end: s.end,
                slot: s.slot.as_deref(),
                sessions: vec![s],
            }),
        }
    }
    rows.sort_by_key(|r| (r.start, r.end));
    let instant = |t: NaiveDateTime| {
        meeting
            .tz
            .from_local_datetime(&t)
            .single()
            .map(|t| t.to_rfc3339())
            .unwrap_or_default()
    };
    let hm = |t: NaiveDateTime| t.format("%H:%M").to_string();
    html! {
        // a box that may scroll sideways on a phone: reachable with the keyboard (it takes
        // focus, so arrow keys scroll it) and named by its day for screen readers
        div.table-wrap.plan-wrap tabindex="0" role="region" aria-label=(dates::short(day, lang)) {
            table.plan data-tz=(meeting.tz.name()) {
                caption { time datetime=(day.to_string()) { (dates::short(day, lang)) } }
                thead {
                    tr {
                        th scope="col" { (tr(lang, "plan-col-slot")) }
                        @for &g in &groups {
                            th scope="col" dir="ltr" { (meeting.groups[g].name()) }
                        }
                    }
                }
                tbody {
                    @for r in &rows {
                        tr {
                            th scope="row" {
                                @if let Some(name) = r.slot { span.slot dir="ltr" { (name) } " " }
                                span.geneva dir="ltr" {
                                    (hm(r.start)) "–" (hm(r.end))
                                    @if r.end.date() != r.start.date() { " (+1)" }
                                }
                                br;
                                span.local hidden data-start=(instant(r.start)) data-end=(instant(r.end)) {}
                            }
                            @for &g in &groups {
                                @let here: Vec<&&Session> = r.sessions.iter().filter(|s| s.groups.contains(&g)).collect();
                                td {
                                    @for s in here {
                                        // a joint session is in several columns: the id
                                        // goes on its first
                                        @let anchor = anchors && s.groups.iter().min() == Some(&g);
                                        (cell(s, lang, anchor))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One session in a cell: the room, its number, and whether it is joint or cancelled;
/// `anchor`: with the id the page's links to the session point at.
fn cell(s: &Session, lang: Lang, anchor: bool) -> Markup {
    let cancelled = s.status == Status::Cancelled;
    html! {
        // one class attribute: maud writes `.session` and `class=[…]` as two
        div id=[anchor.then(|| format!("event-{}", s.key))] class=(if cancelled { "session cancelled" } else { "session" }) data-session=(s.key) {
            span.room { (s.room) }
            " "
            span.number dir="ltr" { "#" (s.number) }
            @if s.groups.len() > 1 {
                " " span.tag { (tr(lang, "plan-joint")) }
            }
            @if cancelled {
                " " span.tag.status { (tr(lang, "status-cancelled")) }
            }
        }
    }
}

/// The time plan of one group, for the subscribe page of `feed` with `filter` when it is a
/// group's (a group's feed, or another feed with one `group=`): the sessions the feed holds, of
/// the feed's meeting, else of the group's next meeting on `today` (else its latest:
/// [`crate::select::next_meeting`]); nothing when the feed holds no sessions (a study group's
/// feed, `all`). The other meetings' plans stay on their pages, so the page does not grow with
/// the years. Always rendered (empty when there is no such plan) so that the subscribe
/// builder can swap it when the choice of group changes.
pub fn for_group(
    catalog: &crate::model::Catalog,
    feed: &Feed,
    filter: &crate::select::Filter,
    today: NaiveDate,
) -> Markup {
    let lang = filter.lang;
    let slug = match (feed, filter.groups.as_slice()) {
        (Feed::Group(slug), _) | (_, [slug]) => Some(slug.as_str()),
        _ => None,
    }
    .filter(|_| crate::select::holds_sessions(catalog, feed, filter));
    let meeting = |slug: &str| match feed {
        Feed::Meeting(id) => catalog.meeting(id),
        _ => crate::select::next_meeting(catalog, slug, today),
    };
    let plans: Vec<(&Meeting, &Plan, usize)> = slug
        .and_then(|slug| {
            let m = meeting(slug)?;
            Some((m, m.plan.as_ref()?, m.declares(slug)?))
        })
        .into_iter()
        .collect();
    html! {
        div #plans data-swap {
            @for (m, plan, g) in plans {
                section aria-labelledby=(format!("plan-h-{}", m.id)) {
                    h2 id=(format!("plan-h-{}", m.id)) {
                        (tr(lang, "plan-heading")) ": " (m.groups[g].name()) " · " (super::shown(&m.title, lang))
                    }
                    (grid(m, plan, lang, Some(g), false))
                }
            }
        }
    }
}
