//! The HTML side: the pages people read and click (home, meeting, subscribe, group, year, the
//! long-range view), in the six languages, and the e-mail snippets that carry the same links
//! into a delegate's inbox.
//!
//! Like the rest of `render`, these are pure functions of the data, the request's options, the
//! public URL and, for the catalog's pages, the UTC date they are computed on (an input, as for
//! the feeds' windows): no clock, no I/O. What depends on the viewer (their time zone, their own
//! date for "days left" and "upcoming") is left to the small script in `static/app.js`, which
//! reads the `<time>` elements and `data-` attributes rendered here. Every text is escaped by
//! maud.
//!
//! * [`index`]: `GET /`.
//! * [`catalog`]: a group's page (`GET /groups/{slug}`) and a year's (`GET /archive/{year}`).
//! * [`overview`]: the long-range view (`GET /overview`).
//! * [`meeting`]: `GET /meetings/{id}`.
//! * [`subscribe`]: `GET /subscribe/{feed}`.
//! * [`changes`]: what changed, from the lock's history: the changes pages and their e-mail
//!   snippets.
//! * [`email`]: the HTML and plain-text e-mail snippets of a feed and of a meeting.
//! * [`i18n`]: the words and date formats of both languages.
//! * [`text`]: data texts as HTML (paragraphs, numbered lists, links).
//! * [`layout`]: the frame of every page and the static assets.

pub mod catalog;
pub mod changes;
pub mod email;
pub mod error;
pub mod i18n;
pub mod index;
pub mod layout;
pub mod meeting;
pub mod overview;
pub mod plan;
pub mod subscribe;
pub mod text;
pub mod timeline;

pub use layout::{ICON, SCRIPT, STYLE};

use crate::model::{Lang, Text};
use maud::{Markup, html};

/// A text of the data in `lang`; where it falls back to English, marked `lang="en"` so that
/// screen readers and browsers read it as English.
pub fn shown(text: &Text, lang: Lang) -> Markup {
    let written_in = text.lang_of(lang);
    html! {
        @if written_in == lang {
            (text.get(lang))
        } @else {
            span lang=(i18n::strings(written_in).html_lang) { (text.get(lang)) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_sources;
    use crate::model::{Catalog, Lang};
    use crate::select::{Feed, Filter};

    const BASE: &str = "https://feeds.example.org";
    /// The date the catalog's pages are rendered on.
    const DAY: chrono::NaiveDate = chrono::NaiveDate::from_ymd_opt(2017, 12, 1).unwrap();

    const DATA: &str = r#"
id = "m-2018"
updated = 2017-09-29T00:00:00Z
groups = ["Q1/20", "Q2/20"]
title = { en = "<script>alert('t')</script> & Q1/20", zh = "会议 <b>粗体</b>" }
location = "Room \"A\" & <B>"
source = { reference = "Letter 1", date = 2017-09-29 }
contact = { email = "a@b.c", phone = "+41 22 730 6301" }
description = "Intro.\n\nDraft agenda:\n1. Opening\n2. Agenda\n3. Close"

[[event]]
key = "q1"
kind = "meeting"
groups = ["Q1/20"]
first_day = 2018-01-15
last_day = 2018-01-23
title = "Q1/20 + friends <img src=x onerror=alert(1)>"
description = "See http://itu.int/travel/. And <i>this</i>."

[[event]]
key = "reg"
kind = "info"
start = 2018-01-15T08:30:00
end = 2018-01-15T09:30:00
title = "Registration"

[[event]]
key = "dl"
kind = "deadline"
first_day = 2018-01-11
title = "Deadline: contributions"
"#;

    fn catalog() -> Catalog {
        parse_sources([("m.toml", DATA)]).expect("valid")
    }

    fn all_pages(c: &Catalog) -> Vec<String> {
        let m = &c.meetings[0];
        let mut out = Vec::new();
        for lang in Lang::ALL {
            let f = Filter {
                lang,
                ..Filter::default()
            };
            out.push(index::render(c, DAY, BASE, lang));
            out.push(meeting::render(m, BASE, lang, None));
            out.push(subscribe::render(c, &Feed::All, &f, 3, DAY, BASE));
            out.push(email::feed_html(c, &Feed::All, &f, BASE));
            out.push(email::meeting_html(c, m, BASE, lang));
        }
        out
    }

    #[test]
    fn data_texts_are_escaped_on_every_page() {
        let c = catalog();
        for p in all_pages(&c) {
            assert!(!p.contains("<script>alert"), "{p}");
            assert!(!p.contains("<img"), "{p}");
            assert!(!p.contains("<b>粗体"), "{p}");
        }
        let m = meeting::render(&c.meetings[0], BASE, Lang::En, None);
        assert!(m.contains("&lt;script&gt;alert('t')&lt;/script&gt; &amp; Q1/20"));
        assert!(m.contains("Room &quot;A&quot; &amp; &lt;B&gt;"));
    }

    #[test]
    fn pages_are_a_pure_function_of_their_arguments() {
        let c = catalog();
        assert_eq!(all_pages(&c), all_pages(&catalog()));
    }

    #[test]
    fn the_meeting_page_carries_machine_times_for_the_script() {
        let c = catalog();
        let p = meeting::render(&c.meetings[0], BASE, Lang::En, None);
        assert!(
            p.contains(
                r#"<time datetime="2018-01-15T08:30:00+01:00">Mon, 15 Jan 2018, 08:30–09:30</time>"#
            ),
            "{p}"
        );
        assert!(p.contains(r#"data-start="2018-01-15T07:30:00+00:00""#));
        assert!(p.contains(r#"data-deadline="2018-01-11" data-tz="Europe/Zurich""#));
        assert!(p.contains("Times in Geneva time (Europe/Zurich)"));
        // the agenda is the numbered list of the description
        assert!(p.contains("<ol><li>Opening</li><li>Agenda</li><li>Close</li></ol>"));
        // a link in a description is a link, without the full stop
        assert!(p.contains(r#"<a href="http://itu.int/travel/">http://itu.int/travel/</a>."#));
    }

    #[test]
    fn the_subscribe_page_links_every_service_and_a_qr_code() {
        let c = catalog();
        let f = Filter::parse([("lang", "zh"), ("group", "q2-20")], &c).unwrap();
        let p = subscribe::render(&c, &Feed::All, &f, 2, DAY, BASE);
        assert!(p.starts_with("<!DOCTYPE html><html lang=\"zh-Hans\" dir=\"ltr\">"));
        for want in [
            r#"href="https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Ffeeds.example.org%2Ffeeds%2Fall.zh.ics%3Fgroup%3Dq2-20""#,
            r#"href="webcal://feeds.example.org/feeds/all.zh.ics?group=q2-20""#,
            r#"value="https://feeds.example.org/feeds/all.zh.ics?group=q2-20""#,
            r#"href="https://feeds.example.org/feeds/all.zh.ics?group=q2-20&amp;download=1""#,
            r#"href="https://calendar.google.com/calendar/r/settings/addbyurl""#,
            r#"<input type="checkbox" name="group" value="q2-20" checked>"#,
            r#"<input type="radio" name="lang" value="zh" checked>"#,
            "<svg",
        ] {
            assert!(p.contains(want), "missing {want}");
        }
    }

    #[test]
    fn email_snippets_have_no_script_style_element_or_image() {
        let c = catalog();
        for lang in Lang::ALL {
            let f = Filter {
                lang,
                ..Filter::default()
            };
            for p in [
                email::feed_html(&c, &Feed::Deadlines, &f, BASE),
                email::meeting_html(&c, &c.meetings[0], BASE, lang),
            ] {
                for bad in ["<script", "<style", "<img", "<link", "class="] {
                    assert!(!p.contains(bad), "{bad} in {p}");
                }
                // every link is https except the one webcal line
                let hrefs: Vec<&str> = p
                    .split("href=\"")
                    .skip(1)
                    .map(|s| &s[..s.find('"').unwrap()])
                    .collect();
                assert!(
                    hrefs.iter().filter(|h| h.starts_with("webcal:")).count() == 1,
                    "{hrefs:?}"
                );
                assert!(
                    hrefs
                        .iter()
                        .all(|h| h.starts_with("https://") || h.starts_with("webcal://"))
                );
            }
        }
    }

    #[test]
    fn the_text_snippet_lists_every_link() {
        let c = catalog();
        let t = email::feed_text(&c, &Feed::Group("q1-20".into()), &Filter::default(), BASE);
        assert_eq!(
            t,
            "ITU-T Q1/20 meetings\n\n\
             Add the calendar “ITU-T Q1/20 meetings” to your calendar. It updates itself when a meeting changes; times are in Geneva time.\n\n\
             Google Calendar:\n  https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Ffeeds.example.org%2Ffeeds%2Fgroups%2Fq1-20.ics\n\
             Outlook.com:\n  https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Ffeeds.example.org%2Ffeeds%2Fgroups%2Fq1-20.ics&name=ITU-T%20Q1%2F20%20meetings\n\
             Microsoft 365 (work or school):\n  https://outlook.office.com/calendar/0/addfromweb?url=https%3A%2F%2Ffeeds.example.org%2Ffeeds%2Fgroups%2Fq1-20.ics&name=ITU-T%20Q1%2F20%20meetings\n\
             Download .ics (a one-time copy: it does not update):\n  https://feeds.example.org/feeds/groups/q1-20.ics?download=1\n\
             Calendar address:\n  https://feeds.example.org/feeds/groups/q1-20.ics\n\
             Apple Calendar / Outlook desktop:\n  webcal://feeds.example.org/feeds/groups/q1-20.ics\n\
             More options:\n  https://feeds.example.org/subscribe/groups/q1-20\n"
        );
    }

    #[test]
    fn pages_under_a_path_link_to_each_other_under_it() {
        let c = catalog();
        let p = index::render(&c, DAY, "https://example.org/itucal", Lang::En);
        assert!(p.contains(r#"href="/itucal/static/style.css?v="#));
        assert!(p.contains(r#"href="/itucal/meetings/m-2018""#));
        assert!(p.contains(r#"href="/itucal/subscribe/all""#));
    }

    /// Issue 12: a page in French, Spanish, Russian or Arabic shows none of the English
    /// interface texts (those its own language says differently); the data has every text in
    /// every language, so nothing falls back either.
    #[test]
    fn pages_in_the_other_languages_carry_no_english_interface_text() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let c = crate::load::load_dir(&dir).unwrap();
        let m = &c.meetings[0];
        let plain = |id: &str, lang| {
            let bundle_text = crate::i18n::tr(lang, id);
            // messages that insert values are checked by their fixed words elsewhere
            (!bundle_text.contains('{') && bundle_text.chars().count() >= 4).then_some(bundle_text)
        };
        for lang in [Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar] {
            let pages = [
                ("home", index::render(&c, DAY, BASE, lang)),
                ("meeting", meeting::render(m, BASE, lang, None)),
                (
                    "subscribe",
                    subscribe::render(
                        &c,
                        &Feed::Meeting(m.id.clone()),
                        &Filter {
                            lang,
                            ..Filter::default()
                        },
                        m.events.len(),
                        DAY,
                        BASE,
                    ),
                ),
            ];
            for id in crate::i18n::ids(Lang::En) {
                let Some(english) = plain(&id, Lang::En) else {
                    continue;
                };
                // the names of services, and words that are the same in both languages (reviewed:
                // a new message written in English in another file fails here)
                let same_word = matches!(
                    (lang, id.as_str()),
                    (
                        Lang::Fr,
                        "meeting-dates"
                            | "meeting-source"
                            | "meeting-programme"
                            | "meeting-contact"
                            | "home-archive"
                            | "overview-col-dates"
                    ) | (Lang::Ru, "page-api")
                );
                if id.starts_with("service-") || same_word || id == "lang-own-name" {
                    continue;
                }
                for (page, html) in &pages {
                    let text = format!(">{}<", maud::html! { (english) }.into_string());
                    assert!(
                        !html.contains(&text)
                            && !html.contains(&format!("aria-label=\"{english}\"")),
                        "{lang:?} {page} page shows the English '{english}' ({id})"
                    );
                }
            }
            for (page, html) in &pages {
                assert!(
                    !html.contains(r#"lang="en""#) || html.contains(r#"hreflang="en""#),
                    "{lang:?} {page}: an English fallback"
                );
            }
        }
    }

    /// Issue 12: a text the data has only in English is marked `lang="en"` in a page of
    /// another language; one the data has in that language is not.
    #[test]
    fn english_fallbacks_are_marked_as_english() {
        let c = catalog();
        let m = &c.meetings[0];
        let fr = meeting::render(m, BASE, Lang::Fr, None);
        let title = m.title.get(Lang::Fr);
        assert_eq!(m.title.lang_of(Lang::Fr), Lang::En);
        let escaped = maud::html! { (title) }.into_string();
        assert!(
            fr.contains(&format!(r#"<h1><span lang="en">{escaped}</span></h1>"#)),
            "{fr}"
        );
        let en = meeting::render(m, BASE, Lang::En, None);
        assert!(en.contains(&format!("<h1>{escaped}</h1>")));
    }
}
