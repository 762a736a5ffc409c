//! Criterion benchmarks of the work behind a feed, on synthetic data from `bench/gen.py`.
//!
//! * `load/N`: `load::load_dir` (read + parse + validate every file; files in the page cache).
//! * `snapshot/N`: `Snapshot::new` (what `serve` does once after loading, per data version).
//! * `render_all/N`: a cache miss of `/feeds/all.ics`: what `Snapshot::feed(&Feed::All, default)`
//!   does when the feed is not cached (select + render + ETag), N = 100 … 50,000 events.
//! * `render_variant/...`: the same for the filtered variants at 50,000 events.
//! * `hit/...`: a cache hit (what every request after the first costs in the store).
//! * `request/...`: everything a request does before actix writes the response: query parsing,
//!   `Filter::parse`, `Snapshot::feed` (hit) and `http::calendar_response`.
//! * `service/...`: one request through the whole in-process service (`actix_web::test`), with
//!   and without the middleware of `web::app`, with and without formatting its log line.
//!
//! Data: `$ITUCAL_BENCH_DATA/eN/` for each N (bench/run generates them); without that variable
//! the data is generated into `target/bench-data` with `python3 bench/gen.py`.
//! `ITUCAL_BENCH_SIZES=100,500` limits the sizes; `ITUCAL_BENCH_QUICK=1` shortens every sample.

use criterion::{BatchSize, Criterion, criterion_group};
use itucal::load::load_dir;
use itucal::model::Catalog;
use itucal::render::ics;
use itucal::select::{self, Feed, Filter};
use itucal::store::{Rendered, Snapshot};
use itucal::web::http::etag;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The UTC date the windowed feeds are served on: the middle of the generated years.
const DAY: chrono::NaiveDate = chrono::NaiveDate::from_ymd_opt(2020, 6, 1).unwrap();

/// Events per generated meeting; N events = N / 50 meetings.
const PER_MEETING: usize = 50;
const SIZES: [usize; 6] = [100, 500, 1_000, 5_000, 10_000, 50_000];

fn sizes() -> Vec<usize> {
    match std::env::var("ITUCAL_BENCH_SIZES") {
        Ok(s) if !s.trim().is_empty() => s
            .split(',')
            .map(|x| {
                x.trim()
                    .parse()
                    .expect("ITUCAL_BENCH_SIZES: comma list of numbers")
            })
            .collect(),
        _ => SIZES.to_vec(),
    }
}

/// `ITUCAL_BENCH_QUICK=1`: fewer and shorter samples (a smoke test, not a measurement).
fn quick() -> bool {
    std::env::var_os("ITUCAL_BENCH_QUICK").is_some_and(|v| v == "1")
}

fn data_dir(events: usize) -> PathBuf {
    let root = std::env::var_os("ITUCAL_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data"));
    let dir = root.join(format!("e{events}"));
    if !dir.is_dir() {
        let meetings = events.div_ceil(PER_MEETING).to_string();
        let status = std::process::Command::new("python3")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/gen.py"))
            .args([meetings.as_str(), &PER_MEETING.to_string()])
            .arg(&dir)
            .status()
            .expect("python3 bench/gen.py");
        assert!(status.success(), "bench/gen.py failed");
    }
    dir
}

fn load(dir: &Path) -> Catalog {
    load_dir(dir)
        .unwrap_or_else(|p| panic!("{}: {} problems, first: {}", dir.display(), p.len(), p[0]))
}

/// What `Snapshot::feed` does on a cache miss, without the cache (which would turn every
/// iteration after the first into a hit): select, render, ETag.
fn render(snap: &Snapshot, feed: &Feed, filter: &Filter) -> Rendered {
    let selection = select::select(snap.catalog(), feed, filter).unwrap();
    let body = ics::calendar(snap.catalog(), feed, filter, &selection, None);
    Rendered::new(body, snap.last_modified())
}

fn seed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn bench_load_and_render(c: &mut Criterion) {
    let sizes = sizes();
    for &n in &sizes {
        let dir = data_dir(n);
        let catalog = load(&dir);
        assert_eq!(catalog.event_count(), n, "{}", dir.display());
        // big sizes take a second per iteration: fewer samples, longer windows
        let (samples, secs) = if quick() {
            (10, 1)
        } else if n >= 10_000 {
            (10, 5)
        } else {
            (20, 2)
        };

        let mut g = c.benchmark_group("load");
        g.sample_size(samples)
            .measurement_time(Duration::from_secs(secs));
        g.bench_function(n.to_string(), |b| {
            b.iter(|| black_box(load_dir(&dir).is_ok()))
        });
        g.finish();

        let mut g = c.benchmark_group("snapshot");
        g.sample_size(samples)
            .measurement_time(Duration::from_secs(secs));
        g.bench_function(n.to_string(), |b| {
            b.iter_batched(|| catalog.clone(), Snapshot::new, BatchSize::LargeInput)
        });
        g.finish();

        // a cache miss of Snapshot::feed, on a snapshot built once: select + render + ETag
        let snap = Snapshot::new(catalog);
        let mut g = c.benchmark_group("render_all");
        g.sample_size(samples)
            .measurement_time(Duration::from_secs(secs));
        g.bench_function(n.to_string(), |b| {
            b.iter(|| render(&snap, &Feed::All, &Filter::default()))
        });
        g.finish();
    }

    // the filtered variants on the largest data set
    let Some(&n) = sizes.iter().max() else { return };
    let catalog = load(&data_dir(n));
    let group = catalog.groups[0].slug().to_string();
    let variants: Vec<(&str, Vec<(&str, String)>)> = vec![
        ("lang=zh", vec![("lang", "zh".into())]),
        ("kind=deadline", vec![("kind", "deadline".into())]),
        ("group", vec![("group", group)]),
    ];
    let snap = Snapshot::new(catalog);
    let mut g = c.benchmark_group("render_variant");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(if quick() { 1 } else { 5 }));
    for (name, q) in &variants {
        let filter =
            Filter::parse(q.iter().map(|(k, v)| (*k, v.as_str())), snap.catalog()).unwrap();
        g.bench_function(format!("{n}/{name}"), |b| {
            b.iter(|| render(&snap, &Feed::All, &filter))
        });
    }
    g.finish();
}

/// The per-request work on a warm cache, with the seed data: what wrk measures minus actix and
/// the kernel.
fn bench_request(c: &mut Criterion) {
    use actix_web::test::TestRequest;
    use itucal::web::http::calendar_response;

    let snap = Snapshot::new(load(&seed_dir()));
    let cases = [
        ("all", ""),
        ("group", "group=q2-20"),
        ("kind", "kind=deadline"),
        ("lang=zh", "lang=zh"),
    ];
    let mut g = c.benchmark_group("hit");
    for (name, query) in cases {
        let pairs: Vec<(String, String)> =
            actix_web::web::Query::<Vec<(String, String)>>::from_query(query)
                .unwrap()
                .into_inner();
        let filter = Filter::parse(
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            snap.catalog(),
        )
        .unwrap();
        snap.feed(&Feed::All, &filter, DAY).unwrap();
        g.bench_function(name, |b| {
            b.iter(|| {
                snap.feed(black_box(&Feed::All), black_box(&filter), DAY)
                    .unwrap()
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("request");
    for (name, query) in cases {
        let uri = if query.is_empty() {
            "/feeds/all.ics".to_string()
        } else {
            format!("/feeds/all.ics?{query}")
        };
        let req = TestRequest::get().uri(&uri).to_http_request();
        g.bench_function(name, |b| {
            b.iter(|| {
                // the same steps as src/web/routes/feeds.rs `feed`
                let q = itucal::web::http::parse_query(
                    black_box(&req),
                    snap.catalog(),
                    &itucal::web::http::FEED_PARAMS,
                    false,
                )
                .unwrap();
                let r = snap.feed(&Feed::All, &q.filter, DAY).unwrap();
                calendar_response(&req, &r, "itu-t-meetings.ics", q.download)
            })
        });
    }
    let etag = etag(&snap.feed(&Feed::All, &Filter::default(), DAY).unwrap());
    let req = TestRequest::get()
        .uri("/feeds/all.ics")
        .insert_header(("If-None-Match", etag))
        .to_http_request();
    g.bench_function("304", |b| {
        b.iter(|| {
            let r = snap.feed(&Feed::All, &Filter::default(), DAY).unwrap();
            calendar_response(black_box(&req), &r, "itu-t-meetings.ics", false)
        })
    });
    g.finish();
}

/// The whole in-process service for one request (routing, middleware, handler, response; no
/// socket): `web::app` as served (request id, metrics, log line) against the bare routes
/// (`web::configure`), with the request log line written as `serve` writes it (to a sink) or
/// filtered out.
fn bench_service(c: &mut Criterion) {
    use actix_web::test::{TestRequest, call_service, init_service};
    use itucal::store::Store;
    use itucal::web::{AppState, app, configure};
    use std::sync::Arc;

    let rt = actix_web::rt::System::new();
    let state = || {
        AppState::new(
            Arc::new(Store::new(Snapshot::new(load(&seed_dir())))),
            "http://127.0.0.1:8080",
        )
    };
    let full = rt.block_on(init_service(app(state())));
    let bare = rt.block_on(init_service(
        actix_web::App::new().configure(configure(state())),
    ));
    let etag = rt
        .block_on(call_service(
            &full,
            TestRequest::get().uri("/feeds/all.ics").to_request(),
        ))
        .headers()
        .get("etag")
        .expect("etag")
        .to_str()
        .unwrap()
        .to_string();
    // what `itucal serve` installs (itucal::logs::init), writing to a sink; the "log
    // filtered" cases run under a scoped subscriber that lets no request line through
    let _logs = itucal::logs::init_to(itucal::logs::LogFormat::Text, std::io::sink(), false);
    let filtered = || {
        tracing_subscriber::fmt()
            .with_env_filter("warn")
            .with_writer(std::io::sink)
            .finish()
    };
    let mut g = c.benchmark_group("service");
    for (name, cond) in [("all", false), ("304", true)] {
        let req = || {
            let r = TestRequest::get().uri("/feeds/all.ics");
            if cond {
                r.insert_header(("If-None-Match", etag.clone()))
            } else {
                r
            }
            .to_request()
        };
        tracing::subscriber::with_default(filtered(), || {
            g.bench_function(format!("{name}/routes only"), |b| {
                b.iter(|| rt.block_on(call_service(&bare, req())))
            });
            g.bench_function(format!("{name}/app, log filtered"), |b| {
                b.iter(|| rt.block_on(call_service(&full, req())))
            });
        });
        g.bench_function(format!("{name}/app, log line"), |b| {
            b.iter(|| rt.block_on(call_service(&full, req())))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(if quick() { 300 } else { 1000 }))
        .measurement_time(Duration::from_secs(if quick() { 1 } else { 2 }));
    targets = bench_request, bench_service, bench_load_and_render
}

/// `cargo bench` passes `--bench`; `cargo test --all-targets` runs this binary too, without it
/// and with libtest's flags (`--include-ignored`): then only check, on the seed data, that the
/// calls measured here still work, and measure nothing (no data generation, no timing).
fn main() {
    if std::env::args().any(|a| a == "--bench") {
        benches();
        Criterion::default().configure_from_args().final_summary();
    } else {
        smoke();
    }
}

fn smoke() {
    let snap = Snapshot::new(load(&seed_dir()));
    let all = snap.feed(&Feed::All, &Filter::default(), DAY).unwrap();
    assert!(all.body.starts_with(b"BEGIN:VCALENDAR\r\n"));
    let req = actix_web::test::TestRequest::get()
        .uri("/feeds/all.ics")
        .insert_header(("If-None-Match", etag(&all)))
        .to_http_request();
    let res = itucal::web::http::calendar_response(&req, &all, "itu-t-meetings.ics", false);
    assert_eq!(res.status(), actix_web::http::StatusCode::NOT_MODIFIED);
    println!("bench/render.rs: smoke check on the seed data passed (run `cargo bench` to measure)");
}
