//! Abuse: thousands of generated hostile requests — mutated real paths (`..`, `%2e%2e`, `%2F`,
//! backslashes, `%00`, very long segments, unicode, random percent-encoded bytes), random query
//! strings (unknown keys, huge comma lists, repeated and malformed parameters), conditional
//! headers and every common method — fired at the app in-process. Only 200, 304, 400, 404 and
//! 405 may come back: nothing a client sends leads to a 500 or a panic.
//!
//! The generator is seeded, so every run sends the same requests; a failure prints the request,
//! which is its own reproduction. A last test sends malformed and oversized request heads to the
//! real binary over a socket, where actix's HTTP parser answers before the app is reached.

#[path = "support/mod.rs"]
mod support;

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::{Method, Uri, header};
use actix_web::test as app_test;
use itucal::store::{Snapshot, Store};
use itucal::web::{AppState, app};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::{Arc, Once};
use std::time::Duration;

/// Statuses the app may answer with.
const ALLOWED: [u16; 5] = [200, 304, 400, 404, 405];

/// What an OPTIONS request on a resource gets: the preflight's 204 (issue 11).
const PREFLIGHT: u16 = 204;

/// A small deterministic generator (SplitMix64): the same seed sends the same requests.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T: ?Sized>(&mut self, xs: &'a [&'a T]) -> &'a T {
        xs[self.below(xs.len())]
    }
}

/// What the shipped data names: meeting ids, event keys, group slugs and names.
struct Names {
    meetings: Vec<String>,
    events: Vec<(String, String)>,
    slugs: Vec<String>,
    groups: Vec<String>,
}

fn data_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn state_and_names() -> (AppState, Names) {
    let catalog = itucal::load::load_dir(&data_dir()).unwrap_or_else(|p| panic!("{p:?}"));
    let names = Names {
        meetings: catalog.meetings.iter().map(|m| m.id.clone()).collect(),
        events: catalog
            .meetings
            .iter()
            .flat_map(|m| m.events.iter().map(|e| (m.id.clone(), e.key.clone())))
            .collect(),
        slugs: catalog
            .groups
            .iter()
            .map(|g| g.slug().to_string())
            .collect(),
        groups: catalog
            .groups
            .iter()
            .map(|g| g.name().to_string())
            .collect(),
    };
    let state = AppState::new(
        Arc::new(Store::new(Snapshot::new(catalog))),
        "https://feeds.example.org",
    );
    (state, names)
}

/// Path segments that have broken servers before.
const HOSTILE: &[&str] = &[
    "..",
    ".",
    "%2e%2e",
    "%2E%2E",
    ".%2e",
    "%2e.",
    "..%2f",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%2F",
    "%2f",
    "%5C",
    "%5c..%5c",
    "\\",
    "..\\..\\windows",
    "%00",
    "a%00b",
    "%00.ics",
    "%",
    "%%",
    "%zz",
    "%c0%af",
    "%c0%ae%c0%ae",
    "%ff%fe",
    "%e2%80%ae",
    "%ef%bb%bf",
    "%0d%0aSet-Cookie:%20x=1",
    "%0a",
    "%09",
    "%20",
    "+",
    "~",
    ";",
    ";jsessionid=1",
    "*",
    "@",
    ":",
    "!",
    "$",
    "'",
    "(",
    ")",
    ",",
    "=",
    "",
    ".ics",
    "..ics",
    ".zh.ics",
    ".en.ics",
    ".fr.ics",
    ".ICS",
    ".ics.ics",
    ".zh.zh.ics",
    "all",
    "all.ics",
    "deadlines.ics",
    "groups",
    "email.html",
    "email.txt",
    "会议",
    "🗓️",
    "é",
    "\u{202e}",
    "\u{0}",
    "\u{7f}",
    "\u{fffd}",
];

/// The real routes, with `{m}`, `{k}`, `{g}` and `{G}` for a meeting id, an event key, a group
/// slug and a group name.
const ROUTES: &[&str] = &[
    "/feeds/all.ics",
    "/feeds/all.zh.ics",
    "/feeds/deadlines.ics",
    "/feeds/deadlines.en.ics",
    "/feeds/{m}.ics",
    "/feeds/{m}.zh.ics",
    "/feeds/groups/{g}.ics",
    "/feeds/groups/{g}.zh.ics",
    "/feeds/groups/{G}.ics",
    "/events/{m}/{k}.ics",
    "/events/{m}/{k}.zh.ics",
    "/healthz",
    "/metrics",
    "/",
    "/meetings/{m}",
    "/meetings/{m}/email.html",
    "/meetings/{m}/email.txt",
    "/subscribe/all",
    "/subscribe/deadlines",
    "/subscribe/{m}",
    "/subscribe/all/email.html",
    "/subscribe/{m}/email.txt",
    "/subscribe/groups/{g}",
    "/subscribe/groups/{g}/email.html",
    "/subscribe/groups/{g}/email.txt",
    "/static/style.css",
    "/static/app.js",
    "/static/favicon.svg",
    "/favicon.ico",
    "/api/meetings",
    "/api/meetings/{m}",
    "/api/events",
    "/api/feeds",
    "/api/openapi.json",
];

const METHODS: &[&str] = &[
    "GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS",
];

fn real_path(rng: &mut Rng, names: &Names) -> String {
    let (m, k) = &names.events[rng.below(names.events.len())];
    let m = if rng.chance(90) {
        m.clone()
    } else {
        names.meetings[rng.below(names.meetings.len())].clone()
    };
    let g = &names.slugs[rng.below(names.slugs.len())];
    let group = &names.groups[rng.below(names.groups.len())];
    let encoded_group = group.replace('/', "%2F");
    rng.pick(ROUTES)
        .replace("{m}", &m)
        .replace("{k}", k)
        .replace("{g}", g)
        .replace("{G}", &encoded_group)
}

/// A segment of random bytes, percent-encoded (as a client would send them).
fn random_encoded(rng: &mut Rng) -> String {
    let len = 1 + rng.below(40);
    (0..len)
        .map(|_| format!("%{:02X}", rng.below(256)))
        .collect()
}

/// A random segment of printable and not-so-printable characters, sent as they are where the
/// URI grammar allows it and percent-encoded where it does not (see [`valid_uri`]).
fn random_raw(rng: &mut Rng) -> String {
    let len = 1 + rng.below(24);
    (0..len)
        .map(|_| match rng.below(10) {
            0 => char::from_u32(0x80 + rng.below(0x3000) as u32).unwrap_or('?'),
            1 => char::from(rng.below(0x20) as u8),
            _ => char::from(0x20 + rng.below(0x5f) as u8),
        })
        .collect()
}

fn mutate_segment(rng: &mut Rng, segment: &str) -> String {
    match rng.below(9) {
        0 => rng.pick(HOSTILE).to_string(),
        1 => format!("{segment}{}", rng.pick(HOSTILE)),
        2 => format!("{}{segment}", rng.pick(HOSTILE)),
        3 => random_encoded(rng),
        4 => random_raw(rng),
        // very long: past the URL limit, or just under it
        5 => "a".repeat(if rng.chance(50) { 3000 } else { 1900 }),
        6 => segment.to_uppercase(),
        7 => segment.replace('.', "%2e").replace('-', "%2D"),
        _ => {
            let mut s = segment.to_string();
            if !s.is_empty() {
                let at = rng.below(s.len());
                if s.is_char_boundary(at) {
                    s.insert_str(at, rng.pick(HOSTILE));
                }
            }
            s
        }
    }
}

/// A real path with one to three mutations of its segments.
fn mutated_path(rng: &mut Rng, names: &Names) -> String {
    let path = real_path(rng, names);
    let mut segments: Vec<String> = path.split('/').map(String::from).collect();
    for _ in 0..1 + rng.below(3) {
        let at = 1 + rng.below(segments.len().max(2) - 1);
        match rng.below(6) {
            0 => segments.insert(at.min(segments.len()), rng.pick(HOSTILE).to_string()),
            1 if segments.len() > 2 => {
                segments.remove(at.min(segments.len() - 1));
            }
            2 => segments.insert(at.min(segments.len()), String::new()),
            _ => {
                let at = at.min(segments.len() - 1);
                segments[at] = mutate_segment(rng, &segments[at]);
            }
        }
    }
    let mut path = segments.join("/");
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    path
}

const KEYS: &[&str] = &[
    "lang",
    "lang",
    "kind",
    "kind",
    "group",
    "group",
    "download",
    "show",
    "q",
    "",
    "LANG",
    "lang[]",
    "kind%00",
    "group%2C",
    "%",
    "%zz",
    "会议",
    "utm_source",
    "callback",
    "format",
];

fn query_value(rng: &mut Rng, key: &str, names: &Names) -> String {
    let kinds = [
        "meeting", "session", "deadline", "info", "Meeting", "party", "",
    ];
    match rng.below(12) {
        0 => rng.pick(HOSTILE).to_string(),
        1 => random_encoded(rng),
        2 => random_raw(rng),
        // a huge comma list: of real names, then past the URL limit
        3 => {
            let n = if rng.chance(50) {
                1 + rng.below(60)
            } else {
                400
            };
            (0..n)
                .map(|_| names.slugs[rng.below(names.slugs.len())].clone())
                .collect::<Vec<_>>()
                .join(",")
        }
        4 => ",".repeat(1 + rng.below(100)),
        5 => "9".repeat(1 + rng.below(40)),
        _ => match key {
            "lang" => rng
                .pick(&["en", "zh", "fr", "EN", "zh-CN", "", "en,zh"])
                .to_string(),
            "kind" => (0..1 + rng.below(4))
                .map(|_| rng.pick(&kinds).to_string())
                .collect::<Vec<_>>()
                .join(","),
            "group" => (0..1 + rng.below(4))
                .map(|_| match rng.below(3) {
                    0 => names.groups[rng.below(names.groups.len())].replace('/', "%2F"),
                    1 => "q9-99".to_string(),
                    _ => names.slugs[rng.below(names.slugs.len())].clone(),
                })
                .collect::<Vec<_>>()
                .join(","),
            "download" => rng
                .pick(&["1", "0", "yes", "no", "true", "2", ""])
                .to_string(),
            _ => "x".to_string(),
        },
    }
}

fn random_query(rng: &mut Rng, names: &Names) -> String {
    match rng.below(10) {
        0 => String::new(),
        1 => rng
            .pick(&[
                "&", "&&", "=", "==", "a=b=c", "&=&", "%", "?", "lang", "lang=",
            ])
            .into(),
        _ => (0..1 + rng.below(6))
            .map(|_| {
                let key = rng.pick(KEYS);
                let value = query_value(rng, key, names);
                if rng.chance(10) {
                    key.to_string()
                } else {
                    format!("{key}={value}")
                }
            })
            .collect::<Vec<_>>()
            .join(if rng.chance(90) { "&" } else { ";" }),
    }
}

/// The string as a request target: kept as it is when `Uri` accepts it, otherwise with every
/// byte outside the URI grammar percent-encoded (which is what a real client has to do; raw
/// bytes that reach a real server are refused by its HTTP parser: see the socket test).
fn valid_uri(target: &str) -> (String, bool) {
    if target.parse::<Uri>().is_ok() {
        return (target.to_string(), false);
    }
    let mut out = String::new();
    for b in target.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?%".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    (out, true)
}

/// One generated request: method, target and headers.
#[derive(Debug)]
struct Attempt {
    method: String,
    uri: String,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

fn conditional_headers(rng: &mut Rng, etag: &str) -> Vec<(&'static str, String)> {
    let mut headers = Vec::new();
    if rng.chance(25) {
        let value = match rng.below(7) {
            0 | 1 => etag.to_string(),
            2 => format!("W/{etag}"),
            3 => "*".to_string(),
            4 => format!("\"x\", {etag}"),
            5 => random_raw(rng).replace(['\r', '\n'], ""),
            _ => "\"".repeat(1 + rng.below(50)),
        };
        headers.push(("if-none-match", value));
    }
    if rng.chance(15) {
        let value = match rng.below(4) {
            0 => "Fri, 29 Sep 2017 00:00:00 GMT".to_string(),
            1 => "Thu, 01 Jan 1970 00:00:00 GMT".to_string(),
            2 => "Sat, 31 Dec 9999 23:59:59 GMT".to_string(),
            _ => random_raw(rng).replace(['\r', '\n'], ""),
        };
        headers.push(("if-modified-since", value));
    }
    if rng.chance(10) {
        headers.push((
            "accept-language",
            rng.pick(&["zh-CN,zh;q=0.9", "*", "en;q=x", ";;;", "fr"])
                .into(),
        ));
    }
    if rng.chance(5) {
        headers.push((
            "range",
            rng.pick(&["bytes=0-10", "bytes=-1", "bytes=x"]).into(),
        ));
    }
    // header values must be visible ASCII: drop what `HeaderValue` refuses, as a client must
    headers.retain(|(_, v)| header::HeaderValue::from_str(v).is_ok());
    headers
}

/// What went in and what came out, for the summary.
#[derive(Default)]
struct Tally {
    statuses: BTreeMap<u16, usize>,
    encoded: usize,
    failures: Vec<String>,
}

thread_local! {
    /// The request being answered, printed if the app panics.
    static CURRENT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Makes a panic inside the app name the request that caused it.
fn report_panics_with_the_request() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            CURRENT.with(|c| {
                let c = c.borrow();
                if !c.is_empty() {
                    eprintln!("panic while answering: {c}");
                }
            });
            default(info);
        }));
    });
}

async fn fire<S, B>(app: &S, attempt: &Attempt, tally: &mut Tally)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    CURRENT.with(|c| *c.borrow_mut() = format!("{attempt:?}"));
    let method = Method::from_bytes(attempt.method.as_bytes()).unwrap();
    let mut req = app_test::TestRequest::default()
        .method(method)
        .uri(&attempt.uri);
    for (k, v) in &attempt.headers {
        req = req.insert_header((*k, v.as_str()));
    }
    if !attempt.body.is_empty() {
        req = req.set_payload(attempt.body.clone());
    }
    let res = app_test::call_service(app, req.to_request()).await;
    let status = res.status().as_u16();
    let allow = res.headers().contains_key(header::ALLOW);
    let _ = app_test::read_body(res).await;
    CURRENT.with(|c| c.borrow_mut().clear());
    *tally.statuses.entry(status).or_default() += 1;
    let preflight = attempt.method == "OPTIONS" && status == PREFLIGHT;
    if !ALLOWED.contains(&status) && !preflight {
        tally.failures.push(format!("{status} for {attempt:?}"));
    } else if preflight && !allow {
        tally.failures.push(format!(
            "a preflight without an Allow header for {attempt:?}"
        ));
    } else if status == 405 && !allow {
        tally
            .failures
            .push(format!("405 without an Allow header for {attempt:?}"));
    }
}

/// Fires `n` requests made by `make` and checks every status; each status in `reached` must
/// come back for at least one request in a hundred (so the generator does not degenerate).
async fn campaign(
    seed: u64,
    n: usize,
    reached: &[u16],
    make: impl Fn(&mut Rng, &Names, &str) -> Attempt,
) {
    report_panics_with_the_request();
    let (state, names) = state_and_names();
    let app = app_test::init_service(app(state)).await;
    let first = app_test::call_service(
        &app,
        app_test::TestRequest::get()
            .uri("/feeds/all.ics")
            .to_request(),
    )
    .await;
    let etag = first
        .headers()
        .get(header::ETAG)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    for _ in 0..n {
        let mut attempt = make(&mut rng, &names, &etag);
        let (uri, encoded) = valid_uri(&attempt.uri);
        attempt.uri = uri;
        tally.encoded += usize::from(encoded);
        fire(&app, &attempt, &mut tally).await;
    }
    eprintln!(
        "{n} requests ({} re-encoded to be valid URIs); statuses: {:?}",
        tally.encoded, tally.statuses
    );
    assert!(
        tally.failures.is_empty(),
        "{} of {n} requests got a status outside {ALLOWED:?}; first ones:\n{}",
        tally.failures.len(),
        tally.failures[..tally.failures.len().min(20)].join("\n")
    );
    for &status in reached {
        assert!(
            tally.statuses.get(&status).copied().unwrap_or(0) > n / 100,
            "too few {status}s: {:?}",
            tally.statuses
        );
    }
}

#[actix_web::test]
async fn mutated_paths_with_any_method_get_only_200_304_400_404_405_or_a_preflight() {
    campaign(
        0x1c0f_fee5,
        7_000,
        &[200, 400, 404, 405],
        |rng, names, etag| {
            let mut uri = mutated_path(rng, names);
            if rng.chance(30) {
                uri = format!("{uri}?{}", random_query(rng, names));
            }
            let method = rng.pick(METHODS).to_string();
            let body = if method == "POST" || method == "PUT" {
                random_raw(rng).into_bytes()
            } else {
                Vec::new()
            };
            Attempt {
                method,
                uri,
                headers: conditional_headers(rng, etag),
                body,
            }
        },
    )
    .await;
}

#[actix_web::test]
async fn random_query_strings_and_headers_on_real_routes_get_only_200_304_400_404_or_405() {
    campaign(0x5eed_0005, 7_000, &[200, 304, 400], |rng, names, etag| {
        let path = real_path(rng, names);
        let query = random_query(rng, names);
        let method = if rng.chance(85) { "GET" } else { "HEAD" };
        Attempt {
            method: method.to_string(),
            uri: format!("{path}?{query}"),
            headers: conditional_headers(rng, etag),
            body: Vec::new(),
        }
    })
    .await;
}

/// Sends raw bytes on a fresh connection and returns the status code of the answer (`None` if
/// the server closed the connection without one).
fn raw_status(addr: SocketAddr, request: &[u8]) -> Option<u16> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    // the server may answer and close before reading everything: a failed write is an answer
    let _ = s.write_all(request);
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&raw);
    head.split(' ').nth(1).and_then(|s| s.parse().ok())
}

#[test]
fn malformed_and_oversized_request_heads_are_refused_and_the_server_keeps_serving() {
    let server = support::Server::start(&data_dir());
    let addr = server.addrs()[0];
    let end = "Host: x\r\nConnection: close\r\n\r\n";
    let many_headers: String = (0..200).map(|i| format!("X-{i}: y\r\n")).collect();
    let cases: Vec<(&str, Vec<u8>, &[u16])> = vec![
        (
            "raw non-ASCII bytes in the path",
            [
                b"GET /feeds/a\xff\xfe.ics HTTP/1.1\r\n".as_slice(),
                end.as_bytes(),
            ]
            .concat(),
            &[400],
        ),
        (
            "raw UTF-8 in the path",
            format!("GET /feeds/会议.ics HTTP/1.1\r\n{end}").into_bytes(),
            &[400],
        ),
        (
            "a space in the path",
            format!("GET /feeds/a b.ics HTTP/1.1\r\n{end}").into_bytes(),
            &[400],
        ),
        (
            "a raw backslash in the path",
            format!("GET /feeds/..\\..\\x.ics HTTP/1.1\r\n{end}").into_bytes(),
            &[400, 404],
        ),
        (
            "an unknown protocol version",
            format!("GET /healthz HTTP/2.0\r\n{end}").into_bytes(),
            &[400],
        ),
        (
            "an unknown method",
            format!("BREW /feeds/all.ics HTTP/1.1\r\n{end}").into_bytes(),
            &[405],
        ),
        (
            "a 40 kB request target",
            format!("GET /{} HTTP/1.1\r\n{end}", "a".repeat(40_000)).into_bytes(),
            &[400],
        ),
        (
            // the parser's limit on the head (about 128 KiB): 431
            "a 1 MB request target",
            format!("GET /{} HTTP/1.1\r\n{end}", "a".repeat(1_000_000)).into_bytes(),
            &[400, 414, 431],
        ),
        (
            "a 1 MB header",
            format!(
                "GET /healthz HTTP/1.1\r\nX-Big: {}\r\n{end}",
                "y".repeat(1_000_000)
            )
            .into_bytes(),
            &[431],
        ),
        (
            // the parser's limit on the number of headers (96): 431
            "200 headers",
            format!("GET /healthz HTTP/1.1\r\n{many_headers}{end}").into_bytes(),
            &[431],
        ),
        (
            "a body announced far larger than sent",
            format!("POST /feeds/all.ics HTTP/1.1\r\nContent-Length: 99999999999\r\n{end}abc")
                .into_bytes(),
            &[405],
        ),
        (
            "a broken chunked body",
            format!("POST /feeds/all.ics HTTP/1.1\r\nTransfer-Encoding: chunked\r\n{end}zz\r\n")
                .into_bytes(),
            &[400, 405],
        ),
    ];
    let mut failures = Vec::new();
    for (what, request, allowed) in &cases {
        let status = raw_status(addr, request);
        if !status.is_some_and(|s| allowed.contains(&s)) {
            failures.push(format!(
                "{what}: got {status:?}, expected one of {allowed:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(server.request("GET", "/healthz", &[]).status, 200);
}
