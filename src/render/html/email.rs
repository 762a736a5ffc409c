//! The e-mail snippets: what a secretariat pastes into the mail that announces a meeting.
//!
//! HTML for mail clients is its own dialect: table layout, every style inline, no `<style>`,
//! no script, no images (often blocked), and plain https links only: `webcal:` links are
//! unreliable in webmail, so webcal appears only as a secondary line. The plain-text form says
//! the same with bare URLs.
//!
//! A meeting's snippet lists the events of its file, each with its own links; a time plan's
//! sessions (hundreds at a study group's meeting) are summed up in a few lines: the plan's
//! status, its place on the meeting page and each group's calendar. That keeps the mail small
//! (Gmail cuts a message after about 102 kB) and sends people to what follows the plan's
//! changes.

use super::i18n::{self, strings};
use crate::links::{EventLinks, FeedLinks, lang_query, meeting_url, subscribe_path, with_query};
use crate::model::{Catalog, Group, Lang, Meeting, Plan};
use crate::select::{Feed, Filter};
use maud::{DOCTYPE, Markup, html};

pub(super) const FONT: &str =
    "font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;";
const BUTTON: &str = "display:inline-block;padding:10px 16px;background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;";
pub(super) const LINK: &str = "color:#0b5cad;text-decoration:underline;";
pub(super) const SMALL: &str = "font-size:13px;color:#444444;";
pub(super) const HEADING: &str = "font-size:18px;font-weight:bold;padding:0 0 8px 0;";
const CELL: &str = "padding:6px 8px 6px 0;vertical-align:top;border-top:1px solid #dddddd;";

/// A complete HTML document holding one e-mail block.
pub(super) fn document(lang: Lang, title: &str, block: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang=(strings(lang).html_lang) dir=(lang.dir()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
            }
            // the direction again on the block itself: it is what a person pastes into a message
            body style="margin:0;padding:16px;background:#ffffff;" { div dir=(lang.dir()) { (block) } }
        }
    }
    .into_string()
}

/// One button per row (rows stack on phones in every mail client).
fn buttons(items: &[(&str, &str)]) -> Markup {
    html! {
        table role="presentation" cellpadding="0" cellspacing="0" border="0" {
            @for (label, href) in items {
                tr { td style="padding:4px 0;" { a href=(href) style=(BUTTON) { (label) } } }
            }
        }
    }
}

/// A heading with the zone its times are in: "Programme (Geneva time (Europe/Zurich))".
pub(super) fn heading_with_zone(heading: &str, tz: chrono_tz::Tz, lang: Lang) -> String {
    let zone = i18n::zone_label(tz, lang);
    crate::i18n::tr_args(
        lang,
        "heading-with-zone",
        &[
            ("heading", crate::i18n::arg(heading)),
            ("zone", crate::i18n::arg(&zone)),
        ],
    )
}

/// `label: <a>url</a>` on its own line.
fn url_line(label: &str, url: &str, lang: Lang) -> Markup {
    html! {
        tr { td style=(format!("padding:4px 0;{SMALL}")) {
            (crate::i18n::tr_args(lang, "email-label", &[("label", crate::i18n::arg(label))])) " " a href=(url) style=(LINK) { (url) }
        } }
    }
}

/// The subscribe block of a feed, inside a table row.
fn feed_block(l: &FeedLinks, lang: Lang) -> Markup {
    let t = strings(lang);
    html! {
        tr { td style="padding:0 0 12px 0;" {
            (buttons(&[
                (t.google.as_str(), &l.google),
                (t.outlook.as_str(), &l.outlook),
                (t.office365.as_str(), &l.office365),
                (t.download_ics.as_str(), &l.download),
            ]))
        } }
        (url_line(t.email_feed_url.as_str(), &l.https, lang))
        (url_line(t.email_webcal.as_str(), &l.webcal, lang))
        @if let Some(p) = &l.page { (url_line(t.more_options.as_str(), p, lang)) }
    }
}

/// The HTML e-mail snippet of a feed.
pub fn feed_html(catalog: &Catalog, feed: &Feed, filter: &Filter, base: &str) -> String {
    let lang = filter.lang;
    let l = FeedLinks::new(base, catalog, feed, filter);
    let block = html! {
        table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style=(format!("max-width:600px;{FONT}")) {
            tr { td style=(HEADING) { (l.name) } }
            tr { td style="padding:0 0 12px 0;" { (i18n::email_lead(&l.name, lang)) } }
            (feed_block(&l, lang))
        }
    };
    document(lang, &l.name, block)
}

/// The link lines of a feed in a plain-text e-mail: `label:` then the URL, indented.
fn feed_lines(l: &FeedLinks, lang: Lang) -> String {
    let t = strings(lang);
    let mut lines: Vec<(&str, &str)> = vec![
        (t.google.as_str(), &l.google),
        (t.outlook.as_str(), &l.outlook),
        (t.office365.as_str(), &l.office365),
        (t.download_once.as_str(), &l.download),
        (t.email_feed_url.as_str(), &l.https),
        (t.email_webcal.as_str(), &l.webcal),
    ];
    if let Some(p) = &l.page {
        lines.push((t.more_options.as_str(), p));
    }
    lines
        .into_iter()
        .map(|(label, url)| format!("{label}:\n  {url}\n"))
        .collect()
}

/// The plain-text e-mail snippet of a feed.
pub fn feed_text(catalog: &Catalog, feed: &Feed, filter: &Filter, base: &str) -> String {
    let lang = filter.lang;
    let l = FeedLinks::new(base, catalog, feed, filter);
    format!(
        "{}\n\n{}\n\n{}",
        l.name,
        i18n::email_lead(&l.name, lang),
        feed_lines(&l, lang)
    )
}

/// The facts line of a meeting: dates, venue.
fn meeting_facts(meeting: &Meeting, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some((a, b)) = meeting.held_days() {
        parts.push(i18n::date_range(a, b, lang));
    }
    if let Some(loc) = &meeting.location {
        parts.push(loc.get(lang).to_string());
    }
    parts.join(&crate::i18n::tr(lang, "email-facts-separator"))
}

/// When an event happens, as text.
fn when_text(event: &crate::model::Event, lang: Lang) -> String {
    match &event.when {
        crate::model::When::AllDay { first, last } => i18n::days(*first, *last, lang),
        crate::model::When::Timed { start, end, .. } => i18n::times(*start, *end, lang),
    }
}

/// A meeting's time plan as a snippet tells it: the plan, where it is shown (the meeting
/// page's plan section), and the subscribe page of each group with sessions in it.
struct PlanSummary<'a> {
    status: String,
    page: String,
    groups: Vec<(&'a Group, String)>,
}

impl<'a> PlanSummary<'a> {
    fn new(base: &str, meeting: &'a Meeting, plan: &Plan, lang: Lang) -> PlanSummary<'a> {
        let groups = super::plan::planned_groups(meeting, plan)
            .map(|g| {
                let feed = Feed::Group(g.slug().to_string());
                let path = subscribe_path(&feed).unwrap_or_default();
                (g, format!("{base}{}", with_query(&path, &lang_query(lang))))
            })
            .collect();
        PlanSummary {
            status: super::plan::status_line(plan, lang),
            page: format!("{}#plan-h", meeting_url(base, &meeting.id, lang)),
            groups,
        }
    }
}

/// The HTML e-mail snippet of one meeting: subscribe links, then every event of its file with
/// its own "add" links, in the meeting's time, and the time plan in short.
pub fn meeting_html(catalog: &Catalog, meeting: &Meeting, base: &str, lang: Lang) -> String {
    let t = strings(lang);
    let feed = Feed::Meeting(meeting.id.clone());
    let filter = Filter {
        lang,
        ..Filter::default()
    };
    let l = FeedLinks::new(base, catalog, &feed, &filter);
    let title = &meeting.title.get(lang);
    let plan = meeting
        .plan
        .as_ref()
        .map(|p| PlanSummary::new(base, meeting, p, lang));
    let block = html! {
        table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style=(format!("max-width:640px;{FONT}")) {
            tr { td style=(HEADING) { (title) } }
            tr { td style="padding:0 0 12px 0;" { (meeting_facts(meeting, lang)) } }
            tr { td style="padding:0 0 4px 0;font-weight:bold;" { (t.subscribe_meeting) } }
            (feed_block(&l, lang))
            tr { td style="padding:16px 0 4px 0;font-weight:bold;" {
                (heading_with_zone(&t.programme, meeting.tz, lang))
            } }
            tr { td {
                table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style=(FONT) {
                    @for e in meeting.events.iter().filter(|e| !e.planned) {
                        @let el = EventLinks::new(base, meeting, e, lang);
                        tr {
                            td style=(CELL) {
                                strong { (e.title.get(lang)) }
                                br;
                                span style=(SMALL) { (when_text(e, lang)) }
                                br;
                                span style=(SMALL) {
                                    a href=(el.google) style=(LINK) { (t.google_short) } " · "
                                    a href=(el.outlook) style=(LINK) { (t.outlook_short) } " · "
                                    a href=(el.office365) style=(LINK) { (t.office365_short) } " · "
                                    a href=(el.download) style=(LINK) dir="ltr" { ".ics" }
                                }
                            }
                        }
                    }
                }
            } }
            @if let Some(p) = &plan {
                tr { td style="padding:16px 0 4px 0;font-weight:bold;" { (crate::i18n::tr(lang, "plan-heading")) } }
                tr { td style="padding:0 0 4px 0;" { (p.status) } }
                (url_line(&crate::i18n::tr(lang, "plan-heading"), &p.page, lang))
                tr { td style="padding:8px 0 4px 0;" {
                    (crate::i18n::tr(lang, "plan-subscribe")) " "
                    @for (i, (g, href)) in p.groups.iter().enumerate() {
                        @if i > 0 { " · " }
                        a href=(href) style=(LINK) dir="ltr" { (g.name()) }
                    }
                } }
            }
            (url_line(&t.meeting_page, &meeting_url(base, &meeting.id, lang), lang))
        }
    };
    document(lang, title, block)
}

/// The plain-text e-mail snippet of one meeting: as [`meeting_html`] says it.
pub fn meeting_text(catalog: &Catalog, meeting: &Meeting, base: &str, lang: Lang) -> String {
    let t = strings(lang);
    let feed = Feed::Meeting(meeting.id.clone());
    let filter = Filter {
        lang,
        ..Filter::default()
    };
    let mut out = format!(
        "{}\n{}\n\n{}:\n",
        meeting.title.get(lang),
        meeting_facts(meeting, lang),
        t.subscribe_meeting
    );
    out.push_str(&feed_lines(
        &FeedLinks::new(base, catalog, &feed, &filter),
        lang,
    ));
    out.push_str(&format!(
        "\n{} ({}):\n",
        t.programme,
        i18n::zone_label(meeting.tz, lang)
    ));
    for e in meeting.events.iter().filter(|e| !e.planned) {
        let el = EventLinks::new(base, meeting, e, lang);
        out.push_str(&format!(
            "\n{}\n{}\n  {}: {}\n  {}: {}\n  {}: {}\n  .ics: {}\n",
            e.title.get(lang),
            when_text(e, lang),
            t.google_short,
            el.google,
            t.outlook_short,
            el.outlook,
            t.office365_short,
            el.office365,
            el.download
        ));
    }
    if let Some(plan) = &meeting.plan {
        let p = PlanSummary::new(base, meeting, plan, lang);
        let heading = crate::i18n::tr(lang, "plan-heading");
        out.push_str(&format!(
            "\n{heading}:\n  {}\n  {}\n{}\n",
            p.status,
            p.page,
            crate::i18n::tr(lang, "plan-subscribe")
        ));
        for (g, href) in &p.groups {
            out.push_str(&format!(
                "  {}: {href}\n",
                crate::i18n::isolate(g.name(), lang)
            ));
        }
    }
    out.push_str(&format!(
        "\n{}:\n  {}\n",
        t.meeting_page,
        meeting_url(base, &meeting.id, lang)
    ));
    out
}
