//! The iCalendar feeds: `/feeds/all.ics`, `/feeds/{meeting}.ics`, `/feeds/groups/{slug}.ics`,
//! `/feeds/deadlines.ics` and `/events/{meeting}/{key}.ics`, each also with the language in the
//! path (`all.zh.ics`: static hosts ignore query strings).

use crate::model::{Group, Lang};
use crate::select::{Feed, Filter};
use crate::urls::Route;
use crate::web::error::{WebError, quote};
use crate::web::{AppState, http, segment};
use actix_web::{HttpRequest, HttpResponse, web};

/// The name before `.ics` in a path segment, and the language when the segment names one
/// (`all.zh.ics`), or 404.
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

/// The feed a feed route's path names, and the language if the path gives one.
fn path_feed(req: &HttpRequest, route: Route) -> Result<(Feed, Option<Lang>), WebError> {
    let last = match route {
        Route::Event => "key",
        Route::GroupFeed | Route::GroupArchiveFeed => "slug",
        _ => "name",
    };
    let file = segment(req, last);
    let (name, lang) = ics_name(&file)?;
    let feed = match (route, name) {
        (Route::Event, key) => Feed::Event {
            meeting: segment(req, "meeting"),
            key: key.to_string(),
        },
        // a group name such as `Q2%2F20` is accepted too
        (Route::GroupFeed, name) => Feed::Group(Group::slug_of(name)),
        (Route::GroupArchiveFeed, name) => Feed::GroupArchive(Group::slug_of(name)),
        (Route::YearFeed, year) => Feed::Year(
            year.parse()
                .ok()
                .filter(|y| (1000..=9999).contains(y))
                .ok_or_else(|| {
                    WebError::NotFound(format!(
                        "no archive '{}'; an archive is a year, e.g. /feeds/archive/2018.ics",
                        quote(&file)
                    ))
                })?,
        ),
        (_, "all") => Feed::All,
        (_, "deadlines") => Feed::Deadlines,
        (_, id) => Feed::Meeting(id.to_string()),
    };
    Ok((feed, lang))
}

/// `GET` of a feed or single event (`route` is one of the three feed routes).
pub async fn feed(
    req: HttpRequest,
    state: web::Data<AppState>,
    route: Route,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.current();
    let (feed, path_lang) = path_feed(&req, route)?;
    let mut query = http::parse_query(&req, snap.catalog(), &http::FEED_PARAMS, false)?;
    if let Some(lang) = path_lang {
        if query.lang_given && query.filter.lang != lang {
            return Err(WebError::BadRequest(format!(
                "parameter 'lang': the path asks for '{}' and the query for '{}'; give one",
                lang.code(),
                query.filter.lang.code()
            )));
        }
        query.filter.lang = lang;
    }
    let rendered = snap.feed(&feed, &query.filter, state.today.date())?;
    let name = filename(&feed, &query.filter);
    let mut res = http::calendar_response(&req, &rendered, &name, query.download);
    if feed.is_windowed() {
        http::until_tomorrow(&mut res, state.today);
    }
    Ok(res)
}

/// The download file name of a feed: `itu-t-q2-20.ics`, `sg20-wp1-2018-01-zh.ics`, …
pub fn filename(feed: &Feed, filter: &Filter) -> String {
    let base = match feed {
        Feed::All => "itu-t-meetings".to_string(),
        Feed::Deadlines => "itu-t-deadlines".to_string(),
        Feed::Group(slug) => format!("itu-t-{slug}"),
        Feed::Year(year) => format!("itu-t-meetings-{year}"),
        Feed::GroupArchive(slug) => format!("itu-t-{slug}-archive"),
        Feed::Meeting(id) => id.clone(),
        Feed::Event { meeting, key } => format!("{meeting}-{key}"),
    };
    match filter.lang {
        Lang::En => format!("{base}.ics"),
        other => format!("{base}-{}.ics", other.code()),
    }
}
