//! The JSON API: `GET /api/meetings`, `/api/meetings/{id}`, `/api/events` (filtered like the
//! feeds), `/api/feeds` (every feed with its links) and `/api/openapi.json` (its description).
//! Served with the same validators and 304s as everything else, and readable from any site.

use super::pages::{API, FEED_PARAMS, LANG_PARAM, parse_query, respond_rendered};
use crate::render::{json, openapi};
use crate::select::{self, Feed};
use crate::web::AppState;
use crate::web::error::{WebError, quote};
use actix_web::{HttpRequest, HttpResponse, web};

/// `GET /api/meetings`.
pub async fn meetings(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    let filter = parse_query(&req, snap.catalog(), &LANG_PARAM, false)?;
    let body = json::meetings(snap.catalog(), &state.public_url, filter.lang);
    Ok(respond_rendered(&req, &snap, body, API))
}

/// `GET /api/meetings/{id}`: the meeting and its events.
pub async fn meeting(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    let catalog = snap.catalog();
    let filter = parse_query(&req, catalog, &LANG_PARAM, false)?;
    let id = path.into_inner();
    // 404 naming the meetings that exist, as the feed would
    select::select(catalog, &Feed::Meeting(id.clone()), &filter)?;
    let Some(m) = catalog.meeting(&id) else {
        return Err(WebError::NotFound(format!("no meeting '{}'", quote(&id))));
    };
    let body = json::meeting(&state.public_url, m, filter.lang);
    Ok(respond_rendered(&req, &snap, body, API))
}

/// `GET /api/events?lang=&kind=&group=`.
pub async fn events(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    let catalog = snap.catalog();
    let filter = parse_query(&req, catalog, &FEED_PARAMS, false)?;
    let selection = select::select(catalog, &Feed::All, &filter)?;
    let body = json::events(&selection, &filter, &state.public_url);
    Ok(respond_rendered(&req, &snap, body, API))
}

/// `GET /api/feeds?lang=&kind=&group=`.
pub async fn feeds(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    let filter = parse_query(&req, snap.catalog(), &FEED_PARAMS, false)?;
    let body = json::feeds(snap.catalog(), &filter, &state.public_url);
    Ok(respond_rendered(&req, &snap, body, API))
}

/// `GET /api/openapi.json`: generated from the catalog being served (its groups, its examples).
pub async fn openapi(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    parse_query(&req, snap.catalog(), &[], false)?;
    let body = openapi::document(snap.catalog(), &state.public_url);
    Ok(respond_rendered(&req, &snap, body, API))
}
