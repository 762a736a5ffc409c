//! What operators watch, through the app: `/metrics` after a known set of requests, and the
//! request ids (the log lines are tested in `tests/logs.rs`).

use crate::helpers::{get, seed_dir, send, state};
use actix_web::test::{TestRequest, init_service};
use itucal::store::FEED_RENDERS;
use std::sync::atomic::Ordering;

/// The value of the sample `name{labels}` (as written in the exposition), if there is one.
fn sample(metrics: &str, series: &str) -> Option<f64> {
    metrics
        .lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

#[actix_web::test]
async fn metrics_count_exactly_the_requests_answered() {
    let state = state(&seed_dir());
    let store = state.store.clone();
    let app = init_service(itucal::web::app(state)).await;
    let etag = get(&app, "/feeds/all.ics").await.header("etag").to_string();
    for _ in 0..2 {
        let r = send(
            &app,
            TestRequest::get()
                .uri("/feeds/all.ics")
                .insert_header(("If-None-Match", etag.as_str())),
        )
        .await;
        assert_eq!(r.status, 304);
    }
    assert_eq!(get(&app, "/nowhere").await.status, 404);
    let post = send(&app, TestRequest::post().uri("/feeds/all.ics")).await;
    assert_eq!(post.status, 405);
    store.reload(&seed_dir()).unwrap();

    let renders_before = FEED_RENDERS.load(Ordering::Relaxed) as f64;
    let m = get(&app, "/metrics").await;
    let renders_after = FEED_RENDERS.load(Ordering::Relaxed) as f64;
    assert_eq!(m.status, 200);
    assert_eq!(
        m.header("content-type"),
        "application/openmetrics-text; version=1.0.0; charset=utf-8"
    );
    let m = m.body;
    let feed = r#"itucal_http_requests_total{route="/feeds/{name}",method="#;
    let version = format!(
        "itucal_data_version{{version=\"{}\"}}",
        store.snapshot().version()
    );
    for (series, want) in [
        (format!(r#"{feed}"GET",status="200"}}"#), 1.0),
        (format!(r#"{feed}"GET",status="304"}}"#), 2.0),
        (format!(r#"{feed}"POST",status="405"}}"#), 1.0),
        (
            r#"itucal_http_requests_total{route="unmatched",method="GET",status="404"}"#.into(),
            1.0,
        ),
        ("itucal_not_modified_responses_total".into(), 2.0),
        (
            r#"itucal_http_request_duration_seconds_count{route="/feeds/{name}"}"#.into(),
            4.0,
        ),
        (
            r#"itucal_http_request_duration_seconds_bucket{le="+Inf",route="/feeds/{name}"}"#
                .into(),
            4.0,
        ),
        (r#"itucal_reloads_total{result="ok"}"#.into(), 1.0),
        (r#"itucal_reloads_total{result="failed"}"#.into(), 0.0),
        (version, 1.0),
        ("itucal_events_loaded".into(), 12.0),
        ("itucal_meetings_loaded".into(), 1.0),
        ("itucal_data_healthy".into(), 1.0),
    ] {
        assert_eq!(sample(&m, &series), Some(want), "{series} in:\n{m}");
    }
    // a process-wide count that other tests move too: it is read when scraped
    let renders = sample(&m, "itucal_feed_renders_total").expect("feed_renders_total");
    assert!(
        (1.0..=renders_after).contains(&renders) && renders >= renders_before,
        "{renders} not within {renders_before}..={renders_after}"
    );
    // a scrape counts itself only once it has been answered
    assert!(!m.contains(r#"route="/metrics""#), "{m}");
    let again = get(&app, "/metrics").await.body;
    let scrape = r#"itucal_http_requests_total{route="/metrics",method="GET",status="200"}"#;
    assert_eq!(sample(&again, scrape), Some(1.0), "{again}");
}

#[actix_web::test]
async fn a_refused_reload_shows_in_the_next_scrape() {
    let state = state(&seed_dir());
    let store = state.store.clone();
    let app = init_service(itucal::web::app(state)).await;
    let bad = tempfile::tempdir().unwrap();
    std::fs::write(bad.path().join("broken.toml"), "[meeting\n").unwrap();
    assert!(store.reload(bad.path()).is_err());
    let m = get(&app, "/metrics").await.body;
    assert_eq!(
        sample(&m, r#"itucal_reloads_total{result="failed"}"#),
        Some(1.0)
    );
    assert_eq!(
        sample(&m, r#"itucal_reloads_total{result="ok"}"#),
        Some(0.0)
    );
    assert_eq!(sample(&m, "itucal_data_healthy"), Some(0.0), "{m}");
    // the last good data is still what is served and counted
    assert_eq!(sample(&m, "itucal_events_loaded"), Some(12.0));
}

#[actix_web::test]
async fn metric_names_help_texts_and_types_are_the_ones_dashboards_use() {
    let app = init_service(itucal::web::app(state(&seed_dir()))).await;
    get(&app, "/feeds/all.ics").await;
    let m = get(&app, "/metrics").await.body;
    let described: Vec<&str> = m.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        described,
        [
            "# HELP itucal_http_requests HTTP requests by route pattern, method and status.",
            "# TYPE itucal_http_requests counter",
            "# HELP itucal_http_request_duration_seconds Time to answer a request, by route pattern.",
            "# TYPE itucal_http_request_duration_seconds histogram",
            "# HELP itucal_not_modified_responses 304 Not Modified responses served.",
            "# TYPE itucal_not_modified_responses counter",
            "# HELP itucal_feed_renders Feed variants rendered (cache misses).",
            "# TYPE itucal_feed_renders counter",
            "# HELP itucal_reloads Data reloads by result.",
            "# TYPE itucal_reloads counter",
            "# HELP itucal_data_version The data version being served.",
            "# TYPE itucal_data_version gauge",
            "# HELP itucal_events_loaded Events in the data being served.",
            "# TYPE itucal_events_loaded gauge",
            "# HELP itucal_meetings_loaded Meetings in the data being served.",
            "# TYPE itucal_meetings_loaded gauge",
            "# HELP itucal_data_healthy 1 when the last reload succeeded, 0 while a refused edit awaits a fix.",
            "# TYPE itucal_data_healthy gauge",
            "# EOF",
        ],
        "{m}"
    );
    let buckets: Vec<&str> = m
        .lines()
        .filter_map(|l| l.strip_prefix("itucal_http_request_duration_seconds_bucket{le=\""))
        .filter_map(|l| l.split('"').next())
        .collect();
    assert_eq!(
        buckets,
        [
            "0.0001", "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05",
            "0.1", "0.25", "0.5", "1.0", "+Inf"
        ]
    );
}

#[actix_web::test]
async fn every_response_carries_a_request_id_of_its_own() {
    let app = init_service(itucal::web::app(state(&seed_dir()))).await;
    let long = format!("/feeds/all.ics?group={}", "q1-20,".repeat(400));
    let mut ids = std::collections::HashSet::new();
    for uri in ["/feeds/all.ics", "/", "/nowhere", "/metrics", long.as_str()].repeat(40) {
        let r = get(&app, uri).await;
        let id = r.header("x-request-id");
        let parsed = uuid::Uuid::try_parse(id).unwrap_or_else(|e| panic!("{uri}: {id}: {e}"));
        assert_eq!(parsed.hyphenated().to_string(), id, "{uri}");
        assert!(ids.insert(id.to_string()), "{uri}: {id} given twice");
    }
    assert_eq!(ids.len(), 200);
}
