//! Time plans (issue 13): sessions in the feeds, and a session that moves keeps its UID.

use crate::helpers::{example_dir, get, state, vevents};
use actix_web::test;
use itucal::web::app;

const MEETING_FEED: &str = "/feeds/sg99-2026-10.ics";

/// A property of a VEVENT, by name without parameters.
fn prop<'a>(props: &'a [(String, String)], name: &str) -> Option<&'a str> {
    props
        .iter()
        .find(|(k, _)| k.split(';').next() == Some(name))
        .map(|(_, v)| v.as_str())
}

/// The example's meeting feed, over a copy of its data with `edit` applied to the text.
async fn feed_after(edit: impl Fn(&str) -> String) -> String {
    let dir = tempfile::tempdir().unwrap();
    let name = "sg99-2026-10.toml";
    let text = std::fs::read_to_string(example_dir().join(name)).unwrap();
    std::fs::write(dir.path().join(name), edit(&text)).unwrap();
    let app = test::init_service(app(state(dir.path()))).await;
    let r = get(&app, MEETING_FEED).await;
    assert_eq!(r.status, 200);
    r.body
}

#[actix_web::test]
async fn a_moved_session_keeps_its_uid_and_every_other_event_stays_as_it_was() {
    let before = vevents(&feed_after(str::to_string).await);
    // Q1/99 session 2 moves from Tuesday morning in Room K to Friday afternoon in Room H
    let after = vevents(
        &feed_after(|t| {
            let moved = t.replacen("    \"Q1/99 #2 @ Room K\",\n", "", 1);
            assert_ne!(moved, t, "the example has Q1/99 #2 on Tuesday morning");
            format!(
                "{moved}2026-10-23.pm = [{{ groups = [\"Q1/99\"], session = 2, room = \"Room H\" }}]\n"
            )
        })
        .await,
    );
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "a move adds or drops no event"
    );
    let uid = "q1-99-s2.sg99-2026-10@itucal";
    let (b, a) = (&before[uid], &after[uid]);
    assert_eq!(prop(b, "DTSTART"), Some("20261020T093000"), "{b:?}");
    assert_eq!(prop(a, "DTSTART"), Some("20261023T143000"), "{a:?}");
    assert_eq!(prop(a, "DTEND"), Some("20261023T173000"));
    // (its SEQUENCE is raised by `itucal lock`, which tests/conformance/changes.rs covers)
    assert!(prop(a, "LOCATION").unwrap().starts_with("Room H"), "{a:?}");
    assert!(
        prop(a, "SUMMARY").unwrap().starts_with("Q1/99 session 2"),
        "{a:?}"
    );
    for (other, props) in &before {
        if other != uid {
            assert_eq!(props, &after[other], "{other} changed");
        }
    }
}

#[actix_web::test]
async fn sessions_are_tentative_events_with_the_room_as_location_in_the_meetings_zone() {
    let app = test::init_service(app(state(&example_dir()))).await;
    let events = vevents(&get(&app, MEETING_FEED).await.body);
    let s = &events["q3-99-s2.sg99-2026-10@itucal"];
    assert_eq!(prop(s, "STATUS"), Some("TENTATIVE"));
    assert_eq!(prop(s, "TRANSP"), Some("OPAQUE"));
    assert_eq!(prop(s, "SUMMARY"), Some("Q3/99 session 2\\, Room L"));
    assert_eq!(
        prop(s, "LOCATION"),
        Some("Room L\\, ITU headquarters\\, Geneva")
    );
    assert_eq!(prop(s, "CATEGORIES"), Some("session,Q3/99"));
    assert!(s.contains(&(
        "DTSTART;TZID=Europe/Zurich".to_string(),
        "20261021T093000".to_string()
    )));
    let cancelled = &events["q2-99-s4.sg99-2026-10@itucal"];
    assert_eq!(prop(cancelled, "STATUS"), Some("CANCELLED"));
    // the evening session through the night the clocks go back ends at 03:30 winter time
    let night = &events["q5-99-s5.sg99-2026-10@itucal"];
    assert_eq!(prop(night, "DTSTART"), Some("20261024T210000"));
    assert_eq!(prop(night, "DTEND"), Some("20261025T033000"));
    let fr = vevents(&get(&app, "/feeds/sg99-2026-10.fr.ics").await.body);
    assert_eq!(
        prop(&fr["q1-99-q2-99-s1.sg99-2026-10@itucal"], "SUMMARY"),
        Some("Q1/99+Q2/99 n° 1 (commune)\\, Room K")
    );
}

#[actix_web::test]
async fn a_questions_feed_has_its_sessions_and_its_ancestors_but_no_siblings() {
    let app = test::init_service(app(state(&example_dir()))).await;
    let events = vevents(&get(&app, "/feeds/groups/q3-99.ics").await.body);
    let has = |uid: &str| events.contains_key(&format!("{uid}.sg99-2026-10@itucal"));
    assert!(has("q3-99-s1") && has("q3-99-s8"));
    assert!(
        has("sg99-s1") && has("wp1-99-s1"),
        "the plenary and its Working Party"
    );
    assert!(!has("q1-99-s2") && !has("wp2-99-s1") && !has("q1-99-q2-99-s1"));
}

/// The `<table class="plan">` of one day on a page, as text.
fn day_table<'a>(page: &'a str, day: &str) -> &'a str {
    let at = page
        .find(&format!("<time datetime=\"{day}\">"))
        .unwrap_or_else(|| panic!("no plan table for {day}"));
    let start = page[..at].rfind("<table class=\"plan\"").unwrap();
    let end = page[start..].find("</table>").unwrap() + start;
    &page[start..end]
}

#[actix_web::test]
async fn the_meeting_page_shows_the_plan_as_a_table_per_day_with_the_room_in_each_cell() {
    let app = test::init_service(app(state(&example_dir()))).await;
    let page = get(&app, "/meetings/sg99-2026-10").await.body;
    // eleven days with sessions (the Saturday night included), each its own table
    assert_eq!(page.matches("<table class=\"plan\"").count(), 11);
    assert!(page.contains("Version 2, tentative: sessions and rooms may change"));
    let wed = day_table(&page, "2026-10-21");
    for header in ["Q1/99", "Q2/99", "Q3/99", "Q4/99", "Q5/99"] {
        assert!(
            wed.contains(&format!("<th scope=\"col\" dir=\"ltr\">{header}</th>")),
            "{wed}"
        );
    }
    assert!(!wed.contains(">SG99<"), "no plenary on Wednesday: {wed}");
    // the session moved here keeps its key; its room is in its cell
    assert!(
        wed.contains(
            "class=\"session\" data-session=\"q3-99-s2\"><span class=\"room\">Room L</span>"
        ),
        "{wed}"
    );
    // each slot carries its instants for the page's script: summer time before the switch,
    // winter time after it
    assert!(
        wed.contains("data-start=\"2026-10-21T09:30:00+02:00\""),
        "{wed}"
    );
    let mon = day_table(&page, "2026-10-26");
    assert!(
        mon.contains("data-start=\"2026-10-26T18:00:00+01:00\""),
        "{mon}"
    );
    let thu = day_table(&page, "2026-10-22");
    assert!(thu.contains("class=\"session cancelled\""), "{thu}");
    // a phone scrolls the table inside its wrapper, not the page
    assert!(page.contains(r#"<div class="table-wrap plan-wrap" tabindex="0" role="region" aria-label="Mon, 19 Oct 2026"><table class="plan""#));
}

#[actix_web::test]
async fn a_meeting_without_a_plan_says_it_is_not_yet_published_in_every_language() {
    let app = crate::helpers::seed_app().await;
    let en = get(&app, "/meetings/sg20-wp1-2018-01").await.body;
    assert!(
        en.contains("Time plan not yet published. TSB Collective Letter 3/20 gives"),
        "{en}"
    );
    // the seed gives no address of the letter: its meeting page is where the letter is
    assert!(en.contains("data-link=\"meeting-page\""));
    assert!(!en.contains("data-link=\"letter\""));
    assert!(!en.contains("<table class=\"plan\""));
    for (lang, words) in [
        ("fr", "Le projet de calendrier n'est pas encore publié"),
        ("es", "aún no se ha publicado"),
        ("ru", "ещё не опубликован"),
        ("zh", "时间表尚未公布"),
        ("ar", "لم تُنشر الخطة الزمنية بعد"),
    ] {
        let page = get(&app, &format!("/meetings/sg20-wp1-2018-01?lang={lang}"))
            .await
            .body;
        assert!(page.replace("&#39;", "'").contains(words), "{lang}");
    }
}

/// Issue 13: "time plan not yet published", with the letter's link when the data gives it
/// (`source.url`); a source URL that is not one is refused at its place.
#[actix_web::test]
async fn the_letters_own_link_is_on_the_page_of_a_meeting_without_a_plan() {
    let seed =
        std::fs::read_to_string(crate::helpers::seed_dir().join("sg20-wp1-2018-01.toml")).unwrap();
    let letter = "https://www.itu.int/md/T17-TSB-COL-0003";
    let with_url = seed.replacen(
        "source = { reference = ",
        &format!("source = {{ url = \"{letter}\", reference = "),
        1,
    );
    assert_ne!(with_url, seed);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("m.toml"), &with_url).unwrap();
    let app = test::init_service(app(state(dir.path()))).await;
    for lang in ["en", "ar"] {
        let page = get(&app, &format!("/meetings/sg20-wp1-2018-01?lang={lang}"))
            .await
            .body;
        let none = &page[page.find("<p class=\"plan-none\">").expect("not published")..];
        let none = &none[..none.find("</p>").unwrap()];
        assert!(
            none.contains(&format!("<a href=\"{letter}\" data-link=\"letter\">")),
            "{lang}: {none}"
        );
        assert!(
            none.contains("data-link=\"meeting-page\""),
            "{lang}: {none}"
        );
    }
    let api: serde_json::Value =
        serde_json::from_str(&get(&app, "/api/meetings/sg20-wp1-2018-01").await.body).unwrap();
    assert_eq!(api["meeting"]["source"]["url"], letter);
    // not an address: refused, naming the place
    let bad = with_url.replace(letter, "itu.int/letter 3");
    let problems = itucal::load::parse_sources([("m.toml", bad.as_str())]).unwrap_err();
    assert!(
        problems.iter().any(|p| p
            .to_string()
            .contains("source.url: 'itu.int/letter 3' is not an http(s) URL")),
        "{problems:?}"
    );
}

#[actix_web::test]
async fn a_groups_subscribe_page_shows_only_the_sessions_its_feed_holds() {
    let app = test::init_service(app(state(&example_dir()))).await;
    let page = get(&app, "/subscribe/groups/q3-99").await.body;
    assert!(page.contains("<div id=\"plans\" data-swap"));
    assert!(page.contains("data-session=\"q3-99-s2\""));
    assert!(
        page.contains("data-session=\"sg99-s1\""),
        "the plenary is in Q3/99's feed"
    );
    assert!(
        !page.contains("data-session=\"q1-99-s2\""),
        "no sibling's session"
    );
    // the same with group= on the meeting's subscribe page
    let filtered = get(&app, "/subscribe/sg99-2026-10?group=q3-99").await.body;
    assert!(filtered.contains("data-session=\"q3-99-s2\""));
    assert!(!filtered.contains("data-session=\"q4-99-s2\""));
    let whole = get(&app, "/subscribe/sg99-2026-10").await.body;
    assert!(
        !whole.contains("data-session="),
        "the whole meeting's grid is on its page"
    );
}

#[actix_web::test]
async fn the_meeting_page_draws_a_timeline_with_the_same_facts_in_text() {
    let app = crate::helpers::seed_app().await;
    let page = get(&app, "/meetings/sg20-wp1-2018-01").await.body;
    let start = page.find("<svg").expect("a timeline picture");
    let svg = &page[start..page.find("</svg>").unwrap()];
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("<title id=\"tl-title-sg20-wp1-2018-01\">Timeline: Q1/20–Q4/20"));
    assert!(svg.contains("<desc id=\"tl-desc-sg20-wp1-2018-01\">"));
    let handlers = svg
        .split_whitespace()
        .any(|w| w.starts_with("on") && w.contains("=\""));
    assert!(
        !svg.contains("<script") && !handlers,
        "no script in the picture"
    );
    // five meetings (four Questions and the Working Party) as bars, four deadlines as three
    // marks (two fall on 24 December)
    assert_eq!(svg.matches("<rect ").count(), 5);
    assert_eq!(svg.matches("<path ").count(), 3);
    assert!(svg.contains(">2, 3</text>"), "{svg}");
    // and the same facts as text
    let after = &page[start..];
    let list = &after[after.find("<ol class=\"timeline-deadlines\">").unwrap()..];
    let list = &list[..list.find("</ol>").unwrap()];
    assert_eq!(list.matches("<li>").count(), 4);
    assert!(list.contains("Fri, 24 Nov 2017"), "{list}");
    let meetings = &after[after.find("<ul class=\"timeline-meetings\">").unwrap()..];
    let meetings = &meetings[..meetings.find("</ul>").unwrap()];
    assert_eq!(meetings.matches("<li>").count(), 5);
    assert!(meetings.contains("WP1/20 meeting"), "{meetings}");
}

/// The keys of the example's plan sessions, from its meeting feed (every event that the file
/// does not list as an `[[event]]`).
async fn session_keys() -> Vec<String> {
    let text = std::fs::read_to_string(example_dir().join("sg99-2026-10.toml")).unwrap();
    let app = test::init_service(app(state(&example_dir()))).await;
    let api: serde_json::Value =
        serde_json::from_str(&get(&app, "/api/meetings/sg99-2026-10").await.body).unwrap();
    let keys: Vec<String> = api["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["key"].as_str().unwrap().to_string())
        .filter(|k| !text.contains(&format!("key = \"{k}\"")))
        .collect();
    assert!(keys.len() >= 40, "{keys:?}");
    keys
}

#[actix_web::test]
async fn a_plans_sessions_are_shown_once_in_its_tables_and_offered_through_their_groups() {
    let sessions = session_keys().await;
    let app = test::init_service(app(state(&example_dir()))).await;
    for lang in ["en", "ar", "ru", "zh", "fr", "es"] {
        let page = get(&app, &format!("/meetings/sg99-2026-10?lang={lang}"))
            .await
            .body;
        let programme = &page[page.find("<table class=\"events\"").unwrap()..];
        let programme = &programme[..programme.find("</table>").unwrap()];
        for key in &sessions {
            // the page's links to a session (the changes page's, the API's) find its cell,
            // a joint session's first
            assert_eq!(
                page.matches(&format!("id=\"event-{key}\"")).count(),
                1,
                "{key} in {lang}"
            );
            assert!(
                !programme.contains(&format!("event-{key}")),
                "{key} in {lang}"
            );
            assert!(
                !page.contains(&format!("/events/sg99-2026-10/{key}.")),
                "{key}"
            );
        }
        // the file's events keep their rows and their own links
        assert!(programme.contains("id=\"event-wp1-99-meeting\""));
        assert!(
            page.contains("/events/sg99-2026-10/wp1-99-meeting."),
            "{lang}"
        );
        // every group with sessions is offered its calendar, which follows their changes
        let offer = &page[page.find("<p class=\"plan-groups\">").unwrap()..];
        let offer = &offer[..offer.find("</p>").unwrap()];
        for slug in [
            "sg99", "wp1-99", "wp2-99", "q1-99", "q2-99", "q3-99", "q4-99", "q5-99",
        ] {
            assert!(
                offer.contains(&format!("/subscribe/groups/{slug}?lang={lang}\""))
                    || (lang == "en" && offer.contains(&format!("/subscribe/groups/{slug}\""))),
                "{slug} in {lang}: {offer}"
            );
        }
        assert!(page.len() < 150_000, "{lang}: {} bytes", page.len());
    }
}

#[actix_web::test]
async fn a_meetings_e_mail_sums_up_its_plan_and_stays_under_what_gmail_shows() {
    let sessions = session_keys().await;
    let app = test::init_service(app(state(&example_dir()))).await;
    for lang in ["en", "ar", "ru", "zh", "fr", "es"] {
        for snippet in ["email.html", "email.txt"] {
            let uri = format!("/meetings/sg99-2026-10/{snippet}?lang={lang}");
            let body = get(&app, &uri).await.body;
            for key in &sessions {
                assert!(!body.contains(&format!("/{key}.")), "{key} in {uri}");
            }
            assert!(
                body.contains("/events/sg99-2026-10/wp1-99-meeting."),
                "{uri}"
            );
            assert!(
                body.contains(&format!("/meetings/sg99-2026-10?lang={lang}#plan-h"))
                    || body.contains("/meetings/sg99-2026-10#plan-h"),
                "{uri}"
            );
            for slug in ["q1-99", "q5-99", "sg99"] {
                assert!(
                    body.contains(&format!("/subscribe/groups/{slug}")),
                    "{slug} in {uri}"
                );
            }
            // Gmail cuts a message after about 102 kB
            assert!(body.len() < 100_000, "{uri}: {} bytes", body.len());
        }
    }
    let text = get(&app, "/meetings/sg99-2026-10/email.txt").await.body;
    assert!(
        text.contains("Version 2, tentative: sessions and rooms may change"),
        "{text}"
    );
    assert!(text.contains("  Q3/99: http"), "{text}");
}

#[actix_web::test]
async fn a_session_in_the_api_has_its_place_on_the_page_and_no_links_of_its_own() {
    let app = test::init_service(app(state(&example_dir()))).await;
    let api: serde_json::Value =
        serde_json::from_str(&get(&app, "/api/meetings/sg99-2026-10").await.body).unwrap();
    let events = api["events"].as_array().unwrap();
    let by_key = |key: &str| events.iter().find(|e| e["key"] == key).unwrap();
    let session = &by_key("q3-99-s2")["links"];
    assert_eq!(
        session.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["page"],
        "{session}"
    );
    assert!(
        session["page"]
            .as_str()
            .unwrap()
            .ends_with("/meetings/sg99-2026-10#event-q3-99-s2")
    );
    let event = &by_key("wp1-99-meeting")["links"];
    for link in ["page", "ics", "download", "google", "outlook", "office365"] {
        assert!(event[link].is_string(), "{link}: {event}");
    }
    // and the address of a session's own file, published before, still answers
    let r = get(&app, "/events/sg99-2026-10/q3-99-s2.ics").await;
    assert_eq!(r.status, 200);
}

/// The example and the same meeting a year later (`sg99-2027-10`), in one data directory.
fn two_years() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let name = "sg99-2026-10.toml";
    let text = std::fs::read_to_string(example_dir().join(name)).unwrap();
    std::fs::write(dir.path().join(name), &text).unwrap();
    let later = text.replace("2026-", "2027-").replace("2026", "2027");
    std::fs::write(dir.path().join("sg99-2027-10.toml"), later).unwrap();
    dir
}

#[actix_web::test]
async fn a_groups_subscribe_page_shows_its_next_meetings_plan_and_what_its_feed_holds_today() {
    use chrono::NaiveDate;
    use itucal::window::Today;
    let dir = two_years();
    let on = |y, m, d| Today::Fixed(NaiveDate::from_ymd_opt(y, m, d).unwrap());
    for (today, shown, not) in [
        (on(2026, 10, 1), "sg99-2026-10", "sg99-2027-10"),
        (on(2027, 6, 1), "sg99-2027-10", "sg99-2026-10"),
        (on(2028, 1, 1), "sg99-2027-10", "sg99-2026-10"),
    ] {
        let app = test::init_service(app(state(dir.path()).with_today(today))).await;
        let r = get(&app, "/subscribe/groups/q3-99").await;
        assert!(
            r.body.contains(&format!("id=\"plan-h-{shown}\"")),
            "{today:?}"
        );
        assert!(
            !r.body.contains(&format!("id=\"plan-h-{not}\"")),
            "{today:?}"
        );
        // the count is the feed's, after its window
        let feed = get(&app, "/feeds/groups/q3-99.ics").await.body;
        let n = feed.matches("BEGIN:VEVENT").count();
        assert!(
            r.body
                .contains(&format!("Now in this calendar: {n} events")),
            "{n}"
        );
        // a study group's calendar holds no sessions: its page shows none, unless asked
        let sg = get(&app, "/subscribe/groups/sg99").await.body;
        assert!(!sg.contains("data-session="));
        let sg = get(&app, "/subscribe/groups/sg99?kind=session").await.body;
        assert!(sg.contains("data-session=\"sg99-s1\""));
    }
}

#[actix_web::test]
async fn a_meeting_without_changes_links_its_changes_page_so_they_can_be_followed() {
    // the example has no lock, so no change is told yet
    let app = test::init_service(app(state(&example_dir()))).await;
    for (lang, query, words) in [
        ("en", "", "Follow the changes to this meeting"),
        (
            "fr",
            "?lang=fr",
            "Suivre les modifications de cette réunion",
        ),
    ] {
        let page = get(&app, &format!("/meetings/sg99-2026-10{query}"))
            .await
            .body;
        let link =
            format!("href=\"/meetings/sg99-2026-10/changes{query}\" data-link=\"changes\">{words}");
        assert!(page.contains(&link), "{lang}: {link}");
        assert_eq!(
            get(&app, &format!("/meetings/sg99-2026-10/changes{query}"))
                .await
                .status,
            200
        );
    }
}
