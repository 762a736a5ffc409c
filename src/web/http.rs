//! HTTP semantics shared by every rendered resource: validators (strong ETag, Last-Modified),
//! conditional requests (If-None-Match before If-Modified-Since, RFC 9110 §13.2.2), caching and
//! CORS headers, inline vs attachment.

use crate::store::Rendered;
use actix_web::http::header::{self, HeaderValue, HttpDate};
use actix_web::{HttpRequest, HttpResponse};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// `Cache-Control` of every feed: shared caches may keep it five minutes.
pub const CACHE_CONTROL: &str = "public, max-age=300";

/// The media type of every feed.
pub const CALENDAR: &str = "text/calendar; charset=utf-8";

/// Whether the request's validators match `r` (so a 304 is the answer).
pub fn not_modified(req: &HttpRequest, r: &Rendered) -> bool {
    if let Some(inm) = req.headers().get(header::IF_NONE_MATCH) {
        // If-None-Match takes precedence; it uses weak comparison
        let Ok(inm) = inm.to_str() else { return false };
        let ours = r.etag.as_str();
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

/// A 304 for `r` with `cache_control`: RFC 9110 §15.4.5 — the fields a 200 would carry that
/// guide caches (`ETag`, `Cache-Control`; the server adds `Date`) and no other representation
/// metadata: the client keeps its stored response's `Content-Type`, `Last-Modified` and other
/// headers, which a 304 only updates. `cors` adds `Access-Control-Allow-Origin` as on the 200:
/// a script that revalidates with its own `If-None-Match` gets the 304 itself, and the browser
/// checks CORS on it.
pub fn not_modified_response(
    r: &Rendered,
    cache_control: &'static str,
    cors: bool,
) -> HttpResponse {
    let mut res = HttpResponse::NotModified().finish();
    let h = res.headers_mut();
    h.insert(header::ETAG, r.headers.etag.clone());
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control),
    );
    if cors {
        h.insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
    }
    res
}

/// The response for a rendered calendar: 200 with the body, or 304 when the client's copy is
/// current. HEAD is answered by the same response; the server drops the body.
pub fn calendar_response(req: &HttpRequest, r: &Rendered, download: bool) -> HttpResponse {
    if not_modified(req, r) {
        return not_modified_response(r, CACHE_CONTROL, true);
    }
    let mut res = HttpResponse::Ok().body(r.body.clone());
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(CALENDAR));
    let disposition = if download {
        &r.headers.attachment
    } else {
        &r.headers.inline
    };
    h.insert(header::CONTENT_DISPOSITION, disposition.clone());
    h.insert(header::ETAG, r.headers.etag.clone());
    h.insert(header::LAST_MODIFIED, r.headers.last_modified.clone());
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    res
}
