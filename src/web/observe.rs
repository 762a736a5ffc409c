//! Observability: one log line per request (method, path, status, bytes, duration, request id,
//! also returned as `X-Request-Id`) and the Prometheus metrics served at `/metrics`.
//!
//! [`log_and_measure`] is the app's only middleware, so it also refuses over-long URLs before
//! any routing is done: every request passes one layer, and the hot path (a cached feed or a
//! 304) allocates nothing here but the request id's header value.

use crate::store::{FEED_RENDERS, Store};
use actix_web::body::{BodySize, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, web};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// Labels of a request: the route pattern (bounded: never the raw path) and the status.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    route: &'static str,
    method: &'static str,
    status: u16,
}

/// Labels of a latency observation.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    route: &'static str,
}

/// Labels of a reload outcome.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ReloadLabels {
    result: String,
}

/// Labels naming the data version being served.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct VersionLabels {
    version: String,
}

/// The process's metrics. Request metrics are recorded by [`log_and_measure`]; data and reload
/// metrics are read from the store when scraped.
#[derive(Debug)]
pub struct Metrics {
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    not_modified: Counter,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            requests: Family::default(),
            latency: Family::new_with_constructor(|| {
                Histogram::new([
                    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                    0.5, 1.0,
                ])
            }),
            not_modified: Counter::default(),
        }
    }
}

impl Metrics {
    /// The Prometheus text exposition of every metric.
    pub fn encode(&self, store: &Store) -> String {
        let mut registry = Registry::with_prefix("itucal");
        registry.register(
            "http_requests",
            "HTTP requests by route pattern, method and status",
            self.requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer a request, by route pattern",
            self.latency.clone(),
        );
        registry.register(
            "not_modified_responses",
            "304 Not Modified responses served",
            self.not_modified.clone(),
        );
        let renders = Counter::<u64, AtomicU64>::default();
        renders.inc_by(FEED_RENDERS.load(Ordering::Relaxed));
        registry.register(
            "feed_renders",
            "Feed variants rendered (cache misses)",
            renders,
        );
        let reloads = Family::<ReloadLabels, Counter>::default();
        let (ok, failed) = store.reload_counts();
        for (result, n) in [("ok", ok), ("failed", failed)] {
            reloads
                .get_or_create(&ReloadLabels {
                    result: result.into(),
                })
                .inc_by(n);
        }
        registry.register("reloads", "Data reloads by result", reloads);
        let snap = store.snapshot();
        let version = Family::<VersionLabels, Gauge>::default();
        version
            .get_or_create(&VersionLabels {
                version: snap.version().into(),
            })
            .set(1);
        registry.register("data_version", "The data version being served", version);
        let events = Gauge::<i64, std::sync::atomic::AtomicI64>::default();
        events.set(snap.catalog().event_count() as i64);
        registry.register("events_loaded", "Events in the data being served", events);
        let meetings = Gauge::<i64, std::sync::atomic::AtomicI64>::default();
        meetings.set(snap.catalog().meetings.len() as i64);
        registry.register(
            "meetings_loaded",
            "Meetings in the data being served",
            meetings,
        );
        let healthy = Gauge::<i64, std::sync::atomic::AtomicI64>::default();
        healthy.set(i64::from(store.problems().is_empty()));
        registry.register(
            "data_healthy",
            "1 when the last reload succeeded, 0 while a refused edit awaits a fix",
            healthy,
        );
        let mut out = String::new();
        // writing to a String cannot fail
        let _ = prometheus_client::encoding::text::encode(&mut out, &registry);
        out
    }
}

/// `GET /metrics`.
pub async fn metrics(state: web::Data<crate::web::AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(state.metrics.encode(&state.store))
}

static REQUEST_SEQ: AtomicU64 = AtomicU64::new(0);

/// A request id unique within this process and, with high likelihood, across restarts:
/// `{start time}-{sequence}` in hex, written into `buf` (no allocation).
fn request_id(buf: &mut [u8; 40]) -> &str {
    use std::io::Write;
    static BOOT: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let boot = *BOOT.get_or_init(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    });
    let seq = REQUEST_SEQ.fetch_add(1, Ordering::Relaxed);
    let mut w = &mut buf[..];
    // two u64 in hex are at most 33 bytes: this cannot run out of room
    let _ = write!(w, "{boot:x}-{seq:x}");
    let len = 40 - w.len();
    std::str::from_utf8(&buf[..len]).unwrap_or("0")
}

const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The method as a label without allocating: the standard ones by name, others as `OTHER`
/// (a client must not be able to grow the label set).
fn method_label(m: &actix_web::http::Method) -> &'static str {
    use actix_web::http::Method;
    match *m {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        Method::PATCH => "PATCH",
        _ => "OTHER",
    }
}

/// Middleware: refuses over-long URLs, assigns a request id, logs one line per request,
/// records the metrics. What it logs is read from the request after the handler ran, so nothing
/// is copied beforehand.
pub async fn log_and_measure(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let start = Instant::now();
    let mut res = match crate::web::url_too_long(req.request()) {
        Some(err) => req.error_response(err).map_into_right_body(),
        None => next.call(req).await?.map_into_left_body(),
    };
    let elapsed = start.elapsed();
    let mut id_buf = [0; 40];
    let id = request_id(&mut id_buf);
    let status = res.status().as_u16();
    let bytes = match res.response().body().size() {
        BodySize::Sized(n) => n,
        _ => 0,
    };
    let request = res.request();
    let method = method_label(request.method());
    if let Some(state) = request.app_data::<web::Data<crate::web::AppState>>() {
        let m = &state.metrics;
        let route = crate::web::route_label(request);
        m.latency
            .get_or_create(&RouteLabels { route })
            .observe(elapsed.as_secs_f64());
        m.requests
            .get_or_create(&RequestLabels {
                route,
                method,
                status,
            })
            .inc();
        if status == 304 {
            m.not_modified.inc();
        }
    }
    tracing::info!(
        request_id = %id,
        method,
        path = request.path(),
        status,
        bytes,
        duration_us = elapsed.as_micros() as u64,
        "request"
    );
    if let Ok(v) = HeaderValue::from_str(id) {
        res.headers_mut().insert(X_REQUEST_ID, v);
    }
    Ok(res)
}
