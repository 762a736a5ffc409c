//! The iCalendar feeds: `/feeds/all.ics`, `/feeds/{meeting}.ics`, `/feeds/groups/{slug}.ics`,
//! `/feeds/deadlines.ics` and `/events/{meeting}/{key}.ics`.
//!
//! A feed's answer depends on the request target (path and query) and the data alone, so each
//! answered target is remembered by the snapshot, and [`answer_again`] answers it next time
//! before any routing: the response calendar fetchers poll for most.

use crate::model::Lang;
use crate::select::{Feed, Filter};
use crate::web::error::{WebError, quote};
use crate::web::{AppState, http};
use actix_web::{HttpRequest, HttpResponse, web};

/// The name before `.ics` in a path segment, and the language when the segment names one
/// (`all.zh.ics`: static hosts ignore query strings, so every language has a path too), or 404.
fn ics_name(segment: &str) -> Result<(&str, Option<Lang>), WebError> {
    let name = segment
        .strip_suffix(".ics")
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            WebError::NotFound(format!(
                "no feed '{}'; feeds end in .ics, e.g. /feeds/all.ics",
                quote(segment)
            ))
        })?;
    Ok(match name.rsplit_once('.') {
        Some((base, code)) => match Lang::parse(code) {
            Some(lang) if !base.is_empty() => (base, Some(lang)),
            _ => (name, None),
        },
        None => (name, None),
    })
}

async fn serve(
    req: HttpRequest,
    state: web::Data<AppState>,
    feed: Feed,
    path_lang: Option<Lang>,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.current();
    let pairs = http::query_pairs(&req)?;
    let mut filter = Filter::parse(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        snap.catalog(),
    )?;
    if let Some(lang) = path_lang {
        if pairs.iter().any(|(k, _)| k == "lang") && filter.lang != lang {
            return Err(WebError::BadRequest(format!(
                "parameter 'lang': the path asks for '{}' and the query for '{}'; give one",
                lang.code(),
                filter.lang.code()
            )));
        }
        filter.lang = lang;
    }
    let rendered = snap.feed(&feed, &filter)?;
    if let Some(target) = req.uri().path_and_query() {
        snap.remember(
            target.as_str(),
            &feed,
            &filter,
            crate::web::route_label(&req),
        );
    }
    Ok(http::calendar_response(&req, &rendered, filter.download))
}

/// The response to a GET or HEAD of a feed target answered before from the data being served
/// (the same response its route builds: [`http::calendar_response`] of the same feed), and
/// the route pattern it counts under. `None`: the request goes to the router.
pub fn answer_again(req: &HttpRequest) -> Option<(HttpResponse, &'static str)> {
    use actix_web::http::Method;
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return None;
    }
    let state = req.app_data::<web::Data<AppState>>()?;
    let target = req.uri().path_and_query()?.as_str();
    state.store.current().answered(target, |a| {
        (
            http::calendar_response(req, &a.rendered, a.download),
            a.route,
        )
    })
}

/// `/feeds/{name}.ics`: `all`, `deadlines` or a meeting id.
pub async fn feed(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let (name, lang) = ics_name(&path)?;
    let feed = match name {
        "all" => Feed::All,
        "deadlines" => Feed::Deadlines,
        id => Feed::Meeting(id.to_string()),
    };
    serve(req, state, feed, lang).await
}

/// `/feeds/groups/{slug}.ics` (a group name such as `Q2%2F20` is accepted too).
pub async fn group(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let (name, lang) = ics_name(&path)?;
    let slug = crate::model::Group::slug_of(name);
    serve(req, state, Feed::Group(slug), lang).await
}

/// `/events/{meeting}/{key}.ics`.
pub async fn event(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (meeting, file) = path.into_inner();
    let (key, lang) = ics_name(&file)?;
    let key = key.to_string();
    serve(req, state, Feed::Event { meeting, key }, lang).await
}
