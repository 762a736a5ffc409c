//! Hot reload: the data directory is watched and reloaded on SIGHUP too. Changes are debounced,
//! since editors write a file in several steps (write a temporary file, rename, delete). Each
//! reload parses and validates into a new snapshot on this module's own thread, never on the
//! request path; the store swaps it in only if it is valid.

use crate::store::Store;
use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher, Watcher as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

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

/// Keeps the directory watcher alive; dropping it stops watching (SIGHUP still reloads).
pub struct Watcher {
    _watcher: Option<RecommendedWatcher>,
}

/// Whether a file event can change the data. Opening and reading a file cannot, and every
/// reload reads every file: counted as changes, reads would make each reload cause the next.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Starts the reload thread, fed by SIGHUP and by changes in `dir`. What cannot be set up
/// (no inotify watches left, say) is logged and the rest still works: without a watcher, edits
/// need a SIGHUP; the SIGHUP handler is installed first so that the signal never kills us.
pub fn spawn(store: Arc<Store>, dir: PathBuf) -> Watcher {
    let (tx, rx) = mpsc::channel::<Cause>();
    match signal_hook::iterator::Signals::new([signal_hook::consts::SIGHUP]) {
        Ok(mut signals) => {
            let tx = tx.clone();
            let spawned = std::thread::Builder::new()
                .name("sighup".into())
                .spawn(move || {
                    for _ in signals.forever() {
                        if tx.send(Cause::Hangup).is_err() {
                            return;
                        }
                    }
                });
            if let Err(e) = spawned {
                tracing::warn!("cannot listen for SIGHUP: {e}");
            }
        }
        Err(e) => tracing::warn!("cannot listen for SIGHUP: {e}"),
    }
    let watcher = watch(&dir, tx);
    let spawned = std::thread::Builder::new()
        .name("reload".into())
        .spawn(move || {
            while let Ok(cause) = rx.recv() {
                // debounce: wait until the directory has been quiet for DEBOUNCE, but not for
                // ever under a steady stream of writes
                let deadline = Instant::now() + 10 * DEBOUNCE;
                while Instant::now() < deadline && rx.recv_timeout(DEBOUNCE).is_ok() {}
                tracing::debug!(?cause, "reloading");
                reload_and_log(&store, &dir);
            }
        });
    if let Err(e) = spawned {
        tracing::warn!("cannot start the reload thread: {e}; edits need a restart");
    }
    Watcher { _watcher: watcher }
}

fn watch(dir: &Path, tx: mpsc::Sender<Cause>) -> Option<RecommendedWatcher> {
    let watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        match res {
            Ok(event) if is_change(&event.kind) => {
                let _ = tx.send(Cause::Change);
            }
            Ok(_) => {}
            // errors from the OS watcher are logged; the next event still reloads
            Err(e) => tracing::warn!("watching the data directory: {e}"),
        }
    });
    let result = watcher.and_then(|mut w| {
        w.watch(dir, notify::RecursiveMode::NonRecursive)?;
        Ok(w)
    });
    match result {
        Ok(w) => Some(w),
        Err(e) => {
            tracing::warn!(
                "cannot watch {}: {e}; edits need a SIGHUP to be served",
                dir.display()
            );
            None
        }
    }
}
