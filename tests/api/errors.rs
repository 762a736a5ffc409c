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
            "/feeds/all.ics?lang=fr",
            "parameter 'lang': unknown language 'fr'; allowed: en, zh",
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
            "unknown parameter 'colour'; allowed: lang, kind, group, download",
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
        assert_eq!(r.header("allow"), "GET, HEAD", "{uri}");
        assert!(r.body.contains("use GET or HEAD"), "{uri}: {:?}", r.body);
    }
}
