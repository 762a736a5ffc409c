//! The feeds: what each holds, and the HTTP headers they carry.

use crate::helpers::{get, seed_app, send, uids};
use actix_web::test::TestRequest;

const Q_MEETINGS: [&str; 4] = [
    "q1-20-rapporteur-meeting",
    "q2-20-rapporteur-meeting",
    "q3-20-rapporteur-meeting",
    "q4-20-rapporteur-meeting",
];
const DEADLINES: [&str; 4] = [
    "deadline-contributions-translation",
    "deadline-pre-registration",
    "deadline-visa-support-letter",
    "deadline-contributions",
];

#[actix_web::test]
async fn all_ics_has_every_event_and_the_calendar_headers() {
    let app = seed_app().await;
    let r = get(&app, "/feeds/all.ics").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "text/calendar; charset=utf-8");
    assert_eq!(r.header("cache-control"), "public, max-age=300");
    assert_eq!(r.header("access-control-allow-origin"), "*");
    assert_eq!(r.header("last-modified"), "Fri, 29 Sep 2017 00:00:00 GMT");
    assert_eq!(
        r.header("content-disposition"),
        "inline; filename=\"itu-t-meetings.ics\""
    );
    let etag = r.header("etag");
    assert!(etag.starts_with('"') && etag.ends_with('"') && !etag.starts_with("W/"));
    assert_eq!(uids(&r.body).len(), 12);
    assert!(r.body.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(r.body.ends_with("END:VCALENDAR\r\n"));
}

/// A Question's feed: its meeting, the Working Party meeting that reviews its work (issue 13:
/// groups have a structure), the meeting-wide events; no sibling Question's meeting.
#[actix_web::test]
async fn a_group_feed_holds_its_question_and_the_meeting_wide_events() {
    let app = seed_app().await;
    let r = get(&app, "/feeds/groups/q2-20.ics").await;
    assert_eq!(r.status, 200);
    let got = uids(&r.body);
    assert!(got.contains(&"q2-20-rapporteur-meeting".to_string()));
    assert!(got.contains(&"wp1-20-meeting".to_string()), "{got:?}");
    for d in DEADLINES
        .iter()
        .chain(&["registration", "opening", "onem2m-co-location"])
    {
        assert!(got.contains(&d.to_string()), "{d} missing from {got:?}");
    }
    for other in [
        "q1-20-rapporteur-meeting",
        "q3-20-rapporteur-meeting",
        "q4-20-rapporteur-meeting",
    ] {
        assert!(
            !got.contains(&other.to_string()),
            "{other} in the Q2/20 feed"
        );
    }
    // the group's name form works too, and gives the same bytes
    let by_name = get(&app, "/feeds/groups/Q2%2F20.ics").await;
    assert_eq!(by_name.status, 200);
    assert_eq!(by_name.body, r.body);
}

/// The Working Party's and the Study Group's feeds hold everything within them: the Questions'
/// meetings too (issue 13).
#[actix_web::test]
async fn the_wp_and_sg_feeds_hold_their_questions() {
    let app = seed_app().await;
    for feed in ["/feeds/groups/wp1-20.ics", "/feeds/groups/sg20.ics"] {
        let got = uids(&get(&app, feed).await.body);
        assert!(got.contains(&"wp1-20-meeting".to_string()), "{feed}");
        for q in Q_MEETINGS {
            assert!(got.contains(&q.to_string()), "{feed} lacks {q}");
        }
    }
}

#[actix_web::test]
async fn the_deadlines_feed_holds_the_four_deadlines_in_date_order() {
    let app = seed_app().await;
    let r = get(&app, "/feeds/deadlines.ics").await;
    assert_eq!(uids(&r.body), DEADLINES);
    assert!(r.body.contains("X-WR-CALNAME:ITU-T deadlines\r\n"));
}

#[actix_web::test]
async fn a_meeting_feed_and_a_single_event() {
    let app = seed_app().await;
    let r = get(&app, "/feeds/sg20-wp1-2018-01.ics").await;
    assert_eq!(r.status, 200);
    assert_eq!(uids(&r.body).len(), 12);
    let e = get(&app, "/events/sg20-wp1-2018-01/registration.ics").await;
    assert_eq!(e.status, 200);
    assert_eq!(uids(&e.body), ["registration"]);
    assert!(
        e.body
            .contains("DTSTART;TZID=Europe/Zurich:20180115T083000\r\n")
    );
    assert!(
        e.body
            .contains("DTEND;TZID=Europe/Zurich:20180115T093000\r\n")
    );
    assert!(e.body.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Zurich\r\n"));
}

#[actix_web::test]
async fn filters_select_by_kind_and_group() {
    let app = seed_app().await;
    let r = get(&app, "/feeds/all.ics?kind=meeting&group=Q1/20").await;
    assert_eq!(r.status, 200);
    assert_eq!(
        uids(&r.body),
        ["q1-20-rapporteur-meeting", "wp1-20-meeting"]
    );
    let r = get(&app, "/feeds/all.ics?kind=deadline").await;
    assert_eq!(uids(&r.body), DEADLINES);
}

#[actix_web::test]
async fn equivalent_queries_give_the_same_bytes() {
    let app = seed_app().await;
    let a = get(&app, "/feeds/all.ics?group=q2-20,Q1%2F20&kind=info,meeting").await;
    let b = get(&app, "/feeds/all.ics?kind=meeting,info&group=Q1/20,q2-20").await;
    assert_eq!(a.status, 200);
    assert_eq!(a.body, b.body);
    assert_eq!(a.header("etag"), b.header("etag"));
}

#[actix_web::test]
async fn chinese_feeds_carry_chinese_text_with_language_parameters() {
    let app = seed_app().await;
    let r = get(&app, "/feeds/all.ics?lang=zh").await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("X-WR-CALNAME:ITU-T会议\r\n"));
    assert!(r.body.contains("SUMMARY;LANGUAGE=zh:"));
    assert!(!r.body.contains("SUMMARY;LANGUAGE=en:"));
    assert_eq!(
        r.header("content-disposition"),
        "inline; filename=\"itu-t-meetings-zh.ics\""
    );
    let en = get(&app, "/feeds/all.ics").await;
    assert_ne!(r.header("etag"), en.header("etag"));
}

#[actix_web::test]
async fn download_makes_an_attachment() {
    let app = seed_app().await;
    let r = get(&app, "/feeds/groups/q2-20.ics?download=1").await;
    assert_eq!(
        r.header("content-disposition"),
        "attachment; filename=\"itu-t-q2-20.ics\""
    );
    let r = get(
        &app,
        "/events/sg20-wp1-2018-01/wp1-20-meeting.ics?download=1&lang=zh",
    )
    .await;
    assert_eq!(
        r.header("content-disposition"),
        "attachment; filename=\"sg20-wp1-2018-01-wp1-20-meeting-zh.ics\""
    );
}

#[actix_web::test]
async fn a_matching_etag_gets_304_with_the_validators() {
    let app = seed_app().await;
    let first = get(&app, "/feeds/all.ics").await;
    let etag = first.header("etag").to_string();
    for inm in [
        etag.clone(),
        format!("W/{etag}"),
        format!("\"x\", {etag}"),
        "*".into(),
    ] {
        let r = send(
            &app,
            TestRequest::get()
                .uri("/feeds/all.ics")
                .insert_header(("If-None-Match", inm.as_str())),
        )
        .await;
        assert_eq!(r.status, 304, "If-None-Match: {inm}");
        assert_eq!(r.body, "");
        assert_eq!(r.header("etag"), etag);
        assert_eq!(r.header("cache-control"), "public, max-age=300");
        // RFC 9110 §15.4.5: no representation metadata beyond what guides caches; CORS as on
        // the 200, since a script revalidating with its own If-None-Match sees the 304 itself
        let mut names: Vec<&str> = r.headers.keys().map(|k| k.as_str()).collect();
        names.sort_unstable();
        assert_eq!(
            names,
            [
                "access-control-allow-origin",
                "cache-control",
                "etag",
                "x-content-type-options",
                "x-request-id"
            ],
            "If-None-Match: {inm}"
        );
    }
    let r = send(
        &app,
        TestRequest::get()
            .uri("/feeds/all.ics")
            .insert_header(("If-None-Match", "\"other\"")),
    )
    .await;
    assert_eq!(r.status, 200);
}

#[actix_web::test]
async fn if_modified_since_is_honoured_unless_if_none_match_is_sent() {
    let app = seed_app().await;
    let ims = |date: &'static str| {
        TestRequest::get()
            .uri("/feeds/all.ics")
            .insert_header(("If-Modified-Since", date))
    };
    assert_eq!(
        send(&app, ims("Fri, 29 Sep 2017 00:00:00 GMT"))
            .await
            .status,
        304
    );
    assert_eq!(
        send(&app, ims("Sat, 30 Sep 2017 00:00:00 GMT"))
            .await
            .status,
        304
    );
    assert_eq!(
        send(&app, ims("Thu, 28 Sep 2017 23:59:59 GMT"))
            .await
            .status,
        200
    );
    assert_eq!(send(&app, ims("not a date")).await.status, 200);
    // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2)
    let r = send(
        &app,
        ims("Sat, 30 Sep 2017 00:00:00 GMT").insert_header(("If-None-Match", "\"stale\"")),
    )
    .await;
    assert_eq!(r.status, 200);
}

#[actix_web::test]
async fn feeds_are_never_compressed_and_ignore_accept() {
    let app = seed_app().await;
    let plain = get(&app, "/feeds/all.ics").await;
    let r = send(
        &app,
        TestRequest::get()
            .uri("/feeds/all.ics")
            .insert_header(("Accept-Encoding", "gzip, br"))
            .insert_header(("Accept", "application/json")),
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.headers.get("content-encoding").is_none());
    assert_eq!(r.body, plain.body);
}

#[actix_web::test]
async fn head_is_answered_with_the_get_headers() {
    let app = seed_app().await;
    let r = send(
        &app,
        TestRequest::default()
            .method(actix_web::http::Method::HEAD)
            .uri("/feeds/all.ics"),
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "text/calendar; charset=utf-8");
    let g = get(&app, "/feeds/all.ics").await;
    assert_eq!(r.header("etag"), g.header("etag"));
}

#[actix_web::test]
async fn healthz_reports_counts() {
    let app = seed_app().await;
    let r = get(&app, "/healthz").await;
    assert_eq!(r.status, 200);
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["status"], "ok");
    assert_eq!(v["meetings"], 1);
    assert_eq!(v["events"], 12);
    assert_eq!(v["groups"], 6);
}

#[actix_web::test]
async fn two_apps_built_from_the_same_data_serve_identical_bytes() {
    let a = seed_app().await;
    let b = seed_app().await;
    for uri in [
        "/feeds/all.ics",
        "/feeds/all.ics?lang=zh",
        "/feeds/groups/q2-20.ics",
    ] {
        let (x, y) = (get(&a, uri).await, get(&b, uri).await);
        assert_eq!(x.body, y.body, "{uri}");
        assert_eq!(x.header("etag"), y.header("etag"), "{uri}");
    }
}

/// A new snapshot (a reload) serves its own bytes at once: no earlier rendering survives it.
#[actix_web::test]
async fn a_new_snapshot_serves_its_own_bytes() {
    use crate::helpers::{seed_dir, state};
    let state = state(&seed_dir());
    let store = state.store.clone();
    let app = actix_web::test::init_service(itucal::web::app(state)).await;
    let before = get(&app, "/feeds/all.ics").await.header("etag").to_string();
    let mut catalog = itucal::load::load_dir(&seed_dir()).unwrap();
    let event = &mut std::sync::Arc::make_mut(&mut catalog.meetings[0]).events[0];
    let moved = format!("{} (moved)", event.title.get(itucal::model::Lang::En));
    event.title = itucal::model::Text::new(&moved);
    store.replace(itucal::store::Snapshot::new(catalog));
    let after = get(&app, "/feeds/all.ics").await;
    assert_ne!(after.header("etag"), before);
    assert!(after.body.contains("(moved)"));
}

/// The text of every SUMMARY of a feed, unfolded and unescaped.
fn summaries(ics: &str) -> Vec<String> {
    let unfolded = ics.replace("\r\n ", "");
    unfolded
        .split("\r\n")
        .filter(|l| l.starts_with("SUMMARY"))
        .filter_map(|l| l.split_once(':').map(|(_, v)| v))
        .map(|v| {
            v.replace("\\n", "\n")
                .replace("\\,", ",")
                .replace("\\;", ";")
                .replace("\\\\", "\\")
        })
        .collect()
}

/// The first `cols` display columns of `s` (a CJK character is two), as a calendar's month
/// view shows a title.
fn head_of(s: &str, cols: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut width = 0;
    s.chars()
        .take_while(|c| {
            width += c.width().unwrap_or(0);
            width <= cols
        })
        .collect()
}

/// Issue 13: titles stay distinct when a client cuts them short: in every feed and language,
/// no two events share their first 20 display columns; on the shipped data and on the example
/// meeting with a full time plan.
#[actix_web::test]
async fn no_two_titles_of_a_feed_share_their_first_20_columns() {
    let mut failures = Vec::new();
    for dir in [crate::helpers::seed_dir(), crate::helpers::example_dir()] {
        let app =
            actix_web::test::init_service(itucal::web::app(crate::helpers::state(&dir))).await;
        let catalog = itucal::load::load_dir(&dir).unwrap();
        let mut feeds = vec!["/feeds/all".to_string(), "/feeds/deadlines".to_string()];
        feeds.extend(catalog.meetings.iter().map(|m| format!("/feeds/{}", m.id)));
        feeds.extend(
            catalog
                .groups
                .iter()
                .map(|g| format!("/feeds/groups/{}", g.slug())),
        );
        for feed in &feeds {
            for lang in itucal::model::Lang::ALL {
                let uri = format!("{feed}.{}.ics", lang.code());
                let r = get(&app, &uri).await;
                assert_eq!(r.status, 200, "{uri}");
                let titles = summaries(&r.body);
                assert!(!titles.is_empty(), "{uri}");
                let mut seen: Vec<(String, &String)> = Vec::new();
                for t in &titles {
                    let head = head_of(t, 20);
                    if let Some((_, other)) = seen.iter().find(|(h, _)| *h == head) {
                        failures.push(format!("{uri}: '{t}' and '{other}' both begin '{head}'"));
                    }
                    seen.push((head, t));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Issue 12: a feed in French, Spanish, Russian or Arabic has no English word of ours: its
/// name, description and every event's footer are in its language (the data has every text in
/// every language, so nothing falls back).
#[actix_web::test]
async fn feeds_in_the_other_languages_carry_no_english_words_of_ours() {
    let app = seed_app().await;
    let english = [
        "ITU-T meetings",
        "Deadlines of ITU-T meetings",
        // ("Source:" is French too)
        " of 29 September 2017",
        "Times are in",
        "Dates are in",
        "Geneva time",
        // ("Contact:" is French too, "tel." Spanish)
        "Study group:",
        "Meeting page:",
        "LANGUAGE=en",
    ];
    for code in ["fr", "es", "ru", "ar"] {
        for feed in ["all", "deadlines", "groups/q2-20"] {
            let uri = format!("/feeds/{feed}.{code}.ics");
            let body = get(&app, &uri).await.body.replace("\r\n ", "");
            for word in english {
                assert!(!body.contains(word), "{uri} has '{word}'");
            }
        }
    }
}
