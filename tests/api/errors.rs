//! Errors: unknown things are 404 naming what exists, bad query values 400 naming the
//! parameter and the allowed values; never a 500.

use crate::helpers::{get, seed_app, send};
use actix_web::test::TestRequest;

#[actix_web::test]
async fn unknown_feeds_are_404_naming_what_exists() {
    let app = seed_app().await;
    let cases = [
        (
            "/feeds/sg99.ics",
            "no meeting 'sg99'; meetings: sg20-wp1-2018-01",
        ),
        (
            "/feeds/groups/q9-20.ics",
            "no group 'q9-20'; groups: q1-20, q2-20, q3-20, q4-20, sg20, wp1-20",
        ),
        (
            "/events/sg20-wp1-2018-01/lunch.ics",
            "no event 'lunch' in meeting 'sg20-wp1-2018-01'; events: deadline-contributions-translation",
        ),
        (
            "/events/nope/lunch.ics",
            "no meeting 'nope'; meetings: sg20-wp1-2018-01",
        ),
        ("/feeds/all.json", "no feed 'all.json'; feeds end in .ics"),
        (
            "/nothing",
            "no resource at '/nothing'; resources: /feeds/all.ics",
        ),
    ];
    for (uri, want) in cases {
        let r = get(&app, uri).await;
        assert_eq!(r.status, 404, "{uri}: {}", r.body);
        assert!(r.body.starts_with(want), "{uri}: {}", r.body);
        assert_eq!(r.header("content-type"), "text/plain; charset=utf-8");
    }
}

#[actix_web::test]
async fn bad_query_values_are_400_naming_the_parameter() {
    let app = seed_app().await;
    let cases = [
        (
            "/feeds/all.ics?lang=de",
            "parameter 'lang': unknown language 'de'; allowed: ar, zh, en, fr, ru, es",
        ),
        (
            "/feeds/all.ics?kind=party",
            "parameter 'kind': unknown kind 'party'; allowed: meeting, session, deadline, info",
        ),
        (
            "/feeds/deadlines.ics?group=Q9/20",
            "parameter 'group': unknown group 'Q9/20'; allowed: q1-20, q2-20, q3-20, q4-20, sg20, wp1-20",
        ),
        (
            "/feeds/all.ics?download=maybe",
            "parameter 'download': 'maybe' is not a yes/no value",
        ),
        (
            "/feeds/all.ics?lang=en&lang=zh",
            "parameter 'lang' is given twice",
        ),
        (
            "/feeds/all.ics?colour=red",
            "unknown parameter 'colour'; allowed: lang, kind, group, cancelled, download",
        ),
        (
            "/feeds/all.ics?lang=%ZZ",
            "parameter 'lang': unknown language '%ZZ'",
        ),
    ];
    for (uri, want) in cases {
        let r = get(&app, uri).await;
        assert_eq!(r.status, 400, "{uri}: {}", r.body);
        assert!(r.body.starts_with(want), "{uri}: {}", r.body);
    }
}

#[actix_web::test]
async fn other_methods_are_405() {
    let app = seed_app().await;
    // feeds, pages and the API: the path exists, for GET and HEAD only
    for uri in [
        "/feeds/all.ics",
        "/feeds/groups/q2-20.ics",
        "/healthz",
        "/api/feeds",
        "/api/events",
        "/",
        "/subscribe/all",
        "/meetings/sg20-wp1-2018-01",
    ] {
        let r = send(&app, TestRequest::post().uri(uri)).await;
        assert_eq!(r.status, 405, "{uri}");
        assert_eq!(r.header("allow"), "GET, HEAD, OPTIONS", "{uri}");
        assert_eq!(
            r.header("content-type"),
            "text/plain; charset=utf-8",
            "{uri}"
        );
        assert!(r.body.contains("use GET or HEAD"), "{uri}: {:?}", r.body);
    }
}

/// Issue 11: a GET or HEAD of a path no route has is a 404 naming what exists, also under a
/// known prefix; a 405 is only for another method on a real resource.
#[actix_web::test]
async fn unknown_paths_under_known_prefixes_are_404_not_405() {
    let app = seed_app().await;
    for uri in [
        "/feeds/",
        "/feeds/a/b",
        "/feeds/a/b.ics",
        "/feeds/all.ics/",
        "/feeds/groups/",
        "/feeds/groups/x/y.ics",
        "/events/a",
        "/events/a/b/c.ics",
        "/healthz/",
        "/metrics/x",
        "/meetings/",
        "/api/",
        "/static/none.css",
        "/feeds/%2e%2e/%2e%2e/etc/passwd",
    ] {
        for method in [actix_web::http::Method::GET, actix_web::http::Method::HEAD] {
            let r = send(&app, TestRequest::default().method(method.clone()).uri(uri)).await;
            assert_eq!(r.status, 404, "{method} {uri}: {}", r.body);
            assert!(r.headers.get("allow").is_none(), "{method} {uri}");
            if method == actix_web::http::Method::GET {
                assert!(
                    r.body.contains("resources: /feeds/all.ics"),
                    "{uri}: {}",
                    r.body
                );
            }
        }
    }
}

/// Issue 11: a browser's CORS preflight (sent before a cross-origin GET with If-None-Match)
/// gets a 204 allowing GET and HEAD with the validators, for feeds and the API; pages answer
/// OPTIONS with Allow only, and a path no route has stays a 404.
#[actix_web::test]
async fn preflights_of_feeds_and_the_api_are_answered() {
    let app = seed_app().await;
    let preflight = |uri: &str| {
        TestRequest::default()
            .method(actix_web::http::Method::OPTIONS)
            .uri(uri)
            .insert_header(("Origin", "https://example.org"))
            .insert_header(("Access-Control-Request-Method", "GET"))
            .insert_header(("Access-Control-Request-Headers", "if-none-match"))
    };
    for uri in [
        "/feeds/all.ics",
        "/feeds/groups/q2-20.zh.ics",
        "/events/sg20-wp1-2018-01/registration.ics",
        "/api/events?lang=zh",
        "/api/openapi.json",
    ] {
        let r = send(&app, preflight(uri)).await;
        assert_eq!(r.status, 204, "{uri}");
        assert_eq!(r.header("access-control-allow-origin"), "*", "{uri}");
        assert_eq!(
            r.header("access-control-allow-methods"),
            "GET, HEAD",
            "{uri}"
        );
        let allowed = r
            .header("access-control-allow-headers")
            .to_ascii_lowercase();
        assert!(allowed.contains("if-none-match"), "{uri}: {allowed}");
        assert!(allowed.contains("if-modified-since"), "{uri}: {allowed}");
        assert_eq!(r.header("allow"), "GET, HEAD, OPTIONS", "{uri}");
        assert_eq!(r.body, "", "{uri}");
    }
    let page = send(&app, preflight("/meetings/sg20-wp1-2018-01")).await;
    assert_eq!(page.status, 204);
    assert_eq!(page.header("allow"), "GET, HEAD, OPTIONS");
    assert!(page.headers.get("access-control-allow-origin").is_none());
    assert_eq!(send(&app, preflight("/feeds/a/b")).await.status, 404);
}

/// Issue 11: what the client sent is quoted in 404 and 400 bodies with its control characters
/// escaped: no NUL, terminal escape or forged line in a body.
#[actix_web::test]
async fn error_bodies_escape_control_characters() {
    let app = seed_app().await;
    for (uri, status, want) in [
        ("/feeds/all%00.ics", 404, r"no meeting 'all\u{0}'"),
        ("/meetings/x%1B%5B2J", 404, r"no meeting 'x\u{1b}[2J'"),
        (
            "/feeds/all.ics?lang=%0D%0Aset-cookie:x",
            400,
            r"unknown language '\r\nset-cookie:x'",
        ),
        // the path is quoted as sent, still percent-encoded
        ("/nothing%07", 404, "no resource at '/nothing%07'"),
    ] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, status, "{uri}: {}", r.body);
        assert!(r.body.contains(want), "{uri}: {:?}", r.body);
        let body = r.body.trim_end_matches('\n');
        assert!(!body.chars().any(char::is_control), "{uri}: {:?}", r.body);
    }
}

/// Issue 11: every response says `X-Content-Type-Options: nosniff`, not only the feeds'.
#[actix_web::test]
async fn every_response_says_nosniff() {
    let app = seed_app().await;
    let long = format!("/feeds/all.ics?x={}", "a".repeat(3000));
    for (method, uri) in [
        ("GET", "/feeds/all.ics"),
        ("GET", "/"),
        ("GET", "/meetings/sg20-wp1-2018-01/email.txt"),
        ("GET", "/api/meetings"),
        ("GET", "/healthz"),
        ("GET", "/metrics"),
        ("GET", "/static/style.css"),
        ("GET", "/nothing"),
        ("GET", "/feeds/all.ics?lang=xx"),
        ("GET", long.as_str()),
        ("POST", "/feeds/all.ics"),
        ("OPTIONS", "/api/feeds"),
    ] {
        let m = actix_web::http::Method::from_bytes(method.as_bytes()).unwrap();
        let r = send(&app, TestRequest::default().method(m).uri(uri)).await;
        assert_eq!(
            r.header("x-content-type-options"),
            "nosniff",
            "{method} {uri}: {}",
            r.status
        );
    }
}
