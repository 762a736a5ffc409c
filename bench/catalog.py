#!/usr/bin/env python3
"""bench/catalog.py: issue 15's measurements at whole-ITU-T scale, printed as a Markdown table.

    python3 bench/catalog.py [--bin target/release/itucal] [--meetings 2000] [--per 150]
                             [--today 2026-12-01] [--out target/bench-catalog]

Generates the catalog with bench/gen.py (unless it is there already), then measures, with the
release binary given:
  1. `itucal check` on it: wall time (best of 3) and peak RSS;
  2. `itucal serve --today DATE`: RSS when idle after start and after the default feeds were
     fetched once; the size and event count of every default feed and the size of the catalog's
     pages in the six languages;
  3. reload: one file edited (a title) while serving; the time from the write until
     /feeds/{meeting}.ics and /feeds/all.ics serve the change (polling every 10 ms), and that a
     duplicate id written into that file is refused with the last good data still served;
  4. `itucal export --today DATE` of the whole site, on a catalog of --export-meetings (the
     whole catalog by default): wall time, files and bytes written (the export is deleted
     afterwards). Run as root, it first writes back and drops the kernel's caches: for minutes
     after a large delete (the previous run's export), ext4's check for recently deleted
     inodes makes creating a file several times slower, which would measure the last run's
     clean-up rather than this one (a fresh machine has no such delay).
The machine's facts (cores, memory) head the report. Nothing here is timed in a unit test.
"""

import argparse
import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def get(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.status, r.read()


def timed(cmd):
    t = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True)
    return time.monotonic() - t, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/itucal"))
    ap.add_argument("--meetings", type=int, default=2000)
    ap.add_argument("--per", type=int, default=150)
    ap.add_argument("--today", default="2026-12-01")
    ap.add_argument("--export-meetings", type=int, default=None)
    ap.add_argument("--out", default=os.path.join(ROOT, "target/bench-catalog"))
    a = ap.parse_args()
    gen = os.path.join(ROOT, "bench/gen.py")

    def generated(meetings):
        data = os.path.join(a.out, f"data-{meetings}-{a.per}")
        stamp = os.path.join(data, ".done")
        if not os.path.exists(stamp) or os.path.getmtime(gen) > os.path.getmtime(stamp):
            made = subprocess.run([sys.executable, gen, str(meetings), str(a.per), data],
                                  check=True, capture_output=True, text=True).stdout.strip()
            open(stamp, "w").write(made)
        return data, open(stamp).read().strip()

    data, made = generated(a.meetings)
    rows = []

    def row(what, value):
        rows.append((what, value))
        print(f"{what}: {value}", file=sys.stderr)

    print(f"machine: {os.cpu_count()} cores; data: {made}", file=sys.stderr)

    # 1. check
    best = None
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t, out = timed([a.bin, "check", data])
        assert out.returncode == 0, out.stderr[-2000:]
        best = t if best is None else min(best, t)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    row("`itucal check` (best of 3)", f"{best:.2f} s")
    row("`itucal check` peak RSS", f"{peak:.0f} MB")

    # 2. serve
    work = os.path.join(a.out, "serve-data")
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(data, work)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    srv = subprocess.Popen([a.bin, "serve", "--data", work, "--bind", f"127.0.0.1:{port}",
                            "--today", a.today], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    try:
        t0 = time.monotonic()
        while True:
            try:
                get(base + "/healthz")
                break
            except OSError:
                assert srv.poll() is None and time.monotonic() - t0 < 120, "serve did not start"
                time.sleep(0.05)
        row("`itucal serve`: start to first answer", f"{time.monotonic() - t0:.2f} s")
        time.sleep(1)
        row("idle RSS after start", f"{rss_mb(srv.pid):.0f} MB")
        feeds = ["all.ics", "all.zh.ics", "deadlines.ics", "groups/sg20.ics", "groups/wp1-20.ics",
                 "groups/q2-20.ics"]
        sizes = []
        for f in feeds:
            _, body = get(f"{base}/feeds/{f}")
            sizes.append(f"{f} {len(body) / 1e3:.0f} kB / {body.count(b'BEGIN:VEVENT')} events")
        row("default feeds (bytes / events)", "; ".join(sizes))
        row("RSS after the default feeds", f"{rss_mb(srv.pid):.0f} MB")
        largest = (0, "")
        for lang in ["ar", "zh", "en", "fr", "ru", "es"]:
            for p in ["/", "/overview", "/groups/sg20", "/groups/q2-20", "/archive/2026"]:
                _, body = get(f"{base}{p}?lang={lang}")
                largest = max(largest, (len(body), f"{p}?lang={lang}"))
        row("largest catalog page (6 languages)", f"{largest[0] / 1e3:.0f} kB ({largest[1]})")

        # 3. reload of one edited file
        files = sorted(f for f in os.listdir(work) if f.endswith(".toml"))
        target = os.path.join(work, files[len(files) // 2])
        text = open(target, encoding="utf-8").read()
        mid = re.search(r'^id = "([^"]+)"', text, re.M).group(1)
        marker = f"edited {time.time_ns()}"
        edited = re.sub(r'^(title = \{ en = ")', r"\g<1>" + marker + " ", text, count=1, flags=re.M)
        assert edited != text
        t = time.monotonic()
        open(target, "w", encoding="utf-8").write(edited)
        seen = None
        while time.monotonic() - t < 30:
            _, body = get(f"{base}/feeds/{mid}.ics")
            if marker.encode() in body:
                seen = time.monotonic() - t
                break
            time.sleep(0.01)
        assert seen is not None, "the edit was not served within 30 s"
        row("edit of one file → served in its feed", f"{seen * 1e3:.0f} ms (300 ms of it the watcher's debounce)")
        t = time.monotonic()
        get(f"{base}/feeds/all.ics")
        row("then all.ics rendered anew", f"{(time.monotonic() - t) * 1e3:.0f} ms")
        other = re.search(r'^id = "([^"]+)"', open(os.path.join(work, files[0])).read(), re.M).group(1)
        open(target, "w", encoding="utf-8").write(edited.replace(f'id = "{mid}"', f'id = "{other}"', 1))
        time.sleep(1.5)
        health = json.loads(get(base + "/healthz")[1])
        _, body = get(f"{base}/feeds/{mid}.ics")
        refused = bool(health.get("errors")) and marker.encode() in body
        row("a duplicate id written into it", "refused, last good data served" if refused else f"NOT refused: {health}")
    finally:
        srv.terminate()
        srv.wait(timeout=30)

    # 4. export
    small, small_made = generated(a.export_meetings or a.meetings)
    out_dir = os.path.join(a.out, "export")
    shutil.rmtree(out_dir, ignore_errors=True)
    if os.geteuid() == 0:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
    t, out = timed([a.bin, "export", out_dir, "--data", small, "--today", a.today])
    assert out.returncode == 0, out.stderr[-2000:]
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out_dir) for f in fs)
    shutil.rmtree(out_dir, ignore_errors=True)
    files = re.search(r"exported (\d+) files", out.stdout).group(1)
    row(f"`itucal export` of the whole site ({small_made.split(' in ')[0]})",
        f"{t:.1f} s, {int(files):,} files, {size / 1e9:.1f} GB")

    print(f"\n{made}, `--today {a.today}`, {os.cpu_count()} cores\n")
    print("| What | Measured |\n|---|---|")
    for what, value in rows:
        print(f"| {what} | {value} |")


if __name__ == "__main__":
    main()
