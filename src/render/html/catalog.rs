//! The pages of a catalog, not of one meeting: a group's page (`GET /groups/{slug}`, with the
//! stable link to its next meeting) and a year's (`GET /archive/{year}`), and the list of
//! meetings they share with the home page. Each stays small at whole-ITU-T scale: a row per
//! meeting, no events.

use super::i18n;
use super::layout::{Ctx, Page, page};
use crate::i18n::{arg, num, tr, tr_args};
use crate::links::{group_path, lang_query, meeting_path, with_query};
use crate::model::{Catalog, Group, Lang, Meeting};
use crate::select::{self, Feed, Filter};
use crate::urls::Route;
use chrono::NaiveDate;
use maud::{Markup, html};

/// One meeting as a row of a list: its title (a link to its page), days, venue and groups.
/// `data-first` and `data-last` let the home page's script regroup the rows by the viewer's
/// date.
pub fn meeting_item(ctx: &Ctx<'_>, m: &Meeting) -> Markup {
    let lang = ctx.lang;
    let days = m.held_days();
    html! {
        li data-first=[days.map(|d| d.0.to_string())] data-last=[days.map(|d| d.1.to_string())] {
            a.meeting-title href=(ctx.href(&meeting_path(&m.id), &lang_query(lang))) {
                (super::shown(&m.title, lang))
            }
            @if let Some((a, b)) = days {
                span.meeting-dates {
                    time datetime=(a.to_string()) { (i18n::date_range(a, b, lang)) }
                }
            }
            @if let Some(loc) = &m.location {
                span.meeting-venue { (super::shown(loc, lang)) }
            }
            span.meeting-groups {
                @for (i, g) in m.groups.iter().enumerate() {
                    @if i > 0 { " · " }
                    (g.name())
                }
            }
        }
    }
}

/// A link to a calendar file (`.ics`) with its `webcal:` twin for calendar programs.
fn calendar_link(ctx: &Ctx<'_>, feed: &Feed, label: &str) -> Markup {
    let filter = Filter {
        lang: ctx.lang,
        ..Filter::default()
    };
    let url = crate::links::feed_url(ctx.base, feed, &filter);
    html! {
        p.archive-feed {
            a href=(url) type="text/calendar" { (label) }
            " · "
            a href=(crate::links::webcal(&url)) { "webcal" }
        }
    }
}

/// A group's page on `today`: its next (or latest) meeting with the stable link to it, its
/// calendars (subscribe, archive), the group it is part of, and its meetings, latest first.
pub fn group(catalog: &Catalog, g: &Group, today: NaiveDate, base: &str, lang: Lang) -> String {
    let ctx = Ctx::new(base, lang);
    let group_arg = [("group", arg(g.name()))];
    let next = select::next_meeting(catalog, g.slug(), today);
    let coming = next.is_some_and(|m| m.held_days().is_some_and(|(_, last)| last >= today));
    let mut meetings = select::meetings_of(catalog, g.slug());
    meetings.reverse();
    let stable = format!(
        "{base}{}",
        with_query(&Route::GroupNext.path(&[g.slug()]), &lang_query(lang))
    );
    // the groups it is within, in any meeting that says
    let mut parents: Vec<&Group> = meetings
        .iter()
        .filter_map(|m| {
            let ix = m.declares(g.slug())?;
            m.within[ix].map(|p| &m.groups[p])
        })
        .collect();
    parents.sort_by(|a, b| a.slug().cmp(b.slug()));
    parents.dedup_by(|a, b| a.slug() == b.slug());
    let subscribe =
        crate::links::subscribe_path(&Feed::Group(g.slug().to_string())).unwrap_or_default();
    let title = tr_args(lang, "feed-group-name", &group_arg);
    let main = html! {
        h1 { (title) }
        @for p in &parents {
            p.lead {
                a href=(ctx.href(&group_path(p.slug()), &lang_query(lang))) {
                    (tr_args(lang, "group-within", &[("group", arg(p.name()))]))
                }
            }
        }
        section aria-labelledby="next-h" {
            @match next {
                Some(m) => {
                    h2 #next-h { (tr(lang, if coming { "group-next" } else { "group-latest" })) }
                    ul.meetings { (meeting_item(&ctx, m)) }
                }
                None => {
                    h2 #next-h { (tr(lang, "group-next")) }
                    p { (tr_args(lang, "group-none", &group_arg)) }
                }
            }
            p { (tr_args(lang, "group-stable-link", &group_arg)) }
            p.stable-link { a href=(stable) { (stable) } }
        }
        section aria-labelledby="calendars-h" {
            h2 #calendars-h { (tr(lang, "home-subscribe-heading")) }
            p {
                a.button.primary href=(ctx.href(&subscribe, &lang_query(lang))) {
                    (tr_args(lang, "group-subscribe", &group_arg))
                }
            }
            (calendar_link(&ctx, &Feed::GroupArchive(g.slug().to_string()), &tr_args(lang, "group-archive", &group_arg)))
        }
        section aria-labelledby="meetings-h" {
            h2 #meetings-h { (tr_args(lang, "group-meetings", &group_arg)) }
            ul.meetings {
                @for m in &meetings { (meeting_item(&ctx, m)) }
            }
        }
    };
    let path = group_path(g.slug());
    page(
        &ctx,
        &Page {
            title: &title,
            path: &path,
            query: &lang_query,
        },
        main,
    )
}

/// A year's page: every meeting held in it, by date, and the year's archive calendar.
/// `meetings` come from [`select::held_in`].
pub fn year(year: i32, meetings: &[&Meeting], base: &str, lang: Lang) -> String {
    let ctx = Ctx::new(base, lang);
    let year_text = year.to_string();
    let args = [("year", arg(&year_text)), ("count", num(meetings.len()))];
    let title = tr_args(lang, "feed-year-name", &args);
    let main = html! {
        h1 { (title) }
        p.lead { (tr_args(lang, "year-meetings", &args)) }
        (calendar_link(&ctx, &Feed::Year(year), &tr_args(lang, "year-archive", &args)))
        ul.meetings {
            @for m in meetings { (meeting_item(&ctx, m)) }
        }
    };
    let path = Route::Year.path(&[&year_text]);
    page(
        &ctx,
        &Page {
            title: &title,
            path: &path,
            query: &lang_query,
        },
        main,
    )
}

/// The archive part of the home page: a page per year, a page per study group and per group,
/// and the long-range view.
pub fn archive_nav(ctx: &Ctx<'_>, catalog: &Catalog) -> Markup {
    let lang = ctx.lang;
    let q = lang_query(lang);
    let study = select::study_groups(catalog);
    let years = select::held_years(catalog);
    html! {
        section aria-labelledby="archive-h" {
            h2 #archive-h { (tr(lang, "home-archive")) }
            p { (tr(lang, "home-archive-intro")) }
            p { a href=(ctx.href(&Route::Overview.path(&[]), &q)) { (tr(lang, "home-overview")) } }
            @if !years.is_empty() {
                h3 #years-h { (tr(lang, "home-years")) }
                ul.inline aria-labelledby="years-h" {
                    @for y in &years {
                        li { a href=(ctx.href(&Route::Year.path(&[&y.to_string()]), &q)) { (y) } }
                    }
                }
            }
            @if !study.is_empty() {
                h3 #study-h { (tr(lang, "home-study-groups")) }
                ul.inline aria-labelledby="study-h" {
                    @for g in &study {
                        li { a href=(ctx.href(&group_path(g.slug()), &q)) { (g.name()) } }
                    }
                }
            }
            @if !catalog.groups.is_empty() {
                h3 #groups-h { (tr(lang, "home-all-groups")) }
                ul.inline aria-labelledby="groups-h" {
                    @for g in &catalog.groups {
                        li { a href=(ctx.href(&group_path(g.slug()), &q)) { (g.name()) } }
                    }
                }
            }
        }
    }
}
