//! `GET /`: the calendars people subscribe to (everything, each group, deadlines) and the
//! meetings.

use super::i18n;
use super::layout::{Ctx, Page, page};
use crate::links::{lang_query, meeting_path, subscribe_path};
use crate::model::{Catalog, Lang};
use crate::render::ics::feed_title;
use crate::select::{Feed, Filter};
use maud::html;

/// The home page in `lang`.
pub fn render(catalog: &Catalog, base: &str, lang: Lang) -> String {
    let ctx = Ctx::new(base, lang);
    let t = ctx.t;
    let filter = Filter {
        lang,
        ..Filter::default()
    };
    let feed_row = |feed: Feed, label: String| {
        let (name, description) = feed_title(catalog, &feed, &filter);
        let href = ctx.href(
            &subscribe_path(&feed).unwrap_or_default(),
            &lang_query(lang),
        );
        html! {
            li {
                span.feed-name { (label) }
                span.feed-desc { (description) }
                a.button href=(href) aria-label=(i18n::subscribe_button(&name, lang)) { (t.subscribe) }
            }
        }
    };
    // Meetings are listed most recent first. "Upcoming first, then past" depends on today's
    // date, and a page that depended on the clock would change (and change its ETag) at
    // midnight without any change in the data; so the server renders this deterministic order
    // and the page's script, which knows the viewer's date, regroups the list into upcoming
    // (soonest first) and past (most recent first).
    let mut meetings: Vec<_> = catalog.meetings.iter().collect();
    meetings.sort_by(|a, b| (b.held_days(), &b.id).cmp(&(a.held_days(), &a.id)));
    let main = html! {
        h1 { (t.site) }
        p.lead { (t.intro) }
        section aria-labelledby="feeds-h" {
            h2 #feeds-h { (t.subscribe_heading) }
            p { (t.subscribe_intro) }
            ul.feeds {
                (feed_row(Feed::All, t.feed_all.to_string()))
                (feed_row(Feed::Deadlines, t.feed_deadlines.to_string()))
            }
            @if !catalog.groups.is_empty() {
                h3 { (t.by_group) }
                ul.feeds.groups {
                    @for g in &catalog.groups {
                        (feed_row(Feed::Group(g.slug().to_string()), g.name().to_string()))
                    }
                }
            }
        }
        section aria-labelledby="meetings-h" {
            h2 #meetings-h { (t.meetings) }
            @if meetings.is_empty() {
                p { (t.no_meetings) }
            } @else {
                ul #meetings.meetings {
                    @for m in &meetings {
                        @let days = m.held_days();
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
            }
        }
    };
    page(
        &ctx,
        &Page {
            title: &t.site,
            path: "/",
            query: &lang_query,
        },
        main,
    )
}
