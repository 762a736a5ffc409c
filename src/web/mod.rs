//! The HTTP service: routes, shared state, and the server loop.
//!
//! [`configure`] mounts every route on an actix-web app so that tests can build the same app
//! with `actix_web::test::init_service`; [`run`] serves it on already-bound listeners (tests bind
//! port 0).

pub mod error;
pub mod http;
pub mod routes;

use crate::store::Store;
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
}

/// `GET` and `HEAD` (actix's `web::get()` does not answer HEAD).
fn get_or_head() -> actix_web::Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

/// Mounts every route and the shared state.
pub fn configure(state: AppState) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg: &mut web::ServiceConfig| {
        cfg.app_data(web::Data::new(state))
            .route("/healthz", get_or_head().to(routes::health::healthz))
            .route(
                "/feeds/groups/{slug}",
                get_or_head().to(routes::feeds::group),
            )
            .route("/feeds/{name}", get_or_head().to(routes::feeds::feed))
            .route(
                "/events/{meeting}/{key}",
                get_or_head().to(routes::feeds::event),
            )
            .default_service(web::to(not_found));
    }
}

async fn not_found(req: actix_web::HttpRequest) -> Result<HttpResponse, error::WebError> {
    let known = "/feeds/all.ics, /feeds/{meeting}.ics, /feeds/groups/{group}.ics, /feeds/deadlines.ics, /events/{meeting}/{key}.ics, /healthz";
    let path = req.path();
    let routed = ["/healthz", "/feeds/", "/events/"]
        .iter()
        .any(|p| path.starts_with(p));
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

/// Serves the app on `listeners` until the process is stopped.
pub async fn run(listeners: Vec<TcpListener>, state: AppState) -> std::io::Result<()> {
    let mut server = HttpServer::new(move || App::new().configure(configure(state.clone())));
    for l in listeners {
        server = server.listen(l)?;
    }
    server.run().await
}
