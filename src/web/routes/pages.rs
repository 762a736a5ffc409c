//! The pages people read and the snippets they paste: `GET /`, `/meetings/{id}`,
//! `/subscribe/{feed}` and `/subscribe/groups/{slug}`, each e-mail snippet (`…/email.html`,
//! `…/email.txt`), and the pages' stylesheet, script and icon under `/static/`.

use crate::links::Show;
use crate::model::{Catalog, Group, Lang};
use crate::render::html;
use crate::select::{self, Feed};
use crate::store::Rendered;
use crate::urls::Route;
use crate::web::error::WebError;
use crate::web::http::{self, LANG_PARAM, Serving, VIEW_PARAMS};
use crate::web::{AppState, segment};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, NaiveDate, Utc};

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

/// What a page route shows, and how it is served.
fn show(route: Route) -> (Show, Serving) {
    match route {
        Route::MeetingEmailHtml | Route::SubscribeGroupEmailHtml | Route::SubscribeEmailHtml => {
            (Show::EmailHtml, http::EMAIL_HTML)
        }
        Route::MeetingEmailText | Route::SubscribeGroupEmailText | Route::SubscribeEmailText => {
            (Show::EmailText, http::EMAIL_TEXT)
        }
        _ => (Show::Page, http::PAGE),
    }
}

/// `GET` of a page or snippet: the home page, a meeting's page or snippets, a feed's subscribe
/// page or snippets (`route` is one of those routes). A page whose address names nothing or is
/// malformed is answered with an error page in the page's language (snippets, like feeds and
/// the API, answer in plain text).
pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    route: Route,
) -> Result<HttpResponse, WebError> {
    let base = state.public_url.clone();
    match (render(&req, state, route), show(route).0) {
        (Err(e), Show::Page) => Ok(error_page(&req, &base, &e)),
        (result, _) => result,
    }
}

/// The error page for `e`, in the language the address asks for (when it names one of ours).
fn error_page(req: &HttpRequest, base: &str, e: &WebError) -> HttpResponse {
    use actix_web::ResponseError;
    let lang = http::query_pairs(req)
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "lang"))
        .and_then(|(_, v)| Lang::parse(&v))
        .unwrap_or_default();
    let problem = match e {
        WebError::NotFound(_) => html::error::Problem::NotFound,
        WebError::BadRequest(_) => html::error::Problem::BadRequest,
    };
    let reason = crate::web::error::escape_controls(&e.to_string());
    HttpResponse::build(e.status_code())
        .insert_header((header::CONTENT_TYPE, http::PAGE.content_type))
        .insert_header((header::CONTENT_SECURITY_POLICY, http::PAGE_CSP))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(html::error::render(base, lang, problem, &reason))
}

fn render(
    req: &HttpRequest,
    state: web::Data<AppState>,
    route: Route,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    let catalog = snap.catalog();
    let base = &state.public_url;
    let today = state.today.date();
    let (show, serving) = show(route);
    let body = match route {
        Route::Index => {
            let q = http::parse_query(req, catalog, &LANG_PARAM, false)?;
            // the one page a person may open with no language in the URL: it follows the
            // browser's languages (and says so in Vary); everything else is in the URL
            let lang = if q.lang_given {
                q.filter.lang
            } else {
                accepted(req)
            };
            // the catalog's pages are rendered once per data version, date and language
            let key = (format!("/?lang={}", lang.code()), today);
            let page = snap.page(key, || html::index::render(catalog, today, base, lang));
            let mut res = http::rendered_response(req, &page, serving);
            res.headers_mut().insert(
                header::VARY,
                header::HeaderValue::from_static("Accept-Language"),
            );
            http::until_tomorrow(&mut res, state.today);
            return Ok(res);
        }
        Route::Group | Route::Year | Route::Overview => {
            let lang = http::parse_query(req, catalog, &LANG_PARAM, false)?
                .filter
                .lang;
            let page = match route {
                Route::Group => {
                    let g = select::group(catalog, &segment(req, "slug"))?;
                    let key = (format!("/groups/{}?lang={}", g.slug(), lang.code()), today);
                    snap.page(key, || html::catalog::group(catalog, g, today, base, lang))
                }
                Route::Year => {
                    let year = segment(req, "year");
                    let year = year.parse::<i32>().map_err(|_| {
                        WebError::NotFound(format!(
                            "no year '{}'; the archive has a page per year, e.g. /archive/2018",
                            crate::web::error::quote(&year)
                        ))
                    })?;
                    let meetings = select::held_in(catalog, year)?;
                    // the same on every day
                    let key = (
                        format!("/archive/{year}?lang={}", lang.code()),
                        NaiveDate::MIN,
                    );
                    snap.page(key, || html::catalog::year(year, &meetings, base, lang))
                }
                _ => {
                    let key = (format!("/overview?lang={}", lang.code()), today);
                    snap.page(key, || html::overview::render(catalog, today, base, lang))
                }
            };
            let mut res = http::rendered_response(req, &page, serving);
            if route != Route::Year {
                http::until_tomorrow(&mut res, state.today);
            }
            return Ok(res);
        }
        Route::Meeting | Route::MeetingEmailHtml | Route::MeetingEmailText => {
            let lang = http::parse_query(req, catalog, &LANG_PARAM, false)?
                .filter
                .lang;
            let m = select::meeting(catalog, &segment(req, "id"))?;
            match show {
                Show::Page => {
                    let changed = html::changes::changed(snap.lock(), &m.id);
                    html::meeting::render(m, base, lang, changed)
                }
                Show::EmailHtml => html::email::meeting_html(catalog, m, base, lang),
                Show::EmailText => html::email::meeting_text(catalog, m, base, lang),
            }
        }
        _ => {
            let feed = match route {
                // a group name such as `Q2%2F20` works too
                Route::SubscribeGroup
                | Route::SubscribeGroupEmailHtml
                | Route::SubscribeGroupEmailText => {
                    Feed::Group(Group::slug_of(&segment(req, "slug")))
                }
                _ => named_feed(&segment(req, "feed"), catalog)?,
            };
            // the builder's form sends a checkbox per kind and group
            let filter = http::parse_query(req, catalog, &VIEW_PARAMS, show == Show::Page)?.filter;
            match show {
                Show::Page => {
                    // what the feed holds today, after its window (404 naming what exists,
                    // as the feed itself would)
                    let count = snap.feed_events(&feed, &filter, today)?;
                    let body = html::subscribe::render(catalog, &feed, &filter, count, today, base);
                    // the count and a group's coming time plans change with the date
                    let mut res = http::respond(req, &snap, body, serving);
                    http::until_tomorrow(&mut res, state.today);
                    return Ok(res);
                }
                Show::EmailHtml | Show::EmailText => {
                    // 404 naming what exists, as the feed itself would
                    select::check(catalog, &feed)?;
                    if show == Show::EmailHtml {
                        html::email::feed_html(catalog, &feed, &filter, base)
                    } else {
                        html::email::feed_text(catalog, &feed, &filter, base)
                    }
                }
            }
        }
    };
    Ok(http::respond(req, &snap, body, serving))
}

/// `GET /groups/{slug}/next`: a redirect (302, as it changes when the next meeting comes) to
/// the page of the group's next meeting, else its latest, keeping the language; 404 for a group
/// that does not exist or has no meeting.
pub async fn next_meeting(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    let catalog = snap.catalog();
    let lang = http::parse_query(&req, catalog, &LANG_PARAM, false)?
        .filter
        .lang;
    let g = select::group(catalog, &segment(&req, "slug"))?;
    let m = select::next_meeting(catalog, g.slug(), state.today.date())
        .ok_or_else(|| WebError::NotFound(format!("group '{}' has no meeting", g.name())))?;
    let target = format!(
        "{}{}",
        crate::links::path_prefix(&state.public_url),
        crate::links::with_query(
            &crate::links::meeting_path(&m.id),
            &crate::links::lang_query(lang)
        )
    );
    let mut res = HttpResponse::Found()
        .insert_header((header::LOCATION, target))
        .insert_header((header::CACHE_CONTROL, http::CACHE_CONTROL))
        .finish();
    http::until_tomorrow(&mut res, state.today);
    Ok(res)
}

/// The language of the browser's `Accept-Language` that we have, the most preferred first
/// (`fr-CH` is French); English when it names none of ours.
fn accepted(req: &HttpRequest) -> Lang {
    use actix_web::HttpMessage;
    use actix_web::http::header::{AcceptLanguage, Preference};
    let Some(accept) = req.get_header::<AcceptLanguage>() else {
        return Lang::default();
    };
    accept
        .ranked()
        .into_iter()
        .find_map(|p| match p {
            Preference::Specific(tag) => Lang::parse(&tag.primary_language().to_ascii_lowercase()),
            Preference::Any => None,
        })
        .unwrap_or_default()
}

/// `GET` of a static asset: `/static/style.css`, `/static/app.js`, `/static/favicon.svg` and
/// `/favicon.ico` (an SVG: browsers read it by its type).
pub async fn asset(req: HttpRequest, route: Route) -> HttpResponse {
    let (body, content_type) = match route {
        Route::Style => (html::STYLE, "text/css; charset=utf-8"),
        Route::Script => (html::SCRIPT, "text/javascript; charset=utf-8"),
        _ => (html::ICON, "image/svg+xml"),
    };
    let r = Rendered::new(body, DateTime::<Utc>::UNIX_EPOCH);
    http::rendered_response(&req, &r, http::asset(content_type))
}
