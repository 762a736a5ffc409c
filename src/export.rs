//! Static export: every feed variant people subscribe to and every page, written as files that
//! are byte-identical to what `serve` answers, plus `manifest.json` mapping each file to its URL,
//! media type and ETag (for CDN rules and upload tools).
//!
//! Each file is fetched from the real app in-process, so it cannot drift from what `serve`
//! returns. Feed languages are in the path (`all.zh.ics`, which `serve` answers too), because
//! static hosts ignore query strings; pages keep their `?lang=zh` links, so a static host needs
//! the manifest's URL → file mapping (a CDN rule) for the Chinese pages.

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

/// Every URL the export writes, with the file it goes to: feeds in every language (the
/// language in the file name), the pages (`/` → `index.html`, `/meetings/x` →
/// `meetings/x.html`, `?lang=zh` → `….zh.html`, which hosts with "clean URLs" serve at the
/// page's path), the assets and the API documents.
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
    let mut pages: Vec<String> = vec![
        "/".into(),
        "/subscribe/all".into(),
        "/subscribe/deadlines".into(),
    ];
    for m in &catalog.meetings {
        pages.push(format!("/meetings/{}", m.id));
        pages.push(format!("/subscribe/{}", m.id));
    }
    for g in &catalog.groups {
        pages.push(format!("/subscribe/groups/{}", g.slug()));
    }
    for page in pages {
        for lang in Lang::ALL {
            let base = match page.as_str() {
                "/" => "index".to_string(),
                p => p.trim_start_matches('/').to_string(),
            };
            let (query, suffix) = match lang {
                Lang::En => (String::new(), String::new()),
                other => (
                    format!("?lang={}", other.code()),
                    format!(".{}", other.code()),
                ),
            };
            out.push((format!("{page}{query}"), format!("{base}{suffix}.html")));
            if page.starts_with("/subscribe/") || page.starts_with("/meetings/") {
                for ext in ["html", "txt"] {
                    out.push((
                        format!("{page}/email.{ext}{query}"),
                        format!("{}/email{suffix}.{ext}", page.trim_start_matches('/')),
                    ));
                }
            }
        }
    }
    for asset in ["static/style.css", "static/app.js", "static/favicon.svg"] {
        out.push((format!("/{asset}"), asset.to_string()));
    }
    out.push(("/api/meetings".into(), "api/meetings.json".into()));
    out.push(("/api/feeds".into(), "api/feeds.json".into()));
    out.push(("/api/events".into(), "api/events.json".into()));
    out.push(("/api/openapi.json".into(), "api/openapi.json".into()));
    for m in &catalog.meetings {
        out.push((
            format!("/api/meetings/{}", m.id),
            format!("api/meetings/{}.json", m.id),
        ));
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
