//! Operations, through the real binary: hot reload without loss, observability, graceful
//! shutdown, the health check command, static export, and limits on abusive requests.

#[path = "../support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use support::Server;

const SEED: &str = "sg20-wp1-2018-01.toml";

/// A temporary copy of the shipped data.
fn data_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(SEED);
    std::fs::copy(&src, tmp.path().join(SEED)).unwrap();
    let file = tmp.path().join(SEED);
    (tmp, file)
}

/// Writes `text` the way editors do: to a temporary file, then renamed over the original.
fn save(file: &Path, text: &str) {
    let tmp = file.with_extension("toml.tmp~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, file).unwrap();
}

/// Polls `f` until it is true or `limit` passes; returns whether it became true.
fn eventually(limit: Duration, mut f: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

fn health(s: &Server) -> serde_json::Value {
    serde_json::from_str(&s.get("/healthz")).unwrap()
}

#[test]
fn a_draft_meeting_is_served_only_with_the_drafts_flag() {
    let (tmp, file) = data_copy();
    let seed = std::fs::read_to_string(&file).unwrap();
    let draft = seed.replacen(
        "id = \"sg20-wp1-2018-01\"",
        "id = \"sg20-preview\"\ndraft = true",
        1,
    );
    std::fs::write(tmp.path().join("sg20-preview.toml"), draft).unwrap();
    let public = Server::start(tmp.path());
    assert_eq!(
        public.request("GET", "/feeds/sg20-preview.ics", &[]).status,
        404
    );
    assert!(!public.get("/feeds/all.ics").contains("sg20-preview"));
    assert!(!public.get("/").contains("sg20-preview"));
    // on a day before the meetings: years later, the all feed's window keeps only the latest
    // of two meetings of the same groups
    let preview = Server::start_with(tmp.path(), &["--drafts", "--today", "2017-12-01"]);
    assert!(
        preview
            .get("/feeds/sg20-preview.ics")
            .contains("UID:registration.sg20-preview@")
    );
    assert!(preview.get("/feeds/all.ics").contains("sg20-preview"));
    // the preview says it is one, in the page's language; the reviewed meeting does not
    assert!(preview.get("/meetings/sg20-preview").contains(
        "<p class=\"draft-note\" role=\"note\">Draft: this meeting has not been reviewed."
    ));
    assert!(
        preview
            .get("/meetings/sg20-preview?lang=zh")
            .contains("草稿：此会议尚未经过审核。")
    );
    assert!(
        !preview
            .get("/meetings/sg20-wp1-2018-01")
            .contains("draft-note")
    );
}

#[test]
fn a_valid_edit_is_served_within_two_seconds_and_changes_the_etag() {
    let (_tmp, file) = data_copy();
    let server = Server::start(file.parent().unwrap());
    let before = server.request("GET", "/feeds/all.ics", &[]);
    let text = std::fs::read_to_string(&file).unwrap();
    save(
        &file,
        &text.replace(
            "Q2/20 rapporteur group meeting, Geneva",
            "Q2/20 rapporteur group meeting, Room K, Geneva",
        ),
    );
    let seen = eventually(Duration::from_secs(2), || {
        server.get("/feeds/all.ics").contains("Room K")
    });
    assert!(seen, "the edit was not served within 2 s");
    let after = server.request("GET", "/feeds/all.ics", &[]);
    assert_ne!(before.header("etag"), after.header("etag"));
    assert_eq!(health(&server)["status"], "ok");
}

#[test]
fn an_invalid_edit_keeps_the_last_good_data_and_degrades_health_until_fixed() {
    let (_tmp, file) = data_copy();
    let server = Server::start(file.parent().unwrap());
    let good = server.get("/feeds/all.ics");
    let version = health(&server)["data_version"].clone();
    let text = std::fs::read_to_string(&file).unwrap();
    // a half-written file, then a broken rule
    let mut half = text.len() / 2;
    while !text.is_char_boundary(half) {
        half -= 1;
    }
    save(&file, &text[..half]);
    assert!(eventually(
        Duration::from_secs(3),
        || health(&server)["status"] == "degraded"
    ));
    save(
        &file,
        &text.replace("last_day = 2018-01-23", "last_day = 2018-01-13"),
    );
    assert!(eventually(Duration::from_secs(3), || {
        let h = health(&server);
        h["errors"].as_array().is_some_and(|e| {
            e.iter()
                .any(|m| m.as_str().unwrap().contains("is before first_day"))
        })
    }));
    let h = health(&server);
    assert_eq!(h["status"], "degraded");
    assert_eq!(
        h["data_version"], version,
        "the version served must stay the old one"
    );
    let err = h["errors"][0].as_str().unwrap();
    assert!(err.contains(&format!("{SEED}:")), "{err}");
    assert_eq!(
        server.get("/feeds/all.ics"),
        good,
        "the last good data must still be served"
    );
    // a removed file (editors delete, then write) never empties the feeds
    std::fs::remove_file(&file).unwrap();
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(server.get("/feeds/all.ics"), good);
    save(&file, &text);
    assert!(eventually(
        Duration::from_secs(3),
        || health(&server)["status"] == "ok"
    ));
    assert_eq!(server.get("/feeds/all.ics"), good);
}

#[test]
fn sighup_reloads_and_an_unchanged_reload_keeps_the_etag() {
    let (_tmp, file) = data_copy();
    let server = Server::start(file.parent().unwrap());
    let etag = server
        .request("GET", "/feeds/all.ics", &[])
        .header("etag")
        .unwrap()
        .to_string();
    // nothing is written to the data directory, so only the signal can cause a reload (an
    // edit would make the watcher reload too, and the counter would say nothing about SIGHUP)
    server.signal("HUP");
    let ok = "itucal_reloads_total{result=\"ok\"} 1\n";
    let counted = || server.get("/metrics").contains(ok);
    assert!(
        eventually(Duration::from_secs(3), counted),
        "no reload counted after SIGHUP:\n{}",
        server.get("/metrics")
    );
    let r = server.request("GET", "/feeds/all.ics", &[("If-None-Match", &etag)]);
    assert_eq!(
        r.status, 304,
        "content did not change, so the ETag must not"
    );
    let m = server.get("/metrics");
    assert!(m.contains(ok), "one SIGHUP, one reload:\n{m}");
    assert!(
        m.contains("itucal_reloads_total{result=\"failed\"} 0\n"),
        "{m}"
    );
}

#[test]
fn requests_during_reloads_get_the_old_or_the_new_feed_complete() {
    let (_tmp, file) = data_copy();
    let server = Arc::new(Server::start(file.parent().unwrap()));
    let text = std::fs::read_to_string(&file).unwrap();
    let old = server.get("/feeds/all.ics");
    let edited = text.replace("WP1/20 meeting, Geneva", "WP1/20 meeting (edited), Geneva");
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for _ in 0..4 {
        let (server, stop) = (Arc::clone(&server), Arc::clone(&stop));
        clients.push(std::thread::spawn(move || {
            let mut bodies = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let r = server.request("GET", "/feeds/all.ics", &[]);
                assert_eq!(r.status, 200);
                bodies.push(r.body);
            }
            bodies
        }));
    }
    for i in 0..6 {
        save(&file, if i % 2 == 0 { &edited } else { &text });
        std::thread::sleep(Duration::from_millis(400));
    }
    save(&file, &edited);
    assert!(eventually(Duration::from_secs(3), || server
        .get("/feeds/all.ics")
        .contains("(edited)")));
    let new = server.get("/feeds/all.ics");
    stop.store(true, Ordering::Relaxed);
    let mut n = 0;
    for c in clients {
        for body in c.join().unwrap() {
            assert!(
                body == old || body == new,
                "a response was neither the old nor the new feed"
            );
            n += 1;
        }
    }
    assert!(n > 20, "only {n} requests were made");
}

#[test]
fn every_response_has_a_request_id_and_metrics_count_requests() {
    let (_tmp, file) = data_copy();
    let server = Server::start(file.parent().unwrap());
    let a = server.request("GET", "/feeds/all.ics", &[]);
    let b = server.request("GET", "/feeds/nothing.ics", &[]);
    let (ida, idb) = (
        a.header("x-request-id").unwrap(),
        b.header("x-request-id").unwrap(),
    );
    assert_ne!(ida, idb);
    let etag = a.header("etag").unwrap().to_string();
    assert_eq!(
        server
            .request("GET", "/feeds/all.ics", &[("If-None-Match", &etag)])
            .status,
        304
    );
    let m = server.get("/metrics");
    for want in [
        "itucal_http_requests_total{route=\"/feeds/{name}\",method=\"GET\",status=\"200\"}",
        "itucal_http_requests_total{route=\"/feeds/{name}\",method=\"GET\",status=\"404\"}",
        "itucal_http_request_duration_seconds_bucket{",
        "itucal_not_modified_responses_total 1",
        "itucal_feed_renders_total ",
        "itucal_events_loaded 12",
        "itucal_data_version{version=",
    ] {
        assert!(m.contains(want), "{want} missing from:\n{m}");
    }
}

#[test]
fn json_logs_have_one_line_per_request_with_its_fields() {
    let (_tmp, file) = data_copy();
    let log = file.parent().unwrap().join("log.jsonl");
    let server = Server::start_logging(file.parent().unwrap(), &["--log-format", "json"], &log);
    let r = server.request("GET", "/feeds/deadlines.ics", &[]);
    let id = r.header("x-request-id").unwrap().to_string();
    // lines are written by a background thread: wait for this one
    assert!(eventually(Duration::from_secs(3), || {
        std::fs::read_to_string(&log).is_ok_and(|t| t.contains(&id))
    }));
    drop(server);
    let text = std::fs::read_to_string(&log).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains(&id))
        .unwrap_or_else(|| panic!("no log line for {id} in:\n{text}"));
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(v["method"], "GET");
    assert_eq!(v["path"], "/feeds/deadlines.ics");
    assert_eq!(v["status"], 200);
    assert_eq!(v["bytes"].as_u64(), Some(r.body.len() as u64));
    assert!(v["duration_us"].is_u64());
}

#[test]
fn the_log_filter_decides_whether_requests_are_logged() {
    for format in ["text", "json"] {
        // only request lines: the request's line arrives
        let (_tmp, file) = data_copy();
        let log = file.parent().unwrap().join("log.txt");
        let dir = file.parent().unwrap();
        let filter = "warn,itucal::web::observe=info";
        let server = Server::start_filtered(dir, &["--log-format", format], &log, filter);
        let r = server.request("GET", "/feeds/all.ics", &[]);
        let id = r.header("x-request-id").unwrap().to_string();
        assert!(
            eventually(Duration::from_secs(3), || {
                std::fs::read_to_string(&log).is_ok_and(|t| t.contains(&id))
            }),
            "{filter}, {format}: no line for {id}"
        );
        drop(server);

        // everything but request lines: none by the time the server has stopped
        let filter = "info,itucal::web::observe=warn";
        let mut server = Server::start_filtered(dir, &["--log-format", format], &log, filter);
        let r = server.request("GET", "/feeds/all.ics", &[]);
        let id = r.header("x-request-id").unwrap().to_string();
        server.signal("TERM");
        assert!(server.wait(Duration::from_secs(12)).is_some());
        let stopped = || std::fs::read_to_string(&log).is_ok_and(|t| t.contains("stopped"));
        assert!(
            eventually(Duration::from_secs(5), stopped),
            "{format}: no 'stopped' line"
        );
        let text = std::fs::read_to_string(&log).unwrap();
        assert!(
            !text.contains(&id),
            "{filter}, {format}: logged {id}:\n{text}"
        );
    }
}

#[test]
fn sigterm_loses_no_log_line() {
    let (_tmp, file) = data_copy();
    let log = file.parent().unwrap().join("log.txt");
    let mut server = Server::start_logging(file.parent().unwrap(), &[], &log);
    let ids: Vec<String> = (0..50)
        .map(|_| {
            let r = server.request("GET", "/feeds/all.ics", &[]);
            r.header("x-request-id").unwrap().to_string()
        })
        .collect();
    // at once, while the last lines are likely still queued for the log writer thread
    server.signal("TERM");
    let status = server.wait(Duration::from_secs(12)).expect("still running");
    assert!(status.success(), "{status:?}");
    // the copy of the output into the file ends when the pipe closes
    let complete =
        || std::fs::read_to_string(&log).is_ok_and(|t| t.lines().any(|l| l.contains("stopped")));
    assert!(
        eventually(Duration::from_secs(5), complete),
        "no 'stopped' line"
    );
    let text = std::fs::read_to_string(&log).unwrap();
    for id in &ids {
        assert!(
            text.lines()
                .any(|l| l.contains(&format!("request_id={id} "))),
            "no line for request {id} in:\n{text}"
        );
    }
}

#[test]
fn sigterm_stops_the_server_gracefully() {
    let (_tmp, file) = data_copy();
    let mut server = Server::start(file.parent().unwrap());
    server.signal("TERM");
    let status = server
        .wait(Duration::from_secs(12))
        .expect("still running 12 s after SIGTERM");
    assert!(status.success(), "{status:?}");
}

#[test]
fn it_listens_on_several_addresses_and_the_healthcheck_command_finds_it() {
    let (_tmp, file) = data_copy();
    let server = Server::start_with(file.parent().unwrap(), &["--bind", "127.0.0.1:0"]);
    assert!(server.addrs().len() >= 2, "{:?}", server.addrs());
    for addr in server.addrs() {
        assert_eq!(server.request_at(addr, "GET", "/healthz").status, 200);
    }
    let ok = Command::new(env!("CARGO_BIN_EXE_itucal"))
        .arg("healthcheck")
        .env("ITUCAL_BIND", server.addrs()[0].to_string())
        .status()
        .unwrap();
    assert!(ok.success());
    drop(server);
    let down = Command::new(env!("CARGO_BIN_EXE_itucal"))
        .args(["healthcheck", "--bind", "127.0.0.1:9"])
        .output()
        .unwrap();
    assert!(!down.status.success());
}

#[test]
fn over_long_urls_and_traversal_attempts_are_refused_with_4xx() {
    let (_tmp, file) = data_copy();
    let server = Server::start(file.parent().unwrap());
    let long = format!("/feeds/all.ics?group={}", "q1-20,".repeat(400));
    assert_eq!(server.request("GET", &long, &[]).status, 400);
    for path in [
        "/feeds/..%2F..%2Fetc%2Fpasswd.ics",
        "/feeds/%2e%2e.ics",
        "/events/..%5C..%5Cwindows/x.ics",
        "/feeds/a%00b.ics",
        "/feeds/groups/..%2f.ics",
        "/../../etc/passwd",
    ] {
        let s = server.request("GET", path, &[]).status;
        assert!(s == 400 || s == 404, "{path}: {s}");
    }
}

#[test]
fn the_language_can_be_given_in_the_path() {
    let (_tmp, file) = data_copy();
    let server = Server::start(file.parent().unwrap());
    assert_eq!(
        server.get("/feeds/all.zh.ics"),
        server.get("/feeds/all.ics?lang=zh")
    );
    assert_eq!(
        server.get("/feeds/groups/q2-20.zh.ics"),
        server.get("/feeds/groups/q2-20.ics?lang=zh")
    );
    assert_eq!(
        server
            .request("GET", "/feeds/all.zh.ics?lang=en", &[])
            .status,
        400
    );
}

/// Runs `itucal export OUT` of `data` for https://feeds.example.org on `today`; its manifest.
fn export_site(out: &Path, data: &Path, today: &str) -> serde_json::Value {
    let status = Command::new(env!("CARGO_BIN_EXE_itucal"))
        .arg("export")
        .arg(out)
        .arg("--data")
        .arg(data)
        .args([
            "--public-url",
            "https://feeds.example.org",
            "--today",
            today,
        ])
        .status()
        .unwrap();
    assert!(status.success());
    serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap()
}

#[test]
fn export_writes_exactly_what_serve_returns() {
    let (tmp, file) = data_copy();
    let out = tmp.path().join("site");
    // both on one day: the windows and the catalog's pages depend on it
    let manifest = export_site(&out, file.parent().unwrap(), "2026-12-01");
    let files = manifest["files"].as_array().unwrap();
    // all, deadlines, 1 meeting, 6 groups, 12 events; in 2 languages
    assert!(files.len() >= 2 * (2 + 1 + 6 + 12), "{}", files.len());
    // the catalog's pages and the archives are in it too
    for url in [
        "/groups/q2-20",
        "/archive/2018?lang=ar",
        "/overview",
        "/feeds/archive/2018.ics",
        "/feeds/archive/groups/sg20.zh.ics",
    ] {
        assert!(files.iter().any(|f| f["url"] == url), "{url} not exported");
    }
    let server = Server::start_with(
        file.parent().unwrap(),
        &[
            "--public-url",
            "https://feeds.example.org",
            "--today",
            "2026-12-01",
        ],
    );
    for f in files {
        let path = f["path"].as_str().unwrap();
        let url = f["url"].as_str().unwrap();
        let r = server.request("GET", url, &[]);
        assert_eq!(r.status, 200, "{url}");
        let written = std::fs::read_to_string(out.join(path)).unwrap();
        assert_eq!(written, r.body, "{path} differs from GET {url}");
        assert_eq!(Some(f["etag"].as_str().unwrap()), r.header("etag"), "{url}");
        assert_eq!(
            Some(f["content_type"].as_str().unwrap()),
            r.header("content-type")
        );
    }
}

#[test]
fn reading_the_data_files_triggers_no_reload() {
    // regression: open/read events counted as changes made every reload trigger the next
    let (_tmp, file) = data_copy();
    let server = Server::start(file.parent().unwrap());
    std::fs::read_to_string(&file).unwrap();
    std::thread::sleep(Duration::from_secs(2));
    let metrics = server.get("/metrics");
    let reloads: u64 = metrics
        .lines()
        .filter(|l| l.starts_with("itucal_reloads_total{"))
        .map(|l| l.rsplit(' ').next().unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(reloads, 0, "{metrics}");
}

/// A temporary copy of the shipped data with its lock file.
fn locked_copy() -> (tempfile::TempDir, PathBuf) {
    let (tmp, file) = data_copy();
    let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/itucal.lock");
    std::fs::copy(lock, tmp.path().join("itucal.lock")).unwrap();
    (tmp, file)
}

/// The value of `name` in the VEVENT of `key` (unfolded feed).
fn prop(ics: &str, key: &str, name: &str) -> String {
    let unfolded = ics.replace("\r\n ", "");
    let block = unfolded
        .split("BEGIN:VEVENT\r\n")
        .find(|b| b.contains(&format!("UID:{key}.sg20-wp1-2018-01@itucal\r\n")))
        .unwrap_or_else(|| panic!("no event {key}"));
    block
        .split("\r\n")
        .find_map(|l| l.strip_prefix(&format!("{name}:")))
        .unwrap_or_else(|| panic!("no {name} in {key}"))
        .to_string()
}

fn lock(dir: &Path, at: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_itucal"))
        .args(["lock", "--at", at])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Issue 17: a stale lock is served as the next lock would make it, and reported; editing the
/// lock is a reload like a data edit; a broken lock keeps the last good data.
#[test]
fn the_lock_is_reloaded_like_the_data_and_a_broken_one_keeps_the_last_good_data() {
    let (tmp, file) = locked_copy();
    let dir = tmp.path();
    let server = Server::start(dir);
    let all = || server.get("/feeds/all.ics");
    assert_eq!(prop(&all(), "deadline-pre-registration", "SEQUENCE"), "0");
    assert_eq!(health(&server)["warnings"], serde_json::json!([]));
    let text = std::fs::read_to_string(&file).unwrap();
    save(
        &file,
        &text.replacen("first_day = 2017-12-24\n", "first_day = 2017-12-20\n", 1),
    );
    // stale: the next SEQUENCE at the lock's last change, and a warning, not `degraded`
    assert!(eventually(Duration::from_secs(3), || {
        prop(&all(), "deadline-pre-registration", "SEQUENCE") == "1"
    }));
    let stale = all();
    assert_eq!(
        prop(&stale, "deadline-pre-registration", "LAST-MODIFIED"),
        "20170929T000000Z"
    );
    let h = health(&server);
    assert_eq!(h["status"], "ok");
    let warnings = h["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{h}");
    assert!(
        warnings[0]
            .as_str()
            .unwrap()
            .contains("sg20-wp1-2018-01/deadline-pre-registration"),
        "{h}"
    );
    lock(dir, "2017-12-01T10:00:00Z");
    assert!(eventually(Duration::from_secs(3), || {
        prop(&all(), "deadline-pre-registration", "LAST-MODIFIED") == "20171201T100000Z"
    }));
    let locked = all();
    assert_eq!(prop(&locked, "deadline-pre-registration", "SEQUENCE"), "1");
    assert_eq!(
        prop(&locked, "deadline-pre-registration", "DTSTAMP"),
        "20171201T100000Z"
    );
    assert_eq!(health(&server)["warnings"], serde_json::json!([]));
    // a broken lock: refused, reported, the last good data still served
    let lock_file = dir.join("itucal.lock");
    let good_lock = std::fs::read_to_string(&lock_file).unwrap();
    save(
        &lock_file,
        &good_lock.replacen("sequence = 1", "sequence = \"one\"", 1),
    );
    assert!(eventually(
        Duration::from_secs(3),
        || health(&server)["status"] == "degraded"
    ));
    let h = health(&server);
    assert!(
        h["errors"][0].as_str().unwrap().contains("itucal.lock:"),
        "{h}"
    );
    assert_eq!(all(), locked);
    save(&lock_file, &good_lock);
    assert!(eventually(
        Duration::from_secs(3),
        || health(&server)["status"] == "ok"
    ));
    assert_eq!(all(), locked);
}

/// Issue 17: replicas on the same data and the same stale lock answer the same bytes.
#[test]
fn two_servers_on_a_stale_lock_answer_the_same_bytes() {
    let (tmp, file) = locked_copy();
    let text = std::fs::read_to_string(&file).unwrap();
    let i = text
        .find("[[event]]\nkey = \"deadline-visa-support-letter\"")
        .unwrap();
    let j = text[i + 1..].find("[[event]]").unwrap() + i + 1;
    save(
        &file,
        &format!("{}{}", &text[..i], &text[j..])
            .replace("start = 2018-01-15T08:30:00", "start = 2018-01-15T08:00:00"),
    );
    // links are part of the bytes: replicas share their public URL
    let url = ["--public-url", "https://feeds.example.org"];
    let a = Server::start_with(tmp.path(), &url);
    std::thread::sleep(Duration::from_millis(1100));
    let b = Server::start_with(tmp.path(), &url);
    let uris = [
        "/feeds/all.ics",
        "/feeds/all.ics?lang=ar",
        "/feeds/deadlines.ics?lang=zh",
        "/feeds/sg20-wp1-2018-01.ics?lang=fr",
        "/events/sg20-wp1-2018-01/deadline-visa-support-letter.ics",
        "/api/events",
        "/meetings/sg20-wp1-2018-01",
    ];
    for uri in uris {
        let (x, y) = (a.request("GET", uri, &[]), b.request("GET", uri, &[]));
        assert_eq!(x.status, 200, "{uri}");
        assert!(x.body == y.body, "{uri}: the replicas' bodies differ");
        assert_eq!(x.header("etag"), y.header("etag"), "{uri}");
        assert_eq!(
            x.header("last-modified"),
            y.header("last-modified"),
            "{uri}"
        );
    }
    let removed = a.get("/events/sg20-wp1-2018-01/deadline-visa-support-letter.ics");
    assert_eq!(
        prop(&removed, "deadline-visa-support-letter", "STATUS"),
        "CANCELLED"
    );
    assert_eq!(
        prop(&removed, "deadline-visa-support-letter", "SEQUENCE"),
        "1"
    );
    assert_eq!(health(&a)["warnings"].as_array().unwrap().len(), 2);
}

/// The links to the site itself in a text (a page, a snippet, an API document), without their
/// `#fragment`, as written (`&amp;` read as `&`).
fn site_links(text: &str, base: &str) -> Vec<String> {
    let text = text.replace("&amp;", "&");
    let mut links = Vec::new();
    for start in [format!("{base}/"), "href=\"/".to_string()] {
        for (at, _) in text.match_indices(&start) {
            let from = if start.starts_with("href") {
                at + 6
            } else {
                at + base.len()
            };
            let rest = &text[from..];
            let end = rest
                .find(|c: char| c == '"' || c == '<' || c == '#' || c.is_whitespace())
                .unwrap_or(rest.len());
            links.push(rest[..end].to_string());
        }
    }
    links
}

#[test]
fn every_link_of_an_exported_site_to_itself_is_a_file_of_the_export() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let base = "https://feeds.example.org";
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sg99-2026-10");
    let manifest = export_site(&out, &example, "2026-10-01");
    let files = manifest["files"].as_array().unwrap();
    let urls: std::collections::HashSet<&str> =
        files.iter().map(|f| f["url"].as_str().unwrap()).collect();
    let mut missing = std::collections::BTreeSet::new();
    let mut checked = 0;
    for f in files {
        let path = f["path"].as_str().unwrap();
        if path.ends_with(".ics") || path.starts_with("static/") {
            continue;
        }
        let text = std::fs::read_to_string(out.join(path)).unwrap();
        for link in site_links(&text, base) {
            // a static host serves a download as the same file; a group's next-meeting link
            // is a redirect it is configured with (docs/operations.md)
            let mut file = link.replace("?download=1", "").replace("&download=1", "");
            // an asset's `?v=` only busts caches
            if file.starts_with("/static/") {
                file.truncate(file.find('?').unwrap_or(file.len()));
            }
            if urls.contains(file.as_str()) || file.ends_with("/next") || file.contains("/next?") {
                checked += 1;
            } else {
                missing.insert(format!("{link} (in {path})"));
            }
        }
    }
    assert!(checked > 1000, "{checked} links");
    assert_eq!(missing, std::collections::BTreeSet::<String>::new());
}

#[test]
fn export_refuses_to_write_into_a_data_directory() {
    let (tmp, file) = data_copy();
    let before: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    let out = Command::new(env!("CARGO_BIN_EXE_itucal"))
        .arg("export")
        .arg(file.parent().unwrap())
        .arg("--data")
        .arg(file.parent().unwrap())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("holds meeting files"), "{stderr}");
    let after: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert_eq!(before.len(), after.len(), "nothing written");
}
