//! HTTP semantics shared by every rendered resource: validators (strong ETag, Last-Modified),
//! conditional requests (If-None-Match before If-Modified-Since, RFC 9110 §13.2.2), caching and
//! CORS headers, inline vs attachment; the query string's parameters.

use crate::store::Rendered;
use crate::web::error::WebError;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue, HttpDate};
use actix_web::{HttpRequest, HttpResponse, web};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// `Cache-Control` of every feed: shared caches may keep it five minutes.
pub const CACHE_CONTROL: &str = "public, max-age=300";

/// The media type of every feed.
pub const CALENDAR: &str = "text/calendar; charset=utf-8";

/// The query string's parameters in order (repeats kept), or 400.
pub fn query_pairs(req: &HttpRequest) -> Result<Vec<(String, String)>, WebError> {
    web::Query::<Vec<(String, String)>>::from_query(req.query_string())
        .map(web::Query::into_inner)
        .map_err(|e| WebError::BadRequest(format!("malformed query string: {e}")))
}

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

/// How a rendered body is served: what its 200 and its 304 carry.
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
}

/// The response for a rendered body: 304 when the client's copy is current, else 200 with the
/// body. The 304 carries what guides caches (`ETag`, `Cache-Control`; the server adds `Date`)
/// and CORS, and no other representation metadata (RFC 9110 §15.4.5): the client keeps its
/// stored response's headers, which a 304 only updates. Callers add what only their 200
/// carries. HEAD is answered by the same response; the server drops the body.
pub fn rendered_response(req: &HttpRequest, r: &Rendered, s: Serving) -> HttpResponse {
    let current = not_modified(req, r);
    let mut res = if current {
        HttpResponse::NotModified().finish()
    } else {
        HttpResponse::Ok().body(r.body.clone())
    };
    let h = res.headers_mut();
    h.insert(header::ETAG, r.headers.etag.clone());
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
        h.insert(header::LAST_MODIFIED, r.headers.last_modified.clone());
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    res
}

/// The response for a rendered calendar ([`rendered_response`]); its 200 names the file,
/// inline for subscriptions or as an attachment for downloads.
pub fn calendar_response(req: &HttpRequest, r: &Rendered, download: bool) -> HttpResponse {
    let serving = Serving {
        content_type: CALENDAR,
        cache_control: CACHE_CONTROL,
        cors: true,
        dated: true,
    };
    let mut res = rendered_response(req, r, serving);
    if res.status() == StatusCode::OK {
        let disposition = if download {
            &r.headers.attachment
        } else {
            &r.headers.inline
        };
        res.headers_mut()
            .insert(header::CONTENT_DISPOSITION, disposition.clone());
    }
    res
}
