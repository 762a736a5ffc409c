//! Every feed variant the server offers for a data set, fetched through the app, with the
//! events each must hold as the data says (instants converted with chrono-tz by the loader).

use actix_web::test;
use chrono::Days;
use itucal::model::{Lang, Status, When};
use itucal::render::ics;
use itucal::select::{self, Feed, Filter};
use itucal::store::{Snapshot, Store};
use itucal::web::{AppState, app};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The day the variants are served on (`--today`): before every fixture's meetings, so that the
/// aggregate feeds' windows hold all of them and each feed is the whole selection the readers
/// are compared with.
pub const TODAY: &str = "2017-09-01";

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The shipped data, the conformance fixtures (DST, other zones, hostile text) and the example
/// meeting with a full time plan (sessions through the autumn clock change, tentative, cancelled,
/// joint), read where it is shipped so that what the readers see is what editors copy.
pub fn data_sets() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    vec![
        root.join("data"),
        fixtures().join("conformance"),
        root.join("examples/sg99-2026-10"),
    ]
}

/// One event as the data says every reader must see it.
#[derive(Debug, Clone)]
pub struct Expected {
    pub uid: String,
    pub start: String,
    pub end: String,
    pub summary: String,
    pub description: String,
    pub location: Option<String>,
    /// SEQUENCE, STATUS and LAST-MODIFIED (which DTSTAMP equals), from the lock when there is one.
    pub sequence: u32,
    pub status: &'static str,
    pub last_modified: String,
}

/// A feed as served, and what it must contain.
#[derive(Debug, Clone)]
pub struct Variant {
    pub uri: String,
    pub body: String,
    pub download_body: String,
    pub expected: Vec<Expected>,
}

const UTC: &str = "%Y-%m-%dT%H:%M:%SZ";

/// Every variant for the data in `dir`: all, deadlines, each meeting, each group, each event,
/// and some filtered ones; in every language.
pub fn all(dir: &Path) -> Vec<Variant> {
    let snapshot = Snapshot::load(dir).unwrap_or_else(|p| panic!("{p:?}"));
    // the catalog as served: through the lock, with removed events back as cancelled
    let catalog = snapshot.catalog().clone();
    // (path, feed, query pairs other than lang)
    type Planned = (String, Feed, Vec<(&'static str, &'static str)>);
    let mut feeds: Vec<Planned> = vec![
        ("/feeds/all.ics".into(), Feed::All, vec![]),
        ("/feeds/deadlines.ics".into(), Feed::Deadlines, vec![]),
        (
            "/feeds/all.ics?kind=meeting,session".into(),
            Feed::All,
            vec![("kind", "meeting,session")],
        ),
    ];
    for m in &catalog.meetings {
        feeds.push((
            format!("/feeds/{}.ics", m.id),
            Feed::Meeting(m.id.clone()),
            vec![],
        ));
        for e in &m.events {
            feeds.push((
                format!("/events/{}/{}.ics", m.id, e.key),
                Feed::Event {
                    meeting: m.id.clone(),
                    key: e.key.clone(),
                },
                vec![],
            ));
        }
    }
    for g in &catalog.groups {
        feeds.push((
            format!("/feeds/groups/{}.ics", g.slug()),
            Feed::Group(g.slug().to_string()),
            vec![],
        ));
    }
    let before_all = TODAY.parse().expect("a date");
    let state = AppState::new(Arc::new(Store::new(snapshot)), "https://feeds.example.org")
        .with_today(itucal::window::Today::Fixed(before_all));
    actix_web::rt::System::new().block_on(async {
        let app = test::init_service(app(state)).await;
        let mut out = Vec::new();
        for (path, feed, query) in &feeds {
            for lang in Lang::ALL {
                let filter = Filter::parse(
                    query.iter().copied().chain([("lang", lang.code())]),
                    &catalog,
                )
                .unwrap();
                let sep = if path.contains('?') { '&' } else { '?' };
                let uri = format!("{path}{sep}lang={}", lang.code());
                let fetch = |uri: String| {
                    let app = &app;
                    async move {
                        let res = test::call_service(
                            app,
                            test::TestRequest::get().uri(&uri).to_request(),
                        )
                        .await;
                        assert_eq!(res.status(), 200, "{uri}");
                        String::from_utf8(test::read_body(res).await.to_vec()).unwrap()
                    }
                };
                let body = fetch(uri.clone()).await;
                let download_body = fetch(format!("{uri}&download=1")).await;
                let expected = select::select(&catalog, feed, &filter)
                    .unwrap()
                    .into_iter()
                    .map(|(m, e)| {
                        let (start, end) = match &e.when {
                            When::AllDay { first, last } => (
                                first.format("%Y-%m-%d").to_string(),
                                (*last + Days::new(1)).format("%Y-%m-%d").to_string(),
                            ),
                            When::Timed {
                                start_utc, end_utc, ..
                            } => (
                                start_utc.format(UTC).to_string(),
                                end_utc.format(UTC).to_string(),
                            ),
                        };
                        Expected {
                            uid: ics::uid(m, e),
                            start,
                            end,
                            summary: ics::summary(e, lang),
                            description: ics::description(m, e, lang),
                            location: e
                                .location
                                .as_ref()
                                .or(m.location.as_ref())
                                .map(|l| l.get(lang).to_string()),
                            sequence: e.sequence,
                            status: match e.status {
                                Status::Confirmed => "CONFIRMED",
                                Status::Tentative => "TENTATIVE",
                                Status::Cancelled => "CANCELLED",
                            },
                            last_modified: e.updated.format(UTC).to_string(),
                        }
                    })
                    .collect();
                out.push(Variant {
                    uri,
                    body,
                    download_body,
                    expected,
                });
            }
        }
        out
    })
}
