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
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{App, HttpResponse, HttpServer, guard, web};
use std::net::TcpListener;
use std::sync::Arc;

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
}

impl AppState {
    /// State serving `store`, with absolute links under `public_url`.
    pub fn new(store: Arc<Store>, public_url: impl Into<String>) -> AppState {
        AppState {
            store,
            public_url: public_url.into().trim_end_matches('/').to_string(),
            metrics: Arc::default(),
        }
    }
}

/// The whole app: every route, behind one middleware that refuses over-long URLs, logs and
/// measures every request ([`observe::log_and_measure`]).
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

/// A route's pattern and the function that builds its handler.
type RouteDef = (&'static str, fn() -> actix_web::Route);

/// Every route: its pattern (also the resource's name, which metrics and logs label requests
/// with, see [`route_label`]) and its handler, in matching order. All answer GET and HEAD.
#[rustfmt::skip]
static ROUTES: &[RouteDef] = &[
    ("/healthz", || web::to(routes::health::healthz)),
    ("/metrics", || web::to(observe::metrics)),
    // the feeds (routes::feeds)
    ("/feeds/groups/{slug}", || web::to(routes::feeds::group)),
    ("/feeds/{name}", || web::to(routes::feeds::feed)),
    ("/events/{meeting}/{key}", || web::to(routes::feeds::event)),
    // the pages people read, their e-mail snippets and assets (routes::pages)
    ("/", || web::to(routes::pages::index)),
    ("/meetings/{id}", || web::to(routes::pages::meeting)),
    ("/meetings/{id}/email.html", || web::to(routes::pages::meeting_email_html)),
    ("/meetings/{id}/email.txt", || web::to(routes::pages::meeting_email_txt)),
    ("/subscribe/groups/{slug}", || web::to(routes::pages::subscribe_group)),
    ("/subscribe/groups/{slug}/email.html", || web::to(routes::pages::subscribe_group_email_html)),
    ("/subscribe/groups/{slug}/email.txt", || web::to(routes::pages::subscribe_group_email_txt)),
    ("/subscribe/{feed}", || web::to(routes::pages::subscribe)),
    ("/subscribe/{feed}/email.html", || web::to(routes::pages::subscribe_email_html)),
    ("/subscribe/{feed}/email.txt", || web::to(routes::pages::subscribe_email_txt)),
    ("/static/style.css", || web::to(routes::pages::style)),
    ("/static/app.js", || web::to(routes::pages::script)),
    ("/static/favicon.svg", || web::to(routes::pages::icon)),
    ("/favicon.ico", || web::to(routes::pages::icon)),
    // the JSON API (routes::api)
    ("/api/meetings", || web::to(routes::api::meetings)),
    ("/api/meetings/{id}", || web::to(routes::api::meeting)),
    ("/api/events", || web::to(routes::api::events)),
    ("/api/feeds", || web::to(routes::api::feeds)),
    ("/api/openapi.json", || web::to(routes::api::openapi)),
];

/// The route pattern a request matched, as a `'static` label (no allocation per request), from
/// the resource name actix reports; `unmatched` for the default service.
pub fn route_label(req: &actix_web::HttpRequest) -> &'static str {
    req.match_name()
        .and_then(|name| ROUTES.iter().find(|(p, _)| *p == name))
        .map_or("unmatched", |(p, _)| p)
}

/// Mounts every route and the shared state.
pub fn configure(state: AppState) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg: &mut web::ServiceConfig| {
        cfg.app_data(web::Data::new(state));
        for &(pattern, route) in ROUTES {
            // GET and HEAD (actix's `web::get()` would not answer HEAD), guarded on the
            // resource: another method on a route's path falls through to `not_found`, which
            // answers 405 with the reason and `Allow`
            cfg.service(
                web::resource(pattern)
                    .name(pattern)
                    .guard(guard::Any(guard::Get()).or(guard::Head()))
                    .route(route()),
            );
        }
        cfg.default_service(web::to(not_found));
    }
}

async fn not_found(req: actix_web::HttpRequest) -> Result<HttpResponse, error::WebError> {
    let known = "/feeds/all.ics, /feeds/{meeting}.ics, /feeds/groups/{group}.ics, /feeds/deadlines.ics, /events/{meeting}/{key}.ics, /healthz, /, /meetings/{meeting}, /subscribe/{feed}, /api/openapi.json";
    let path = req.path();
    // pages and API: a GET of an unknown path is a 404, another method on them a 405
    let page = path == "/"
        || ["/meetings/", "/subscribe/", "/api/", "/static/"]
            .iter()
            .any(|p| path.starts_with(p));
    let read = matches!(
        *req.method(),
        actix_web::http::Method::GET | actix_web::http::Method::HEAD
    );
    let routed = ["/healthz", "/feeds/", "/events/"]
        .iter()
        .any(|p| path.starts_with(p))
        || (page && !read);
    if routed {
        // the path exists for GET/HEAD only
        return Ok(HttpResponse::MethodNotAllowed()
            .insert_header(("Allow", "GET, HEAD"))
            .body(format!(
                "method {} is not allowed here; use GET or HEAD\n",
                req.method()
            )));
    }
    Err(error::WebError::NotFound(format!(
        "no resource at '{}'; resources: {known}",
        error::quote(path)
    )))
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
