//! What changed, as the lock's history tells it ([`crate::lock::Version`]): the changes page of
//! a meeting or of every meeting (`/meetings/{id}/changes`, `/changes`), newest first, and its
//! e-mail snippets, "what changed since version N" (HTML and plain text). Calendars are slow and
//! unreliable carriers of changes; these are what delegates can rely on.
//!
//! Pure, like every renderer: the sentences were written by `itucal lock`; dates and times are
//! in Geneva time.

use super::email::{FONT, HEADING, LINK, SMALL, document};
use super::layout::{Ctx, Page, page};
use crate::i18n::{arg, dates, num, tr, tr_args};
use crate::links::{Show, changes_atom_path, changes_route, lang_query, meeting_path, with_query};
use crate::lock::{Change, Lock, Version};
use crate::model::{Catalog, Lang, Meeting};
use crate::render::ics::HOME_TZ;
use chrono::{DateTime, Utc};
use maud::{Markup, html};
use std::borrow::Cow;

/// What one version tells of the meetings shown.
#[derive(Debug)]
pub struct Told<'a> {
    /// The version.
    pub version: &'a Version,
    /// Meetings it published (their events are not listed one by one).
    pub published: Vec<&'a str>,
    /// Its changes of the meetings shown.
    pub changes: Vec<&'a Change>,
}

/// The versions after `since` that concern `meeting` (every meeting when `None`), newest first.
pub fn history<'a>(lock: Option<&'a Lock>, meeting: Option<&str>, since: u32) -> Vec<Told<'a>> {
    let Some(lock) = lock else {
        return Vec::new();
    };
    let shown = |id: &str| meeting.is_none_or(|m| m == id);
    lock.versions
        .iter()
        .rev()
        .filter(|v| v.number > since)
        .map(|v| Told {
            version: v,
            published: v
                .published
                .iter()
                .map(String::as_str)
                .filter(|m| shown(m))
                .collect(),
            changes: v.changes.iter().filter(|c| shown(&c.meeting)).collect(),
        })
        .filter(|t| !t.published.is_empty() || !t.changes.is_empty())
        .collect()
}

/// How many changes the history tells of a meeting, and when the latest was locked (`None`
/// when there are none: a meeting only published has not changed).
pub fn changed(lock: Option<&Lock>, meeting: &str) -> Option<(usize, DateTime<Utc>)> {
    let told = history(lock, Some(meeting), 0);
    let count = told.iter().map(|t| t.changes.len()).sum();
    let latest = told.iter().find(|t| !t.changes.is_empty())?;
    Some((count, latest.version.time))
}

/// The date of a version in Geneva, long: "16 January 2018".
pub fn version_date(v: &Version, lang: Lang) -> String {
    dates::long(v.time.with_timezone(&HOME_TZ).date_naive(), lang)
}

/// "Version 3, 16 January 2018, 10:00 (Geneva time)".
pub fn version_heading(v: &Version, lang: Lang) -> String {
    let time = v.time.with_timezone(&HOME_TZ).format("%H:%M").to_string();
    tr_args(
        lang,
        "changes-version",
        &[
            ("number", num(v.number as usize)),
            ("date", arg(&version_date(v, lang))),
            ("start", arg(&time)),
        ],
    )
}

/// The heading of the changes of `meeting` (every meeting when `None`).
pub fn title(meeting: Option<&Meeting>, lang: Lang) -> String {
    match meeting {
        None => tr(lang, "changes-title"),
        Some(m) => tr_args(
            lang,
            "changes-meeting-title",
            &[("title", arg(&m.title.get(lang)))],
        ),
    }
}

/// The name of a meeting in `lang`, or its id once it is gone from the data.
fn meeting_name<'a>(catalog: &'a Catalog, id: &'a str, lang: Lang) -> Cow<'a, str> {
    catalog
        .meeting(id)
        .map_or(Cow::Borrowed(id), |m| m.title.get(lang))
}

/// The changes of one version, grouped by meeting when several are shown.
fn told_block(ctx: &Ctx<'_>, catalog: &Catalog, told: &Told<'_>, by_meeting: bool) -> Markup {
    let lang = ctx.lang;
    let mut ids: Vec<&str> = told.published.clone();
    ids.extend(told.changes.iter().map(|c| c.meeting.as_str()));
    ids.dedup();
    let mut seen = Vec::new();
    ids.retain(|id| {
        let new = !seen.contains(id);
        seen.push(*id);
        new
    });
    html! {
        @for id in &ids {
            @if by_meeting {
                h3 { (meeting_name(catalog, id, lang)) }
            }
            ul.changes {
                @if told.published.contains(id) {
                    li { (tr_args(lang, "changes-published", &[("title", arg(&meeting_name(catalog, id, lang)))])) }
                }
                @for c in told.changes.iter().filter(|c| c.meeting == *id) {
                    li {
                        @if catalog.meeting(id).is_some() {
                            a href=(ctx.href(&format!("{}#event-{}", meeting_path(id), c.key), &lang_query(lang))) {
                                (c.text.get(lang))
                            }
                        } @else {
                            (c.text.get(lang))
                        }
                    }
                }
            }
        }
    }
}

/// The changes page of `meeting` (every meeting when `None`) in `lang`.
pub fn render(
    catalog: &Catalog,
    lock: Option<&Lock>,
    meeting: Option<&Meeting>,
    base: &str,
    lang: Lang,
) -> String {
    let ctx = Ctx::new(base, lang);
    let id = meeting.map(|m| m.id.as_str());
    let told = history(lock, id, 0);
    let heading = title(meeting, lang);
    let q = lang_query(lang);
    let path = changes_route(id, Show::Page);
    let main = html! {
        h1 { (heading) }
        p { (tr(lang, "changes-intro")) }
        ul.inline {
            @if let Some(m) = meeting {
                li { a href=(ctx.href(&meeting_path(&m.id), &q)) { (ctx.t.back_to_meeting) } }
            }
            li { a href=(ctx.href(&changes_atom_path(id), &q)) type="application/atom+xml" data-link="atom" { (tr(lang, "changes-atom")) } }
            li { a href=(ctx.href(&changes_route(id, Show::EmailHtml), &q)) data-link="email" { (tr(lang, "changes-email")) } }
        }
        @if told.is_empty() {
            p { (tr(lang, "changes-none")) }
        }
        @for t in &told {
            section id=(format!("version-{}", t.version.number)) {
                h2 { time datetime=(t.version.time.to_rfc3339()) { (version_heading(t.version, lang)) } }
                (told_block(&ctx, catalog, t, meeting.is_none()))
            }
        }
    };
    page(
        &ctx,
        &Page {
            title: &heading,
            path: &path,
            query: &lang_query,
        },
        main,
    )
}

/// The version the e-mail snippets start after when none is asked for: the one before the
/// latest, so that they tell the latest version.
pub fn default_since(lock: Option<&Lock>) -> u32 {
    lock.and_then(Lock::latest)
        .map_or(0, |v| v.number.saturating_sub(1))
}

/// "What changed since version N" as an HTML e-mail snippet.
pub fn email_html(
    catalog: &Catalog,
    lock: Option<&Lock>,
    meeting: Option<&Meeting>,
    since: u32,
    base: &str,
    lang: Lang,
) -> String {
    let id = meeting.map(|m| m.id.as_str());
    let told = history(lock, id, since);
    let heading = title(meeting, lang);
    let page_url = format!(
        "{base}{}",
        with_query(&changes_route(id, Show::Page), &lang_query(lang))
    );
    let block = html! {
        table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style=(format!("max-width:640px;{FONT}")) {
            tr { td style=(HEADING) { (heading) } }
            tr { td style="padding:0 0 12px 0;" {
                (tr_args(lang, "changes-since", &[("number", num(since as usize))]))
            } }
            @if told.is_empty() {
                tr { td { (tr(lang, "changes-none")) } }
            }
            @for t in &told {
                tr { td style="padding:8px 0 4px 0;font-weight:bold;" { (version_heading(t.version, lang)) } }
                @for line in lines(catalog, t, meeting.is_none(), lang) {
                    tr { td style="padding:2px 0 2px 12px;" { "– " (line) } }
                }
            }
            tr { td style=(format!("padding:12px 0 0 0;{SMALL}")) {
                (tr_args(lang, "email-label", &[("label", arg(&tr(lang, "changes-link")))])) " "
                a href=(page_url) style=(LINK) { (page_url) }
            } }
        }
    };
    document(lang, &heading, block)
}

/// The sentences of one version, each after its meeting's name when several are shown.
fn lines(catalog: &Catalog, t: &Told<'_>, by_meeting: bool, lang: Lang) -> Vec<String> {
    let named = |id: &str, text: String| {
        if by_meeting {
            tr_args(
                lang,
                "changes-in-meeting",
                &[
                    ("change", arg(&text)),
                    ("title", arg(&meeting_name(catalog, id, lang))),
                ],
            )
        } else {
            text
        }
    };
    let published = t.published.iter().map(|id| {
        let name = meeting_name(catalog, id, lang);
        tr_args(lang, "changes-published", &[("title", arg(&name))])
    });
    let changes = t
        .changes
        .iter()
        .map(|c| named(&c.meeting, c.text.get(lang).to_string()));
    published.chain(changes).collect()
}

/// "What changed since version N" as plain text.
pub fn email_text(
    catalog: &Catalog,
    lock: Option<&Lock>,
    meeting: Option<&Meeting>,
    since: u32,
    base: &str,
    lang: Lang,
) -> String {
    let id = meeting.map(|m| m.id.as_str());
    let told = history(lock, id, since);
    let mut out = format!(
        "{}\n{}\n",
        title(meeting, lang),
        tr_args(lang, "changes-since", &[("number", num(since as usize))])
    );
    if told.is_empty() {
        out.push_str(&format!("\n{}\n", tr(lang, "changes-none")));
    }
    for t in &told {
        out.push_str(&format!("\n{}\n", version_heading(t.version, lang)));
        for line in lines(catalog, t, meeting.is_none(), lang) {
            out.push_str(&format!("- {line}\n"));
        }
    }
    out.push_str(&format!(
        "\n{}\n  {base}{}\n",
        tr_args(
            lang,
            "email-label",
            &[("label", arg(&tr(lang, "changes-link")))]
        ),
        with_query(&changes_route(id, Show::Page), &lang_query(lang))
    ));
    out
}
