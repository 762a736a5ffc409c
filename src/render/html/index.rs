//! `GET /`: the calendars people subscribe to (everything, deadlines, each study group), the
//! meetings of the current window, and the way into the archive (years, groups, the
//! long-range view).

use super::catalog::{archive_nav, meeting_item};
use super::i18n;
use super::layout::{Ctx, Page, page};
use crate::i18n::{arg, tr, tr_args};
use crate::links::{lang_query, subscribe_path};
use crate::model::{Catalog, Lang};
use crate::render::ics::feed_title;
use crate::select::{Feed, Filter};
use chrono::NaiveDate;
use maud::html;

/// The home page in `lang` on the UTC date `today`.
pub fn render(catalog: &Catalog, today: NaiveDate, base: &str, lang: Lang) -> String {
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
    // The meetings the calendar of all meetings holds on the server's date, most recent first;
    // the page's script, which knows the viewer's own date, regroups them into upcoming
    // (soonest first) and past (most recent first). Older ones are in the archive pages.
    let (mut meetings, window) = crate::window::meetings(catalog, today);
    meetings.sort_by(|a, b| (b.held_days(), &b.id).cmp(&(a.held_days(), &a.id)));
    let study = crate::select::study_groups(catalog);
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
            // a row per study group; every group's calendar is on its page (the archive)
            @if !study.is_empty() {
                h3 { (tr(lang, "home-study-groups")) }
                ul.feeds.groups {
                    @for g in &study {
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
                @if window.left_out > 0 {
                    p { (tr_args(lang, "home-window", &[("from", arg(&i18n::date_long(window.from, lang)))])) }
                }
                ul #meetings.meetings {
                    @for m in &meetings { (meeting_item(&ctx, m)) }
                }
            }
        }
        (archive_nav(&ctx, catalog))
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
