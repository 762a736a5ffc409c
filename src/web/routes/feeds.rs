//! The iCalendar feeds: `/feeds/all.ics`, `/feeds/{meeting}.ics`, `/feeds/groups/{slug}.ics`,
//! `/feeds/deadlines.ics` and `/events/{meeting}/{key}.ics`.

use crate::select::{Feed, Filter};
use crate::web::error::{WebError, quote};
use crate::web::{AppState, http};
use actix_web::{HttpRequest, HttpResponse, web};

/// The name before `.ics` in a path segment, or 404.
fn ics_name(segment: &str) -> Result<&str, WebError> {
    segment
        .strip_suffix(".ics")
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            WebError::NotFound(format!(
                "no feed '{}'; feeds end in .ics, e.g. /feeds/all.ics",
                quote(segment)
            ))
        })
}

fn query_pairs(req: &HttpRequest) -> Result<Vec<(String, String)>, WebError> {
    web::Query::<Vec<(String, String)>>::from_query(req.query_string())
        .map(web::Query::into_inner)
        .map_err(|e| WebError::BadRequest(format!("malformed query string: {e}")))
}

async fn serve(
    req: HttpRequest,
    state: web::Data<AppState>,
    feed: Feed,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    let pairs = query_pairs(&req)?;
    let filter = Filter::parse(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        snap.catalog(),
    )?;
    let rendered = snap.feed(&feed, &filter)?;
    Ok(http::calendar_response(&req, &rendered, filter.download))
}

/// `/feeds/{name}.ics`: `all`, `deadlines` or a meeting id.
pub async fn feed(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let feed = match ics_name(&path)? {
        "all" => Feed::All,
        "deadlines" => Feed::Deadlines,
        id => Feed::Meeting(id.to_string()),
    };
    serve(req, state, feed).await
}

/// `/feeds/groups/{slug}.ics` (a group name such as `Q2%2F20` is accepted too).
pub async fn group(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let slug = crate::model::Group::slug_of(ics_name(&path)?);
    serve(req, state, Feed::Group(slug)).await
}

/// `/events/{meeting}/{key}.ics`.
pub async fn event(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (meeting, file) = path.into_inner();
    let key = ics_name(&file)?.to_string();
    serve(req, state, Feed::Event { meeting, key }).await
}
