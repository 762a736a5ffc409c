//! Issue 15 §2 and §4: the catalog's pages — a group's page with its stable next-meeting link,
//! a year's page, the long-range view with its clashes — and their size at whole-ITU-T scale.

use crate::helpers::{get, state};
use actix_web::test;
use chrono::NaiveDate;
use itucal::web::app;
use itucal::window::Today;
use std::path::Path;

/// A meeting of `groups` held on `first`..=`last` (at `place`, when it ends in "@ place").
fn meeting(id: &str, groups: &str, first: &str, last: &str) -> String {
    let (last, place) = match last.split_once(" @ ") {
        Some((last, place)) => (last, format!("location = \"{place}\"\n")),
        None => (last, String::new()),
    };
    format!(
        "id = \"{id}\"\nupdated = 2017-09-29T00:00:00Z\ngroups = [{groups}]\ntitle = \"Title {id}\"\n{place}\
         source = {{ reference = \"L\", date = 2017-09-29 }}\ncontact = {{ email = \"a@b.c\" }}\n\n\
         [[event]]\nkey = \"meeting\"\nkind = \"meeting\"\nfirst_day = {first}\nlast_day = {last}\ntitle = \"M\"\n"
    )
}

fn catalog() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (id, groups, first, last) in [
        ("q9-2019", "\"Q9/20\"", "2019-05-06", "2019-05-10"),
        ("q1-2026", "\"Q1/20\"", "2026-11-16", "2026-11-20"),
        ("q1-2027", "\"Q1/20\"", "2027-02-01", "2027-02-05"),
        ("q5-17-2027", "\"Q5/17\"", "2027-02-04", "2027-02-12"),
        ("q1-2027-b", "\"Q1/20\"", "2027-06-07", "2027-06-09"),
        // side by side at one venue: no clash
        (
            "q3-13-2027",
            "\"Q3/13\"",
            "2027-09-06",
            "2027-09-10 @ ITU, Geneva",
        ),
        (
            "q4-16-2027",
            "\"Q4/16\"",
            "2027-09-08",
            "2027-09-14 @ ITU, Geneva",
        ),
    ] {
        let file = dir.path().join(format!("{id}.toml"));
        std::fs::write(file, meeting(id, groups, first, last)).unwrap();
    }
    dir
}

fn dec_1() -> Today {
    Today::Fixed(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
}

#[actix_web::test]
async fn the_next_meeting_link_leads_to_the_next_meeting_or_else_the_latest() {
    let dir = catalog();
    let app = test::init_service(app(state(dir.path()).with_today(dec_1()))).await;
    let next = get(&app, "/groups/q1-20/next").await;
    assert_eq!(next.status, 302);
    assert_eq!(next.header("location"), "/meetings/q1-2027");
    let fr = get(&app, "/groups/Q1%2F20/next?lang=fr").await;
    assert_eq!(fr.header("location"), "/meetings/q1-2027?lang=fr");
    // a quiet group's link leads to its latest meeting
    assert_eq!(
        get(&app, "/groups/q9-20/next").await.header("location"),
        "/meetings/q9-2019"
    );
    let none = get(&app, "/groups/q7-20/next").await;
    assert_eq!(none.status, 404);
    assert!(none.body.contains("no group 'q7-20'"), "{}", none.body);
    // on another day, another meeting
    let later = Today::Fixed(NaiveDate::from_ymd_opt(2027, 3, 1).unwrap());
    let then = test::init_service(itucal::web::app(state(dir.path()).with_today(later))).await;
    assert_eq!(
        get(&then, "/groups/q1-20/next").await.header("location"),
        "/meetings/q1-2027-b"
    );
}

#[actix_web::test]
async fn a_group_page_shows_its_next_meeting_its_calendars_and_its_meetings() {
    let dir = catalog();
    let app = test::init_service(app(state(dir.path()).with_today(dec_1()))).await;
    let page = get(&app, "/groups/q1-20").await;
    assert_eq!(page.status, 200);
    let b = &page.body;
    let next = b
        .find("<h2 id=\"next-h\">Next meeting</h2>")
        .expect("next meeting");
    let meetings = b.find("<h2 id=\"meetings-h\">").expect("meetings");
    assert!(b[next..meetings].contains("/meetings/q1-2027\""), "{b}");
    assert!(b.contains("https://feeds.example.org/groups/q1-20/next"));
    assert!(b.contains("href=\"/subscribe/groups/q1-20\""));
    assert!(b.contains("https://feeds.example.org/feeds/archive/groups/q1-20.ics"));
    // every meeting, latest first
    let order: Vec<usize> = ["q1-2027-b\"", "q1-2027\"", "q1-2026\""]
        .iter()
        .map(|id| b[meetings..].find(&format!("/meetings/{id}")).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    let quiet = get(&app, "/groups/q9-20?lang=es").await.body;
    assert!(
        quiet.contains("<h2 id=\"next-h\">Última reunión</h2>"),
        "{quiet}"
    );
    assert_eq!(get(&app, "/groups/nope").await.status, 404);
}

#[actix_web::test]
async fn a_year_page_lists_the_meetings_held_in_it() {
    let dir = catalog();
    let app = test::init_service(app(state(dir.path()).with_today(dec_1()))).await;
    let y = get(&app, "/archive/2027").await;
    assert_eq!(y.status, 200);
    for id in ["q1-2027", "q5-17-2027", "q1-2027-b"] {
        assert!(y.body.contains(&format!("/meetings/{id}\"")), "{id}");
    }
    assert!(!y.body.contains("/meetings/q1-2026\""));
    assert!(
        y.body
            .contains("https://feeds.example.org/feeds/archive/2027.ics")
    );
    let missing = get(&app, "/archive/2020").await;
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("2019, 2026, 2027"),
        "{}",
        missing.body
    );
    assert_eq!(get(&app, "/archive/twenty").await.status, 404);
}

#[actix_web::test]
async fn the_long_range_view_marks_meetings_that_overlap_another_groups_elsewhere() {
    let dir = catalog();
    let app = test::init_service(app(state(dir.path()).with_today(dec_1()))).await;
    let v = get(&app, "/overview").await;
    assert_eq!(v.status, 200);
    let b = &v.body;
    // December 2026 to February 2028; the meeting of 2019 and of November are not in it
    assert!(
        b.contains("from 1 December 2026 to 29 February 2028"),
        "{b}"
    );
    assert!(!b.contains("/meetings/q9-2019\"") && !b.contains("/meetings/q1-2026\""));
    // Q1/20 and Q5/17 overlap in February (no venue: anywhere): both striped, both in the
    // table, naming the other; Q3/13 and Q4/16 meet side by side in Geneva
    assert_eq!(b.matches("fill=\"url(#stripes)\"").count(), 2, "{b}");
    assert!(b.contains("/meetings/q3-13-2027\"") && !b.contains("Title q3-13-2027</a></th>"));
    let table = &b[b
        .find("<table class=\"clashes\"")
        .expect("the clashes table")..];
    assert!(table.contains("Title q1-2027</a></th>") && table.contains("<td>Q5/17</td>"));
    assert!(table.contains("Title q5-17-2027</a></th>") && table.contains("<td>Q1/20</td>"));
    assert!(!table.contains("q1-2027-b"));
    // a row per group, in the picture
    for row in [">Q1/20</text>", ">Q5/17</text>"] {
        assert!(b.contains(row), "{row}");
    }
}

/// `bench/gen.py 2000 12`: ten years of ITU-T (2,000 meetings), without time plans, which
/// change no page's size.
fn generated() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let gen_py = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/gen.py");
    let status = std::process::Command::new("python3")
        .arg(gen_py)
        .args(["2000", "12"])
        .arg(dir.path())
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3 bench/gen.py");
    assert!(status.success());
    dir
}

#[actix_web::test]
async fn every_catalog_page_stays_under_150_kb_at_whole_itu_t_scale() {
    let dir = generated();
    let app = test::init_service(app(state(dir.path()).with_today(dec_1()))).await;
    let mut largest = (0, String::new());
    for lang in ["ar", "zh", "en", "fr", "ru", "es"] {
        for path in [
            "/",
            "/overview",
            "/groups/sg20",
            "/groups/wp1-20",
            "/groups/q2-20",
            "/archive/2026",
        ] {
            let uri = format!("{path}?lang={lang}");
            let got = get(&app, &uri).await;
            assert_eq!(got.status, 200, "{uri}");
            if got.body.len() > largest.0 {
                largest = (got.body.len(), uri);
            }
        }
    }
    assert!(largest.0 <= 150_000, "{largest:?}");
    // and the feeds a delegate is offered stay within what Google takes
    for path in [
        "/feeds/all.ics",
        "/feeds/deadlines.ics",
        "/feeds/groups/sg20.ics",
        "/feeds/all.zh.ics",
    ] {
        let got = get(&app, path).await;
        let events = got.body.matches("BEGIN:VEVENT").count();
        assert!(
            got.body.len() <= 1_000_000 && events <= 1000,
            "{path}: {} bytes, {events} events",
            got.body.len()
        );
        assert!(events > 100, "{path}: {events} events");
    }
}
