//! The data being served: an immutable [`Snapshot`] of the catalog, behind a [`Store`] that can
//! swap in a new one atomically (a reload builds the new snapshot off the request path and swaps
//! it in only if it is valid; requests in flight keep the snapshot they started with).
//!
//! A snapshot also keeps the feeds rendered from its data, rendered once each and then shared.
//! Nothing here knows HTTP: turning bytes into responses is `web`'s job.

use crate::load::{self, Parsed, Problem};
use crate::lock::{self, Lock, Outcome};
use crate::model::{Catalog, Drafts, Event, Meeting};
use crate::render::ics;
use crate::select::{self, Feed, Filter, NotFound};
use crate::window;
use arc_swap::ArcSwap;
use bytes::Bytes;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

/// A hash of everything in the catalog and the lock, streamed through xxh3 (no intermediate
/// text).
fn content_hash(catalog: &Catalog, lock: Option<&Lock>) -> u128 {
    use std::hash::Hash;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    catalog.hash(&mut h);
    lock.hash(&mut h);
    h.digest128()
}

/// One rendered body and what identifies its version.
#[derive(Clone, Debug)]
pub struct Rendered {
    /// The bytes.
    pub body: Bytes,
    /// A 128-bit hash of the bytes (xxh3) in 32 lowercase hex digits: equal bytes, equal hash,
    /// on every replica. Written out once here, not for each request that compares it.
    pub hash: Box<str>,
    /// When the data behind it last changed.
    pub last_modified: DateTime<Utc>,
}

impl Rendered {
    /// Wraps rendered bytes, hashing them.
    pub fn new(body: impl Into<Bytes>, last_modified: DateTime<Utc>) -> Self {
        let body = body.into();
        Rendered {
            hash: format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&body)).into(),
            body,
            last_modified,
        }
    }
}

/// A validated catalog and what is derived from it once: rendered feeds are cached here, so a
/// reload (a new snapshot) drops them together with the data they came from.
#[derive(Debug)]
pub struct Snapshot {
    /// The catalog as served: through the lock when there is one.
    catalog: Catalog,
    /// The lock as read (its history is what the changes pages tell).
    lock: Option<Lock>,
    /// What the data changed since the lock (empty without a lock, or when it is current).
    stale: Vec<Outcome>,
    /// [`content_hash`] of the files read: a reload that reads the same keeps this snapshot.
    source: u128,
    /// Draft meetings the files hold and this snapshot does not serve.
    drafts_left_out: usize,
    last_modified: DateTime<Utc>,
    version: String,
    /// Read by every feed request, written once per feed rendered: a read-write lock, so that
    /// workers serving cached feeds never wait for each other.
    feeds: RwLock<Cache<FeedKey>>,
    /// The catalog's pages (home, groups, years, the long-range view), whose work grows with
    /// the catalog: rendered once per snapshot, date and language, like the feeds.
    pages: RwLock<Cache<PageKey>>,
    /// How many events each windowed feed rendered holds ([`Snapshot::feed_events`]).
    held: RwLock<HashMap<FeedKey, usize>>,
}

/// Most counts [`Snapshot::feed_events`] keeps (a few bytes each; cleared when full, like a
/// crawler's many filters would fill it).
const HELD_ENTRIES: usize = 65_536;

/// A feed, its filter, and the date when the feed is windowed.
type FeedKey = (Feed, Filter, Option<NaiveDate>);

/// A page, as its renderer names it (route, path segment, language), and the date.
pub type PageKey = (String, NaiveDate);

/// Rendered bodies by key, bounded by their total size. Eviction is first in, first out:
/// popular variants are re-rendered at most once per cycle, and the bound keeps a crawler
/// walking every filter combination from growing memory without limit.
#[derive(Debug)]
struct Cache<K> {
    map: HashMap<K, Arc<Rendered>>,
    order: VecDeque<K>,
    bytes: usize,
    /// Most bytes kept: [`CACHE_BYTES`].
    limit: usize,
}

impl<K> Default for Cache<K> {
    fn default() -> Cache<K> {
        Cache {
            map: HashMap::new(),
            order: VecDeque::new(),
            bytes: 0,
            limit: CACHE_BYTES,
        }
    }
}

/// Most bytes of rendered feeds (and, apart, of pages) kept per snapshot.
pub const CACHE_BYTES: usize = 256 << 20;

impl Snapshot {
    /// Wraps a catalog that has no lock file.
    pub fn new(catalog: Catalog) -> Snapshot {
        Snapshot::with_lock(catalog, None)
    }

    /// Wraps a catalog and its lock: the catalog is served through the lock ([`lock::apply`]).
    pub fn with_lock(catalog: Catalog, lock: Option<Lock>) -> Snapshot {
        let source = content_hash(&catalog, lock.as_ref());
        let (catalog, stale) = match &lock {
            Some(l) => {
                let applied = lock::apply(catalog, l);
                (applied.catalog, applied.stale)
            }
            None => (catalog, Vec::new()),
        };
        // Last-Modified of every response: the latest change anywhere in the data and the
        // lock, so that it moves forward with every edit (a per-feed maximum could move
        // backwards when the newest event leaves a feed).
        let last_modified = catalog
            .meetings
            .iter()
            .flat_map(|m| std::iter::once(m.updated).chain(m.events.iter().map(|e| e.updated)))
            .chain(lock.as_ref().map(Lock::last_change))
            .max()
            .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
        let version = format!(
            "{}-{:08x}",
            last_modified.format("%Y%m%dT%H%M%SZ"),
            source as u32
        );
        Snapshot {
            catalog,
            lock,
            stale,
            source,
            drafts_left_out: 0,
            last_modified,
            version,
            feeds: RwLock::default(),
            pages: RwLock::default(),
            held: RwLock::default(),
        }
    }

    /// Reads the meeting files of `dir` and its lock file, if any: every problem of both.
    /// Draft meetings are left out.
    pub fn load(dir: &Path) -> Result<Snapshot, Vec<Problem>> {
        Snapshot::load_served(dir, Drafts::Hidden)
    }

    /// As [`Snapshot::load`], serving draft meetings as `drafts` says.
    pub fn load_served(dir: &Path, drafts: Drafts) -> Result<Snapshot, Vec<Problem>> {
        Snapshot::load_with(dir, drafts, &mut Parsed::default())
    }

    /// As [`Snapshot::load_served`], keeping the parsed files in `parsed` (for
    /// [`Store::with_parsed`], so that the first reload parses only what changed).
    pub fn load_with(
        dir: &Path,
        drafts: Drafts,
        parsed: &mut Parsed,
    ) -> Result<Snapshot, Vec<Problem>> {
        let (catalog, lock, left_out) = read_dir(dir, drafts, parsed)?;
        Ok(Snapshot {
            drafts_left_out: left_out,
            ..Snapshot::with_lock(catalog, lock)
        })
    }

    /// How many draft meetings the files hold that this snapshot does not serve.
    pub fn drafts_left_out(&self) -> usize {
        self.drafts_left_out
    }

    /// The lock the catalog is served through, if there is one.
    pub fn lock(&self) -> Option<&Lock> {
        self.lock.as_ref()
    }

    /// The events whose data no longer matches the lock (served as the next `itucal lock`
    /// would make them, at the lock's last change time).
    pub fn stale(&self) -> &[Outcome] {
        &self.stale
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

    /// The iCalendar feed for a request on the UTC date `today` (which only a windowed feed
    /// depends on: [`crate::window`]), rendered once per snapshot and date, and then shared.
    pub fn feed(
        &self,
        feed: &Feed,
        filter: &Filter,
        today: NaiveDate,
    ) -> Result<Arc<Rendered>, NotFound> {
        let key = (
            feed.clone(),
            filter.clone(),
            feed.is_windowed().then_some(today),
        );
        if let Some(hit) = read(&self.feeds).map.get(&key) {
            return Ok(Arc::clone(hit));
        }
        self.render_feed(key)
    }

    /// Renders the feed `key` names, keeps it in the cache and, for a windowed feed, the
    /// number of its events.
    fn render_feed(&self, key: FeedKey) -> Result<Arc<Rendered>, NotFound> {
        let (feed, filter, today) = (&key.0, &key.1, key.2.unwrap_or(NaiveDate::MIN));
        // rendered without the lock: other feeds are served meanwhile (two requests for the
        // same new feed may both render it; the cache keeps one)
        let selection = select::select(&self.catalog, feed, filter)?;
        let body = if feed.is_windowed() {
            let (body, events) = self.windowed(feed, filter, selection, today);
            let mut held = write(&self.held);
            if held.len() >= HELD_ENTRIES {
                held.clear();
            }
            held.insert(key.clone(), events);
            body
        } else {
            ics::calendar(&self.catalog, feed, filter, &selection, None)
        };
        FEED_RENDERS.fetch_add(1, Ordering::Relaxed);
        let rendered = Arc::new(Rendered::new(body, self.last_modified));
        write(&self.feeds).insert(key, Arc::clone(&rendered));
        Ok(rendered)
    }

    /// How many events the feed holds on `today`: what its selection holds, after its window
    /// for a windowed feed (whose count is kept when it is rendered: the window depends on
    /// the rendered bytes, and the bytes may have left the cache).
    pub fn feed_events(
        &self,
        feed: &Feed,
        filter: &Filter,
        today: NaiveDate,
    ) -> Result<usize, NotFound> {
        if !feed.is_windowed() {
            return Ok(select::select(&self.catalog, feed, filter)?.len());
        }
        let key = (feed.clone(), filter.clone(), Some(today));
        if let Some(&n) = read(&self.held).get(&key) {
            return Ok(n);
        }
        self.render_feed(key.clone())?;
        Ok(read(&self.held).get(&key).copied().unwrap_or_default())
    }

    /// A windowed feed within [`window::MAX_EVENTS`] and [`window::MAX_BYTES`], with the
    /// number of its events: when the rendered bytes are over, the window is narrowed in
    /// proportion and rendered again.
    fn windowed(
        &self,
        feed: &Feed,
        filter: &Filter,
        selection: Vec<(&Meeting, &Event)>,
        today: NaiveDate,
    ) -> (String, usize) {
        let scope = feed.window_scope(filter);
        let mut max = window::MAX_EVENTS;
        loop {
            let w = window::window(selection.clone(), &scope, today, max);
            let body = ics::calendar(&self.catalog, feed, filter, &w.events, Some(&w));
            let n = w.events.len();
            if body.len() <= window::MAX_BYTES || n == 0 {
                return (body, n);
            }
            // 5 % under the proportional count, so that one more pass is almost always enough
            let fit = n * window::MAX_BYTES / body.len() * 19 / 20;
            if fit >= max || fit == 0 {
                // only the latest meetings of the groups are left: they stay
                return (body, n);
            }
            max = fit;
        }
    }

    /// The page `key` names, rendered by `render` once per snapshot and key, then shared.
    /// `render` is called without the cache's lock held.
    pub fn page(&self, key: PageKey, render: impl FnOnce() -> String) -> Arc<Rendered> {
        if let Some(hit) = read(&self.pages).map.get(&key) {
            return Arc::clone(hit);
        }
        let rendered = Arc::new(Rendered::new(render(), self.last_modified));
        write(&self.pages).insert(key, Arc::clone(&rendered));
        rendered
    }

    #[cfg(test)]
    fn cache(&self) -> std::sync::RwLockWriteGuard<'_, Cache<FeedKey>> {
        write(&self.feeds)
    }
}

impl<K: std::hash::Hash + Eq + Clone> Cache<K> {
    /// Caches `value` unless it is too big or there already, evicting the oldest bodies to
    /// make room.
    fn insert(&mut self, key: K, value: Arc<Rendered>) {
        let size = value.body.len();
        if size > self.limit || self.map.contains_key(&key) {
            return;
        }
        while self.bytes + size > self.limit {
            let Some(old) = self.order.pop_front() else {
                break;
            };
            if let Some(v) = self.map.remove(&old) {
                self.bytes -= v.body.len();
            }
        }
        self.bytes += size;
        self.order.push_back(key.clone());
        self.map.insert(key, value);
    }
}

/// The meeting files of `dir` as served (drafts as `drafts` says) and its lock, with how many
/// drafts were left out; or every problem of both.
/// Files whose bytes `parsed` already holds are not parsed again.
fn read_dir(
    dir: &Path,
    drafts: Drafts,
    parsed: &mut Parsed,
) -> Result<(Catalog, Option<Lock>, usize), Vec<Problem>> {
    match (load::load_dir_with(dir, parsed), lock::file::read(dir)) {
        (Ok(catalog), Ok(lock)) => {
            let all = catalog.draft_count();
            let served = catalog.served(drafts);
            let left_out = all - served.draft_count();
            Ok((served, lock, left_out))
        }
        (catalog, lock) => {
            let mut problems = catalog.err().unwrap_or_default();
            problems.extend(lock.err().unwrap_or_default());
            Err(problems)
        }
    }
}

/// Reads a lock, also when a thread panicked while holding it (see [`crate::lock`]).
fn read<T>(l: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    l.read().unwrap_or_else(|e| e.into_inner())
}

/// Writes a lock, also when a thread panicked while holding it (see [`crate::lock`]).
fn write<T>(l: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(|e| e.into_inner())
}

/// Feeds rendered since the process started (a cache miss renders; a hit shares bytes).
pub static FEED_RENDERS: AtomicU64 = AtomicU64::new(0);

/// The current snapshot, swappable while requests are served, and what the last reload found.
#[derive(Debug)]
pub struct Store {
    current: ArcSwap<Snapshot>,
    /// Whether reloads serve draft meetings.
    drafts: Drafts,
    problems: Mutex<Vec<String>>,
    /// The files as last parsed: a reload parses only those whose bytes changed.
    parsed: Mutex<Parsed>,
    reloads_ok: AtomicU64,
    reloads_failed: AtomicU64,
}

impl Store {
    /// A store serving `snapshot`; reloads leave draft meetings out.
    pub fn new(snapshot: Snapshot) -> Store {
        Store {
            current: ArcSwap::from_pointee(snapshot),
            drafts: Drafts::Hidden,
            problems: Mutex::default(),
            parsed: Mutex::default(),
            reloads_ok: AtomicU64::new(0),
            reloads_failed: AtomicU64::new(0),
        }
    }

    /// The same store, serving draft meetings as `drafts` says after every reload (the first
    /// snapshot is the caller's: [`Snapshot::load_served`]).
    pub fn with_drafts(self, drafts: Drafts) -> Store {
        Store { drafts, ..self }
    }

    /// The same store, starting from the files its first snapshot was parsed from
    /// ([`Snapshot::load_with`]).
    pub fn with_parsed(self, parsed: Parsed) -> Store {
        Store {
            parsed: Mutex::new(parsed),
            ..self
        }
    }

    /// The snapshot to keep: an `Arc` that outlives any reload.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.load_full()
    }

    /// The snapshot to answer one request from: a short-lived guard that, unlike
    /// [`Store::snapshot`], does not touch the reference count that every worker thread shares.
    /// Hold it for one request, not across long waits.
    pub fn current(&self) -> arc_swap::Guard<Arc<Snapshot>> {
        self.current.load()
    }

    /// Replaces the snapshot; requests already holding the old one finish with it.
    pub fn replace(&self, snapshot: Snapshot) {
        self.current.store(Arc::new(snapshot));
    }

    /// Loads `dir` again (meeting files and lock). If both are valid, their snapshot replaces
    /// the current one (unless their content is the same) and the problems are cleared;
    /// otherwise the current snapshot stays and the problems are kept for `/healthz`. Runs off
    /// the request path.
    pub fn reload(&self, dir: &Path) -> Result<(), Vec<Problem>> {
        let mut parsed = crate::lock(&self.parsed);
        match read_dir(dir, self.drafts, &mut parsed) {
            Ok((catalog, lock, left_out)) => {
                // unchanged files keep their snapshot, and so its rendered feeds (the content
                // is hashed once, by the new snapshot)
                let fresh = Snapshot {
                    drafts_left_out: left_out,
                    ..Snapshot::with_lock(catalog, lock)
                };
                if self.snapshot().source != fresh.source {
                    self.replace(fresh);
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

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn lang(code: &str) -> Filter {
        Filter {
            lang: crate::model::Lang::parse(code).unwrap(),
            ..Filter::default()
        }
    }

    #[test]
    fn a_reload_serves_a_draft_only_when_the_store_shows_drafts() {
        let seed = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sg20-wp1-2018-01.toml"),
        )
        .unwrap();
        let draft = seed.replacen(
            "id = \"sg20-wp1-2018-01\"",
            "id = \"sg20-draft\"\ndraft = true",
            1,
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.toml"), &seed).unwrap();
        std::fs::write(dir.path().join("b.toml"), &draft).unwrap();
        let ids = |store: &Store| -> Vec<String> {
            store.reload(dir.path()).unwrap();
            let snap = store.snapshot();
            snap.catalog()
                .meetings
                .iter()
                .map(|m| m.id.clone())
                .collect()
        };
        let empty = || Catalog::new(Vec::new());
        assert_eq!(
            ids(&Store::new(Snapshot::new(empty())).with_drafts(Drafts::Hidden)),
            ["sg20-wp1-2018-01"]
        );
        assert_eq!(
            ids(&Store::new(Snapshot::new(empty())).with_drafts(Drafts::Shown)),
            ["sg20-draft", "sg20-wp1-2018-01"]
        );
    }

    /// Issue 15 §3: a reload parses only the edited file, serves its change, leaves every
    /// other meeting's bytes as they were, and still refuses an id the edit duplicates.
    #[test]
    fn a_reload_parses_only_the_edited_file_and_still_checks_across_files() {
        let seed = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sg20-wp1-2018-01.toml"),
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = |id: &str| dir.path().join(format!("{id}.toml"));
        let with_id =
            |id: &str| seed.replacen("id = \"sg20-wp1-2018-01\"", &format!("id = \"{id}\""), 1);
        for id in ["a", "b", "c"] {
            std::fs::write(file(id), with_id(id)).unwrap();
        }
        let mut parsed = Parsed::default();
        let snap = Snapshot::load_with(dir.path(), Drafts::Hidden, &mut parsed).unwrap();
        assert_eq!(parsed.parses(), 3);
        let store = Store::new(snap).with_parsed(parsed);
        let feed = |store: &Store, id: &str| {
            let snap = store.snapshot();
            snap.feed(&Feed::Meeting(id.into()), &Filter::default(), today())
                .unwrap()
                .body
                .clone()
        };
        let (a, b) = (feed(&store, "a"), feed(&store, "b"));
        // an edit of b
        let edited = with_id("b").replace(
            "Geneva, 15–24 January 2018\"",
            "Geneva, 15–24 January 2018 (edited)\"",
        );
        assert_ne!(edited, with_id("b"));
        std::fs::write(file("b"), &edited).unwrap();
        store.reload(dir.path()).unwrap();
        assert_eq!(
            crate::lock(&store.parsed).parses(),
            4,
            "only b was parsed again"
        );
        assert_eq!(feed(&store, "a"), a);
        assert_ne!(feed(&store, "b"), b);
        // b takes a's id: refused, naming both places, and the last good data stays
        std::fs::write(file("b"), with_id("a")).unwrap();
        let problems = store.reload(dir.path()).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .to_string()
                .contains("meeting id 'a' is already used by"),
            "{}",
            problems[0]
        );
        assert!(problems[0].file.ends_with("b.toml"));
        assert_ne!(feed(&store, "b"), b);
        assert!(store.snapshot().catalog().meeting("b").is_some());
    }

    /// Replicas that mount the same files at different paths serve the same version.
    #[test]
    fn the_version_depends_on_the_files_contents_not_on_where_they_are() {
        let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let versions: Vec<String> = (0..2)
            .map(|_| {
                let dir = tempfile::tempdir().unwrap();
                for f in ["sg20-wp1-2018-01.toml", "itucal.lock"] {
                    std::fs::copy(seed.join(f), dir.path().join(f)).unwrap();
                }
                Snapshot::load(dir.path()).unwrap().version().to_string()
            })
            .collect();
        assert_eq!(versions[0], versions[1]);
        assert_eq!(versions[0], Snapshot::load(&seed).unwrap().version());
    }

    #[test]
    fn a_feed_is_rendered_once_and_then_shared() {
        let snap = seed();
        let first = snap.feed(&Feed::All, &lang("zh"), today()).unwrap();
        let again = snap.feed(&Feed::All, &lang("zh"), today()).unwrap();
        assert!(Arc::ptr_eq(&first, &again));
        let hash = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&first.body));
        assert_eq!(*first.hash, hash);
        let en = snap.feed(&Feed::All, &Filter::default(), today()).unwrap();
        assert_ne!(first.hash, en.hash);
    }

    #[test]
    fn a_page_is_rendered_once_per_key_and_then_shared() {
        let snap = seed();
        let renders = std::cell::Cell::new(0);
        let render = || {
            renders.set(renders.get() + 1);
            format!("page {}", renders.get())
        };
        let key = |path: &str| (path.to_string(), today());
        let first = snap.page(key("/?lang=en"), render);
        let again = snap.page(key("/?lang=en"), render);
        assert!(Arc::ptr_eq(&first, &again));
        let other = snap.page(key("/?lang=fr"), render);
        assert_eq!(
            (&*first.body, &*other.body),
            (&b"page 1"[..], &b"page 2"[..])
        );
        assert_eq!(renders.get(), 2);
    }

    #[test]
    fn the_cache_evicts_the_oldest_feed_past_its_bound() {
        let snap = seed();
        let (en, zh) = (Filter::default(), lang("zh"));
        let size = snap.feed(&Feed::All, &en, today()).unwrap().body.len();
        // room for one all.ics, not two
        snap.cache().limit = size + size / 2;
        snap.feed(&Feed::All, &zh, today()).unwrap();
        let cache = snap.cache();
        assert_eq!(cache.map.len(), 1);
        assert!(cache.map.contains_key(&(Feed::All, zh, Some(today()))));
        assert!(cache.bytes <= cache.limit);
    }
}
