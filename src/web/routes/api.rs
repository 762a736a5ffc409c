//! The JSON API: `GET /api/meetings`, `/api/meetings/{id}`, `/api/events` (filtered like the
//! feeds), `/api/feeds` (every feed with its links) and `/api/openapi.json` (its description).
//! Served with the same validators and 304s as everything else, and readable from any site.

use crate::render::{json, openapi};
use crate::select::{self, Feed};
use crate::web::error::WebError;
use crate::web::http::{API, LANG_PARAM, VIEW_PARAMS, parse_query, respond};
use crate::web::{AppState, segment};
use actix_web::{HttpRequest, HttpResponse, web};

/// `GET /api/meetings`.
pub async fn meetings(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    let filter = parse_query(&req, snap.catalog(), &LANG_PARAM, false)?.filter;
    let body = json::meetings(snap.catalog(), &state.public_url, filter.lang);
    Ok(respond(&req, &snap, body, API))
}

/// `GET /api/meetings/{id}`: the meeting and its events.
pub async fn meeting(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    let catalog = snap.catalog();
    let filter = parse_query(&req, catalog, &LANG_PARAM, false)?.filter;
    // 404 naming the meetings that exist, as the feed would
    let m = select::meeting(catalog, &segment(&req, "id"))?;
    let body = json::meeting(&state.public_url, m, filter.lang);
    Ok(respond(&req, &snap, body, API))
}

/// `GET /api/events?lang=&kind=&group=`.
pub async fn events(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    let catalog = snap.catalog();
    let filter = parse_query(&req, catalog, &VIEW_PARAMS, false)?.filter;
    let selection = select::select(catalog, &Feed::All, &filter)?;
    let body = json::events(&selection, &filter, &state.public_url);
    Ok(respond(&req, &snap, body, API))
}

/// `GET /api/feeds?lang=&kind=&group=`.
pub async fn feeds(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    let filter = parse_query(&req, snap.catalog(), &VIEW_PARAMS, false)?.filter;
    let body = json::feeds(snap.catalog(), &filter, &state.public_url);
    Ok(respond(&req, &snap, body, API))
}

/// `GET /api/openapi.json`: generated from the catalog being served (its groups, its examples).
pub async fn openapi(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    parse_query(&req, snap.catalog(), &[], false)?;
    let body = openapi::document(snap.catalog(), &state.public_url);
    Ok(respond(&req, &snap, body, API))
}
