//! The pages people read and the snippets they paste: `GET /`, `/meetings/{id}`,
//! `/subscribe/{feed}` and `/subscribe/groups/{slug}`, each e-mail snippet (`…/email.html`,
//! `…/email.txt`), and the pages' stylesheet, script and icon under `/static/`.
//!
//! Also the response helper for every rendered body that is not a calendar (HTML, text, JSON,
//! assets), shared with `super::api`: strong ETag, Last-Modified, 304, caching and security
//! headers, built on `crate::web::http::not_modified`.

use crate::model::{Catalog, Group};
use crate::render::html;
use crate::select::{self, Feed, Filter};
use crate::store::{Rendered, Snapshot};
use crate::web::AppState;
use crate::web::error::{WebError, quote};
use crate::web::http;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};

/// Media type of the pages and HTML snippets.
pub const HTML: &str = "text/html; charset=utf-8";
/// Media type of the plain-text snippets.
pub const TEXT: &str = "text/plain; charset=utf-8";
/// Media type of the API.
pub const JSON: &str = "application/json";

/// Content-Security-Policy of the pages: only our own stylesheet and script, no inline code,
/// requests (the builder's fetch) and forms to ourselves only.
pub const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Content-Security-Policy of the e-mail snippets: inline styles (mail needs them), nothing else.
pub const EMAIL_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

/// `Cache-Control` of the static assets (their URLs carry a content hash).
pub const ASSET_CACHE: &str = "public, max-age=86400";

/// How a rendered body is served.
#[derive(Clone, Copy, Debug)]
pub struct ResponseKind {
    /// `Content-Type`.
    pub content_type: &'static str,
    /// `Content-Security-Policy`, for documents a browser renders.
    pub csp: Option<&'static str>,
    /// `Cache-Control`.
    pub cache: &'static str,
    /// Whether any site may read it (`Access-Control-Allow-Origin: *`: the API).
    pub cors: bool,
}

/// A page.
pub const PAGE: ResponseKind = ResponseKind {
    content_type: HTML,
    csp: Some(PAGE_CSP),
    cache: http::CACHE_CONTROL,
    cors: false,
};

/// An HTML e-mail snippet.
pub const EMAIL_HTML: ResponseKind = ResponseKind {
    content_type: HTML,
    csp: Some(EMAIL_CSP),
    cache: http::CACHE_CONTROL,
    cors: false,
};

/// A plain-text e-mail snippet.
pub const EMAIL_TEXT: ResponseKind = ResponseKind {
    content_type: TEXT,
    csp: None,
    cache: http::CACHE_CONTROL,
    cors: false,
};

/// An API document.
pub const API: ResponseKind = ResponseKind {
    content_type: JSON,
    csp: None,
    cache: http::CACHE_CONTROL,
    cors: true,
};

/// The response for a rendered body: 200, or 304 when the client's copy is current; with the
/// strong ETag and, when `dated` (the body comes from the data, not from the binary),
/// Last-Modified. Both header values were built with the body ([`Rendered::new`]).
pub fn respond(req: &HttpRequest, r: &Rendered, kind: ResponseKind, dated: bool) -> HttpResponse {
    let serving = http::Serving {
        content_type: kind.content_type,
        cache_control: kind.cache,
        cors: kind.cors,
        dated,
    };
    let mut res = http::rendered_response(req, r, serving);
    if let (StatusCode::OK, Some(csp)) = (res.status(), kind.csp) {
        let h = res.headers_mut();
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(csp),
        );
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        );
    }
    res
}

/// Serves a body rendered from `snap`: its Last-Modified is the data's.
pub fn respond_rendered(
    req: &HttpRequest,
    snap: &Snapshot,
    body: String,
    kind: ResponseKind,
) -> HttpResponse {
    let r = Rendered::new(body, snap.last_modified(), String::new());
    respond(req, &r, kind, true)
}

/// The query parameters of the pages that show one calendar.
pub const FEED_PARAMS: [&str; 3] = ["lang", "kind", "group"];
/// The query parameters of the other pages.
pub const LANG_PARAM: [&str; 1] = ["lang"];

/// Parses a query: only `allowed` parameters, values checked by [`Filter::parse`] (so the
/// messages are the feeds'). With `merge_lists`, a repeated `kind` or `group` is one list
/// (`group=a&group=b` = `group=a,b`): that is what an HTML form with checkboxes sends.
pub fn parse_query(
    req: &HttpRequest,
    catalog: &Catalog,
    allowed: &[&str],
    merge_lists: bool,
) -> Result<Filter, WebError> {
    let pairs = http::query_pairs(req)?;
    let mut merged: Vec<(String, String)> = Vec::new();
    for (k, v) in pairs {
        if !allowed.contains(&k.as_str()) {
            return Err(WebError::BadRequest(if allowed.is_empty() {
                format!(
                    "unknown parameter '{}'; this resource takes none",
                    quote(&k)
                )
            } else {
                format!(
                    "unknown parameter '{}'; allowed: {}",
                    quote(&k),
                    allowed.join(", ")
                )
            }));
        }
        let list = k == "kind" || k == "group";
        match merged.iter_mut().find(|(key, _)| *key == k) {
            Some((_, value)) if merge_lists && list => {
                value.push(',');
                value.push_str(&v);
            }
            _ => merged.push((k, v)),
        }
    }
    Ok(Filter::parse(
        merged.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        catalog,
    )?)
}

/// The feed a subscribe path names: `all`, `deadlines` or a meeting id.
fn named_feed(name: &str, catalog: &Catalog) -> Result<Feed, WebError> {
    Ok(match name {
        "all" => Feed::All,
        "deadlines" => Feed::Deadlines,
        "groups" => {
            let slugs: Vec<_> = catalog.groups.iter().map(Group::slug).collect();
            return Err(WebError::NotFound(format!(
                "no feed 'groups'; a group's page is /subscribe/groups/{{group}}; groups: {}",
                slugs.join(", ")
            )));
        }
        id => Feed::Meeting(id.to_string()),
    })
}

/// What a subscribe page or snippet shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Show {
    Page,
    EmailHtml,
    EmailText,
}

async fn subscribe_any(
    req: HttpRequest,
    state: web::Data<AppState>,
    feed: Result<Feed, WebError>,
    show: Show,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    let catalog = snap.catalog();
    let feed = feed?;
    let filter = parse_query(&req, catalog, &FEED_PARAMS, show == Show::Page)?;
    // 404 naming what exists, as the feed itself would
    let count = select::select(catalog, &feed, &filter)?.len();
    let base = &state.public_url;
    let (body, kind) = match show {
        Show::Page => (
            html::subscribe::render(catalog, &feed, &filter, count, base),
            PAGE,
        ),
        Show::EmailHtml => (
            html::email::feed_html(catalog, &feed, &filter, base),
            EMAIL_HTML,
        ),
        Show::EmailText => (
            html::email::feed_text(catalog, &feed, &filter, base),
            EMAIL_TEXT,
        ),
    };
    Ok(respond_rendered(&req, &snap, body, kind))
}

fn catalog_feed(state: &AppState, name: &str) -> Result<Feed, WebError> {
    named_feed(name, state.store.snapshot().catalog())
}

fn group_feed(slug: &str) -> Result<Feed, WebError> {
    Ok(Feed::Group(Group::slug_of(slug)))
}

/// `GET /`: the feeds and the meetings.
pub async fn index(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    let filter = parse_query(&req, snap.catalog(), &LANG_PARAM, false)?;
    let body = html::index::render(snap.catalog(), &state.public_url, filter.lang);
    Ok(respond_rendered(&req, &snap, body, PAGE))
}

async fn meeting_any(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: &str,
    show: Show,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    let catalog = snap.catalog();
    let filter = parse_query(&req, catalog, &LANG_PARAM, false)?;
    // 404 naming the meetings that exist
    select::select(catalog, &Feed::Meeting(id.to_string()), &filter)?;
    let Some(m) = catalog.meeting(id) else {
        return Err(WebError::NotFound(format!("no meeting '{}'", quote(id))));
    };
    let base = &state.public_url;
    let lang = filter.lang;
    let (body, kind) = match show {
        Show::Page => (html::meeting::render(m, base, lang), PAGE),
        Show::EmailHtml => (
            html::email::meeting_html(catalog, m, base, lang),
            EMAIL_HTML,
        ),
        Show::EmailText => (
            html::email::meeting_text(catalog, m, base, lang),
            EMAIL_TEXT,
        ),
    };
    Ok(respond_rendered(&req, &snap, body, kind))
}

/// `GET /meetings/{id}`.
pub async fn meeting(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    meeting_any(req, state, &path, Show::Page).await
}

/// `GET /meetings/{id}/email.html`: the meeting with every event's "add" links, for e-mail.
pub async fn meeting_email_html(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    meeting_any(req, state, &path, Show::EmailHtml).await
}

/// `GET /meetings/{id}/email.txt`: the same as plain text.
pub async fn meeting_email_txt(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    meeting_any(req, state, &path, Show::EmailText).await
}

/// `GET /subscribe/{feed}` (`all`, `deadlines` or a meeting id).
pub async fn subscribe(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let feed = catalog_feed(&state, &path);
    subscribe_any(req, state, feed, Show::Page).await
}

/// `GET /subscribe/{feed}/email.html`.
pub async fn subscribe_email_html(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let feed = catalog_feed(&state, &path);
    subscribe_any(req, state, feed, Show::EmailHtml).await
}

/// `GET /subscribe/{feed}/email.txt`.
pub async fn subscribe_email_txt(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let feed = catalog_feed(&state, &path);
    subscribe_any(req, state, feed, Show::EmailText).await
}

/// `GET /subscribe/groups/{slug}` (a group name such as `Q2%2F20` works too).
pub async fn subscribe_group(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    subscribe_any(req, state, group_feed(&path), Show::Page).await
}

/// `GET /subscribe/groups/{slug}/email.html`.
pub async fn subscribe_group_email_html(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    subscribe_any(req, state, group_feed(&path), Show::EmailHtml).await
}

/// `GET /subscribe/groups/{slug}/email.txt`.
pub async fn subscribe_group_email_txt(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    subscribe_any(req, state, group_feed(&path), Show::EmailText).await
}

fn asset(req: &HttpRequest, body: &'static str, content_type: &'static str) -> HttpResponse {
    let r = Rendered::new(body, DateTime::<Utc>::UNIX_EPOCH, String::new());
    let kind = ResponseKind {
        content_type,
        csp: None,
        cache: ASSET_CACHE,
        cors: false,
    };
    respond(req, &r, kind, false)
}

/// `GET /static/style.css`.
pub async fn style(req: HttpRequest) -> HttpResponse {
    asset(&req, html::STYLE, "text/css; charset=utf-8")
}

/// `GET /static/favicon.svg` and `GET /favicon.ico` (an SVG: browsers read it by its type).
pub async fn icon(req: HttpRequest) -> HttpResponse {
    asset(&req, html::ICON, "image/svg+xml")
}

/// `GET /static/app.js`.
pub async fn script(req: HttpRequest) -> HttpResponse {
    asset(&req, html::SCRIPT, "text/javascript; charset=utf-8")
}
