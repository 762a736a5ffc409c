//! A meeting's time plan as pages show it: one table per day, its slots as rows and the groups
//! meeting that day as columns, the room in each cell; or, while there is no plan, a sentence
//! saying so.
//!
//! Times are the meeting's; each row also carries the slot's instants as `data-start` /
//! `data-end` for the page's script, which writes the viewer's own times beside them (the
//! programme table's mechanism). A table that is wider than a phone scrolls inside its wrapper,
//! never the page.

use crate::i18n::{arg, dates, isolate, tr, tr_args};
use crate::model::{Lang, Meeting, Plan, PlanStatus, Session, Status};
use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use maud::{Markup, html};

/// The time plan section of a meeting page; `only` keeps the sessions of one group (by index)
/// and of the groups it is within or that are within it, as that group's feed does.
pub fn section(meeting: &Meeting, lang: Lang, only: Option<usize>) -> Markup {
    html! {
        section aria-labelledby="plan-h" {
            h2 #plan-h { (tr(lang, "plan-heading")) }
            @match &meeting.plan {
                Some(plan) => (grid(meeting, plan, lang, only)),
                None => (not_published(meeting, lang)),
            }
        }
    }
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

/// The plan's status line and one table per day; `only` as in [`section`].
pub fn grid(meeting: &Meeting, plan: &Plan, lang: Lang, only: Option<usize>) -> Markup {
    let shown: Vec<&Session> = plan
        .sessions
        .iter()
        .filter(|s| only.is_none_or(|g| s.groups.iter().any(|&h| meeting.related(g, h))))
        .collect();
    let mut days: Vec<NaiveDate> = shown.iter().map(|s| s.start.date()).collect();
    days.dedup();
    let status = match plan.status {
        PlanStatus::Final => "final",
        PlanStatus::Tentative => "tentative",
        PlanStatus::Draft => "draft",
    };
    let version = isolate(&plan.version, lang);
    html! {
        p.plan-status {
            (tr_args(lang, "plan-version", &[("version", arg(&version)), ("status", arg(status))]))
            " " (super::i18n::times_in(meeting.tz, lang)) "."
        }
        @for day in days {
            @let sessions: Vec<&Session> = shown.iter().copied().filter(|s| s.start.date() == day).collect();
            (day_table(meeting, day, &sessions, lang))
        }
    }
}

/// The table of one day: slots × the groups that meet that day.
fn day_table(meeting: &Meeting, day: NaiveDate, sessions: &[&Session], lang: Lang) -> Markup {
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
                                        (cell(s, lang))
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

/// One session in a cell: the room, its number, and whether it is joint or cancelled.
fn cell(s: &Session, lang: Lang) -> Markup {
    let cancelled = s.status == Status::Cancelled;
    html! {
        // one class attribute: maud writes `.session` and `class=[…]` as two
        div class=(if cancelled { "session cancelled" } else { "session" }) data-session=(s.key) {
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

/// The time plans of one group, for its subscribe page: each meeting with a plan that declares
/// the group, holding only the sessions its feed holds. Always rendered (empty when there is no
/// such plan) so that the subscribe builder can swap it when the choice of group changes.
pub fn for_group(catalog: &crate::model::Catalog, slug: Option<&str>, lang: Lang) -> Markup {
    let plans: Vec<(&Meeting, &Plan, usize)> = slug
        .map(|slug| {
            catalog
                .meetings
                .iter()
                .filter_map(|m| Some((&**m, m.plan.as_ref()?, m.declares(slug)?)))
                .collect()
        })
        .unwrap_or_default();
    html! {
        div #plans data-swap {
            @for (m, plan, g) in plans {
                section aria-labelledby=(format!("plan-h-{}", m.id)) {
                    h2 id=(format!("plan-h-{}", m.id)) {
                        (tr(lang, "plan-heading")) ": " (m.groups[g].name()) " · " (super::shown(&m.title, lang))
                    }
                    (grid(m, plan, lang, Some(g)))
                }
            }
        }
    }
}
