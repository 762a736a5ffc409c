//! Observability: one log line per request (method, path, status, bytes, duration, request id,
//! also returned as `X-Request-Id`) and the Prometheus metrics served at `/metrics`.
//!
//! [`log_and_measure`] is the app's only middleware, so it also refuses over-long URLs before
//! any routing is done; every other request goes on to the router.

use crate::lock;
use crate::store::{FEED_RENDERS, Store};
use actix_web::body::{BodySize, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, web};
use prometheus_client::encoding::{EncodeLabelSet, EncodeMetric, MetricEncoder, NoLabelSet};
use prometheus_client::metrics::MetricType;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Instant, SystemTime, UNIX_EPOCH};
use thread_local::ThreadLocal;

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

/// Upper bounds (seconds) of the latency histogram's buckets; a last one, `+Inf`, follows.
const LATENCY_BUCKETS: [f64; 13] = [
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
];

/// One route's latency observations: a classic Prometheus histogram.
#[derive(Debug, Default)]
struct Latency {
    /// Sum of the observations in nanoseconds: exact, whatever order shards are added in.
    sum_nanos: u128,
    count: u64,
    /// Observations per bucket (not cumulative), the last one `+Inf`.
    buckets: [u64; LATENCY_BUCKETS.len() + 1],
}

impl Latency {
    fn observe(&mut self, elapsed: std::time::Duration) {
        self.sum_nanos += elapsed.as_nanos();
        self.count += 1;
        let seconds = elapsed.as_secs_f64();
        // the first bucket whose bound is at least the value, as prometheus_client
        let i = LATENCY_BUCKETS
            .iter()
            .position(|&bound| bound >= seconds)
            .unwrap_or(LATENCY_BUCKETS.len());
        self.buckets[i] += 1;
    }

    fn add(&mut self, other: &Latency) {
        self.sum_nanos += other.sum_nanos;
        self.count += other.count;
        for (a, b) in self.buckets.iter_mut().zip(other.buckets) {
            *a += b;
        }
    }
}

/// One thread's request counts. Label sets are few (routes × methods × statuses), so lists
/// searched in order serve better than hash maps.
#[derive(Debug, Default)]
struct Shard {
    requests: Vec<(RequestLabels, u64)>,
    latency: Vec<(&'static str, Latency)>,
    not_modified: u64,
}

/// The value for `key` in a short list of pairs, added (as the default) if missing.
fn entry<K: PartialEq, V: Default>(list: &mut Vec<(K, V)>, key: K) -> &mut V {
    let i = match list.iter().position(|(k, _)| *k == key) {
        Some(i) => i,
        None => {
            list.push((key, V::default()));
            list.len() - 1
        }
    };
    &mut list[i].1
}

/// The latency histograms of every route, merged from all threads for one scrape.
#[derive(Debug)]
struct LatencyFamily(Vec<(&'static str, Latency)>);

impl EncodeMetric for LatencyFamily {
    fn encode(&self, mut encoder: MetricEncoder) -> std::fmt::Result {
        for (route, h) in &self.0 {
            let buckets: Vec<(f64, u64)> = LATENCY_BUCKETS
                .iter()
                .copied()
                .chain([f64::INFINITY])
                .zip(h.buckets)
                .collect();
            let sum = h.sum_nanos as f64 / 1e9;
            encoder
                .encode_family(&RouteLabels { route })?
                .encode_histogram::<NoLabelSet>(sum, h.count, &buckets, None)?;
        }
        Ok(())
    }

    fn metric_type(&self) -> MetricType {
        MetricType::Histogram
    }
}

/// The process's metrics. Requests are counted by [`log_and_measure`] in a shard per thread
/// (a lock only that thread takes, but for a scrape), so workers never contend on a counter;
/// `/metrics` adds the shards up. Data and reload metrics are read from the store when scraped.
#[derive(Debug, Default)]
pub struct Metrics {
    shards: ThreadLocal<Mutex<Shard>>,
}

impl Metrics {
    /// Counts one answered request.
    pub fn record(
        &self,
        route: &'static str,
        method: &'static str,
        status: u16,
        elapsed: std::time::Duration,
    ) {
        let mut shard = lock(self.shards.get_or_default());
        let labels = RequestLabels {
            route,
            method,
            status,
        };
        *entry(&mut shard.requests, labels) += 1;
        entry(&mut shard.latency, route).observe(elapsed);
        if status == 304 {
            shard.not_modified += 1;
        }
    }

    /// Every thread's counts added up.
    fn merged(&self) -> Shard {
        let mut all = Shard::default();
        for shard in self.shards.iter() {
            let shard = lock(shard);
            for (labels, n) in &shard.requests {
                *entry(&mut all.requests, labels.clone()) += n;
            }
            for (route, h) in &shard.latency {
                entry(&mut all.latency, route).add(h);
            }
            all.not_modified += shard.not_modified;
        }
        all
    }

    /// The Prometheus text exposition of every metric.
    pub fn encode(&self, store: &Store) -> String {
        let mut registry = Registry::with_prefix("itucal");
        let counts = self.merged();
        let requests = Family::<RequestLabels, Counter>::default();
        for (labels, n) in &counts.requests {
            requests.get_or_create(labels).inc_by(*n);
        }
        registry.register(
            "http_requests",
            "HTTP requests by route pattern, method and status",
            requests,
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer a request, by route pattern",
            LatencyFamily(counts.latency),
        );
        let not_modified = Counter::<u64, AtomicU64>::default();
        not_modified.inc_by(counts.not_modified);
        registry.register(
            "not_modified_responses",
            "304 Not Modified responses served",
            not_modified,
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

/// Request sequence numbers handed out so far, in blocks (see [`next_seq`]).
static REQUEST_SEQ: AtomicU64 = AtomicU64::new(0);

/// The next request sequence number of this thread. Threads take blocks of numbers from
/// [`REQUEST_SEQ`], so that workers do not write one shared counter for every request; numbers
/// are unique in the process and increase within a thread.
fn next_seq() -> u64 {
    const BLOCK: u64 = 1024;
    thread_local! {
        /// The next number of this thread's block, and the end of the block.
        static SEQ: std::cell::Cell<(u64, u64)> = const { std::cell::Cell::new((0, 0)) };
    }
    SEQ.with(|cell| {
        let (mut next, mut end) = cell.get();
        if next == end {
            next = REQUEST_SEQ.fetch_add(BLOCK, Ordering::Relaxed);
            end = next + BLOCK;
        }
        cell.set((next + 1, end));
        next
    })
}

/// `n` in lowercase hex without leading zeros, at the end of `out`.
fn hex(n: u64, out: &mut [u8; 16]) -> &[u8] {
    let mut i = out.len();
    let mut rest = n;
    loop {
        i -= 1;
        out[i] = b"0123456789abcdef"[(rest & 15) as usize];
        rest >>= 4;
        if rest == 0 {
            return &out[i..];
        }
    }
}

/// A request id unique within this process and, with high likelihood, across restarts and
/// replicas: `{start time}{8 random hex digits}-{sequence}` in hex (replicas started in the same
/// second, e.g. with the same pid in their containers, differ by the random digits), written
/// into `buf` (no allocation).
fn request_id(buf: &mut [u8; 48]) -> &str {
    static PREFIX: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let prefix = PREFIX.get_or_init(|| {
        use std::hash::{BuildHasher, Hasher};
        let boot = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        // std's hash keys are random per process
        let salt = std::hash::RandomState::new().build_hasher().finish() as u32;
        format!("{boot:x}{salt:08x}-")
    });
    let mut len = 0;
    // a u64 and a u32 in hex, a dash and a u64 in hex are at most 41 bytes
    for part in [prefix.as_bytes(), hex(next_seq(), &mut [0; 16])] {
        buf[len..len + part.len()].copy_from_slice(part);
        len += part.len();
    }
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
    let mut id_buf = [0; 48];
    let id = request_id(&mut id_buf);
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
    crate::logs::RequestLine {
        request_id: id,
        method,
        path: request.path(),
        status,
        bytes,
        duration_us: elapsed.as_micros() as u64,
    }
    .log();
    if let Ok(v) = HeaderValue::from_str(id) {
        res.headers_mut().insert(X_REQUEST_ID, v);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_what_format_writes() {
        for n in [
            0,
            1,
            9,
            10,
            15,
            16,
            255,
            0x6b08_cb89,
            u64::MAX - 1,
            u64::MAX,
        ] {
            assert_eq!(hex(n, &mut [0; 16]), format!("{n:x}").as_bytes());
        }
    }

    #[test]
    fn request_ids_are_unique_across_threads() {
        let ids: Vec<String> = std::thread::scope(|s| {
            let threads: Vec<_> = (0..4)
                .map(|_| {
                    s.spawn(|| {
                        (0..3000)
                            .map(|_| request_id(&mut [0; 48]).to_string())
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            threads
                .into_iter()
                .flat_map(|t| t.join().unwrap())
                .collect()
        });
        let distinct: std::collections::HashSet<&String> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len());
        let (prefix, _) = ids[0].split_once('-').unwrap();
        assert!(prefix.len() > 8, "{prefix}: start time and 8 random digits");
        assert!(ids.iter().all(|id| id.starts_with(&format!("{prefix}-"))));
    }
    use prometheus_client::metrics::histogram::Histogram;
    use std::time::Duration;

    /// Requests as (route, method, status, microseconds): every bucket edge, both sides of it,
    /// beyond the last bound, repeated label sets.
    fn requests() -> Vec<(&'static str, &'static str, u16, u64)> {
        let mut v = Vec::new();
        for (i, bound) in LATENCY_BUCKETS.iter().enumerate() {
            let us = (bound * 1e6) as u64;
            let route = ["/feeds/{name}", "/", "/api/events"][i % 3];
            for (us, status) in [(us - 1, 200), (us, 304), (us + 1, 404)] {
                v.push((route, ["GET", "HEAD"][i % 2], status, us));
            }
        }
        v.push(("unmatched", "OTHER", 405, 3_000_000));
        v
    }

    /// The text of `registry`, lines sorted (families encode in hash-map order), and the
    /// `_sum` values apart, as numbers (a sum of floats depends on the order of its terms).
    fn text(registry: &Registry) -> (Vec<String>, Vec<(String, f64)>) {
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, registry).unwrap();
        let (sums, mut lines): (Vec<&str>, Vec<&str>) =
            out.lines().partition(|l| l.contains("_sum{"));
        lines.sort();
        let mut sums: Vec<(String, f64)> = sums
            .iter()
            .map(|l| {
                let (k, v) = l.rsplit_once(' ').unwrap();
                (k.to_string(), v.parse().unwrap())
            })
            .collect();
        sums.sort_by(|a, b| a.0.cmp(&b.0));
        (lines.into_iter().map(String::from).collect(), sums)
    }

    #[test]
    fn sharded_counts_encode_as_prometheus_client_metrics_would() {
        // the same requests counted by prometheus_client's own metrics, on one thread
        let requests_family = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(LATENCY_BUCKETS)
        });
        let not_modified = Counter::<u64, AtomicU64>::default();
        for (route, method, status, us) in requests() {
            let labels = RequestLabels {
                route,
                method,
                status,
            };
            requests_family.get_or_create(&labels).inc();
            latency
                .get_or_create(&RouteLabels { route })
                .observe(Duration::from_micros(us).as_secs_f64());
            if status == 304 {
                not_modified.inc();
            }
        }
        let mut want = Registry::default();
        want.register("r", "", requests_family);
        want.register("l", "", latency);
        want.register("n", "", not_modified);

        // ours: spread over three threads
        let ours = Metrics::default();
        let all = requests();
        // all three alive at once (thread ids, and so shards, are reused after a thread ends)
        let together = std::sync::Barrier::new(3);
        std::thread::scope(|s| {
            for part in all.chunks(all.len().div_ceil(3)) {
                let (ours, together) = (&ours, &together);
                s.spawn(move || {
                    for &(route, method, status, us) in part {
                        ours.record(route, method, status, Duration::from_micros(us));
                    }
                    together.wait();
                });
            }
        });
        let merged = ours.merged();
        let mut got = Registry::default();
        let requests_family = Family::<RequestLabels, Counter>::default();
        for (labels, n) in &merged.requests {
            requests_family.get_or_create(labels).inc_by(*n);
        }
        got.register("r", "", requests_family);
        got.register("l", "", LatencyFamily(merged.latency));
        let not_modified = Counter::<u64, AtomicU64>::default();
        not_modified.inc_by(merged.not_modified);
        got.register("n", "", not_modified);

        let ((got_lines, got_sums), (want_lines, want_sums)) = (text(&got), text(&want));
        assert_eq!(got_lines, want_lines);
        assert_eq!(got_sums.len(), want_sums.len());
        assert!(!got_sums.is_empty());
        for ((gk, gv), (wk, wv)) in got_sums.iter().zip(&want_sums) {
            assert_eq!(gk, wk);
            assert!((gv - wv).abs() <= 1e-9 * wv.abs(), "{gk}: {gv} vs {wv}");
        }
        assert!(
            ours.shards.iter().count() >= 2,
            "expected a shard per thread"
        );
    }
}
