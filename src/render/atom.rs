//! The Atom feeds (RFC 4287) of what changed: one per meeting and one for every meeting, one
//! entry per version of the lock's history, newest first, each listing its changes as the
//! changes page does.
//!
//! Built with the `atom_syndication` crate, which models every element the RFC requires (id,
//! title, updated; an author for the feed) and escapes what it writes; the ids are tag URIs
//! (RFC 4151) under the project's fixed UID domain, so they never change with the host name.

use crate::i18n::{num, tr, tr_args};
use crate::links::{Show, changes_atom_path, changes_route, lang_query, with_query};
use crate::lock::Lock;
use crate::model::{Catalog, Lang, Meeting};
use crate::render::html::changes::{Told, history, title, version_heading};
use crate::render::ics::UID_DOMAIN;
use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
use chrono::{DateTime, Utc};

/// The tag URI of a changes feed or of one of its entries: `tag:itucal,2017:changes`,
/// `tag:itucal,2017:meetings/{id}/versions/3`.
fn tag(meeting: Option<&str>, rest: &str) -> String {
    let scope = meeting.map_or(String::new(), |id| format!("meetings/{id}/"));
    format!("tag:{UID_DOMAIN},2017:{scope}{rest}")
}

fn link(href: String, rel: &str, mime: Option<&str>) -> Link {
    let mut l = Link::default();
    l.set_href(href);
    l.set_rel(rel);
    l.set_mime_type(mime.map(str::to_string));
    l
}

/// The changes of one version as an HTML list (escaped by maud; the crate escapes it again as
/// the element's text, as `type="html"` wants).
fn content(catalog: &Catalog, t: &Told<'_>, lang: Lang) -> String {
    let name = |id: &str| {
        catalog
            .meeting(id)
            .map_or(id.to_string(), |m| m.title.get(lang).to_string())
    };
    maud::html! {
        ul {
            @for id in &t.published {
                li { (tr_args(lang, "changes-published", &[("title", crate::i18n::arg(&name(id)))])) }
            }
            @for c in &t.changes {
                li { (c.text.get(lang)) }
            }
        }
    }
    .into_string()
}

/// The Atom feed of the changes of `meeting` (every meeting when `None`) in `lang`. Its
/// `updated` is the latest version's time (`fallback` when there is none).
pub fn feed(
    catalog: &Catalog,
    lock: Option<&Lock>,
    meeting: Option<&Meeting>,
    base: &str,
    lang: Lang,
    fallback: DateTime<Utc>,
) -> String {
    let id = meeting.map(|m| m.id.as_str());
    let told = history(lock, id, 0);
    let q = lang_query(lang);
    let page = format!("{base}{}", with_query(&changes_route(id, Show::Page), &q));
    let updated = told.first().map_or(fallback, |t| t.version.time);
    let mut author = Person::default();
    author.set_name(tr(lang, "page-site"));
    author.set_uri(Some(format!("{base}/")));
    let entries: Vec<Entry> = told
        .iter()
        .map(|t| {
            let v = t.version;
            let mut e = Entry::default();
            e.set_id(tag(id, &format!("versions/{}", v.number)));
            let count = t.changes.len() + t.published.len();
            e.set_title(Text::plain(tr_args(
                lang,
                "changes-entry-title",
                &[("number", num(v.number as usize)), ("count", num(count))],
            )));
            e.set_summary(Some(Text::plain(version_heading(v, lang))));
            e.set_updated(v.time.fixed_offset());
            e.set_links(vec![link(
                format!("{page}#version-{}", v.number),
                "alternate",
                Some("text/html"),
            )]);
            let mut c = Content::default();
            c.set_content_type(Some("html".to_string()));
            c.set_value(Some(content(catalog, t, lang)));
            e.set_content(Some(c));
            e
        })
        .collect();
    let mut f = Feed::default();
    f.set_id(tag(id, "changes"));
    f.set_title(Text::plain(title(meeting, lang)));
    f.set_updated(updated.fixed_offset());
    f.set_authors(vec![author]);
    f.set_lang(Some(lang.code().to_string()));
    f.set_links(vec![
        link(
            format!("{base}{}", with_query(&changes_atom_path(id), &q)),
            "self",
            Some("application/atom+xml"),
        ),
        link(page, "alternate", Some("text/html")),
    ]);
    f.set_entries(entries);
    f.to_string()
}
