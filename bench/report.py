#!/usr/bin/env python3
"""The table of bench/run: `bench/report.py OUT [--svg FILE]`.

Reads what bench/run left in OUT (http.json, startup-*.json, check.json, peers.json,
peers-timings.jsonl) and criterion's estimates in target/criterion, prints Markdown tables with
ratios and the goals of issue #6, and with --svg writes the plot of time against data size.
"""

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except FileNotFoundError:
        return None


def criterion(base=None):
    """{(group, function): median ns} from target/criterion/**/new/ (or another criterion dir)."""
    out = {}
    base = Path(base) if base else ROOT / "target" / "criterion"
    for bj in base.glob("**/new/benchmark.json"):
        b = load(bj)
        est = load(bj.parent / "estimates.json")
        if b and est:
            out[(b["group_id"], b["function_id"])] = est["median"]["point_estimate"]
    return out


def fmt_ns(ns):
    if ns is None:
        return "–"
    if ns >= 1e9:
        return f"{ns / 1e9:.2f} s"
    if ns >= 1e6:
        return f"{ns / 1e6:.1f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns"


def table(columns, rows):
    """Prints a Markdown table: `columns` as (title, "<" or ">") for left or right aligned."""
    line = lambda cells: "|" + "|".join(f" {c} " if c else " " for c in cells) + "|"  # noqa: E731
    print(line(title for title, _ in columns))
    print("|" + "|".join("---:" if align == ">" else "---" for _, align in columns) + "|")
    for row in rows:
        print(line(row))


def verdict(ok):
    return "**met**" if ok else "**missed**"


def machine():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            mem = f"{int(f.readline().split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    # BENCH_COMMIT names the source when it is not a git work tree (e.g. an exported snapshot)
    commit = os.environ.get("BENCH_COMMIT") or subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    dirty = "" if os.environ.get("BENCH_COMMIT") else subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--", "src"], capture_output=True, text=True
    ).stdout.strip()
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    load = ""
    try:
        with open("/proc/loadavg") as f:
            load = f"; load average at report time {' '.join(f.read().split()[:3])}"
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}), {mem}, {platform.system()} {platform.release()}; {rustc}; "
        f"commit {commit or '?'}{' + uncommitted changes in src/' if dirty else ''}{load}"
    )


def svg_plot(points, path):
    """Log-log plot of ms against events for each named series; points: {name: [(events, ms)]}."""
    W, H, L, R, T, B = 780, 440, 70, 250, 30, 50
    xs = [x for s in points.values() for x, _ in s]
    ys = [y for s in points.values() for _, y in s] + [100.0]
    x0, x1 = math.log10(min(xs)), math.log10(max(xs))
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))

    def px(x):
        return L + (math.log10(x) - x0) / (x1 - x0) * (W - L - R)

    def py(y):
        return H - B - (math.log10(y) - y0) / (y1 - y0) * (H - T - B)

    colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]
    o = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">',
        f'<rect width="{W}" height="{H}" fill="white"/>',
        f'<text x="{L}" y="18" font-size="14" font-weight="bold">itucal: time against data size (criterion medians, log-log)</text>',
    ]
    for e in range(y0, y1 + 1):
        y = py(10**e)
        label = f"{10**e:g} ms" if e >= 0 else f"{10**e * 1000:g} µs"
        o.append(f'<line x1="{L}" x2="{W - R}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        o.append(f'<text x="{L - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
    for x in sorted(set(xs)):
        X = px(x)
        o.append(f'<line x1="{X:.1f}" x2="{X:.1f}" y1="{T}" y2="{H - B}" stroke="#eee"/>')
        o.append(f'<text x="{X:.1f}" y="{H - B + 16}" text-anchor="middle">{x:,}</text>')
    o.append(f'<text x="{(L + W - R) / 2:.0f}" y="{H - 12}" text-anchor="middle">events in the data set (meetings × 50)</text>')
    o.append(f'<line x1="{L}" x2="{W - R}" y1="{H - B}" y2="{H - B}" stroke="black"/>')
    o.append(f'<line x1="{L}" x2="{L}" y1="{T}" y2="{H - B}" stroke="black"/>')
    # the goal: all.ics of 50,000 events in < 100 ms
    gy = py(100)
    o.append(f'<line x1="{L}" x2="{W - R}" y1="{gy:.1f}" y2="{gy:.1f}" stroke="#888" stroke-dasharray="6,4"/>')
    o.append(f'<text x="{L + 6}" y="{gy - 5:.1f}" fill="#555">goal for 50,000 events: render &lt; 100 ms</text>')
    for i, (name, s) in enumerate(points.items()):
        c = colors[i % len(colors)]
        s = sorted(s)
        d = " ".join(f"{'M' if j == 0 else 'L'}{px(x):.1f},{py(y):.1f}" for j, (x, y) in enumerate(s))
        o.append(f'<path d="{d}" fill="none" stroke="{c}" stroke-width="2"/>')
        for x, y in s:
            o.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{c}"><title>{name}: {x:,} events, {y:.2f} ms</title></circle>')
        ly = T + 30 + 20 * i
        o.append(f'<line x1="{W - R + 6}" x2="{W - R + 26}" y1="{ly}" y2="{ly}" stroke="{c}" stroke-width="2"/>')
        o.append(f'<text x="{W - R + 30}" y="{ly + 4}">{name}</text>')
    o.append("</svg>")
    Path(path).write_text("\n".join(o) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--svg")
    ap.add_argument(
        "--compare",
        action="append",
        default=[],
        metavar="LABEL=DIR",
        help="also plot render_all from another tree's target/criterion (e.g. a proposed change)",
    )
    a = ap.parse_args()
    out = Path(a.out)
    crit = criterion()

    print(f"Machine: {machine()}\n")

    for logs in ("on", "off"):
        http = load(out / f"http-logs-{logs}.json")
        if not http:
            continue
        what = (
            "both log every request (itucal's request log at info, nginx's access_log; to /dev/null)"
            if logs == "on"
            else "request logs off (RUST_LOG=warn; access_log off)"
        )
        print(
            f"### 1. HTTP throughput, seed data, {what}\n\n{http['nginx_version']}, {http['wrk_version'].split(' [')[0]}; "
            f"wrk -t{http['threads']} -c{http['connections']}, {http['rounds']} alternating rounds × {http['duration_s']} s; medians.\n"
        )
        rows = []
        for s in http["summary"]:
            goal = 0.8 if s["case"].startswith(("group", "kind", "lang")) else 1.0
            rr = ", ".join(f"{r:.2f}" for r in s["ratio_rounds"])
            body = "304, no body" if s["case"].startswith("304") else f"{s['bytes']:,} B"
            rows.append([f"`{s['case']}`", body, f"{s['itucal_rps']:,.0f}", f"{s['nginx_rps']:,.0f}",
                         f"**{s['ratio']:.2f}×**", rr, f"≥ {goal}×", verdict(s["ratio"] >= goal)])
        table([("case", "<"), ("body", ">"), ("itucal req/s", ">"), ("nginx req/s", ">"), ("ratio", ">"),
               ("ratio per round", "<"), ("goal", "<"), ("", "<")], rows)
        print()
        floors = [s for s in http["summary"] if s.get("floor_rps")]
        if floors:
            print(
                "The actix-web floor (bench/floor.rs: one route answering the same bytes or a bare 304; "
                "no routing table, cache, log line, metrics or request id), in the same rounds:\n"
            )
            table([("case", "<"), ("floor req/s", ">"), ("floor ÷ nginx", ">"), ("itucal ÷ floor", ">"),
                   ("floor ÷ nginx per round", "<")],
                  [[f"`{s['case']}`", f"{s['floor_rps']:,.0f}", f"{s['floor_rps'] / s['nginx_rps']:.2f}×",
                    f"{s['itucal_rps'] / s['floor_rps']:.2f}×", ", ".join(f"{r:.2f}" for r in s["floor_ratio_rounds"])]
                   for s in floors])
            print()
        cpus = [s for s in http["summary"] if s.get("cpu_us")]
        if cpus:
            print(
                "Server CPU time per request (user + system of all the server's processes and threads "
                "over each run, divided by its requests; medians of the same runs). It leaves out the time "
                "a server waits for the CPU, so it moves less than throughput when this shared machine "
                "slows down; below 1.00 in the last column, itucal spends less CPU on a request than nginx:\n"
            )
            table([("case", "<"), ("itucal µs", ">"), ("nginx µs", ">"), ("floor µs", ">"), ("itucal ÷ nginx", ">")],
                  [[f"`{s['case']}`", f"{s['cpu_us']['itucal']:.2f}", f"{s['cpu_us']['nginx']:.2f}",
                    f"{s['cpu_us']['floor']:.2f}" if "floor" in s["cpu_us"] else "–",
                    f"{s['cpu_us']['itucal'] / s['cpu_us']['nginx']:.2f}"] for s in cpus])
            print()

    seed = load(out / "startup-seed.json")
    big = load(out / "startup-50k.json")
    check = load(out / "check.json")
    print("### 2. Data size: 1,000 meetings / 50,000 events (bench/gen.py) and the seed data\n")
    rows = []
    ld = crit.get(("load", "50000"))
    if ld is not None:
        rows.append(["load + validate 50,000 events (`load::load_dir`, criterion)", "< 1 s", fmt_ns(ld), verdict(ld < 1e9)])
    if check:
        r = check["results"][0]
        rows.append([f"`itucal check` 50,000 events, whole process (hyperfine, median of {len(r['times'])})", "< 1 s",
                     f"{r['median'] * 1e3:.0f} ms", verdict(r["median"] < 1)])
    sn = crit.get(("snapshot", "50000"))
    if sn is not None:
        rows.append(["`Snapshot::new` 50,000 events (once per data version, before serving)", "–", fmt_ns(sn), ""])
    rd = crit.get(("render_all", "50000"))
    if rd is not None:
        rows.append(["render `all.ics` 50,000 events (cache miss: select + render + ETag, criterion)", "< 100 ms",
                     fmt_ns(rd), verdict(rd < 1e8)])
    for name in ("lang=zh", "kind=deadline", "group"):
        v = crit.get(("render_variant", f"50000/{name}"))
        if v is not None:
            rows.append([f"render `all.ics?{name}` 50,000 events", "–", fmt_ns(v), ""])
    if big:
        rows.append(["idle RSS, 50,000 events (after start, no feed rendered)", "< 200 MB", f"{big['idle_rss_mb']:.0f} MB",
                     verdict(big["idle_rss_mb"] < 200)])
        rows.append(["RSS with `all.ics` (50,000 events) rendered and cached", "–", f"{big['rss_after_all_mb']:.0f} MB", ""])
        rows.append(["first 200 of `all.ics` after start, 50,000 events", "–", f"{big['first_200_ms']:.0f} ms", ""])
    if seed:
        rows.append(["idle RSS, seed data", "< 20 MB", f"{seed['idle_rss_mb']:.1f} MB", verdict(seed["idle_rss_mb"] < 20)])
        rows.append([f"first 200 of `all.ics` after start, seed data (spawn → response, median of {seed['runs']})",
                     "< 100 ms", f"{seed['first_200_ms']:.1f} ms", verdict(seed["first_200_ms"] < 100)])
    table([("measure", "<"), ("goal", "<"), ("measured", ">"), ("", "<")], rows)
    print()

    sizes = sorted({int(f) for (g, f) in crit if g == "render_all"})
    if sizes:
        print("### 3. Time against data size (criterion medians)\n")
        rows = []
        for n in sizes:
            r = crit.get(("render_all", str(n)))
            rows.append([f"{n:,}", fmt_ns(crit.get(("load", str(n)))), fmt_ns(crit.get(("snapshot", str(n)))),
                         fmt_ns(r), fmt_ns(r / n) if r else "–"])
        table([("events", ">"), ("load + validate", ">"), ("`Snapshot::new`", ">"), ("render `all.ics`", ">"),
               ("render per event", ">")], rows)
        print()
        hit = [(k[1], v) for k, v in crit.items() if k[0] in ("hit", "request")]
        if hit:
            print("Per request on a warm cache, seed data (criterion medians): " + "; ".join(
                f"{g} `{f}` {fmt_ns(v)}" for (g, f), v in sorted(((k, v) for k, v in crit.items() if k[0] in ('hit', 'request')))
            ) + ".\n")
        if a.svg:
            series = {
                "render all.ics": [(n, crit[("render_all", str(n))] / 1e6) for n in sizes],
                "load + validate": [(n, crit[("load", str(n))] / 1e6) for n in sizes if ("load", str(n)) in crit],
                "Snapshot::new": [(n, crit[("snapshot", str(n))] / 1e6) for n in sizes if ("snapshot", str(n)) in crit],
            }
            for spec in a.compare:
                label, _, path = spec.partition("=")
                other = criterion(path)
                pts = [(n, other[("render_all", str(n))] / 1e6) for n in sizes if ("render_all", str(n)) in other]
                if pts:
                    series[label] = pts
                    print(f"{label}: " + ", ".join(f"{n:,} events {ms:.1f} ms" for n, ms in pts) + "\n")
            svg_plot(series, a.svg)
            print(f"(plot written to {a.svg})\n")

    peers = load(out / "peers.json")
    if peers:
        timings = {}
        try:
            with open(out / "peers-timings.jsonl") as f:
                for line in f:
                    t = json.loads(line)
                    timings.setdefault(t["tool"], []).append(t)
        except FileNotFoundError:
            pass
        res = {r["command"]: r for r in peers["results"]}
        it = res.get("itucal")
        print("### 4. The 50,000-event `all.ics` against the peers\n")
        print("Whole process (hyperfine median): read every TOML file, build the feed, write it. "
              "Build only (median of the tools' own timers over the same runs): from parsed data to the "
              "serialized feed; for itucal `Snapshot::feed` on a cold cache (select + render + ETag).\n")
        rows = []
        tool_key = {"itucal": "itucal", "python-icalendar": "python-icalendar", "ical-generator": "ical-generator"}
        it_build = statistics.median(t["build_ms"] for t in timings.get("itucal", [])) if timings.get("itucal") else None
        for name, r in res.items():
            ts = timings.get(tool_key.get(name, name), [])
            build = statistics.median(t["build_ms"] for t in ts) if ts else None
            size = ts[0]["bytes"] if ts else None
            x_whole = r["median"] / it["median"] if it else None
            x_build = build / it_build if build and it_build else None
            goal = {"python-icalendar": 20, "ical-generator": 5}.get(name)
            ok = ""
            if goal:
                ok = f"{verdict(x_whole >= goal)} (whole) / {verdict(x_build >= goal)} (build)" if x_build else verdict(x_whole >= goal)
            rows.append([name, f"{r['median']:.2f} s", f"{x_whole:.1f}×", f"{build:.0f} ms" if build else "–",
                         f"{x_build:.1f}×" if x_build else "–", f"{size / 1e6:.1f} MB" if size else "–",
                         f"itucal ≥ {goal}× faster" if goal else "", ok])
        table([("tool", "<"), ("whole process", ">"), ("× itucal", ">"), ("build only", ">"), ("× itucal", ">"),
               ("feed size", ">"), ("goal", "<"), ("", "<")], rows)
        print()


if __name__ == "__main__":
    main()
