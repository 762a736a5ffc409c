//! Static export: every feed variant people subscribe to and every page, written as files that
//! are byte-identical to what `serve` answers, plus `manifest.json` mapping each file to its URL,
//! media type and ETag (for CDN rules and upload tools).
//!
//! Each file is fetched from the real app in-process, so it cannot drift from what `serve`
//! returns. Languages are in the path (`all.zh.ics`), because static hosts ignore query strings.

use crate::model::{Catalog, Lang};
use crate::web::{self, AppState};
use actix_web::test;
use serde::Serialize;
use std::io;
use std::path::Path;

/// One exported file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Entry {
    /// Path of the file, relative to the export directory (`feeds/all.zh.ics`).
    pub path: String,
    /// The URL path `serve` answers with the same bytes.
    pub url: String,
    /// `Content-Type` to serve it with.
    pub content_type: String,
    /// The ETag `serve` gives it.
    pub etag: String,
    /// Size in bytes.
    pub bytes: usize,
}

/// What an export wrote, in path order.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Manifest {
    /// Every file but the manifest itself.
    pub files: Vec<Entry>,
}

/// Every URL the export writes, with the file it goes to.
pub fn urls(catalog: &Catalog) -> Vec<(String, String)> {
    let mut names: Vec<String> = vec!["feeds/all".into(), "feeds/deadlines".into()];
    for m in &catalog.meetings {
        names.push(format!("feeds/{}", m.id));
        for e in &m.events {
            names.push(format!("events/{}/{}", m.id, e.key));
        }
    }
    for g in &catalog.groups {
        names.push(format!("feeds/groups/{}", g.slug()));
    }
    let mut out = Vec::new();
    for name in names {
        for lang in Lang::ALL {
            let file = match lang {
                Lang::En => format!("{name}.ics"),
                other => format!("{name}.{}.ics", other.code()),
            };
            out.push((format!("/{file}"), file));
        }
    }
    out
}

/// Writes every file of [`urls`] and `manifest.json` into `dir`.
pub fn export(state: AppState, dir: &Path) -> io::Result<Manifest> {
    let catalog = state.store.snapshot().catalog().clone();
    let fetched = actix_web::rt::System::new().block_on(async move {
        let app = test::init_service(web::app(state)).await;
        let mut fetched = Vec::new();
        for (url, path) in urls(&catalog) {
            let res =
                test::call_service(&app, test::TestRequest::get().uri(&url).to_request()).await;
            let status = res.status();
            let header = |name: &str| {
                res.headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("")
                    .to_string()
            };
            let (content_type, etag) = (header("content-type"), header("etag"));
            let body = test::read_body(res).await;
            if !status.is_success() {
                return Err(io::Error::other(format!("{url} answered {status}")));
            }
            fetched.push((
                Entry {
                    path,
                    url,
                    content_type,
                    etag,
                    bytes: body.len(),
                },
                body,
            ));
        }
        Ok(fetched)
    })?;
    let mut files = Vec::with_capacity(fetched.len());
    for (entry, body) in fetched {
        let target = dir.join(&entry.path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&target, &body)?;
        files.push(entry);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let manifest = Manifest { files };
    let json = serde_json::to_vec_pretty(&manifest).map_err(io::Error::other)?;
    std::fs::write(dir.join("manifest.json"), json)?;
    Ok(manifest)
}
