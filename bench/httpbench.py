#!/usr/bin/env python3
"""HTTP throughput: itucal against nginx serving the identical bytes, with wrk on loopback.

    bench/httpbench.py --itucal target/release/itucal --data data --out DIR [--rounds 3] [--duration 10]

Starts `itucal serve --bind 127.0.0.1:0` and an nginx of its own (`daemon off; master_process on;
worker_processes 2;`, own prefix in a temp dir, a free loopback port), fetches each case's body
from itucal with its query and saves it as a static file for nginx, checks that both send the same
bytes (and 304 for their own ETag), then runs `wrk -t2 -c64 -dDs` for every case, alternating which
server goes first each round. Writes DIR/http-logs-{on,off}.json; prints one line per run.
Besides requests per second, each run records the server's CPU time per request (user + system,
from /proc, all its processes and threads, over the run): a measure that this shared VM's
changing speed disturbs less than throughput, since it does not count the time the server waits.
--logs on (default): both log every request, as each does by default (itucal's request log line
at info to stdout, nginx's access_log), both to /dev/null so that no disk is involved; --logs off:
RUST_LOG=warn and access_log off.
--floor BIN: also runs bench/floor.rs (the least actix-web can do: one route, the same bytes or a
bare 304) in the same rounds for `all.ics` and `304 all.ics`, as the framework's floor.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

NGINX_CONF = """\
daemon off;
master_process on;
worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log {access_log};
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 100000000;
    types {{ }}
    default_type "text/calendar; charset=utf-8";
    etag on;
    open_file_cache max=64 inactive=60s;
    open_file_cache_valid 60s;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {prefix}/www;
        location / {{ }}
    }}
}}
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_itucal(binary, data, logs_on):
    """Starts itucal on a free loopback port, its output (announcement and request log lines)
    going to /dev/null; returns (process, base URL)."""
    env = dict(os.environ)
    env.pop("RUST_LOG", None)
    if not logs_on:
        env["RUST_LOG"] = "warn"
    port = free_port()
    p = subprocess.Popen(
        [binary, "serve", "--bind", f"127.0.0.1:{port}", "--data", data],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    return p, f"http://127.0.0.1:{port}"


def get(url, headers=None):
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def wait_http(url, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            get(url)
            return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"no answer from {url}")


def cpu_seconds(pids):
    """User + system CPU time so far of the processes `pids` (all their threads)."""
    ticks = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def server_pids(p, name):
    """The processes doing a server's work: nginx's workers (children of its master), or the
    process itself."""
    if name != "nginx":
        return [p.pid]
    with open(f"/proc/{p.pid}/task/{p.pid}/children") as f:
        return [int(x) for x in f.read().split()]


def wrk(url, duration, conns, threads, header=None):
    cmd = ["wrk", f"-t{threads}", f"-c{conns}", f"-d{duration}s", "--timeout", "5s", "--latency"]
    if header:
        cmd += ["-H", header]
    cmd.append(url)
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errs = re.search(r"Socket errors: (.*)", out)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    return {
        "rps": rps,
        "requests": requests,
        "non_2xx_3xx": int(bad.group(1)) if bad else 0,
        "socket_errors": errs.group(1).strip() if errs else "",
        "p50": p50.group(1) if p50 else "",
        "p99": p99.group(1) if p99 else "",
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--itucal", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--conns", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--group", default="q2-20")
    ap.add_argument("--kind", default="deadline")
    ap.add_argument(
        "--logs",
        choices=["on", "off"],
        default="on",
        help="on: both log every request as they do by default (itucal's request log at info on "
        "stdout, nginx's access_log), to /dev/null; off: RUST_LOG=warn and access_log off",
    )
    ap.add_argument("--floor", help="bench/floor.rs binary: also measure the actix-web floor")
    ap.add_argument(
        "--cases",
        default="",
        help="comma list of case names to run (e.g. 'all.ics,304 all.ics'); default: all of them",
    )
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    cases = [
        # name, itucal path, nginx file, conditional
        ("all.ics", "/feeds/all.ics", "all.ics", False),
        (f"group={args.group}", f"/feeds/all.ics?group={args.group}", "group.ics", False),
        (f"kind={args.kind}", f"/feeds/all.ics?kind={args.kind}", "kind.ics", False),
        ("lang=zh", "/feeds/all.ics?lang=zh", "zh.ics", False),
        ("304 all.ics", "/feeds/all.ics", "all.ics", True),
    ]
    if args.cases:
        wanted = args.cases.split(",")
        unknown = set(wanted) - {c[0] for c in cases}
        if unknown:
            sys.exit(f"--cases: unknown {sorted(unknown)}; known: {[c[0] for c in cases]}")
        cases = [c for c in cases if c[0] in wanted]

    prefix = tempfile.mkdtemp(prefix="itucal-nginx-")
    os.chmod(prefix, 0o755)
    os.makedirs(f"{prefix}/www")
    os.makedirs(f"{prefix}/tmp")
    os.chmod(f"{prefix}/www", 0o755)
    itucal, base = start_itucal(args.itucal, args.data, args.logs == "on")
    nginx = floor = None
    try:
        wait_http(base + "/healthz")
        # the bytes itucal serves, as static files for nginx
        # (a 304 case serves the file of its 200 case: written here too when run alone)
        for _, path, fname, _ in cases:
            status, _, body = get(base + path)
            assert status == 200, (path, status)
            with open(f"{prefix}/www/{fname}", "wb") as f:
                f.write(body)
            os.chmod(f"{prefix}/www/{fname}", 0o644)
        port = free_port()
        with open(f"{prefix}/nginx.conf", "w") as f:
            access_log = "/dev/null" if args.logs == "on" else "off"
            f.write(NGINX_CONF.format(prefix=prefix, port=port, access_log=access_log))
        nginx = subprocess.Popen(
            ["nginx", "-c", f"{prefix}/nginx.conf", "-p", prefix, "-e", f"{prefix}/error.log"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        ngx = f"http://127.0.0.1:{port}"
        wait_http(ngx + "/all.ics")
        flr = None
        if args.floor:
            _, h_all, _ = get(base + "/feeds/all.ics")
            fport = free_port()
            floor = subprocess.Popen(
                [args.floor, "--bind", f"127.0.0.1:{fport}", f"{prefix}/www/all.ics", h_all["etag"]],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            flr = f"http://127.0.0.1:{fport}"
            wait_http(flr + "/all.ics")

        targets = {}
        sizes = {}
        for name, path, fname, cond in cases:
            s1, h1, b1 = get(base + path)
            s2, h2, b2 = get(f"{ngx}/{fname}")
            assert s1 == s2 == 200 and b1 == b2, f"{name}: bodies differ ({s1}, {s2})"
            sizes[name] = len(b1)
            hdr_i = hdr_n = None
            if cond:
                hdr_i = f"If-None-Match: {h1['etag']}"
                hdr_n = f"If-None-Match: {h2['ETag']}"
                for url, hdr in ((base + path, hdr_i), (f"{ngx}/{fname}", hdr_n)):
                    k, v = hdr.split(": ", 1)
                    st, _, body = get(url, {k: v})
                    assert st == 304 and body == b"", f"{name}: {url} gave {st}"
            targets[name] = {
                "itucal": (base + path, hdr_i),
                "nginx": (f"{ngx}/{fname}", hdr_n),
            }
            if flr and fname == "all.ics":
                s3, _, b3 = get(f"{flr}/all.ics", {"If-None-Match": h1["etag"]} if cond else None)
                assert s3 == (304 if cond else 200) and (cond or b3 == b1), f"{name}: floor gave {s3}"
                targets[name]["floor"] = (f"{flr}/all.ics", hdr_i)

        # warm both (page cache, itucal's feed cache, TCP)
        for name in targets:
            for srv in targets[name]:
                url, hdr = targets[name][srv]
                wrk(url, 1, args.conns, args.threads, hdr)

        procs = {"itucal": itucal, "nginx": nginx, "floor": floor}
        runs = []
        for r in range(args.rounds):
            for name in targets:
                # each server goes first in turn
                servers = list(targets[name])
                order = servers[r % len(servers):] + servers[: r % len(servers)]
                for srv in order:
                    url, hdr = targets[name][srv]
                    pids = server_pids(procs[srv], srv)
                    cpu0 = cpu_seconds(pids)
                    res = wrk(url, args.duration, args.conns, args.threads, hdr)
                    cpu = cpu_seconds(pids) - cpu0
                    res.update(round=r + 1, case=name, server=srv, cpu_us=cpu / res["requests"] * 1e6)
                    runs.append(res)
                    print(
                        f"  round {r + 1} {name:<16} {srv:<7} {res['rps']:>10.0f} req/s"
                        f"  {res['cpu_us']:5.2f} us CPU/req"
                        f"  p50 {res['p50']:>8}  p99 {res['p99']:>8}"
                        + (f"  non-2xx/3xx {res['non_2xx_3xx']}" if res["non_2xx_3xx"] else "")
                        + (f"  socket errors: {res['socket_errors']}" if res["socket_errors"] else ""),
                        flush=True,
                    )

        summary = []
        for name in targets:
            med = {
                srv: statistics.median(x["rps"] for x in runs if x["case"] == name and x["server"] == srv)
                for srv in ("itucal", "nginx")
            }
            per_round = [
                next(x["rps"] for x in runs if x["case"] == name and x["server"] == "itucal" and x["round"] == r)
                / next(x["rps"] for x in runs if x["case"] == name and x["server"] == "nginx" and x["round"] == r)
                for r in range(1, args.rounds + 1)
            ]
            cpu = {
                srv: statistics.median(x["cpu_us"] for x in runs if x["case"] == name and x["server"] == srv)
                for srv in targets[name]
            }
            entry = {
                "case": name,
                "bytes": sizes[name],
                "itucal_rps": med["itucal"],
                "nginx_rps": med["nginx"],
                "ratio": med["itucal"] / med["nginx"],
                "ratio_rounds": per_round,
                "cpu_us": cpu,
            }
            if "floor" in targets[name]:
                of = lambda srv, r: next(  # noqa: E731
                    x["rps"] for x in runs if x["case"] == name and x["server"] == srv and x["round"] == r
                )
                entry["floor_rps"] = statistics.median(
                    x["rps"] for x in runs if x["case"] == name and x["server"] == "floor"
                )
                entry["floor_ratio_rounds"] = [
                    of("floor", r) / of("nginx", r) for r in range(1, args.rounds + 1)
                ]
            summary.append(entry)
        with open(os.path.join(args.out, f"http-logs-{args.logs}.json"), "w") as f:
            json.dump(
                {
                    "logs": args.logs,
                    "rounds": args.rounds,
                    "duration_s": args.duration,
                    "connections": args.conns,
                    "threads": args.threads,
                    "nginx_version": subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip(),
                    "wrk_version": subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("\n")[0],
                    "summary": summary,
                    "runs": runs,
                },
                f,
                indent=1,
            )
    finally:
        for p in (nginx, itucal, floor):
            if p and p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
        shutil.rmtree(prefix, ignore_errors=True)


if __name__ == "__main__":
    main()
