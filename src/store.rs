//! The data being served: an immutable [`Snapshot`] of the catalog, behind a [`Store`] that can
//! swap in a new one atomically (a reload builds the new snapshot off the request path and swaps
//! it in only if it is valid; requests in flight keep the snapshot they started with).
//!
//! A snapshot also keeps what is derived from its data on demand: the rendered feeds, and which
//! request targets were answered with which of them ([`Snapshot::answered`]), so that a feed
//! polled again and again is found without routing, parsing or taking a lock.

use crate::load::{self, Problem};
use crate::model::Catalog;
use crate::render::ics;
use crate::select::{self, Feed, Filter, NotFound};
use actix_web::http::header::{HeaderValue, HttpDate};
use actix_web::web::Bytes;
use arc_swap::ArcSwap;
use chrono::{DateTime, Utc};
use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, UNIX_EPOCH};

/// A hash of everything in the catalog, streamed through xxh3 (no intermediate text).
fn content_hash(catalog: &Catalog) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    catalog.hash(&mut h);
    h.finish()
}

/// One rendered response body and what HTTP needs to know about it.
#[derive(Clone, Debug)]
pub struct Rendered {
    /// The bytes.
    pub body: Bytes,
    /// Strong ETag over the bytes, quoted.
    pub etag: String,
    /// When the data behind it last changed.
    pub last_modified: DateTime<Utc>,
    /// File name for downloads.
    pub filename: String,
    /// The response headers that depend only on the bytes, built once so that serving a
    /// cached feed formats nothing.
    pub headers: Headers,
}

/// Header values of a [`Rendered`] body.
#[derive(Clone, Debug)]
pub struct Headers {
    /// `ETag`.
    pub etag: HeaderValue,
    /// `Last-Modified`, as an HTTP date.
    pub last_modified: HeaderValue,
    /// `Content-Disposition` for subscriptions: `inline; filename="…"`.
    pub inline: HeaderValue,
    /// `Content-Disposition` for downloads: `attachment; filename="…"`.
    pub attachment: HeaderValue,
}

impl Rendered {
    /// Wraps rendered bytes, computing their ETag and header values.
    pub fn new(body: impl Into<Bytes>, last_modified: DateTime<Utc>, filename: String) -> Self {
        let body = body.into();
        let etag = format!("\"{:032x}\"", xxhash_rust::xxh3::xxh3_128(&body));
        let secs = u64::try_from(last_modified.timestamp()).unwrap_or(0);
        let date = HttpDate::from(UNIX_EPOCH + Duration::from_secs(secs)).to_string();
        // file names are built from ids and keys ([a-z0-9-.]), so these cannot fail; the
        // fallbacks only keep a surprise from becoming a panic
        let value = |s: String, fallback: &'static str| {
            HeaderValue::from_str(&s).unwrap_or(HeaderValue::from_static(fallback))
        };
        let headers = Headers {
            etag: value(etag.clone(), "\"\""),
            last_modified: value(date, "Thu, 01 Jan 1970 00:00:00 GMT"),
            inline: value(format!("inline; filename=\"{filename}\""), "inline"),
            attachment: value(format!("attachment; filename=\"{filename}\""), "attachment"),
        };
        Rendered {
            body,
            etag,
            last_modified,
            filename,
            headers,
        }
    }
}

/// A validated catalog and what is derived from it once: rendered feeds are cached here, so a
/// reload (a new snapshot) drops them together with the data they came from.
#[derive(Debug)]
pub struct Snapshot {
    catalog: Catalog,
    last_modified: DateTime<Utc>,
    version: String,
    feeds: Mutex<FeedCache>,
    /// Request targets answered with a cached feed. Read without a lock on every request;
    /// replaced whole (under the `feeds` lock) when a target is added, and emptied when the
    /// cache evicts, so that it never keeps alive a feed the cache has let go.
    targets: ArcSwap<HashMap<Box<str>, Answer>>,
}

/// How a request target was answered: the feed, whether as a download, and the route that
/// served it (what the request is counted under). Kept by [`Snapshot::remember`].
#[derive(Clone, Debug)]
pub struct Answer {
    /// The rendered feed.
    pub rendered: Arc<Rendered>,
    /// Served as an attachment (`download=1`).
    pub download: bool,
    /// The route pattern that answered it.
    pub route: &'static str,
}

/// Most request targets remembered per snapshot: a crawler's endless query variants stop
/// being remembered (they are still answered, through the router) once this many are.
pub const MAX_TARGETS: usize = 1024;

/// Longest request target remembered: feed URLs people subscribe to are far shorter, and the
/// table is copied whole when a target is added.
pub const MAX_TARGET_LEN: usize = 256;

/// Rendered feeds by (feed, filter), bounded by their total size. Eviction is first in, first
/// out: popular variants are re-rendered at most once per cycle, and the bound keeps a crawler
/// walking every filter combination from growing memory without limit.
#[derive(Debug)]
struct FeedCache {
    map: HashMap<(Feed, Filter), Arc<Rendered>>,
    order: VecDeque<(Feed, Filter)>,
    bytes: usize,
    /// Most bytes kept: [`CACHE_BYTES`].
    limit: usize,
}

impl Default for FeedCache {
    fn default() -> FeedCache {
        FeedCache {
            map: HashMap::new(),
            order: VecDeque::new(),
            bytes: 0,
            limit: CACHE_BYTES,
        }
    }
}

/// Most bytes of rendered feeds kept per snapshot.
pub const CACHE_BYTES: usize = 256 << 20;

impl Snapshot {
    /// Wraps a catalog.
    pub fn new(catalog: Catalog) -> Snapshot {
        // Last-Modified of every response: the latest change anywhere in the data, so that it
        // moves forward with every edit (a per-feed maximum could move backwards when the
        // newest event leaves a feed).
        let last_modified = catalog
            .meetings
            .iter()
            .flat_map(|m| std::iter::once(m.updated).chain(m.events.iter().map(|e| e.updated)))
            .max()
            .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
        let version = format!(
            "{}-{:08x}",
            last_modified.format("%Y%m%dT%H%M%SZ"),
            content_hash(&catalog) as u32
        );
        Snapshot {
            catalog,
            last_modified,
            version,
            feeds: Mutex::default(),
            targets: ArcSwap::default(),
        }
    }

    /// The catalog.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// A short identifier of the data's content (latest change + hash).
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The latest change anywhere in the data.
    pub fn last_modified(&self) -> DateTime<Utc> {
        self.last_modified
    }

    /// The iCalendar feed for a request, rendered once per snapshot and then shared.
    pub fn feed(&self, feed: &Feed, filter: &Filter) -> Result<Arc<Rendered>, NotFound> {
        let key = cache_key(feed, filter);
        if let Some(hit) = self.cache().map.get(&key) {
            return Ok(Arc::clone(hit));
        }
        let selection = select::select(&self.catalog, &key.0, &key.1)?;
        let body = ics::calendar(&self.catalog, &key.0, &key.1, &selection);
        FEED_RENDERS.fetch_add(1, Ordering::Relaxed);
        let rendered = Arc::new(Rendered::new(
            body,
            self.last_modified,
            filename(&key.0, &key.1),
        ));
        let mut cache = self.cache();
        if cache.insert(key, Arc::clone(&rendered)) {
            self.targets.store(Arc::default());
        }
        Ok(rendered)
    }

    /// Remembers that the request target `target` (path and query, as sent) is answered with
    /// the cached rendering of `feed` and `filter`, by `route`. Only for an answer that is a
    /// function of the target alone (and of the data): [`Snapshot::answered`] gives it back
    /// for the same target without asking again. Nothing is remembered for a feed no longer
    /// cached, beyond [`MAX_TARGETS`] or for a target longer than [`MAX_TARGET_LEN`].
    pub fn remember(&self, target: &str, feed: &Feed, filter: &Filter, route: &'static str) {
        let remembered = |known: &HashMap<Box<str>, Answer>| {
            known.len() >= MAX_TARGETS || known.contains_key(target)
        };
        // a first look without the lock: once the table is full (or has it), nothing to do
        if target.len() > MAX_TARGET_LEN || remembered(&self.targets.load()) {
            return;
        }
        let key = cache_key(feed, filter);
        // under the cache's lock: an eviction (which empties the targets) cannot come between
        // finding the rendering and listing it
        let cache = self.cache();
        let known = self.targets.load();
        if remembered(&known) {
            return;
        }
        let Some(rendered) = cache.map.get(&key) else {
            return;
        };
        let mut targets = HashMap::clone(&known);
        targets.insert(
            target.into(),
            Answer {
                rendered: Arc::clone(rendered),
                download: filter.download,
                route,
            },
        );
        self.targets.store(Arc::new(targets));
    }

    /// `f` of how `target` was answered, if [`Snapshot::remember`] was told: a hash lookup,
    /// no lock, no reference count shared between threads touched.
    pub fn answered<R>(&self, target: &str, f: impl FnOnce(&Answer) -> R) -> Option<R> {
        self.targets.load().get(target).map(f)
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, FeedCache> {
        crate::lock(&self.feeds)
    }
}

/// The cache's key for a feed request: `download` changes headers only, so every value of it
/// shares one rendering.
fn cache_key(feed: &Feed, filter: &Filter) -> (Feed, Filter) {
    let filter = Filter {
        download: false,
        ..filter.clone()
    };
    (feed.clone(), filter)
}

impl FeedCache {
    /// Caches `value` unless it is too big or there already; returns whether older feeds were
    /// evicted to make room.
    fn insert(&mut self, key: (Feed, Filter), value: Arc<Rendered>) -> bool {
        let size = value.body.len();
        if size > self.limit || self.map.contains_key(&key) {
            return false;
        }
        let mut evicted = false;
        while self.bytes + size > self.limit {
            let Some(old) = self.order.pop_front() else {
                break;
            };
            if let Some(v) = self.map.remove(&old) {
                self.bytes -= v.body.len();
                evicted = true;
            }
        }
        self.bytes += size;
        self.order.push_back(key.clone());
        self.map.insert(key, value);
        evicted
    }
}

/// The download file name of a feed: `itu-t-q2-20.ics`, `sg20-wp1-2018-01-zh.ics`, …
pub fn filename(feed: &Feed, filter: &Filter) -> String {
    let base = match feed {
        Feed::All => "itu-t-meetings".to_string(),
        Feed::Deadlines => "itu-t-deadlines".to_string(),
        Feed::Group(slug) => format!("itu-t-{slug}"),
        Feed::Meeting(id) => id.clone(),
        Feed::Event { meeting, key } => format!("{meeting}-{key}"),
    };
    match filter.lang {
        crate::model::Lang::En => format!("{base}.ics"),
        other => format!("{base}-{}.ics", other.code()),
    }
}

/// Feeds rendered since the process started (a cache miss renders; a hit shares bytes).
pub static FEED_RENDERS: AtomicU64 = AtomicU64::new(0);

/// The current snapshot, swappable while requests are served, and what the last reload found.
#[derive(Debug)]
pub struct Store {
    current: ArcSwap<Snapshot>,
    problems: Mutex<Vec<String>>,
    reloads_ok: AtomicU64,
    reloads_failed: AtomicU64,
}

impl Store {
    /// A store serving `snapshot`.
    pub fn new(snapshot: Snapshot) -> Store {
        Store {
            current: ArcSwap::from_pointee(snapshot),
            problems: Mutex::default(),
            reloads_ok: AtomicU64::new(0),
            reloads_failed: AtomicU64::new(0),
        }
    }

    /// The snapshot to keep: an `Arc` that outlives any reload.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.load_full()
    }

    /// The snapshot to answer one request from: a short-lived guard that, unlike
    /// [`Store::snapshot`], does not touch the reference count shared by every worker thread.
    /// Hold it for one request, not across long waits.
    pub fn current(&self) -> arc_swap::Guard<Arc<Snapshot>> {
        self.current.load()
    }

    /// Replaces the snapshot; requests already holding the old one finish with it.
    pub fn replace(&self, snapshot: Snapshot) {
        self.current.store(Arc::new(snapshot));
    }

    /// Loads `dir` again. If it is valid, its snapshot replaces the current one (unless its
    /// content is the same) and the problems are cleared; otherwise the current snapshot stays
    /// and the problems are kept for `/healthz`. Runs off the request path.
    pub fn reload(&self, dir: &Path) -> Result<(), Vec<Problem>> {
        match load::load_dir(dir) {
            Ok(catalog) => {
                // an unchanged catalog keeps its snapshot, and so its rendered feeds
                if *self.snapshot().catalog() != catalog {
                    self.replace(Snapshot::new(catalog));
                }
                self.lock_problems().clear();
                self.reloads_ok.fetch_add(1, Ordering::Relaxed);
                Ok(())
            }
            Err(problems) => {
                *self.lock_problems() = problems.iter().map(ToString::to_string).collect();
                self.reloads_failed.fetch_add(1, Ordering::Relaxed);
                Err(problems)
            }
        }
    }

    /// The problems that made the last reload fail (empty when the data served is current).
    pub fn problems(&self) -> Vec<String> {
        self.lock_problems().clone()
    }

    /// Reloads that succeeded and that failed since start.
    pub fn reload_counts(&self) -> (u64, u64) {
        (
            self.reloads_ok.load(Ordering::Relaxed),
            self.reloads_failed.load(Ordering::Relaxed),
        )
    }

    fn lock_problems(&self) -> std::sync::MutexGuard<'_, Vec<String>> {
        crate::lock(&self.problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Snapshot {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        Snapshot::new(load::load_dir(&dir).unwrap())
    }

    fn lang(code: &str) -> Filter {
        Filter {
            lang: crate::model::Lang::parse(code).unwrap(),
            ..Filter::default()
        }
    }

    #[test]
    fn remembered_targets_give_back_the_cached_feed() {
        let snap = seed();
        let zh = lang("zh");
        let download = Filter {
            download: true,
            ..zh.clone()
        };
        snap.feed(&Feed::All, &download).unwrap();
        assert!(snap.answered("/feeds/all.zh.ics", |_| ()).is_none());
        snap.remember("/feeds/all.zh.ics?download=1", &Feed::All, &download, "r");
        let (body, download, route) = snap
            .answered("/feeds/all.zh.ics?download=1", |a| {
                (a.rendered.body.clone(), a.download, a.route)
            })
            .unwrap();
        assert_eq!(body, snap.feed(&Feed::All, &zh).unwrap().body);
        assert!(download);
        assert_eq!(route, "r");
        // a feed never rendered (so not cached) is not remembered
        snap.remember("/feeds/deadlines.ics", &Feed::Deadlines, &zh, "r");
        assert!(snap.answered("/feeds/deadlines.ics", |_| ()).is_none());
    }

    #[test]
    fn at_most_max_targets_are_remembered() {
        let snap = seed();
        let filter = Filter::default();
        snap.feed(&Feed::All, &filter).unwrap();
        for i in 0..MAX_TARGETS + 10 {
            snap.remember(&format!("/feeds/all.ics?x={i}"), &Feed::All, &filter, "r");
        }
        assert_eq!(snap.targets.load().len(), MAX_TARGETS);
        let last = format!("/feeds/all.ics?x={}", MAX_TARGETS - 1);
        assert!(snap.answered(&last, |_| ()).is_some());
        assert!(snap.answered("/feeds/all.ics?x=1030", |_| ()).is_none());

        let snap = seed();
        snap.feed(&Feed::All, &filter).unwrap();
        let long = format!("/feeds/all.ics?{}", "x".repeat(MAX_TARGET_LEN));
        snap.remember(&long, &Feed::All, &filter, "r");
        assert!(snap.answered(&long, |_| ()).is_none());
        let (short, _) = long.split_at(MAX_TARGET_LEN);
        snap.remember(short, &Feed::All, &filter, "r");
        assert!(snap.answered(short, |_| ()).is_some());
    }

    #[test]
    fn an_eviction_forgets_every_target_so_none_keeps_an_evicted_feed() {
        let snap = seed();
        let (en, zh) = (Filter::default(), lang("zh"));
        let size = snap.feed(&Feed::All, &en).unwrap().body.len();
        // room for one all.ics, not two
        snap.cache().limit = size + size / 2;
        snap.remember("/feeds/all.ics", &Feed::All, &en, "r");
        assert!(snap.answered("/feeds/all.ics", |_| ()).is_some());
        snap.feed(&Feed::All, &zh).unwrap();
        assert!(snap.answered("/feeds/all.ics", |_| ()).is_none());
        assert_eq!(snap.cache().map.len(), 1);
        // and what is cached can be remembered again
        snap.remember("/feeds/all.zh.ics", &Feed::All, &zh, "r");
        assert!(snap.answered("/feeds/all.zh.ics", |_| ()).is_some());
    }
}
