#!/usr/bin/env python3
"""Peer: `/feeds/all.ics` as a secretariat would build it in Python with `icalendar`.

    PYTHONPATH=bench/peers/.pylib python3 bench/peers/python_icalendar.py DIR [OUT]

Reads every DIR/*.toml (tomllib), builds the same feed itucal serves as /feeds/all.ics (English):
meetings by first date then id, events by start then key; UID, DTSTAMP, LAST-MODIFIED,
SEQUENCE, DTSTART/DTEND (VALUE=DATE with exclusive end for all-day, TZID for timed), SUMMARY,
DESCRIPTION with itucal's footer, LOCATION, URL, STATUS, TRANSP, CATEGORIES, and a VTIMEZONE per
zone used (icalendar's add_missing_timezones). Writes it to OUT (default /dev/null). No
validation beyond what parsing needs (itucal validates every rule: it does more work).

Prints one JSON line to stderr: {"tool":"python-icalendar","events":N,"bytes":B,
"load_ms":…,"build_ms":…} where load = read + TOML parse, build = objects + to_ical (also appended
to the file $BENCH_TIMINGS when set).
"""

import json
import os
import sys
import time
import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

HOME = "Europe/Zurich"


def text(t):
    return t if isinstance(t, str) else t["en"]


def english_date(d):
    return f"{d.day} {d:%B} {d.year}"


def footer(m, timed):
    c = m["contact"]
    tz = m.get("timezone", HOME)
    zone = "Geneva time (Europe/Zurich)" if tz == HOME else f"local time ({tz})"
    out = f"Source: {text(m['source']['reference'])} of {english_date(m['source']['date'])}.\n"
    out += f"{'Times' if timed else 'Dates'} are in {zone}.\n"
    out += f"Contact: {c['email']}"
    if "phone" in c:
        out += f", tel. {c['phone']}"
    if "fax" in c:
        out += f", fax {c['fax']}"
    out += ".\n"
    if "web" in c:
        out += f"Study group: {c['web']}\n"
    if "url" in m:
        out += f"Meeting page: {m['url']}\n"
    return out.rstrip()


def start_key(e):
    if "first_day" in e:
        return datetime.combine(e["first_day"], datetime.min.time())
    return e["start"]


def main(argv):
    src = Path(argv[1])
    out = argv[2] if len(argv) > 2 else "/dev/null"
    t0 = time.perf_counter()
    meetings = []
    for p in sorted(src.glob("*.toml")):
        with open(p, "rb") as f:
            meetings.append(tomllib.load(f))
    t1 = time.perf_counter()

    for m in meetings:
        m["event"] = sorted(m.get("event", []), key=lambda e: (start_key(e), e["key"]))
        days = [e.get("first_day") or e["start"].date() for e in m["event"]]
        m["_first"] = min(days) if days else date.max
    meetings.sort(key=lambda m: (m["_first"], m["id"]))

    cal = Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", "-//itucal peer//python icalendar//EN")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", "ITU-T meetings")
    cal.add("x-wr-calname", "ITU-T meetings")
    cal.add("description", "ITU-T meetings from the TSB collective letters.")
    cal.add("x-wr-caldesc", "ITU-T meetings from the TSB collective letters.")
    cal.add("x-wr-timezone", HOME)
    n = 0
    zones = {}
    years = []
    for m in meetings:
        tzname = m.get("timezone", HOME)
        tz = zones.setdefault(tzname, ZoneInfo(tzname))
        groups = m["groups"]
        for e in m["event"]:
            n += 1
            ev = Event()
            ev.add("uid", f"{e['key']}.{m['id']}@itucal")
            updated = e.get("updated", m["updated"])
            ev.add("dtstamp", updated)
            ev.add("last-modified", updated)
            ev.add("sequence", e.get("sequence", 0))
            timed = "start" in e
            if timed:
                ev.add("dtstart", e["start"].replace(tzinfo=tz))
                ev.add("dtend", e["end"].replace(tzinfo=tz))
                years.append(e["start"].year)
            else:
                first = e["first_day"]
                ev.add("dtstart", first)
                ev.add("dtend", e.get("last_day", first) + timedelta(days=1))
                years.append(first.year)
            ev.add("summary", text(e["title"]), parameters={"LANGUAGE": "en"})
            desc = e.get("description")
            body = (text(desc).rstrip() + "\n\n" if desc else "") + footer(m, timed)
            ev.add("description", body, parameters={"LANGUAGE": "en"})
            loc = e.get("location", m.get("location"))
            if loc is not None:
                ev.add("location", text(loc), parameters={"LANGUAGE": "en"})
            url = e.get("url", m.get("url"))
            if url:
                ev.add("url", url)
            ev.add("status", e.get("status", "confirmed").upper())
            ev.add("transp", "TRANSPARENT" if e["kind"] in ("deadline", "info") else "OPAQUE")
            ev.add("categories", [e["kind"]] + [g for g in e.get("groups", [])])
            cal.add_component(ev)
    first = date(min(years) - 1, 1, 1) if years else date(1970, 1, 1)
    last = date(max(years) + 1, 12, 31) if years else date(1971, 1, 1)
    cal.add_missing_timezones(first, last)
    body = cal.to_ical()
    t2 = time.perf_counter()
    with open(out, "wb") as f:
        f.write(body)
    line = json.dumps(
        {
            "tool": "python-icalendar",
            "events": n,
            "bytes": len(body),
            "load_ms": round((t1 - t0) * 1e3, 2),
            "build_ms": round((t2 - t1) * 1e3, 2),
        }
    )
    print(line, file=sys.stderr)
    if os.environ.get("BENCH_TIMINGS"):
        with open(os.environ["BENCH_TIMINGS"], "a") as f:
            f.write(line + "\n")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    main(sys.argv)
