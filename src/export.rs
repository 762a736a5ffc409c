//! Static export: every feed variant people subscribe to and every page, written as files that
//! are byte-identical to what `serve` answers, plus `manifest.json` mapping each file to its URL,
//! media type and ETag (for CDN rules and upload tools).
//!
//! Each file is fetched from the real app in-process, so it cannot drift from what `serve`
//! returns. Feed languages are in the path (`all.zh.ics`, which `serve` answers too), because
//! static hosts ignore query strings; pages keep their `?lang=zh` links, so a static host needs
//! the manifest's URL → file mapping (a CDN rule) for the Chinese pages.

use crate::links::{self, Show};
use crate::model::{Catalog, Lang};
use crate::select::{self, Feed};
use crate::urls::Route;
use crate::web::{self, AppState};
use actix_web::test;
use indicatif::ProgressBar;
use serde::Serialize;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

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
/// language in the file name; single events: those the pages and the API link), the pages (`/` → `index.html`, `/meetings/x` →
/// `meetings/x.html`, `?lang=zh` → `….zh.html`, which hosts with "clean URLs" serve at the
/// page's path) and their e-mail snippets, the assets and the API documents. Every path comes
/// from the URL table.
pub fn urls(catalog: &Catalog) -> Vec<(String, String)> {
    let mut feeds = vec![Feed::All, Feed::Deadlines];
    for m in &catalog.meetings {
        feeds.push(Feed::Meeting(m.id.clone()));
        // a single event's file for each event the pages link; a time plan's session has
        // none (its groups' feeds hold it), though `serve` answers its address too
        feeds.extend(m.events.iter().filter(|e| !e.planned).map(|e| Feed::Event {
            meeting: m.id.clone(),
            key: e.key.clone(),
        }));
    }
    feeds.extend(
        catalog
            .groups
            .iter()
            .map(|g| Feed::Group(g.slug().to_string())),
    );
    // the archives: every year, every group
    let archives = select::held_years(catalog)
        .into_iter()
        .map(Feed::Year)
        .chain(
            catalog
                .groups
                .iter()
                .map(|g| Feed::GroupArchive(g.slug().to_string())),
        );
    feeds.extend(archives);
    let mut out = Vec::new();
    for feed in &feeds {
        for lang in Lang::ALL {
            let url = links::feed_path_in(feed, lang);
            out.push((url.clone(), url.trim_start_matches('/').to_string()));
        }
    }
    // pages and their snippets: (page path, snippet paths)
    let mut pages: Vec<(String, Vec<String>)> = vec![(Route::Index.path(&[]), Vec::new())];
    // the catalog's pages: every group's, every year's, the long-range view (a group's
    // next-meeting link is a redirect, which a static host configures, not a file)
    pages.extend(
        catalog
            .groups
            .iter()
            .map(|g| (Route::Group.path(&[g.slug()]), Vec::new())),
    );
    pages.extend(
        select::held_years(catalog)
            .into_iter()
            .map(|y| (Route::Year.path(&[&y.to_string()]), Vec::new())),
    );
    pages.push((Route::Overview.path(&[]), Vec::new()));
    let meetings = catalog.meetings.iter().map(|m| {
        let show = [Show::Page, Show::EmailHtml, Show::EmailText];
        show.map(|s| links::meeting_route(&m.id, s))
    });
    let subscribable = feeds.iter().filter_map(|f| {
        let show = [Show::Page, Show::EmailHtml, Show::EmailText];
        let paths = show.map(|s| links::subscribe_route(f, s));
        let [Some(page), Some(html), Some(text)] = paths else {
            return None;
        };
        Some([page, html, text])
    });
    let changes = std::iter::once(None)
        .chain(catalog.meetings.iter().map(|m| Some(m.id.as_str())))
        .collect::<Vec<_>>();
    let changes_pages = changes.iter().map(|id| {
        let show = [Show::Page, Show::EmailHtml, Show::EmailText];
        show.map(|s| links::changes_route(*id, s))
    });
    for [page, html, text] in meetings.chain(subscribable).chain(changes_pages) {
        pages.push((page, vec![html, text]));
    }
    for (page, snippets) in pages {
        for lang in Lang::ALL {
            let (query, suffix) = match lang {
                Lang::En => (String::new(), String::new()),
                other => (
                    format!("?lang={}", other.code()),
                    format!(".{}", other.code()),
                ),
            };
            let file = match page.as_str() {
                "/" => "index".to_string(),
                p => p.trim_start_matches('/').to_string(),
            };
            out.push((format!("{page}{query}"), format!("{file}{suffix}.html")));
            for snippet in &snippets {
                let (stem, ext) = snippet.rsplit_once('.').unwrap_or((snippet, ""));
                out.push((
                    format!("{snippet}{query}"),
                    format!("{}{suffix}.{ext}", stem.trim_start_matches('/')),
                ));
            }
        }
    }
    // the Atom feeds of the changes: the language in the file name, as the pages have it
    for id in &changes {
        let path = links::changes_atom_path(*id);
        let stem = path
            .strip_suffix(".atom")
            .unwrap_or(&path)
            .trim_start_matches('/');
        for lang in Lang::ALL {
            let (query, file) = match lang {
                Lang::En => (String::new(), format!("{stem}.atom")),
                other => (
                    format!("?lang={}", other.code()),
                    format!("{stem}.{}.atom", other.code()),
                ),
            };
            out.push((format!("{path}{query}"), file));
        }
    }
    for route in [Route::Style, Route::Script, Route::Icon] {
        let path = route.path(&[]);
        out.push((path.clone(), path.trim_start_matches('/').to_string()));
    }
    let mut api = vec![
        Route::ApiMeetings.path(&[]),
        Route::ApiFeeds.path(&[]),
        Route::ApiEvents.path(&[]),
        Route::ApiOpenapi.path(&[]),
    ];
    api.extend(
        catalog
            .meetings
            .iter()
            .map(|m| Route::ApiMeeting.path(&[&m.id])),
    );
    for path in api {
        let file = path.trim_start_matches('/');
        let file = if file.ends_with(".json") {
            file.to_string()
        } else {
            format!("{file}.json")
        };
        out.push((path, file));
    }
    out
}

/// Writes every file of [`urls`] and `manifest.json` into `dir`, each as soon as it is
/// fetched, on every core (each thread serves its share through its own copy of the app, on
/// the one shared state and caches), advancing `progress` by one per file (a hidden bar draws
/// nothing). Refuses a directory that holds meeting files (`*.toml`): an export next to the
/// data would be mistaken for it, or the arguments were swapped.
pub fn export(state: AppState, dir: &Path, progress: &ProgressBar) -> io::Result<Manifest> {
    refuse_data_dir(dir)?;
    let urls = urls(state.store.snapshot().catalog());
    progress.set_length(urls.len() as u64);
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut files = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let (state, urls, next) = (state.clone(), &urls, &next);
                scope.spawn(move || fetch_and_write(state, urls, next, dir, progress))
            })
            .collect();
        let mut files = Vec::with_capacity(urls.len());
        for w in workers {
            files.extend(
                w.join()
                    .map_err(|_| io::Error::other("an export thread failed"))??,
            );
        }
        Ok::<_, io::Error>(files)
    })?;
    progress.finish_and_clear();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let manifest = Manifest { files };
    let json = serde_json::to_vec_pretty(&manifest).map_err(io::Error::other)?;
    std::fs::write(dir.join("manifest.json"), json)?;
    Ok(manifest)
}

/// An error when `dir` holds a `.toml` file.
fn refuse_data_dir(dir: &Path) -> io::Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // missing: it is created with the first file
        return Ok(());
    };
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            return Err(io::Error::other(format!(
                "{} holds meeting files ({}): export into a directory of its own",
                dir.display(),
                path.display()
            )));
        }
    }
    Ok(())
}

/// One thread's part of [`export`]: takes the next URL until none is left, fetches it from its
/// own copy of the app and writes the file.
fn fetch_and_write(
    state: AppState,
    urls: &[(String, String)],
    next: &AtomicUsize,
    dir: &Path,
    progress: &ProgressBar,
) -> io::Result<Vec<Entry>> {
    actix_web::rt::System::new().block_on(async move {
        let app = test::init_service(web::app(state)).await;
        let mut files = Vec::new();
        while let Some((url, path)) = urls.get(next.fetch_add(1, Ordering::Relaxed)) {
            let res =
                test::call_service(&app, test::TestRequest::get().uri(url).to_request()).await;
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
            let target = dir.join(path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&target, &body)?;
            files.push(Entry {
                path: path.clone(),
                url: url.clone(),
                content_type,
                etag,
                bytes: body.len(),
            });
            progress.inc(1);
        }
        Ok(files)
    })
}
