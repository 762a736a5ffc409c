//! `feed DIR [OUT]`: what the peers in `bench/peers/` do, done by the itucal library — read and
//! validate every meeting file in DIR, render `/feeds/all.ics` (English, no filter) exactly as the
//! server's first request would, and write it to OUT (default /dev/null). Prints one JSON line of
//! phase timings to stderr: `{"tool":"itucal","events":N,"bytes":B,"load_ms":…,"build_ms":…}`
//! where `build_ms` is select + render + ETag (`Snapshot::feed` on a cold cache), excluding the
//! one-off `Snapshot::new`, which is reported as `snapshot_ms`; `rss_*_mb` is VmRSS after each
//! phase and `peak_mb` VmHWM at the end (Linux). The line is also appended to the file
//! `$BENCH_TIMINGS` when that is set.
//!
//! A `[[bench]]` target with `harness = false` so that it needs nothing in `src/`: bench/run
//! builds it with `cargo bench --bench feed --no-run` and times the binary with hyperfine
//! against the peers. Run by `cargo bench` itself (with `--bench`), it does nothing.

use itucal::select::{Feed, Filter};
use itucal::store::Snapshot;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        // `cargo bench` runs every bench target; this one is a tool, not a benchmark
        eprintln!("feed: usage: feed DIR [OUT] (nothing to do under cargo bench)");
        return;
    };
    let out = args.get(1).cloned().unwrap_or_else(|| "/dev/null".into());

    let t0 = Instant::now();
    let catalog = match itucal::load::load_dir(&dir) {
        Ok(c) => c,
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            std::process::exit(1);
        }
    };
    let events = catalog.event_count();
    let t1 = Instant::now();
    let rss_loaded = rss("VmRSS");
    let snap = Snapshot::new(catalog);
    let t2 = Instant::now();
    let rss_snapshot = rss("VmRSS");
    // everything, not the window of all.ics: every kind (the time plans' sessions too) of every
    // meeting, as the peers in bench/peers/ build it
    let every_kind = Filter {
        kinds: itucal::model::Kind::ALL.to_vec(),
        ..Filter::default()
    };
    let selection = itucal::select::select(snap.catalog(), &Feed::All, &every_kind).expect("all");
    let rendered =
        itucal::render::ics::calendar(snap.catalog(), &Feed::All, &every_kind, &selection, None);
    let rendered = itucal::store::Rendered::new(rendered, snap.last_modified());
    let t3 = Instant::now();
    std::fs::File::create(&out)
        .and_then(|mut f| f.write_all(&rendered.body))
        .unwrap_or_else(|e| panic!("{out}: {e}"));
    let t4 = Instant::now();
    let rss_rendered = rss("VmRSS");
    let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1e3;
    let line = format!(
        "{{\"tool\":\"itucal\",\"events\":{events},\"bytes\":{},\"load_ms\":{:.2},\"snapshot_ms\":{:.2},\"build_ms\":{:.2},\"write_ms\":{:.2},\"rss_loaded_mb\":{rss_loaded:.1},\"rss_snapshot_mb\":{rss_snapshot:.1},\"rss_rendered_mb\":{rss_rendered:.1},\"peak_mb\":{:.1}}}",
        rendered.body.len(),
        ms(t0, t1),
        ms(t1, t2),
        ms(t2, t3),
        ms(t3, t4),
        rss("VmHWM"),
    );
    eprintln!("{line}");
    if let Some(path) = std::env::var_os("BENCH_TIMINGS") {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut f| writeln!(f, "{line}"))
            .expect("BENCH_TIMINGS");
    }
}

/// A memory figure of this process from /proc/self/status, in MB (0 where there is none).
fn rss(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
