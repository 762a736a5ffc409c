//! What changed: `GET /changes` and `/meetings/{id}/changes` (pages), their Atom feeds
//! (`….atom`) and their e-mail snippets (`…/changes/email.html`, `…/changes/email.txt`,
//! `?since=N`), from the history of the lock the data is served through.

use crate::model::Lang;
use crate::render::{atom, html};
use crate::select;
use crate::urls::Route;
use crate::web::error::{WebError, quote};
use crate::web::http::{self, query_pairs, respond};
use crate::web::{AppState, segment};
use actix_web::{HttpRequest, HttpResponse, web};

/// The query of a changes resource: `lang`, and `since` for the e-mail snippets.
fn query(req: &HttpRequest, email: bool) -> Result<(Lang, Option<u32>), WebError> {
    let allowed: &[&str] = if email { &["lang", "since"] } else { &["lang"] };
    let (mut lang, mut since) = (None, None);
    for (k, v) in query_pairs(req)? {
        let given_twice = || {
            WebError::BadRequest(format!(
                "parameter '{}' is given twice; give it once",
                quote(&k)
            ))
        };
        match k.as_str() {
            "lang" if lang.is_none() => {
                lang = Some(Lang::parse(&v).ok_or_else(|| {
                    WebError::BadRequest(format!(
                        "parameter 'lang': unknown language '{}'; allowed: {}",
                        quote(&v),
                        Lang::codes()
                    ))
                })?)
            }
            "since" if email && since.is_none() => {
                since = Some(v.parse::<u32>().map_err(|_| {
                    WebError::BadRequest(format!(
                        "parameter 'since': '{}' is not a version number (0, 1, 2, …)",
                        quote(&v)
                    ))
                })?)
            }
            "lang" | "since" if allowed.contains(&k.as_str()) => return Err(given_twice()),
            _ => {
                return Err(WebError::BadRequest(format!(
                    "unknown parameter '{}'; allowed: {}",
                    quote(&k),
                    allowed.join(", ")
                )));
            }
        }
    }
    Ok((lang.unwrap_or_default(), since))
}

/// `GET` of a changes page, feed or snippet (`route` is one of the changes routes).
pub async fn changes(
    req: HttpRequest,
    state: web::Data<AppState>,
    route: Route,
) -> Result<HttpResponse, WebError> {
    let snap = state.store.snapshot();
    let catalog = snap.catalog();
    let lock = snap.lock();
    let base = &state.public_url;
    let email = matches!(
        route,
        Route::ChangesEmailHtml
            | Route::ChangesEmailText
            | Route::MeetingChangesEmailHtml
            | Route::MeetingChangesEmailText
    );
    let (lang, since) = query(&req, email)?;
    let meeting = match route {
        Route::Changes | Route::ChangesAtom | Route::ChangesEmailHtml | Route::ChangesEmailText => {
            None
        }
        // 404 naming the meetings that exist, as the meeting page would
        _ => Some(select::meeting(catalog, &segment(&req, "id"))?),
    };
    let since = since.unwrap_or_else(|| html::changes::default_since(lock));
    let (body, serving) = match route {
        Route::Changes | Route::MeetingChanges => (
            html::changes::render(catalog, lock, meeting, base, lang),
            http::PAGE,
        ),
        Route::ChangesAtom | Route::MeetingChangesAtom => (
            atom::feed(catalog, lock, meeting, base, lang, snap.last_modified()),
            http::ATOM,
        ),
        Route::ChangesEmailHtml | Route::MeetingChangesEmailHtml => (
            html::changes::email_html(catalog, lock, meeting, since, base, lang),
            http::EMAIL_HTML,
        ),
        _ => (
            html::changes::email_text(catalog, lock, meeting, since, base, lang),
            http::EMAIL_TEXT,
        ),
    };
    Ok(respond(&req, &snap, body, serving))
}
