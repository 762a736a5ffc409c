//! The pages people click (issue #4): home, meeting, subscribe, the e-mail snippets and the
//! assets; their links, languages, validators and errors.

use crate::helpers::{Got, get, seed_app, send};
use actix_web::test::TestRequest;

/// The value of every `href="…"` in a page, unescaped (`&amp;` → `&`).
fn hrefs(body: &str) -> Vec<String> {
    body.split("href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].replace("&amp;", "&"))
        .collect()
}

/// The `href` of the element with `data-link="{name}"`.
fn link(body: &str, name: &str) -> String {
    let marker = format!("data-link=\"{name}\"");
    let at = body
        .find(&marker)
        .unwrap_or_else(|| panic!("no {marker} in {body}"));
    let start = body[..at].rfind('<').unwrap();
    let tag = &body[start..body[at..].find('>').unwrap() + at];
    let value = tag
        .split("href=\"")
        .nth(1)
        .or_else(|| tag.split("value=\"").nth(1))
        .unwrap_or_else(|| panic!("no href in {tag}"));
    value[..value.find('"').unwrap()].replace("&amp;", "&")
}

fn assert_page(r: &Got, uri: &str, lang: &str) {
    assert_eq!(r.status, 200, "{uri}: {}", r.body);
    assert_eq!(
        r.header("content-type"),
        "text/html; charset=utf-8",
        "{uri}"
    );
    assert!(
        r.body.starts_with(&format!(
            "<!DOCTYPE html><html lang=\"{lang}\" dir=\"ltr\">"
        )),
        "{uri}: {}",
        &r.body[..80.min(r.body.len())]
    );
    assert!(
        r.header("content-security-policy")
            .contains("script-src 'self'")
    );
    assert_eq!(r.header("x-content-type-options"), "nosniff");
    assert_eq!(r.header("last-modified"), "Fri, 29 Sep 2017 00:00:00 GMT");
    let etag = r.header("etag");
    assert!(
        etag.starts_with('"') && !etag.starts_with("W/"),
        "{uri}: {etag}"
    );
}

const PAGES: [&str; 7] = [
    "/",
    "/meetings/sg20-wp1-2018-01",
    "/subscribe/all",
    "/subscribe/deadlines",
    "/subscribe/sg20-wp1-2018-01",
    "/subscribe/groups/q2-20",
    "/subscribe/groups/Q2%2F20",
];

#[actix_web::test]
async fn every_page_answers_in_english_and_in_chinese() {
    let app = seed_app().await;
    for uri in PAGES {
        let en = get(&app, uri).await;
        assert_page(&en, uri, "en");
        let zh_uri = format!("{uri}?lang=zh");
        let zh = get(&app, &zh_uri).await;
        assert_page(&zh, &zh_uri, "zh-Hans");
        assert_ne!(en.body, zh.body, "{uri}");
        // the language switch leads to the other version of the same page
        assert!(
            hrefs(&en.body).iter().any(|h| h.ends_with("lang=zh")),
            "{uri}"
        );
    }
    let zh = get(&app, "/meetings/sg20-wp1-2018-01?lang=zh").await;
    assert!(
        zh.body
            .contains("<h1>第Q1/20、Q2/20、Q3/20和Q4/20报告人组会议及第1/20工作组会议")
    );
    assert!(zh.body.contains("时间为日内瓦时间（Europe/Zurich）"));
    assert!(zh.body.contains("2018年1月15日至24日"));
}

#[actix_web::test]
async fn pages_carry_validators_and_answer_304() {
    let app = seed_app().await;
    for uri in PAGES {
        let first = get(&app, uri).await;
        let again = get(&app, uri).await;
        // a pure function of data and request: the same bytes, the same ETag
        assert_eq!(first.body, again.body, "{uri}");
        let etag = first.header("etag").to_string();
        let cached = send(
            &app,
            TestRequest::get()
                .uri(uri)
                .insert_header(("If-None-Match", etag.as_str())),
        )
        .await;
        assert_eq!(cached.status, 304, "{uri}");
        assert_eq!(cached.body, "");
        assert_eq!(cached.header("etag"), etag);
        assert_eq!(
            cached.header("cache-control"),
            first.header("cache-control")
        );
        assert_eq!(
            cached.headers.get("access-control-allow-origin"),
            first.headers.get("access-control-allow-origin"),
            "{uri}: CORS on the 304 as on the 200"
        );
        assert!(
            cached.headers.get("last-modified").is_none()
                && cached.headers.get("content-type").is_none(),
            "{uri}: a 304 repeats only what guides caches"
        );
        let by_date = send(
            &app,
            TestRequest::get()
                .uri(uri)
                .insert_header(("If-Modified-Since", "Fri, 29 Sep 2017 00:00:00 GMT")),
        )
        .await;
        assert_eq!(by_date.status, 304, "{uri}");
        let head = send(
            &app,
            TestRequest::default()
                .method(actix_web::http::Method::HEAD)
                .uri(uri),
        )
        .await;
        assert_eq!(head.status, 200, "{uri}");
        assert_eq!(head.header("etag"), etag);
    }
}

#[actix_web::test]
async fn the_subscribe_page_has_one_exact_link_per_service() {
    let app = seed_app().await;
    let r = get(
        &app,
        "/subscribe/groups/q2-20?lang=zh&kind=deadline,meeting",
    )
    .await;
    assert_page(&r, "subscribe", "zh-Hans");
    let feed = "https://feeds.example.org/feeds/groups/q2-20.zh.ics?kind=meeting,deadline";
    let cases = [
        (
            "google",
            "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Ffeeds.example.org%2Ffeeds%2Fgroups%2Fq2-20.zh.ics%3Fkind%3Dmeeting%2Cdeadline",
        ),
        (
            "google-addbyurl",
            "https://calendar.google.com/calendar/r/settings/addbyurl",
        ),
        (
            "outlook",
            "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Ffeeds.example.org%2Ffeeds%2Fgroups%2Fq2-20.zh.ics%3Fkind%3Dmeeting%2Cdeadline&name=ITU-T%20Q2%2F20%E4%BC%9A%E8%AE%AE%20%E2%80%93%20%E4%BC%9A%E8%AE%AE%20%2B%20%E6%88%AA%E6%AD%A2%E6%97%A5%E6%9C%9F",
        ),
        (
            "office365",
            "https://outlook.office.com/calendar/0/addfromweb?url=https%3A%2F%2Ffeeds.example.org%2Ffeeds%2Fgroups%2Fq2-20.zh.ics%3Fkind%3Dmeeting%2Cdeadline&name=ITU-T%20Q2%2F20%E4%BC%9A%E8%AE%AE%20%E2%80%93%20%E4%BC%9A%E8%AE%AE%20%2B%20%E6%88%AA%E6%AD%A2%E6%97%A5%E6%9C%9F",
        ),
        (
            "webcal",
            "webcal://feeds.example.org/feeds/groups/q2-20.zh.ics?kind=meeting,deadline",
        ),
        (
            "download",
            "https://feeds.example.org/feeds/groups/q2-20.zh.ics?kind=meeting,deadline&download=1",
        ),
        ("https", feed),
        (
            "email-html",
            "https://feeds.example.org/subscribe/groups/q2-20/email.html?lang=zh&kind=meeting,deadline",
        ),
        (
            "email-txt",
            "https://feeds.example.org/subscribe/groups/q2-20/email.txt?lang=zh&kind=meeting,deadline",
        ),
    ];
    for (name, want) in cases {
        assert_eq!(link(&r.body, name), want, "{name}");
    }
    assert!(r.body.contains("<svg"), "QR code missing");
    // the feed the links name exists and holds what the page says
    let ics = get(
        &app,
        "/feeds/groups/q2-20.ics?lang=zh&kind=meeting,deadline",
    )
    .await;
    assert_eq!(ics.status, 200);
    let n = ics.body.matches("BEGIN:VEVENT").count();
    assert!(r.body.contains(&format!("{n}个活动")), "count {n}");
}

#[actix_web::test]
async fn links_come_from_the_public_url_never_from_request_headers() {
    let app = seed_app().await;
    for uri in [
        "/",
        "/subscribe/all",
        "/meetings/sg20-wp1-2018-01",
        "/subscribe/all/email.html",
        "/subscribe/all/email.txt",
        "/meetings/sg20-wp1-2018-01/email.html",
        "/api/feeds",
    ] {
        let r = send(
            &app,
            TestRequest::get()
                .uri(uri)
                .insert_header(("Host", "evil.example"))
                .insert_header(("X-Forwarded-Host", "evil.example"))
                .insert_header(("X-Forwarded-Proto", "http"))
                .insert_header(("Forwarded", "host=evil.example;proto=http")),
        )
        .await;
        assert_eq!(r.status, 200, "{uri}");
        assert!(!r.body.contains("evil.example"), "{uri}");
    }
    let r = get(&app, "/subscribe/all").await;
    for h in hrefs(&r.body) {
        assert!(
            h.starts_with('/')
                || h.starts_with('#')
                || h.starts_with("https://feeds.example.org/")
                || h.starts_with("webcal://feeds.example.org/")
                || h.starts_with("https://calendar.google.com/")
                || h.starts_with("https://outlook."),
            "{h}"
        );
    }
}

#[actix_web::test]
async fn the_builder_form_works_without_a_script() {
    let app = seed_app().await;
    // what a GET form with two group checkboxes and one kind checkbox sends
    let r = get(
        &app,
        "/subscribe/all?group=q2-20&group=q1-20&kind=meeting&lang=en",
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        link(&r.body, "https"),
        "https://feeds.example.org/feeds/all.ics?kind=meeting&group=q1-20,q2-20"
    );
    assert!(
        r.body
            .contains(r#"<input type="checkbox" name="group" value="q1-20" checked>"#)
    );
    assert!(
        r.body
            .contains(r#"<input type="checkbox" name="kind" value="meeting" checked>"#)
    );
    assert!(
        r.body
            .contains(r#"<input type="checkbox" name="kind" value="info">"#)
    );
    assert!(
        r.body
            .contains(r#"<form id="builder" method="get" action="/subscribe/all""#)
    );
}

#[actix_web::test]
async fn bad_page_queries_are_400_with_the_feeds_messages() {
    let app = seed_app().await;
    let cases = [
        (
            "/?lang=de",
            "parameter 'lang': unknown language 'de'; allowed: ar, zh, en, fr, ru, es",
        ),
        (
            "/subscribe/all?kind=party",
            "parameter 'kind': unknown kind 'party'; allowed: meeting, session, deadline, info",
        ),
        (
            "/subscribe/all?group=Q9/20",
            "parameter 'group': unknown group 'Q9/20'; allowed: q1-20, q2-20, q3-20, q4-20, sg20, wp1-20",
        ),
        (
            "/subscribe/all?download=1",
            "unknown parameter 'download'; allowed: lang, kind, group",
        ),
        (
            "/meetings/sg20-wp1-2018-01?kind=meeting",
            "unknown parameter 'kind'; allowed: lang",
        ),
        (
            "/?lang=en&lang=zh",
            "parameter 'lang' is given twice; give it once",
        ),
        (
            "/subscribe/all/email.html?group=q1-20&group=q2-20",
            "parameter 'group' is given twice",
        ),
        (
            "/subscribe/groups/q2-20/email.txt?lang=de",
            "parameter 'lang': unknown language 'de'",
        ),
    ];
    for (uri, want) in cases {
        let r = get(&app, uri).await;
        assert_eq!(r.status, 400, "{uri}: {}", r.body);
        assert_reason(&r, uri, want);
    }
}

/// A page's error is a page (issue 12: in the page's language) quoting the reason; a
/// snippet's or the API's is the reason in plain text.
fn assert_reason(r: &Got, uri: &str, want: &str) {
    let page = !uri.contains("/email.") && !uri.starts_with("/api/");
    if page {
        assert_eq!(
            r.header("content-type"),
            "text/html; charset=utf-8",
            "{uri}"
        );
        let quoted = format!(
            r#"<code lang="en" dir="ltr">{}"#,
            want.replace('&', "&amp;")
        );
        assert!(r.body.contains(&quoted), "{uri}: {}", r.body);
    } else {
        assert_eq!(
            r.header("content-type"),
            "text/plain; charset=utf-8",
            "{uri}"
        );
        assert!(r.body.starts_with(want), "{uri}: {}", r.body);
    }
}

/// Issue 12: the error page of a page is in the language its address asks for.
#[actix_web::test]
async fn error_pages_are_in_the_language_of_the_address() {
    let app = seed_app().await;
    for (lang, heading) in [
        ("fr", "Page introuvable"),
        ("ar", "الصفحة غير موجودة"),
        ("zh", "未找到网页"),
        ("en", "Page not found"),
    ] {
        let r = get(&app, &format!("/meetings/nope?lang={lang}")).await;
        assert_eq!(r.status, 404);
        assert!(
            r.body.contains(&format!("<h1>{heading}</h1>")),
            "{lang}: {}",
            r.body
        );
        assert_eq!(r.header("cache-control"), "no-store");
    }
}

#[actix_web::test]
async fn unknown_meetings_and_groups_are_404_naming_what_exists() {
    let app = seed_app().await;
    let cases = [
        (
            "/meetings/nope",
            "no meeting 'nope'; meetings: sg20-wp1-2018-01",
        ),
        (
            "/meetings/nope/email.html",
            "no meeting 'nope'; meetings: sg20-wp1-2018-01",
        ),
        (
            "/subscribe/nope",
            "no meeting 'nope'; meetings: sg20-wp1-2018-01",
        ),
        (
            "/subscribe/groups/q9-20",
            "no group 'q9-20'; groups: q1-20, q2-20, q3-20, q4-20, sg20, wp1-20",
        ),
        (
            "/subscribe/groups/q9-20/email.txt",
            "no group 'q9-20'; groups: q1-20",
        ),
        (
            "/subscribe/groups",
            "no feed 'groups'; a group's page is /subscribe/groups/{group}; groups: q1-20",
        ),
        ("/api/nothing", "no resource at '/api/nothing'"),
    ];
    for (uri, want) in cases {
        let r = get(&app, uri).await;
        assert_eq!(r.status, 404, "{uri}: {}", r.body);
        assert_reason(&r, uri, want);
    }
}

#[actix_web::test]
async fn the_home_page_lists_the_feeds_and_the_meetings() {
    let app = seed_app().await;
    let r = get(&app, "/").await;
    let links = hrefs(&r.body);
    // the study group's calendar on the home page; every group's on the group's own page
    for want in [
        "/subscribe/all",
        "/subscribe/deadlines",
        "/subscribe/groups/sg20",
        "/groups/q1-20",
        "/groups/wp1-20",
        "/groups/sg20",
        "/archive/2018",
        "/overview",
        "/meetings/sg20-wp1-2018-01",
    ] {
        assert!(links.iter().any(|h| h == want), "{want} not in {links:?}");
    }
    // the meeting's own days, not its deadlines weeks before
    assert!(
        r.body
            .contains(r#"<li data-first="2018-01-15" data-last="2018-01-24">"#)
    );
    assert!(r.body.contains("15–24 January 2018"));
    let zh = get(&app, "/?lang=zh").await;
    assert!(hrefs(&zh.body).iter().any(|h| h == "/groups/q2-20?lang=zh"));
}

#[actix_web::test]
async fn the_meeting_page_shows_the_letter_in_geneva_time() {
    let app = seed_app().await;
    let r = get(&app, "/meetings/sg20-wp1-2018-01").await;
    let b = &r.body;
    for want in [
        "<h1>Q1/20–Q4/20 rapporteur group meetings and WP1/20 meeting, Geneva, 15–24 January 2018</h1>",
        "<caption>Times in Geneva time (Europe/Zurich)</caption>",
        r#"<time datetime="2018-01-15T08:30:00+01:00">Mon, 15 Jan 2018, 08:30–09:30</time>"#,
        r#"<time datetime="2018-01-15">Mon 15 Jan – Tue, 23 Jan 2018</time>"#,
        r#"data-start="2018-01-15T07:30:00+00:00" data-end="2018-01-15T08:30:00+00:00""#,
        r#"<span class="countdown" data-deadline="2018-01-11" data-tz="Europe/Zurich"></span>"#,
        r#"<span class="countdown" data-deadline="2017-11-24" data-tz="Europe/Zurich"></span>"#,
        "<li>Opening of the meeting</li>",
        "<li>Closing of the meeting</li>",
        r#"<a href="mailto:tsbsg20@itu.int">tsbsg20@itu.int</a>"#,
        r#"<a href="tel:+41227306301" dir="ltr">+41 22 730 6301</a>"#,
        "TSB Collective Letter 3/20 of 29 September 2017",
    ] {
        assert!(b.contains(want), "missing {want}");
    }
    // the agenda is the WP meeting's 14 items
    let agenda = &b[b.find("id=\"agenda-h\"").unwrap()..];
    let agenda = &agenda[..agenda.find("</section>").unwrap()];
    assert_eq!(agenda.matches("<li>").count(), 14);
    // no server-side "days left": that needs the clock
    assert!(!b.contains("days left</span>"));
    assert_eq!(link(b, "subscribe"), "/subscribe/sg20-wp1-2018-01");
    assert_eq!(
        link(b, "download"),
        "https://feeds.example.org/feeds/sg20-wp1-2018-01.ics?download=1"
    );
    // every event has its four add links; the registration's are exact
    assert_eq!(b.matches("data-link=\"event-google\"").count(), 12);
    assert_eq!(b.matches("data-link=\"event-ics\"").count(), 12);
    let row = &b[b.find("id=\"event-registration\"").unwrap()..];
    assert_eq!(
        link(row, "event-ics"),
        "https://feeds.example.org/events/sg20-wp1-2018-01/registration.ics?download=1"
    );
    let google = link(row, "event-google");
    assert!(
        google.starts_with(
            "https://calendar.google.com/calendar/render?action=TEMPLATE\
         &text=Registration%2C%20SG20%20WP1%2F20%20and%20rapporteur%20group%20meetings%2C%20Geneva\
         &dates=20180115T083000%2F20180115T093000&ctz=Europe%2FZurich&details="
        ),
        "{google}"
    );
    assert!(google.ends_with(
        "&location=Montbrillant%20building%20entrance%2C%20ITU%20headquarters%2C%20Geneva"
    ));
    let outlook = link(row, "event-outlook");
    assert!(outlook.starts_with(
        "https://outlook.live.com/calendar/0/deeplink/compose?path=/calendar/action/compose&rru=addevent\
         &startdt=2018-01-15T07%3A30%3A00Z&enddt=2018-01-15T08%3A30%3A00Z&subject=Registration"
    ), "{outlook}");
    assert!(outlook.ends_with("&allday=false"));
    let q1 = &b[b.find("id=\"event-q1-20-rapporteur-meeting\"").unwrap()..];
    assert!(link(q1, "event-google").contains("&dates=20180115%2F20180124&"));
    assert!(link(q1, "event-outlook").contains("&startdt=2018-01-15&enddt=2018-01-24&"));
}

#[actix_web::test]
async fn email_snippets_have_plain_https_links_and_no_script() {
    let app = seed_app().await;
    for uri in [
        "/subscribe/all/email.html",
        "/subscribe/deadlines/email.html?lang=zh",
        "/subscribe/groups/q2-20/email.html?kind=meeting",
        "/subscribe/sg20-wp1-2018-01/email.html",
        "/meetings/sg20-wp1-2018-01/email.html",
        "/meetings/sg20-wp1-2018-01/email.html?lang=zh",
    ] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, 200, "{uri}: {}", r.body);
        assert_eq!(r.header("content-type"), "text/html; charset=utf-8");
        assert!(
            r.header("content-security-policy")
                .starts_with("default-src 'none'")
        );
        for bad in ["<script", "<style", "<img", "<link", "<form", "class="] {
            assert!(!r.body.contains(bad), "{uri}: {bad}");
        }
        assert!(r.body.contains("<table role=\"presentation\""), "{uri}");
        let links = hrefs(&r.body);
        assert_eq!(
            links.iter().filter(|h| h.starts_with("webcal://")).count(),
            1,
            "{uri}: webcal only as the one secondary line"
        );
        for h in &links {
            assert!(
                h.starts_with("https://") || h.starts_with("webcal://feeds.example.org/"),
                "{uri}: {h}"
            );
        }
    }
    let zh = get(&app, "/subscribe/deadlines/email.html?lang=zh").await;
    assert!(zh.body.contains("<html lang=\"zh-Hans\" dir=\"ltr\">"));
    assert!(zh.body.contains("ITU-T截止日期"));
}

#[actix_web::test]
async fn text_snippets_say_the_same_as_plain_text() {
    let app = seed_app().await;
    let r = get(&app, "/subscribe/deadlines/email.txt").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "text/plain; charset=utf-8");
    assert!(r.body.starts_with("ITU-T deadlines\n\n"));
    for want in [
        "Google Calendar:\n  https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Ffeeds.example.org%2Ffeeds%2Fdeadlines.ics\n",
        "Calendar address:\n  https://feeds.example.org/feeds/deadlines.ics\n",
        "Apple Calendar / Outlook desktop:\n  webcal://feeds.example.org/feeds/deadlines.ics\n",
        "More options:\n  https://feeds.example.org/subscribe/deadlines\n",
    ] {
        assert!(r.body.contains(want), "missing {want} in {}", r.body);
    }
    let m = get(&app, "/meetings/sg20-wp1-2018-01/email.txt?lang=zh").await;
    assert_eq!(m.status, 200);
    assert!(m.body.contains(
        "与会者注册，SG20 WP1/20及报告人组会议，日内瓦\n2018年1月15日周一 08:30–09:30\n"
    ));
    assert!(!m.body.contains('<'));
}

#[actix_web::test]
async fn the_assets_are_served_with_validators() {
    let app = seed_app().await;
    for (uri, ty) in [
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/static/app.js", "text/javascript; charset=utf-8"),
        ("/static/favicon.svg", "image/svg+xml"),
        ("/favicon.ico", "image/svg+xml"),
    ] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, 200, "{uri}");
        assert_eq!(r.header("content-type"), ty);
        assert!(!r.body.is_empty());
        let etag = r.header("etag").to_string();
        let cached = send(
            &app,
            TestRequest::get()
                .uri(uri)
                .insert_header(("If-None-Match", etag.as_str())),
        )
        .await;
        assert_eq!(cached.status, 304);
    }
    // pages name the assets by content hash
    let page = get(&app, "/").await;
    assert!(
        page.body
            .contains("<link rel=\"stylesheet\" href=\"/static/style.css?v=")
    );
    assert!(page.body.contains("<script src=\"/static/app.js?v="));
}

/// Issue 12: `/` with no language in the URL follows the browser's Accept-Language (and says
/// so in Vary); a `lang` in the URL wins; feeds never look at the header.
#[actix_web::test]
async fn the_home_page_follows_accept_language_and_feeds_do_not() {
    let app = seed_app().await;
    let home = |accept: &'static str, uri: &'static str| {
        TestRequest::get()
            .uri(uri)
            .insert_header(("Accept-Language", accept))
    };
    for (accept, uri, want) in [
        (
            "fr-CH, fr;q=0.9, en;q=0.8",
            "/",
            r#"<html lang="fr" dir="ltr">"#,
        ),
        ("de-DE, ar;q=0.5", "/", r#"<html lang="ar" dir="rtl">"#),
        ("de-DE", "/", r#"<html lang="en" dir="ltr">"#),
        ("ru", "/?lang=zh", r#"<html lang="zh-Hans" dir="ltr">"#),
        ("es-419", "/", r#"<html lang="es" dir="ltr">"#),
    ] {
        let r = send(&app, home(accept, uri)).await;
        assert_eq!(r.status, 200, "{accept} {uri}");
        assert!(r.body.contains(want), "{accept} {uri}: {}", &r.body[..120]);
        assert_eq!(r.header("vary"), "Accept-Language", "{accept} {uri}");
    }
    let plain = get(&app, "/feeds/all.ics").await;
    let asked = send(&app, home("fr", "/feeds/all.ics")).await;
    assert_eq!(plain.body, asked.body);
    assert!(asked.body.contains("SUMMARY;LANGUAGE=en:"));
    assert!(asked.headers.get("vary").is_none());
}

/// Issue 12: every page, snippet and feed answers in each of the six languages, in the URL
/// as a query or (feeds) in the path, each in its own language.
#[actix_web::test]
async fn every_resource_answers_in_the_six_languages() {
    let app = seed_app().await;
    for lang in itucal::model::Lang::ALL {
        let code = lang.code();
        let tag = if code == "zh" { "zh-Hans" } else { code };
        for page in [
            "/",
            "/meetings/sg20-wp1-2018-01",
            "/subscribe/groups/q2-20",
            "/subscribe/all/email.html",
        ] {
            let r = get(&app, &format!("{page}?lang={code}")).await;
            assert_eq!(r.status, 200, "{page} {code}");
            assert!(
                r.body
                    .contains(&format!(r#"<html lang="{tag}" dir="{}">"#, lang.dir())),
                "{page} {code}"
            );
        }
        let query = get(&app, &format!("/feeds/all.ics?lang={code}")).await;
        let path = get(&app, &format!("/feeds/all.{code}.ics")).await;
        assert_eq!(query.body, path.body, "{code}");
        assert!(
            query.body.contains(&format!("SUMMARY;LANGUAGE={code}:")),
            "{code}"
        );
        let api = get(&app, &format!("/api/meetings?lang={code}")).await;
        assert_eq!(api.status, 200, "{code}");
    }
}

/// Issue 13: the subscribe page says that overlapping subscriptions show shared events twice,
/// and points to composing one calendar.
#[actix_web::test]
async fn the_subscribe_page_warns_that_overlapping_calendars_duplicate_events() {
    let app = seed_app().await;
    let r = get(&app, "/subscribe/groups/q2-20").await;
    assert!(r.body.contains("show twice"), "{}", r.body);
    let fr = get(&app, "/subscribe/groups/q2-20?lang=fr").await;
    assert!(fr.body.contains("apparaissent deux fois"));
}
