//! Issue 15 §1 and §4: the aggregate feeds hold a window of time on an injected UTC date; the
//! archives hold the rest; a quiet group keeps its latest meeting; the aggregate feeds leave
//! the time plans' sessions out unless asked for them.

use crate::helpers::{example_dir, get, state};
use actix_web::test;
use chrono::NaiveDate;
use itucal::web::app;
use itucal::window::Today;

/// A meeting of one group, with a meeting and a deadline on `day`.
fn meeting(id: &str, group: &str, day: &str) -> String {
    format!(
        "id = \"{id}\"\nupdated = 2017-09-29T00:00:00Z\ngroups = [\"{group}\"]\ntitle = \"{id}\"\n\
         source = {{ reference = \"L\", date = 2017-09-29 }}\ncontact = {{ email = \"a@b.c\" }}\n\n\
         [[event]]\nkey = \"meeting\"\nkind = \"meeting\"\nfirst_day = {day}\ntitle = \"M\"\n\n\
         [[event]]\nkey = \"deadline\"\nkind = \"deadline\"\nfirst_day = {day}\ntitle = \"D\"\n"
    )
}

/// Four small meetings and the time-plan example, served on 1 December 2026.
fn catalog() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (id, group, day) in [
        ("q9-2019", "Q9/20", "2019-05-06"),
        ("q1-2019", "Q1/20", "2019-06-03"),
        ("q1-2026", "Q1/20", "2026-11-16"),
        ("q1-2027", "Q1/20", "2027-02-01"),
    ] {
        std::fs::write(
            dir.path().join(format!("{id}.toml")),
            meeting(id, group, day),
        )
        .unwrap();
    }
    for f in std::fs::read_dir(example_dir()).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.path().join(f.file_name().unwrap())).unwrap();
    }
    dir
}

fn dec_1() -> Today {
    Today::Fixed(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
}

fn has(ics: &str, uid: &str) -> bool {
    ics.contains(&format!("UID:{uid}@itucal\r\n"))
}

#[actix_web::test]
async fn an_old_meeting_leaves_the_default_feeds_and_stays_in_its_archives() {
    let dir = catalog();
    let app = test::init_service(app(state(dir.path()).with_today(dec_1()))).await;
    let all = get(&app, "/feeds/all.ics").await;
    assert_eq!(all.status, 200);
    assert!(has(&all.body, "meeting.q1-2026") && has(&all.body, "meeting.q1-2027"));
    // ended long ago, and Q1/20 meets again
    assert!(!has(&all.body, "meeting.q1-2019"));
    // Q9/20 has met only then: its latest meeting stays
    assert!(has(&all.body, "meeting.q9-2019"));
    // the feed says what it holds
    let unfolded = all.body.replace("\r\n ", "");
    assert!(
        unfolded.contains(
            "Meetings that end on or after 31 August 2026\\, and the latest meeting of each group\\;"
        ),
        "{unfolded}"
    );
    let deadlines = get(&app, "/feeds/deadlines.ics").await.body;
    assert!(!has(&deadlines, "deadline.q1-2019") && has(&deadlines, "deadline.q9-2019"));
    let q1 = get(&app, "/feeds/groups/q1-20.ics").await.body;
    assert!(!has(&q1, "meeting.q1-2019") && has(&q1, "meeting.q1-2026"));
    // a subscribe page counts what its feed holds today, not what its archive holds
    for (page, feed) in [
        ("/subscribe/all", &all.body),
        ("/subscribe/groups/q1-20", &q1),
    ] {
        let n = feed.matches("BEGIN:VEVENT").count();
        let page = get(&app, page).await.body;
        assert!(
            page.contains(&format!("Now in this calendar: {n} events")),
            "{n}: {page}"
        );
    }

    // the archives are complete
    let y2019 = get(&app, "/feeds/archive/2019.ics").await;
    assert_eq!(y2019.status, 200);
    assert!(has(&y2019.body, "meeting.q1-2019") && has(&y2019.body, "meeting.q9-2019"));
    assert!(!has(&y2019.body, "meeting.q1-2026"));
    assert!(
        y2019
            .body
            .contains("X-WR-CALNAME:ITU-T meetings of 2019\r\n")
    );
    // it says where the time plans' sessions are, unless it holds them
    let says = "The sessions of time plans are in each meeting's own calendar.";
    assert!(y2019.body.replace("\r\n ", "").contains(says));
    let with = get(&app, "/feeds/archive/2019.ics?kind=session,meeting")
        .await
        .body;
    assert!(!with.replace("\r\n ", "").contains(says));
    let fr = get(&app, "/feeds/archive/2019.fr.ics").await.body;
    assert!(fr.contains("X-WR-CALNAME:Réunions de l'UIT-T en 2019\r\n"));
    let q1_all = get(&app, "/feeds/archive/groups/q1-20.ics").await;
    assert_eq!(q1_all.status, 200);
    for id in ["q1-2019", "q1-2026", "q1-2027"] {
        assert!(has(&q1_all.body, &format!("meeting.{id}")), "{id}");
    }
    assert!(!has(&q1_all.body, "meeting.q9-2019"));
    assert!(
        q1_all
            .header("content-disposition")
            .contains("itu-t-q1-20-archive.ics"),
        "{:?}",
        q1_all.headers
    );
}

#[actix_web::test]
async fn an_archive_that_does_not_exist_is_a_404_naming_what_does() {
    let dir = catalog();
    let app = test::init_service(app(state(dir.path()).with_today(dec_1()))).await;
    let none = get(&app, "/feeds/archive/2020.ics").await;
    assert_eq!(none.status, 404);
    assert!(
        none.body
            .contains("no meeting is held in 2020; years: 2019, 2026, 2027"),
        "{}",
        none.body
    );
    let bad = get(&app, "/feeds/archive/last.ics").await;
    assert_eq!(bad.status, 404);
    assert!(bad.body.contains("an archive is a year"), "{}", bad.body);
    assert_eq!(
        get(&app, "/feeds/archive/groups/q7-20.ics").await.status,
        404
    );
}

#[actix_web::test]
async fn the_aggregate_feeds_leave_the_questions_sessions_out_unless_asked() {
    let dir = catalog();
    let app = test::init_service(app(state(dir.path()).with_today(dec_1()))).await;
    let session = "q1-99-s2.sg99-2026-10";
    let plenary = "sg99-s1.sg99-2026-10";
    let all = get(&app, "/feeds/all.ics").await.body;
    assert!(!has(&all, session) && has(&all, plenary));
    assert!(has(
        &get(&app, "/feeds/all.ics?kind=session").await.body,
        session
    ));
    // a study group's feed is an aggregate too; a Question's and the meeting's are complete
    let sg = get(&app, "/feeds/groups/sg99.ics").await.body;
    assert!(!has(&sg, session) && has(&sg, plenary));
    assert!(has(
        &get(&app, "/feeds/groups/q1-99.ics").await.body,
        session
    ));
    assert!(has(
        &get(&app, "/feeds/sg99-2026-10.ics").await.body,
        session
    ));
}

#[actix_web::test]
async fn a_feed_that_depends_on_the_date_is_cached_no_later_than_midnight_utc() {
    let dir = catalog();
    let app = test::init_service(app(state(dir.path()))).await;
    for path in [
        "/feeds/all.ics",
        "/feeds/groups/q1-20.ics",
        "/feeds/deadlines.ics",
    ] {
        let got = get(&app, path).await;
        let max_age: u64 = got
            .header("cache-control")
            .strip_prefix("public, max-age=")
            .and_then(|s| s.parse().ok())
            .unwrap();
        let now = chrono::Utc::now();
        let midnight = (now.date_naive() + chrono::Days::new(1))
            .and_hms_opt(0, 0, 0)
            .unwrap()
            .and_utc();
        assert!(
            max_age <= 300 && max_age <= (midnight - now).num_seconds() as u64 + 1,
            "{path}: {max_age}"
        );
    }
}

#[actix_web::test]
async fn the_same_date_gives_the_same_bytes_and_another_date_another_window() {
    let dir = catalog();
    let one = test::init_service(app(state(dir.path()).with_today(dec_1()))).await;
    let other = test::init_service(app(state(dir.path()).with_today(dec_1()))).await;
    let a = get(&one, "/feeds/all.ics").await;
    let b = get(&other, "/feeds/all.ics").await;
    assert_eq!(
        (a.body.as_str(), a.header("etag")),
        (b.body.as_str(), b.header("etag"))
    );
    let in_2019 = Today::Fixed(NaiveDate::from_ymd_opt(2019, 6, 1).unwrap());
    let then = test::init_service(app(state(dir.path()).with_today(in_2019))).await;
    let all = get(&then, "/feeds/all.ics").await.body;
    assert!(has(&all, "meeting.q1-2019") && has(&all, "meeting.q1-2027"));
}
