//! The log line of every request, as `serve` writes it, captured in process through the app.
//!
//! Apart from the rest of the tests: `tracing` caches for each call site, across threads, whether
//! any subscriber wants its events, and while at most one subscriber exists it asks the one of
//! the thread that logs first. A test thread that logs without a subscriber could thus make the
//! request line's call site silent for the others. Here every request is made with a subscriber in place, and one
//! test runs at a time ([`one_at_a_time`]), so each sees exactly the lines its filter lets through.

use actix_web::test::{TestRequest, call_service, init_service, read_body};
use itucal::logs::{LogFormat, subscriber};
use itucal::store::{Snapshot, Store};
use itucal::web::AppState;
use std::path::Path;
use std::sync::{Arc, Mutex};
use tracing_subscriber::EnvFilter;

/// Runs `test` on this thread's own actix system, when no other test of this file runs.
fn one_at_a_time(test: impl std::future::Future<Output = ()>) {
    static ONE: Mutex<()> = Mutex::new(());
    let _alone = ONE.lock().unwrap_or_else(|e| e.into_inner());
    actix_web::rt::System::new().block_on(test);
}

/// The app over the shipped data.
fn state() -> AppState {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let catalog = itucal::load::load_dir(&data).unwrap();
    AppState::new(
        Arc::new(Store::new(Snapshot::new(catalog))),
        "https://feeds.example.org",
    )
}

/// What a test needs of a response: its status, request id, ETag and body length.
struct Answer {
    status: u16,
    id: String,
    etag: Option<String>,
    bytes: usize,
}

/// GET `uri`, with `If-None-Match` when given.
async fn get<S, B>(app: &S, uri: &str, inm: Option<&str>) -> Answer
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let mut req = TestRequest::get().uri(uri);
    if let Some(inm) = inm {
        req = req.insert_header(("If-None-Match", inm));
    }
    let res = call_service(app, req.to_request()).await;
    let header = |name| {
        res.headers()
            .get(name)
            .map(|v: &actix_web::http::header::HeaderValue| v.to_str().unwrap().to_string())
    };
    let (status, id, etag) = (
        res.status().as_u16(),
        header("x-request-id"),
        header("etag"),
    );
    Answer {
        status,
        id: id.expect("x-request-id"),
        etag,
        bytes: read_body(res).await.len(),
    }
}

/// Log lines, kept in memory.
#[derive(Clone, Default)]
struct Lines(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Lines {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Lines {
    /// Logs into these lines on this thread, as `serve` logs (in `format`, `filter` as
    /// `RUST_LOG`), until the guard is dropped.
    fn capture(&self, format: LogFormat, filter: &str) -> tracing::subscriber::DefaultGuard {
        let lines = self.clone();
        let sub = subscriber(format, EnvFilter::new(filter), false, move || lines.clone());
        tracing::subscriber::set_default(sub)
    }

    fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

#[test]
fn each_request_logs_one_json_line_with_its_fields() {
    one_at_a_time(async {
        let lines = Lines::default();
        let _log = lines.capture(LogFormat::Json, "info");
        let app = init_service(itucal::web::app(state())).await;
        let etag = get(&app, "/feeds/all.ics", None).await.etag.unwrap();
        let long = format!("/feeds/all.ics?group={}", "q1-20,".repeat(400));
        let mut sent = Vec::new();
        for (uri, inm, status) in [
            ("/feeds/all.ics?lang=zh", None, 200),
            ("/feeds/all.ics", Some(etag.as_str()), 304),
            ("/nowhere", None, 404),
            (long.as_str(), None, 400),
        ] {
            let r = get(&app, uri, inm).await;
            assert_eq!(r.status, status, "{uri}");
            sent.push((uri.split('?').next().unwrap(), r));
        }
        let text = lines.text();
        let logged: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .filter(|v: &serde_json::Value| v["message"] == "request")
            .collect();
        // the first GET, for the ETag, and the four above: one line each
        assert_eq!(logged.len(), 5, "{text}");
        for ((path, r), v) in sent.iter().zip(&logged[1..]) {
            assert_eq!(v["request_id"], r.id.as_str(), "{v}");
            assert_eq!(v["method"], "GET", "{v}");
            assert_eq!(v["path"], *path, "{v}");
            assert_eq!(v["status"], r.status, "{v}");
            assert_eq!(v["bytes"].as_u64(), Some(r.bytes as u64), "{v}");
            assert!(v["duration_us"].is_u64(), "{v}");
            assert_eq!(v["level"], "INFO", "{v}");
            // the target filters name (docs/operations.md)
            assert_eq!(v["target"], "itucal::web::observe", "{v}");
            let stamp = v["timestamp"].as_str().unwrap();
            assert!(chrono::DateTime::parse_from_rfc3339(stamp).is_ok(), "{v}");
        }
    });
}

#[test]
fn the_filter_keeps_or_drops_request_lines() {
    one_at_a_time(async {
        let app = init_service(itucal::web::app(state())).await;
        for (filter, logged) in [
            ("info", true),
            ("warn", false),
            ("info,itucal::web::observe=warn", false),
            ("warn,itucal::web::observe=info", true),
            ("warn,itucal=info", true),
        ] {
            let lines = Lines::default();
            let log = lines.capture(LogFormat::Text, filter);
            let r = get(&app, "/feeds/all.ics", None).await;
            drop(log);
            let text = lines.text();
            let want = format!(
                " INFO itucal::web::observe: request request_id={} method=\"GET\" \
                 path=\"/feeds/all.ics\" status=200 bytes={} duration_us=",
                r.id, r.bytes
            );
            assert_eq!(text.contains(&want), logged, "{filter}: {want}\n{text}");
            // nothing else is logged for a feed
            assert_eq!(
                text.lines().count(),
                usize::from(logged),
                "{filter}: {text}"
            );
            assert!(
                !text.contains('\x1b'),
                "{filter}: colour without a terminal"
            );
        }
    });
}

/// Without a terminal, text lines are written by a field formatter of our own (the default one
/// styles every field for a terminal even with colour off): its lines are the default's coloured
/// lines with the colour taken out, for every shape of event.
#[test]
fn plain_lines_are_the_coloured_lines_without_colour() {
    let write = |ansi: bool| {
        let lines = Lines::default();
        let out = lines.clone();
        let sub = subscriber(LogFormat::Text, EnvFilter::new("info"), ansi, move || {
            out.clone()
        });
        tracing::subscriber::with_default(sub, || {
            let quoted = "a \"quoted\"\tpath";
            tracing::info!(request_id = %"abc", method = "GET", path = quoted, status = 200u16, "request");
            tracing::warn!(count = 3i64, ok = true, ratio = 0.5f64, r#type = "feed");
            tracing::error!(error = %"data/x.toml:1:2: bad", "reload refused: {}", 1);
            tracing::info!("only a message");
        });
        lines.text()
    };
    let strip = |text: &str| {
        let colour = regex::Regex::new("\x1b\\[[0-9;]*m").unwrap();
        let text = colour.replace_all(text, "").into_owned();
        // the timestamps differ: compare what follows them
        text.lines()
            .map(|l| l.split_once(' ').map_or(l, |(_, rest)| rest).to_string())
            .collect::<Vec<_>>()
    };
    let coloured = write(true);
    let plain = write(false);
    assert!(coloured.contains('\x1b'), "{coloured}");
    assert!(!plain.contains('\x1b'), "{plain}");
    assert_eq!(strip(&plain), strip(&coloured), "\n{plain}\n{coloured}");
    assert_eq!(plain.lines().count(), 4, "{plain}");
}
