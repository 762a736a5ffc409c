//! The data being served: an immutable [`Snapshot`] of the catalog, behind a [`Store`] that can
//! swap in a new one atomically (a reload builds the new snapshot off the request path and swaps
//! it in only if it is valid; requests in flight keep the snapshot they started with).

use crate::model::Catalog;
use crate::render::ics;
use crate::select::{self, Feed, Filter, NotFound};
use actix_web::web::Bytes;
use arc_swap::ArcSwap;
use chrono::{DateTime, Utc};
use std::sync::Arc;

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
}

impl Rendered {
    /// Wraps rendered bytes, computing their ETag.
    pub fn new(body: impl Into<Bytes>, last_modified: DateTime<Utc>, filename: String) -> Self {
        let body = body.into();
        let etag = format!("\"{:032x}\"", xxhash_rust::xxh3::xxh3_128(&body));
        Rendered {
            body,
            etag,
            last_modified,
            filename,
        }
    }
}

/// A validated catalog and what is derived from it once.
#[derive(Debug)]
pub struct Snapshot {
    catalog: Catalog,
    last_modified: DateTime<Utc>,
    version: String,
}

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
            xxhash_rust::xxh3::xxh3_64(format!("{catalog:?}").as_bytes()) as u32
        );
        Snapshot {
            catalog,
            last_modified,
            version,
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

    /// Renders the iCalendar feed for a request.
    pub fn feed(&self, feed: &Feed, filter: &Filter) -> Result<Rendered, NotFound> {
        let selection = select::select(&self.catalog, feed, filter)?;
        let body = ics::calendar(&self.catalog, feed, filter, &selection);
        Ok(Rendered::new(
            body,
            self.last_modified,
            filename(feed, filter),
        ))
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

/// The current snapshot, swappable while requests are served.
#[derive(Debug)]
pub struct Store {
    current: ArcSwap<Snapshot>,
}

impl Store {
    /// A store serving `snapshot`.
    pub fn new(snapshot: Snapshot) -> Store {
        Store {
            current: ArcSwap::from_pointee(snapshot),
        }
    }

    /// The snapshot to answer one request from.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.load_full()
    }

    /// Replaces the snapshot; requests already holding the old one finish with it.
    pub fn replace(&self, snapshot: Snapshot) {
        self.current.store(Arc::new(snapshot));
    }
}
