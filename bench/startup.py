#!/usr/bin/env python3
"""Start-up cost of `itucal serve`: time to the first 200 of /feeds/all.ics, and resident memory.

    bench/startup.py --itucal target/release/itucal --data DIR --label NAME --out FILE.json [--runs 5]

Per run, a fresh process on a free loopback port (`--bind 127.0.0.1:0`):
* first_200_ms: from just before spawning to the end of the first 200 response of
  /feeds/all.ics (the request is retried until the listener is up; it includes loading and
  validating the data, building the snapshot and rendering all.ics, which is not cached yet);
* then rss_after_all_mb: VmRSS with all.ics rendered and cached.
And in separate runs (so that no feed is rendered yet):
* idle_rss_mb: VmRSS once /healthz answers, after 0.5 s of idleness.
Prints and writes medians (and every run).
"""

import argparse
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import threading
import time


def drain(stream):
    for _ in iter(stream.readline, b""):
        pass


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        m = re.search(r"VmRSS:\s+(\d+) kB", f.read())
    return int(m.group(1)) / 1024


def request(host, port, path):
    """One HTTP/1.1 GET on a fresh connection; returns the status (reads the whole body)."""
    with socket.create_connection((host, port), timeout=30) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while True:
            b = s.recv(1 << 20)
            if not b:
                break
            chunks.append(b)
    head = b"".join(chunks[:1])[:20].decode("latin-1")
    return int(head.split()[1])


def spawn(binary, data):
    t0 = time.perf_counter()
    p = subprocess.Popen(
        [binary, "serve", "--bind", "127.0.0.1:0", "--data", data],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    # the address is printed right after binding (after loading the data)
    while True:
        line = p.stdout.readline().decode()
        if not line:
            raise SystemExit(f"itucal exited: {p.wait()}")
        m = re.search(r"serving on http://([\d.]+):(\d+);", line)
        if m:
            break
    # keep reading: one line per feed is printed, more than a pipe holds for big data sets
    threading.Thread(target=drain, args=(p.stdout,), daemon=True).start()
    return p, t0, m.group(1), int(m.group(2))


def until_200(host, port, path, deadline_s=120):
    end = time.time() + deadline_s
    while time.time() < end:
        try:
            if request(host, port, path) == 200:
                return
        except OSError:
            pass
        time.sleep(0.002)
    raise SystemExit(f"no 200 from {path}")


def stop(p):
    p.send_signal(signal.SIGTERM)
    try:
        p.wait(10)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--itucal", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--label", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()

    first, after, idle = [], [], []
    for _ in range(a.runs):
        p, t0, host, port = spawn(a.itucal, a.data)
        try:
            until_200(host, port, "/feeds/all.ics")
            first.append((time.perf_counter() - t0) * 1e3)
            after.append(rss_mb(p.pid))
        finally:
            stop(p)
        p, t0, host, port = spawn(a.itucal, a.data)
        try:
            until_200(host, port, "/healthz")
            time.sleep(0.5)
            idle.append(rss_mb(p.pid))
        finally:
            stop(p)
    res = {
        "label": a.label,
        "data": a.data,
        "runs": a.runs,
        "first_200_ms": statistics.median(first),
        "idle_rss_mb": statistics.median(idle),
        "rss_after_all_mb": statistics.median(after),
        "all": {"first_200_ms": first, "idle_rss_mb": idle, "rss_after_all_mb": after},
    }
    print(
        f"  {a.label}: first 200 of all.ics {res['first_200_ms']:.1f} ms, idle RSS {res['idle_rss_mb']:.1f} MB,"
        f" RSS with all.ics cached {res['rss_after_all_mb']:.1f} MB (median of {a.runs})"
    )
    with open(a.out, "w") as f:
        json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()
