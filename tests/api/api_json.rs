//! The JSON API (issue #4): meetings, events, feeds and the OpenAPI document that describes
//! them.

use crate::helpers::{get, seed_app, send, state, uids};
use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::test::{self, TestRequest};
use itucal::web::app;
use serde_json::Value;
use std::path::Path;

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

#[actix_web::test]
async fn api_meetings_lists_each_meeting_with_its_days_and_links() {
    let app = seed_app().await;
    let r = get(&app, "/api/meetings").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "application/json");
    assert_eq!(r.header("access-control-allow-origin"), "*");
    let v = json(&r.body);
    assert_eq!(v["lang"], "en");
    let m = &v["meetings"][0];
    assert_eq!(m["id"], "sg20-wp1-2018-01");
    assert_eq!(m["timezone"], "Europe/Zurich");
    assert_eq!(m["first_day"], "2018-01-15");
    assert_eq!(m["last_day"], "2018-01-24");
    assert_eq!(m["event_count"], 12);
    assert_eq!(m["groups"][2]["name"], "Q1/20");
    assert_eq!(m["groups"][2]["slug"], "q1-20");
    assert_eq!(m["source"]["date"], "2017-09-29");
    assert_eq!(
        m["links"]["feed"],
        "https://feeds.example.org/feeds/sg20-wp1-2018-01.ics"
    );
    assert_eq!(
        m["links"]["webcal"],
        "webcal://feeds.example.org/feeds/sg20-wp1-2018-01.ics"
    );
    assert_eq!(
        m["links"]["page"],
        "https://feeds.example.org/meetings/sg20-wp1-2018-01"
    );
    let zh = json(&get(&app, "/api/meetings?lang=zh").await.body);
    assert_eq!(zh["lang"], "zh");
    assert!(
        zh["meetings"][0]["title"]
            .as_str()
            .unwrap()
            .starts_with("第Q1/20")
    );
    assert_eq!(
        zh["meetings"][0]["links"]["feed"],
        "https://feeds.example.org/feeds/sg20-wp1-2018-01.zh.ics"
    );
}

#[actix_web::test]
async fn api_meeting_has_its_events_with_offsets_and_zone_names() {
    let app = seed_app().await;
    let v = json(&get(&app, "/api/meetings/sg20-wp1-2018-01").await.body);
    assert_eq!(v["meeting"]["id"], "sg20-wp1-2018-01");
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), 12);
    let reg = events.iter().find(|e| e["key"] == "registration").unwrap();
    assert_eq!(reg["all_day"], false);
    assert_eq!(reg["start"], "2018-01-15T08:30:00+01:00");
    assert_eq!(reg["end"], "2018-01-15T09:30:00+01:00");
    assert_eq!(reg["timezone"], "Europe/Zurich");
    assert_eq!(reg["uid"], "registration.sg20-wp1-2018-01@itucal");
    assert_eq!(reg["groups"], serde_json::json!([]));
    assert!(
        reg["links"]["outlook"]
            .as_str()
            .unwrap()
            .contains("&startdt=2018-01-15T07%3A30%3A00Z&")
    );
    let q1 = events
        .iter()
        .find(|e| e["key"] == "q1-20-rapporteur-meeting")
        .unwrap();
    assert_eq!(q1["all_day"], true);
    assert_eq!(q1["first_day"], "2018-01-15");
    assert_eq!(q1["last_day"], "2018-01-23");
    assert_eq!(q1["end_date_exclusive"], "2018-01-24");
    assert!(q1.get("start").is_none());
    assert_eq!(q1["groups"], serde_json::json!(["Q1/20"]));
    assert_eq!(
        q1["links"]["page"],
        "https://feeds.example.org/meetings/sg20-wp1-2018-01#event-q1-20-rapporteur-meeting"
    );
}

#[actix_web::test]
async fn api_events_filters_like_the_feeds() {
    let app = seed_app().await;
    for query in [
        "",
        "?group=q2-20",
        "?kind=deadline",
        "?group=wp1-20&kind=meeting,info",
        "?lang=zh&group=Q1/20",
    ] {
        let api = json(&get(&app, &format!("/api/events{query}")).await.body);
        let feed = get(&app, &format!("/feeds/all.ics{query}")).await;
        let keys: Vec<String> = api["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["key"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(keys, uids(&feed.body), "{query}");
        assert_eq!(api["count"], keys.len());
    }
    let v = json(
        &get(&app, "/api/events?kind=info,deadline&group=q2-20,Q1/20")
            .await
            .body,
    );
    assert_eq!(v["kinds"], serde_json::json!(["deadline", "info"]));
    assert_eq!(v["groups"], serde_json::json!(["q1-20", "q2-20"]));
}

#[actix_web::test]
async fn api_feeds_lists_every_feed_with_its_links() {
    let app = seed_app().await;
    let v = json(&get(&app, "/api/feeds?lang=zh").await.body);
    let feeds = v["feeds"].as_array().unwrap();
    let names: Vec<&str> = feeds.iter().map(|f| f["feed"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "all",
            "deadlines",
            "sg20-wp1-2018-01",
            "groups/q1-20",
            "groups/q2-20",
            "groups/q3-20",
            "groups/q4-20",
            "groups/sg20",
            "groups/wp1-20"
        ]
    );
    let q2 = &feeds[4];
    assert_eq!(q2["type"], "group");
    assert_eq!(q2["id"], "q2-20");
    assert_eq!(q2["title"], "ITU-T Q2/20会议");
    assert_eq!(
        q2["https"],
        "https://feeds.example.org/feeds/groups/q2-20.zh.ics"
    );
    assert_eq!(
        q2["webcal"],
        "webcal://feeds.example.org/feeds/groups/q2-20.zh.ics"
    );
    assert_eq!(
        q2["google"],
        "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Ffeeds.example.org%2Ffeeds%2Fgroups%2Fq2-20.zh.ics"
    );
    assert_eq!(
        q2["outlook"],
        "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Ffeeds.example.org%2Ffeeds%2Fgroups%2Fq2-20.zh.ics&name=ITU-T%20Q2%2F20%E4%BC%9A%E8%AE%AE"
    );
    assert_eq!(
        q2["subscribe_page"],
        "https://feeds.example.org/subscribe/groups/q2-20?lang=zh"
    );
    // every link it gives is served
    for f in feeds {
        for key in ["https", "download"] {
            let url = f[key].as_str().unwrap();
            let path = url.strip_prefix("https://feeds.example.org").unwrap();
            assert_eq!(get(&app, path).await.status, 200, "{url}");
        }
        let page = f["subscribe_page"].as_str().unwrap();
        let path = page.strip_prefix("https://feeds.example.org").unwrap();
        assert_eq!(get(&app, path).await.status, 200, "{page}");
    }
}

#[actix_web::test]
async fn api_errors_are_400_and_404_with_messages() {
    let app = seed_app().await;
    let cases = [
        (
            "/api/meetings/nope",
            404,
            "no meeting 'nope'; meetings: sg20-wp1-2018-01",
        ),
        (
            "/api/events?lang=de",
            400,
            "parameter 'lang': unknown language 'de'",
        ),
        (
            "/api/events?download=1",
            400,
            "unknown parameter 'download'; allowed: lang, kind, group",
        ),
        (
            "/api/events?group=q1-20&group=q2-20",
            400,
            "parameter 'group' is given twice",
        ),
        (
            "/api/meetings?kind=meeting",
            400,
            "unknown parameter 'kind'; allowed: lang",
        ),
        (
            "/api/openapi.json?x=1",
            400,
            "unknown parameter 'x'; this resource takes none",
        ),
    ];
    for (uri, status, want) in cases {
        let r = get(&app, uri).await;
        assert_eq!(r.status, status, "{uri}: {}", r.body);
        assert!(r.body.starts_with(want), "{uri}: {}", r.body);
    }
}

#[actix_web::test]
async fn api_documents_carry_validators() {
    let app = seed_app().await;
    for uri in [
        "/api/meetings",
        "/api/events?kind=deadline",
        "/api/feeds",
        "/api/openapi.json",
    ] {
        let r = get(&app, uri).await;
        let etag = r.header("etag").to_string();
        let again = send(
            &app,
            TestRequest::get()
                .uri(uri)
                .insert_header(("If-None-Match", etag.as_str())),
        )
        .await;
        assert_eq!(again.status, 304, "{uri}");
    }
}

/// Checks that the OpenAPI document `app` serves describes every API route, that each
/// response has the fields its schema requires, and that every example it gives is accepted:
/// the examples come from the data served, so they hold for any data set.
async fn describes_every_api_route<S, B>(app: &S)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let doc = json(&get(app, "/api/openapi.json").await.body);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert_eq!(doc["servers"][0]["url"], "https://feeds.example.org");
    let paths = doc["paths"].as_object().unwrap();
    let mut described: Vec<&str> = paths.keys().map(String::as_str).collect();
    described.sort();
    assert_eq!(
        described,
        [
            "/api/events",
            "/api/feeds",
            "/api/meetings",
            "/api/meetings/{id}",
            "/api/openapi.json"
        ]
    );
    let first = json(&get(app, "/api/meetings").await.body)["meetings"][0]["id"].clone();
    for (path, item) in paths {
        let mut uri = path.clone();
        let mut queries = Vec::new();
        for p in item["get"]["parameters"].as_array().into_iter().flatten() {
            let p = match p["$ref"].as_str() {
                Some(r) => &doc["components"]["parameters"][r.rsplit('/').next().unwrap()],
                None => p,
            };
            let name = p["name"].as_str().unwrap();
            // a list is one parameter, its values separated by commas (form style, no explode)
            let example = match &p["example"] {
                Value::Array(items) => {
                    assert_eq!(p["explode"], false, "{path}: {name}");
                    let items: Vec<&str> = items.iter().map(|i| i.as_str().unwrap()).collect();
                    items.join(",")
                }
                Value::String(one) => one.clone(),
                _ => String::new(),
            };
            if p["in"] == "path" {
                assert_eq!(
                    p["example"], first,
                    "{path}: the first meeting is the example"
                );
                uri = uri.replace(&format!("{{{name}}}"), &example);
            } else {
                let values = p["schema"]["items"]["enum"]
                    .as_array()
                    .or(p["schema"]["enum"].as_array())
                    .unwrap();
                let value = if example.is_empty() {
                    values[0].as_str().unwrap().to_string()
                } else {
                    example
                };
                queries.push(format!("{name}={}", value.replace('/', "%2F")));
            }
        }
        let r = get(app, &uri).await;
        assert_eq!(r.status, 200, "{uri}");
        let v = json(&r.body);
        // the top-level fields the schema requires are there
        let schema = &item["get"]["responses"]["200"]["content"]["application/json"]["schema"];
        if let Some(reference) = schema["$ref"].as_str() {
            let name = reference.rsplit('/').next().unwrap();
            for field in doc["components"]["schemas"][name]["required"]
                .as_array()
                .unwrap()
            {
                assert!(v.get(field.as_str().unwrap()).is_some(), "{uri}: {field}");
            }
        }
        // every query parameter it documents is accepted with its example, or its first value
        for q in &queries {
            let r = get(app, &format!("{uri}?{q}")).await;
            assert_eq!(r.status, 200, "{uri}?{q}: {}", r.body);
        }
    }
}

#[actix_web::test]
async fn the_openapi_document_describes_every_api_route() {
    describes_every_api_route(&seed_app().await).await;
}

#[actix_web::test]
async fn the_openapi_document_describes_the_data_served_not_the_shipped_data() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/other-groups");
    let app = test::init_service(app(state(&dir))).await;
    describes_every_api_route(&app).await;
    let doc = get(&app, "/api/openapi.json").await.body;
    assert!(!doc.contains("sg20"), "{doc}");
    let groups = &json(&doc)["components"]["parameters"]["group"]["schema"]["items"]["enum"];
    assert!(
        groups.as_array().unwrap().contains(&"FG-X99".into()),
        "{groups}"
    );
}
