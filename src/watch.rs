//! Hot reload: the data directory is watched (debounced, since editors write a file in several
//! steps) and reloaded on SIGHUP too. Each reload parses and validates into a new snapshot on
//! this module's own thread, never on the request path; the store swaps it in only if valid.

use crate::store::Store;
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer, notify};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

/// How long the directory must be quiet before a reload: long enough for an editor's
/// write-rename-delete sequence to finish, short enough that subscribers see edits at once.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// Why a reload happened (for the log).
#[derive(Debug, Clone, Copy)]
enum Cause {
    Change,
    Hangup,
}

/// Reloads `dir` into `store` and logs the outcome; every problem is logged as
/// `file:line:col: message`.
pub fn reload_and_log(store: &Store, dir: &Path) {
    let before = store.snapshot();
    match store.reload(dir) {
        Ok(()) => {
            let after = store.snapshot();
            if Arc::ptr_eq(&before, &after) {
                tracing::info!(version = after.version(), "data reloaded, unchanged");
            } else {
                tracing::info!(
                    version = after.version(),
                    meetings = after.catalog().meetings.len(),
                    events = after.catalog().event_count(),
                    "data reloaded"
                );
            }
        }
        Err(problems) => {
            for p in &problems {
                tracing::error!("{p}");
            }
            tracing::error!(
                problems = problems.len(),
                serving = before.version(),
                "reload refused; still serving the last good data"
            );
        }
    }
}

/// Keeps the watcher alive; dropping it stops watching.
pub struct Watcher {
    _debouncer: Debouncer<notify::RecommendedWatcher>,
}

/// Starts watching `dir` and listening for SIGHUP; both reload `store` on a background thread.
pub fn spawn(store: Arc<Store>, dir: PathBuf) -> Result<Watcher, String> {
    let (tx, rx) = mpsc::channel::<Cause>();
    let changes = tx.clone();
    let mut debouncer = new_debouncer(DEBOUNCE, move |res: DebounceEventResult| {
        // errors from the OS watcher are logged; the next event still reloads
        match res {
            Ok(_) => {
                let _ = changes.send(Cause::Change);
            }
            Err(e) => tracing::warn!("watching the data directory: {e}"),
        }
    })
    .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
    debouncer
        .watcher()
        .watch(&dir, notify::RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;

    let mut signals = signal_hook::iterator::Signals::new([signal_hook::consts::SIGHUP])
        .map_err(|e| format!("cannot listen for SIGHUP: {e}"))?;
    std::thread::Builder::new()
        .name("sighup".into())
        .spawn(move || {
            for _ in signals.forever() {
                if tx.send(Cause::Hangup).is_err() {
                    return;
                }
            }
        })
        .map_err(|e| e.to_string())?;

    std::thread::Builder::new()
        .name("reload".into())
        .spawn(move || {
            while let Ok(cause) = rx.recv() {
                // coalesce a burst of causes into one reload
                while rx.try_recv().is_ok() {}
                tracing::debug!(?cause, "reloading");
                reload_and_log(&store, &dir);
            }
        })
        .map_err(|e| e.to_string())?;
    Ok(Watcher {
        _debouncer: debouncer,
    })
}
