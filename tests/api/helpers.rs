//! Building the app the way `serve` does, on the shipped data or a fixture set.

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::test;
use itucal::store::{Snapshot, Store};
use itucal::web::{AppState, app};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The repository's `data/`.
pub fn seed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// App state over a data directory (panics on invalid data: fixtures are valid).
pub fn state(dir: &Path) -> AppState {
    let snapshot = Snapshot::load(dir).unwrap_or_else(|p| panic!("{p:?}"));
    AppState::new(Arc::new(Store::new(snapshot)), "https://feeds.example.org")
}

/// The app over the shipped data.
pub async fn seed_app() -> impl Service<
    actix_http::Request,
    Response = ServiceResponse<impl MessageBody>,
    Error = actix_web::Error,
> {
    test::init_service(app(state(&seed_dir()))).await
}

/// A GET's status, headers and body as text.
pub struct Got {
    pub status: u16,
    pub headers: actix_web::http::header::HeaderMap,
    pub body: String,
}

impl Got {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or_else(|| panic!("no {name} header"))
    }
}

/// Sends `req` to `app` and collects the answer.
pub async fn send<S, B>(app: &S, req: test::TestRequest) -> Got
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let res = test::call_service(app, req.to_request()).await;
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body = test::read_body(res).await;
    Got {
        status,
        headers,
        body: String::from_utf8(body.to_vec()).expect("UTF-8 body"),
    }
}

/// GET `uri`.
pub async fn get<S, B>(app: &S, uri: &str) -> Got
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    send(app, test::TestRequest::get().uri(uri)).await
}

/// The UIDs of the VEVENTs of a feed, in order.
pub fn uids(ics: &str) -> Vec<String> {
    ics.split("\r\n")
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(|u| u.trim_end_matches(".sg20-wp1-2018-01@itucal").to_string())
        .collect()
}
