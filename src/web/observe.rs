//! Observability: one log line per request (method, path, status, bytes, duration, request id,
//! also returned as `X-Request-Id`) and the Prometheus metrics served at `/metrics`.
//!
//! [`log_and_measure`] is the app's only middleware, so it also refuses over-long URLs before
//! any routing is done; every other request goes on to the router.
//!
//! The request line is an ordinary `tracing` event at INFO; its target is this module's path,
//! `itucal::web::observe`, which is what `RUST_LOG` names to keep or drop request lines.
//!
//! The metrics are `prometheus-client`'s: the request counters and the latency histogram are
//! families registered once in the registry [`Metrics`] holds, and the middleware increments
//! them for every request. What describes the data (feed renders, reloads, the version, the
//! counts, health) is kept by the store alone: a [`Collector`] reads it when `/metrics` is
//! scraped. That collector goes into a registry made for each scrape, encoded after the request
//! metrics, because [`Metrics`] is made by [`crate::web::AppState::new`] before it knows the
//! store.

use crate::store::{FEED_RENDERS, Store};
use actix_web::body::{BodySize, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, web};
use prometheus_client::collector::Collector;
use prometheus_client::encoding::text::{encode_eof, encode_registry};
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::{ConstGauge, Gauge};
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use uuid::Uuid;

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
    result: &'static str,
}

/// Labels naming the data version being served.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct VersionLabels {
    version: String,
}

/// Upper bounds (seconds) of the latency histogram's buckets; a last one, `+Inf`, follows.
const LATENCY_BUCKETS: [f64; 13] = [
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
];

/// The request metrics, registered once in their registry (names prefixed `itucal_`).
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    not_modified: Counter,
}

impl Default for Metrics {
    fn default() -> Metrics {
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(LATENCY_BUCKETS)
        });
        let not_modified = Counter::default();
        let mut registry = Registry::with_prefix("itucal");
        registry.register(
            "http_requests",
            "HTTP requests by route pattern, method and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer a request, by route pattern",
            latency.clone(),
        );
        registry.register(
            "not_modified_responses",
            "304 Not Modified responses served",
            not_modified.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            not_modified,
        }
    }
}

impl Metrics {
    /// Counts one answered request.
    pub fn record(
        &self,
        route: &'static str,
        method: &'static str,
        status: u16,
        elapsed: Duration,
    ) {
        let labels = RequestLabels {
            route,
            method,
            status,
        };
        self.requests.get_or_create(&labels).inc();
        self.latency
            .get_or_create(&RouteLabels { route })
            .observe(elapsed.as_secs_f64());
        if status == 304 {
            self.not_modified.inc();
        }
    }

    /// The OpenMetrics text exposition of the request metrics and of `store`'s data.
    pub fn encode(&self, store: &Arc<Store>) -> String {
        let mut data = Registry::with_prefix("itucal");
        data.register_collector(Box::new(DataMetrics(Arc::clone(store))));
        let mut out = String::new();
        // writing to a String cannot fail, nor can DataMetrics
        let _ = encode_registry(&mut out, &self.registry)
            .and_then(|()| encode_registry(&mut out, &data))
            .and_then(|()| encode_eof(&mut out));
        out
    }
}

/// The metrics that describe the data served, read from the store at each scrape.
#[derive(Debug)]
struct DataMetrics(Arc<Store>);

impl Collector for DataMetrics {
    fn encode(&self, mut encoder: DescriptorEncoder) -> std::fmt::Result {
        // help texts end in a full stop, as `Registry::register` ends those of the others
        let mut one = |name: &str, help: &str, metric: &dyn EncodeMetric| {
            metric.encode(encoder.encode_descriptor(name, help, None, metric.metric_type())?)
        };
        let store = &self.0;
        let renders = ConstCounter::new(FEED_RENDERS.load(Ordering::Relaxed));
        one(
            "feed_renders",
            "Feed variants rendered (cache misses).",
            &renders,
        )?;
        let (ok, failed) = store.reload_counts();
        let reloads = Family::<ReloadLabels, Counter>::default();
        for (result, n) in [("ok", ok), ("failed", failed)] {
            reloads.get_or_create(&ReloadLabels { result }).inc_by(n);
        }
        one("reloads", "Data reloads by result.", &reloads)?;
        let snap = store.snapshot();
        let version = Family::<VersionLabels, Gauge>::default();
        let labels = VersionLabels {
            version: snap.version().into(),
        };
        version.get_or_create(&labels).set(1);
        one("data_version", "The data version being served.", &version)?;
        let events = ConstGauge::new(snap.catalog().event_count());
        one("events_loaded", "Events in the data being served.", &events)?;
        let meetings = ConstGauge::new(snap.catalog().meetings.len());
        one(
            "meetings_loaded",
            "Meetings in the data being served.",
            &meetings,
        )?;
        let healthy = ConstGauge::new(i64::from(store.problems().is_empty()));
        one(
            "data_healthy",
            "1 when the last reload succeeded, 0 while a refused edit awaits a fix.",
            &healthy,
        )
    }
}

/// `GET /metrics`.
pub async fn metrics(state: web::Data<crate::web::AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(state.metrics.encode(&state.store))
}

/// The header that tells the client its request's id (the `request_id` of its log line).
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
/// records the metrics, and marks every response `nosniff`. What it logs is read from the request after the handler ran, so nothing
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
    // random (v4): unique across restarts and replicas with no coordination
    let id = Uuid::new_v4();
    let status = res.status().as_u16();
    let bytes = match res.response().body().size() {
        BodySize::Sized(n) => n,
        _ => 0,
    };
    let request = res.request();
    let method = method_label(request.method());
    if let Some(state) = request.app_data::<web::Data<crate::web::AppState>>() {
        state
            .metrics
            .record(crate::web::route_label(request), method, status, elapsed);
    }
    tracing::info!(
        request_id = %id,
        method,
        path = request.path(),
        status,
        bytes,
        duration_us = u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX),
        "request"
    );
    let mut id_text = Uuid::encode_buffer();
    let headers = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(id.hyphenated().encode_lower(&mut id_text)) {
        headers.insert(X_REQUEST_ID, v);
    }
    // browsers must not guess another type than ours; also on this middleware's own answers
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    Ok(res)
}
