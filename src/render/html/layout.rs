//! The frame of every page: document head, skip link, site header with the language switch,
//! footer, and the stylesheet and script (served from `/static/`, versioned by content hash).

use super::i18n::{Strings, strings};
use crate::links::{path_prefix, with_query};
use crate::model::Lang;
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// The stylesheet of the pages.
pub const STYLE: &str = include_str!("../../../static/style.css");

/// The progressive-enhancement script of the pages (copy buttons, local times, countdowns,
/// meeting order, the subscribe builder). Pages work without it.
pub const SCRIPT: &str = include_str!("../../../static/app.js");

/// The icon of the pages (also answered at `/favicon.ico`, which browsers ask for on their own).
pub const ICON: &str = include_str!("../../../static/favicon.svg");

/// A short content hash of an asset, for its URL (`?v=`): a new asset gets a new URL, so
/// browsers never combine a new page with an old script.
pub fn version(asset: &str) -> String {
    format!(
        "{:08x}",
        xxhash_rust::xxh3::xxh3_64(asset.as_bytes()) as u32
    )
}

/// What every part of a page needs: where links point and in which language.
#[derive(Clone, Copy, Debug)]
pub struct Ctx<'a> {
    /// The public URL (absolute links: feeds, subscribe links, e-mails).
    pub base: &'a str,
    /// The page's language.
    pub lang: Lang,
    /// Its texts.
    pub t: &'static Strings,
}

impl<'a> Ctx<'a> {
    /// The context of a page in `lang` served under `base`.
    pub fn new(base: &'a str, lang: Lang) -> Ctx<'a> {
        Ctx {
            base,
            lang,
            t: strings(lang),
        }
    }

    /// A link to another page of the service: root-relative, under the public URL's path.
    pub fn href(&self, path: &str, query: &str) -> String {
        format!("{}{}", path_prefix(self.base), with_query(path, query))
    }
}

/// One page: its title, the path it is served at and the query of each language version.
pub struct Page<'a> {
    /// `<title>` (the site's name is appended).
    pub title: &'a str,
    /// The page's path, for the language switch.
    pub path: &'a str,
    /// The page's query in each language, for the language switch.
    pub query: &'a dyn Fn(Lang) -> String,
}

/// The countdown text of a CLDR plural category, if the language has one of its own.
fn days_left<'a>(t: &'a Strings, category: &str) -> Option<&'a str> {
    t.days_left
        .iter()
        .find(|(c, _)| *c == category)
        .map(|(_, text)| text.as_str())
}

/// A complete page around `main`.
pub fn page(ctx: &Ctx<'_>, page: &Page<'_>, main: Markup) -> String {
    let t = ctx.t;
    let full_title = if page.title == t.site {
        t.site.to_string()
    } else {
        format!("{} – {}", page.title, t.site)
    };
    html! {
        (DOCTYPE)
        html lang=(t.html_lang) dir=(ctx.lang.dir()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (full_title) }
                meta name="color-scheme" content="light";
                link rel="icon" type="image/svg+xml" href=(ctx.href("/static/favicon.svg", &format!("v={}", version(ICON))));
                link rel="stylesheet" href=(ctx.href("/static/style.css", &format!("v={}", version(STYLE))));
                @for l in Lang::ALL {
                    link rel="alternate" hreflang=(strings(l).html_lang)
                        href=(format!("{}{}", ctx.base, with_query(page.path, &(page.query)(l))));
                }
                script src=(ctx.href("/static/app.js", &format!("v={}", version(SCRIPT)))) defer {}
            }
            body
                data-t-days-left-zero=[days_left(t, "zero")]
                data-t-days-left-one=[days_left(t, "one")]
                data-t-days-left-two=[days_left(t, "two")]
                data-t-days-left-few=[days_left(t, "few")]
                data-t-days-left-many=[days_left(t, "many")]
                data-t-days-left-other=[days_left(t, "other")]
                data-t-due-today=(t.due_today)
                data-t-passed=(t.passed)
                data-t-upcoming=(t.upcoming)
                data-t-past=(t.past)
                data-t-copied=(t.copied)
                data-t-copy-failed=(t.copy_failed)
                data-t-col-local=(t.col_local)
                data-t-time-range=(t.time_range)
                data-t-links-updated=(t.links_updated)
            {
                a.skip href="#main" { (t.skip) }
                header.site {
                    a.home href=(ctx.href("/", &crate::links::lang_query(ctx.lang))) { (t.site) }
                    nav #langs .langs data-swap aria-label=(t.language) {
                        ul {
                            @for l in Lang::ALL {
                                @let s = strings(l);
                                li {
                                    @if l == ctx.lang {
                                        a href=(ctx.href(page.path, &(page.query)(l))) lang=(s.html_lang)
                                            aria-current="page" { (s.own_name) }
                                    } @else {
                                        a href=(ctx.href(page.path, &(page.query)(l))) lang=(s.html_lang)
                                            hreflang=(s.html_lang) { (s.own_name) }
                                    }
                                }
                            }
                        }
                    }
                }
                main #main tabindex="-1" { (main) }
                footer.site {
                    p { (t.footer) }
                    p { a href=(ctx.href("/api/openapi.json", "")) { (t.api) } }
                }
            }
        }
    }
    .into_string()
}

/// Pre-rendered markup from a trusted source (the QR code's SVG, which this program builds).
pub fn trusted(s: String) -> PreEscaped<String> {
    PreEscaped(s)
}
