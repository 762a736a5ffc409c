//! `GET /subscribe/{feed}`: one button per calendar service (Google Calendar with its
//! "From URL" fallback, Outlook.com, Microsoft 365, Apple Calendar / Outlook desktop via webcal),
//! the download, the feed URL with a copy button, a QR code of the feed URL for phones, the
//! e-mail snippets, and a builder (groups, kinds, language) that changes every link.
//!
//! The builder is a plain GET form: without a script, submitting it reloads the page with the
//! new links. The script instead fetches the page for the new choice and swaps in the elements
//! marked `data-swap`, so links are only ever built here, in one place.

use super::i18n;
use super::layout::{Ctx, Page, page, trusted};
use crate::links::{FeedLinks, GOOGLE_ADD_BY_URL, meeting_path, subscribe_path};
use crate::model::{Catalog, Kind, Lang};
use crate::render::ics::feed_title;
use crate::select::{Feed, Filter};
use maud::{Markup, html};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// A QR code of `text` as an inline SVG element (no XML prolog), or `None` when the text is too
/// long for a QR code.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let svg = code
        .render::<svg::Color>()
        .quiet_zone(true)
        .module_dimensions(4, 4)
        .build();
    let start = svg.find("<svg")?;
    Some(svg[start..].to_string())
}

/// The groups the builder offers for `feed`: a group feed is already one group; a meeting's
/// feed offers the meeting's groups; the others offer every group.
fn builder_groups<'a>(catalog: &'a Catalog, feed: &Feed) -> Vec<&'a crate::model::Group> {
    match feed {
        Feed::Group(_) | Feed::GroupArchive(_) | Feed::Event { .. } => Vec::new(),
        Feed::Meeting(id) => catalog
            .meeting(id)
            .map(|m| {
                let mut gs: Vec<_> = m.groups.iter().collect();
                gs.sort_by(|a, b| a.slug().cmp(b.slug()));
                gs
            })
            .unwrap_or_default(),
        Feed::All | Feed::Deadlines | Feed::Year(_) => catalog.groups.iter().collect(),
    }
}

/// The links of the page (the part the builder swaps).
fn links_section(ctx: &Ctx<'_>, l: &FeedLinks) -> Markup {
    let t = ctx.t;
    html! {
        section #links data-swap aria-labelledby="links-h" {
            h2 #links-h .visually-hidden { (t.subscribe_heading) }
            ul.services {
                li {
                    a.button.service href=(l.google) data-link="google" { (t.google) }
                    details.fallback {
                        summary { (t.google_fallback) }
                        ol {
                            li { (t.google_step1) }
                            li { (t.google_step2) " " a href=(GOOGLE_ADD_BY_URL) data-link="google-addbyurl" { (t.google_step2_link) } }
                            li { (t.google_step3) }
                        }
                    }
                }
                li { a.button.service href=(l.outlook) data-link="outlook" { (t.outlook) } }
                li { a.button.service href=(l.office365) data-link="office365" { (t.office365) } }
                li { a.button.service href=(l.webcal) data-link="webcal" { (t.apple) } }
                li {
                    a.button.service href=(l.download) data-link="download" download { (t.download_ics) }
                    span.note { (t.download_note) }
                }
            }
            div.copy {
                label for="feed-url" { (t.feed_url) }
                div.copy-row {
                    input #feed-url type="url" readonly value=(l.https) data-link="https" spellcheck="false" dir="ltr";
                    button type="button" data-copy="feed-url" { (t.copy) }
                }
                p.copy-status role="status" aria-live="polite" data-copy-status {}
            }
            @if let Some(svg) = qr_svg(&l.https) {
                figure.qr {
                    div.qr-code role="img" aria-label=(format!("QR: {}", l.https)) { (trusted(svg)) }
                    figcaption { (t.qr) }
                }
            }
        }
    }
}

/// The e-mail snippet links (swapped too: they carry the filter).
fn share_section(ctx: &Ctx<'_>, l: &FeedLinks) -> Markup {
    let t = ctx.t;
    html! {
        section #share data-swap aria-labelledby="share-h" {
            h2 #share-h { (t.share) }
            p { (t.share_intro) }
            ul.inline {
                @if let Some(h) = &l.email_html { li { a href=(h) data-link="email-html" { (t.email_html) } } }
                @if let Some(h) = &l.email_txt { li { a href=(h) data-link="email-txt" { (t.email_txt) } } }
            }
        }
    }
}

/// The builder form.
fn builder(ctx: &Ctx<'_>, catalog: &Catalog, feed: &Feed, filter: &Filter, action: &str) -> Markup {
    let t = ctx.t;
    let groups = builder_groups(catalog, feed);
    let kinds = *feed != Feed::Deadlines;
    html! {
        form #builder method="get" action=(action) aria-labelledby="builder-h" {
            h2 #builder-h { (t.builder) }
            // clients do not merge events by UID across calendars (issue 13)
            p.note { (crate::i18n::tr(ctx.lang, "subscribe-overlap")) }
            @if !groups.is_empty() {
                fieldset {
                    legend { (t.groups) }
                    @for g in &groups {
                        label.check {
                            input type="checkbox" name="group" value=(g.slug())
                                checked[filter.groups.iter().any(|s| s == g.slug())];
                            " " (g.name())
                        }
                    }
                }
            }
            @if kinds {
                fieldset {
                    legend { (t.kinds) }
                    @for k in Kind::ALL {
                        label.check {
                            input type="checkbox" name="kind" value=(k.name()) checked[filter.kinds.contains(&k)];
                            " " (i18n::kind_name(k, ctx.lang))
                        }
                    }
                }
            }
            fieldset {
                legend { (t.cancelled_legend) }
                label.check {
                    input type="checkbox" name="cancelled" value="hide" checked[filter.hide_cancelled];
                    " " (t.hide_cancelled)
                }
            }
            fieldset {
                legend { (t.language) }
                @for l in Lang::ALL {
                    @let s = i18n::strings(l);
                    label.check lang=(s.html_lang) {
                        input type="radio" name="lang" value=(l.code()) checked[filter.lang == l];
                        " " (s.own_name)
                    }
                }
            }
            button type="submit" { (t.update_links) }
            p.builder-status role="status" aria-live="polite" {}
        }
    }
}

/// The subscribe page of `feed` with `filter` (its language is the page's) on the UTC date
/// `today`; `count` is the number of events the feed holds then.
pub fn render(
    catalog: &Catalog,
    feed: &Feed,
    filter: &Filter,
    count: usize,
    today: chrono::NaiveDate,
    base: &str,
) -> String {
    let lang = filter.lang;
    let ctx = Ctx::new(base, lang);
    let t = ctx.t;
    let links = FeedLinks::new(base, catalog, feed, filter);
    let (_, description) = feed_title(catalog, feed, filter);
    let path = subscribe_path(feed).unwrap_or_default();
    let heading = i18n::subscribe_to(&links.name, lang);
    let main = html! {
        @if let Feed::Meeting(id) = feed {
            p.back { a href=(ctx.href(&meeting_path(id), &crate::links::lang_query(lang))) { (if lang.is_rtl() { "→ " } else { "← " }) (t.back_to_meeting) } }
        }
        h1 #title data-swap { (heading) }
        p.lead { (description) }
        p #count data-swap { (t.now_holds) " " (i18n::n_events(count, lang)) }
        (links_section(&ctx, &links))
        (builder(&ctx, catalog, feed, filter, &ctx.href(&path, "")))
        (super::plan::for_group(catalog, feed, filter, today))
        (share_section(&ctx, &links))
    };
    let query_in = |l: Lang| {
        Filter {
            lang: l,
            ..filter.clone()
        }
        .to_query()
    };
    page(
        &ctx,
        &Page {
            title: &heading,
            path: &path,
            query: &query_in,
        },
        main,
    )
}
