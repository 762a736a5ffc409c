//! HTTP semantics shared by every rendered resource: validators (strong ETag, Last-Modified),
//! conditional requests (If-None-Match before If-Modified-Since, RFC 9110 §13.2.2), what each
//! kind of resource is served as ([`Serving`]: media type, caching, CORS, security policy), and
//! the query string's parameters.

use crate::model::Catalog;
use crate::select::Filter;
use crate::store::{Rendered, Snapshot};
use crate::web::error::{WebError, quote};
use crate::window::Today;
use actix_web::http::header::{self, HeaderValue, HttpDate};
use actix_web::{HttpRequest, HttpResponse, web};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// `Cache-Control` of feeds, pages and API documents: shared caches may keep them five minutes.
pub const CACHE_CONTROL: &str = "public, max-age=300";

/// The seconds of [`CACHE_CONTROL`].
const MAX_AGE: u64 = 300;

/// `Cache-Control` of the static assets (their URLs carry a content hash).
pub const ASSET_CACHE: &str = "public, max-age=86400";

/// Content-Security-Policy of the pages: only our own stylesheet and script, no inline code,
/// requests (the builder's fetch) and forms to ourselves only.
pub const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Content-Security-Policy of the e-mail snippets: inline styles (mail needs them), nothing else.
pub const EMAIL_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

/// How a kind of rendered body is served: what its 200 and its 304 carry.
#[derive(Clone, Copy, Debug)]
pub struct Serving {
    /// `Content-Type` of the 200.
    pub content_type: &'static str,
    /// `Cache-Control`, on the 200 and the 304.
    pub cache_control: &'static str,
    /// `Access-Control-Allow-Origin: *`, on the 200 and the 304: a script that revalidates with
    /// its own `If-None-Match` gets the 304 itself, and the browser checks CORS on it.
    pub cors: bool,
    /// `Last-Modified` on the 200 (bodies from the data, not from the binary).
    pub dated: bool,
    /// `Content-Security-Policy` (and a referrer policy), for documents a browser renders.
    pub csp: Option<&'static str>,
}

/// A calendar feed or single event.
pub const CALENDAR: Serving = Serving {
    content_type: "text/calendar; charset=utf-8",
    cache_control: CACHE_CONTROL,
    cors: true,
    dated: true,
    csp: None,
};

/// A page.
pub const PAGE: Serving = Serving {
    content_type: "text/html; charset=utf-8",
    cache_control: CACHE_CONTROL,
    cors: false,
    dated: true,
    csp: Some(PAGE_CSP),
};

/// An HTML e-mail snippet.
pub const EMAIL_HTML: Serving = Serving {
    csp: Some(EMAIL_CSP),
    ..PAGE
};

/// A plain-text e-mail snippet.
pub const EMAIL_TEXT: Serving = Serving {
    content_type: "text/plain; charset=utf-8",
    csp: None,
    ..PAGE
};

/// An Atom feed of changes: readable from any site, like the calendars.
pub const ATOM: Serving = Serving {
    content_type: "application/atom+xml; charset=utf-8",
    cache_control: CACHE_CONTROL,
    cors: true,
    dated: true,
    csp: None,
};

/// An API document: readable from any site.
pub const API: Serving = Serving {
    content_type: "application/json",
    cache_control: CACHE_CONTROL,
    cors: true,
    dated: true,
    csp: None,
};

/// A static asset of `content_type`, built into the binary (so no Last-Modified).
pub const fn asset(content_type: &'static str) -> Serving {
    Serving {
        content_type,
        cache_control: ASSET_CACHE,
        cors: false,
        dated: false,
        csp: None,
    }
}

/// The query parameters of a feed.
pub const FEED_PARAMS: [&str; 5] = ["lang", "kind", "group", "cancelled", DOWNLOAD];
/// The query parameters of the pages (and API documents) that show one calendar.
pub const VIEW_PARAMS: [&str; 4] = ["lang", "kind", "group", "cancelled"];
/// The query parameters of the other pages.
pub const LANG_PARAM: [&str; 1] = ["lang"];

/// The parameter that serves a feed as a download (an attachment) rather than inline.
const DOWNLOAD: &str = "download";

/// A parsed query: the filter, and what is about the response rather than the data.
#[derive(Clone, Debug, Default)]
pub struct Query {
    /// Language, kinds and groups.
    pub filter: Filter,
    /// `download=1`: served as an attachment.
    pub download: bool,
    /// Whether `lang` was given (a path may name the language too, and they must agree).
    pub lang_given: bool,
}

/// Parses a query: only `allowed` parameters, values checked by [`Filter::parse`] (so every
/// resource gives the same messages). With `merge_lists`, a repeated `kind` or `group` is one
/// list (`group=a&group=b` = `group=a,b`): that is what an HTML form with checkboxes sends.
pub fn parse_query(
    req: &HttpRequest,
    catalog: &Catalog,
    allowed: &[&str],
    merge_lists: bool,
) -> Result<Query, WebError> {
    let mut merged: Vec<(String, String)> = Vec::new();
    let mut download = None;
    for (k, v) in query_pairs(req)? {
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
        if k == DOWNLOAD {
            if download.is_some() {
                return Err(WebError::BadRequest(format!(
                    "parameter '{DOWNLOAD}' is given twice; give it once"
                )));
            }
            download = Some(match v.as_str() {
                "1" | "true" | "yes" => true,
                "0" | "false" | "no" | "" => false,
                _ => {
                    return Err(WebError::BadRequest(format!(
                        "parameter '{DOWNLOAD}': '{}' is not a yes/no value; allowed: 1, 0, true, false",
                        quote(&v)
                    )));
                }
            });
            continue;
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
    let filter = Filter::parse(
        merged.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        catalog,
    )?;
    Ok(Query {
        filter,
        download: download.unwrap_or(false),
        lang_given: merged.iter().any(|(k, _)| k == "lang"),
    })
}

/// The query string's parameters in order (repeats kept), or 400.
pub fn query_pairs(req: &HttpRequest) -> Result<Vec<(String, String)>, WebError> {
    web::Query::<Vec<(String, String)>>::from_query(req.query_string())
        .map(web::Query::into_inner)
        .map_err(|e| WebError::BadRequest(format!("malformed query string: {e}")))
}

/// The strong ETag of a rendered body, quoted: its content hash.
pub fn etag(r: &Rendered) -> String {
    format!("\"{}\"", r.hash)
}

/// Whether the request's validators match `r`, whose ETag is `ours` (so a 304 is the answer).
pub fn not_modified(req: &HttpRequest, r: &Rendered, ours: &str) -> bool {
    if let Some(inm) = req.headers().get(header::IF_NONE_MATCH) {
        // If-None-Match takes precedence; it uses weak comparison
        let Ok(inm) = inm.to_str() else { return false };
        return inm
            .split(',')
            .map(str::trim)
            .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == ours);
    }
    if let Some(ims) = req
        .headers()
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<HttpDate>().ok())
    {
        let ims: SystemTime = ims.into();
        return http_time(r) <= ims;
    }
    false
}

fn http_time(r: &Rendered) -> SystemTime {
    let secs = r.last_modified.timestamp().max(0) as u64;
    UNIX_EPOCH + Duration::from_secs(secs)
}

/// A header value from text built of ids, keys and hashes (visible ASCII): never fails on
/// those; anything else becomes `fallback` rather than a panic.
fn value(s: String, fallback: &'static str) -> HeaderValue {
    HeaderValue::try_from(s).unwrap_or(HeaderValue::from_static(fallback))
}

/// The response for a rendered body: 304 when the client's copy is current, else 200 with the
/// body. The 304 carries what guides caches (`ETag`, `Cache-Control`; the server adds `Date`)
/// and CORS, and no other representation metadata (RFC 9110 §15.4.5): the client keeps its
/// stored response's headers, which a 304 only updates. Callers add what only their 200
/// carries. HEAD is answered by the same response; the server drops the body.
pub fn rendered_response(req: &HttpRequest, r: &Rendered, s: Serving) -> HttpResponse {
    let etag = etag(r);
    let current = not_modified(req, r, &etag);
    let mut res = if current {
        HttpResponse::NotModified().finish()
    } else {
        HttpResponse::Ok().body(r.body.clone())
    };
    let h = res.headers_mut();
    h.insert(header::ETAG, value(etag, "\"\""));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(s.cache_control),
    );
    if s.cors {
        h.insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
    }
    if current {
        return res;
    }
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(s.content_type),
    );
    if s.dated {
        let date = HttpDate::from(http_time(r)).to_string();
        h.insert(
            header::LAST_MODIFIED,
            value(date, "Thu, 01 Jan 1970 00:00:00 GMT"),
        );
    }
    if let Some(csp) = s.csp {
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

/// Caps a response's `Cache-Control` at the rest of the UTC day, for a body that depends on
/// the date ([`crate::window`]): no cache keeps it into the day it would change on.
pub fn until_tomorrow(res: &mut HttpResponse, today: Today) {
    let Some(left) = today.seconds_left() else {
        return;
    };
    if left < MAX_AGE {
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            value(format!("public, max-age={left}"), CACHE_CONTROL),
        );
    }
}

/// The response for a body just rendered from `snap` (a page, snippet or API document): its
/// Last-Modified is the data's.
pub fn respond(req: &HttpRequest, snap: &Snapshot, body: String, s: Serving) -> HttpResponse {
    rendered_response(req, &Rendered::new(body, snap.last_modified()), s)
}

/// The response for a rendered calendar ([`rendered_response`]); its 200 names the file,
/// inline for subscriptions or as an attachment for downloads.
pub fn calendar_response(
    req: &HttpRequest,
    r: &Rendered,
    filename: &str,
    download: bool,
) -> HttpResponse {
    let mut res = rendered_response(req, r, CALENDAR);
    if res.status().is_success() {
        let how = if download { "attachment" } else { "inline" };
        res.headers_mut().insert(
            header::CONTENT_DISPOSITION,
            value(format!("{how}; filename=\"{filename}\""), how),
        );
    }
    res
}
