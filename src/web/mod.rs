//! The HTTP service: routes, shared state, and the server loop.
//!
//! [`configure`] mounts every route on an actix-web app so that tests can build the same app
//! with `actix_web::test::init_service`; [`run`] serves it on already-bound listeners (tests bind
//! port 0).

pub mod error;
pub mod http;
pub mod observe;
pub mod routes;

use crate::store::Store;
use crate::urls::Route;
use crate::window::Today;
use actix_web::body::MessageBody;
use actix_web::dev::{ResourceDef, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{App, HttpResponse, HttpServer, guard, web};
use std::net::TcpListener;
use std::sync::{Arc, LazyLock};

/// What every handler can reach.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The data being served.
    pub store: Arc<Store>,
    /// Base of every absolute link we print, from configuration (never from request headers,
    /// which anyone can forge). No trailing slash.
    pub public_url: String,
    /// Request and data metrics for `/metrics`.
    pub metrics: Arc<observe::Metrics>,
    /// The UTC date the windowed feeds and the catalog's pages are computed on.
    pub today: Today,
}

impl AppState {
    /// State serving `store`, with absolute links under `public_url`.
    pub fn new(store: Arc<Store>, public_url: impl Into<String>) -> AppState {
        AppState {
            store,
            public_url: public_url.into().trim_end_matches('/').to_string(),
            metrics: Arc::default(),
            today: Today::System,
        }
    }

    /// The same state, computing windows on `today` (`--today`, `ITUCAL_TODAY`).
    pub fn with_today(self, today: Today) -> AppState {
        AppState { today, ..self }
    }
}

/// The whole app: every route, behind the one middleware that refuses over-long URLs, logs and
/// measures every request and gives every response `X-Content-Type-Options: nosniff`
/// ([`observe::log_and_measure`]).
pub fn app(
    state: AppState,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .wrap(actix_web::middleware::from_fn(observe::log_and_measure))
        .configure(configure(state))
}

/// The handler of each route of the URL table ([`crate::urls`]); the table's pattern is the
/// resource's name too, which metrics and logs label requests with ([`route_label`]).
fn handler(route: Route) -> actix_web::Route {
    use routes::{api, changes, feeds, health, pages};
    match route {
        Route::Health => web::to(health::healthz),
        Route::Metrics => web::to(observe::metrics),
        Route::GroupFeed
        | Route::Feed
        | Route::Event
        | Route::YearFeed
        | Route::GroupArchiveFeed => web::to(move |req, state| feeds::feed(req, state, route)),
        Route::GroupNext => web::to(pages::next_meeting),
        Route::Index
        | Route::Group
        | Route::Year
        | Route::Overview
        | Route::Meeting
        | Route::MeetingEmailHtml
        | Route::MeetingEmailText
        | Route::SubscribeGroup
        | Route::SubscribeGroupEmailHtml
        | Route::SubscribeGroupEmailText
        | Route::Subscribe
        | Route::SubscribeEmailHtml
        | Route::SubscribeEmailText => web::to(move |req, state| pages::page(req, state, route)),
        Route::Style | Route::Script | Route::Icon | Route::FaviconIco => {
            web::to(move |req| pages::asset(req, route))
        }
        Route::Changes
        | Route::ChangesAtom
        | Route::ChangesEmailHtml
        | Route::ChangesEmailText
        | Route::MeetingChanges
        | Route::MeetingChangesAtom
        | Route::MeetingChangesEmailHtml
        | Route::MeetingChangesEmailText => {
            web::to(move |req, state| changes::changes(req, state, route))
        }
        Route::ApiMeetings => web::to(api::meetings),
        Route::ApiMeeting => web::to(api::meeting),
        Route::ApiEvents => web::to(api::events),
        Route::ApiFeeds => web::to(api::feeds),
        Route::ApiOpenapi => web::to(api::openapi),
    }
}

/// Whether a route's answers may be read from any site (`Access-Control-Allow-Origin: *`):
/// the feeds and the API, which scripts elsewhere fetch.
pub fn cross_origin(route: Route) -> bool {
    matches!(
        route,
        Route::GroupFeed | Route::Feed | Route::Event | Route::YearFeed | Route::GroupArchiveFeed
    ) || route.pattern().starts_with("/api/")
}

/// The route a request matched, as a `'static` label: the pattern, from the resource name
/// actix reports; `unmatched` for the default service.
pub fn route_label(req: &actix_web::HttpRequest) -> &'static str {
    req.match_name()
        .and_then(Route::from_pattern)
        .map_or("unmatched", Route::pattern)
}

/// The methods every route answers.
pub const ALLOW: &str = "GET, HEAD, OPTIONS";

/// Mounts every route and the shared state.
pub fn configure(state: AppState) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg: &mut web::ServiceConfig| {
        cfg.app_data(web::Data::new(state));
        for &route in Route::ALL {
            // GET and HEAD (actix's `web::get()` would not answer HEAD), guarded on the
            // resource: another method on a route's path falls through to `unrouted`, which
            // answers a preflight or a 405 with `Allow`
            cfg.service(
                web::resource(route.pattern())
                    .name(route.pattern())
                    .guard(guard::Any(guard::Get()).or(guard::Head()))
                    .route(handler(route)),
            );
        }
        cfg.default_service(web::to(unrouted));
    }
}

/// The route whose pattern matches `path`, if any: the same patterns the router tries.
fn route_of(path: &str) -> Option<Route> {
    static DEFS: LazyLock<Vec<(Route, ResourceDef)>> = LazyLock::new(|| {
        Route::ALL
            .iter()
            .map(|&r| (r, ResourceDef::new(r.pattern())))
            .collect()
    });
    DEFS.iter().find(|(_, d)| d.is_match(path)).map(|(r, _)| *r)
}

/// What the router did not answer: a path no route has is a 404 naming the routes; a route's
/// path with another method is a CORS preflight (OPTIONS) or a 405.
async fn unrouted(req: actix_web::HttpRequest) -> Result<HttpResponse, error::WebError> {
    use actix_web::http::{Method, header};
    let Some(route) = route_of(req.match_info().as_str()) else {
        return Err(error::WebError::NotFound(format!(
            "no resource at '{}'; resources: {}",
            error::quote(req.path()),
            Route::listing()
        )));
    };
    if req.method() == Method::OPTIONS {
        // a preflight, which a browser sends before a cross-origin GET with validators
        // (If-None-Match is not a CORS-safelisted header); the answer is the same for every
        // origin, so caches and the browser may keep it a day
        let mut res = HttpResponse::NoContent();
        res.insert_header((header::ALLOW, ALLOW));
        if cross_origin(route) {
            res.insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
                .insert_header((header::ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD"))
                .insert_header((
                    header::ACCESS_CONTROL_ALLOW_HEADERS,
                    "If-None-Match, If-Modified-Since",
                ))
                .insert_header((header::ACCESS_CONTROL_MAX_AGE, "86400"));
        }
        return Ok(res.finish());
    }
    Ok(HttpResponse::MethodNotAllowed()
        .insert_header((header::ALLOW, ALLOW))
        .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
        .body(format!(
            "method {} is not allowed here; use GET or HEAD\n",
            req.method()
        )))
}

/// The path segment `name` of the route a request matched, percent-decoded (an invalid UTF-8
/// sequence becomes U+FFFD, and so names nothing that exists).
pub fn segment(req: &actix_web::HttpRequest, name: &str) -> String {
    let raw = req.match_info().get(name).unwrap_or_default();
    percent_encoding::percent_decode_str(raw)
        .decode_utf8_lossy()
        .into_owned()
}

/// Longest request target (path and query) accepted; real feed URLs are far shorter.
pub const MAX_URL: usize = 2048;

/// The problem with a request target longer than [`MAX_URL`], if it is.
pub fn url_too_long(req: &actix_web::HttpRequest) -> Option<error::WebError> {
    let len = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    (len > MAX_URL).then(|| {
        error::WebError::BadRequest(format!(
            "the request URL is {len} bytes long; at most {MAX_URL} are accepted"
        ))
    })
}

/// Starts serving the app on `listeners` (within an actix system). The returned server runs
/// until SIGTERM or SIGINT, then finishes the requests in flight (up to 10 s) and completes;
/// signal handling is in place once this returns.
pub fn server(
    listeners: Vec<TcpListener>,
    state: AppState,
) -> std::io::Result<actix_web::dev::Server> {
    let mut server = HttpServer::new(move || app(state.clone()))
        // slow or stalled clients must not hold connections open
        .client_request_timeout(std::time::Duration::from_secs(5))
        .client_disconnect_timeout(std::time::Duration::from_secs(2))
        .keep_alive(std::time::Duration::from_secs(30))
        .shutdown_timeout(10);
    for l in listeners {
        server = server.listen(l)?;
    }
    Ok(server.run())
}

/// Serves the app on `listeners` until the process is stopped (see [`server`]).
pub async fn run(listeners: Vec<TcpListener>, state: AppState) -> std::io::Result<()> {
    server(listeners, state)?.await
}
