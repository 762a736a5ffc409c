#!/usr/bin/env python3
"""Conformance reader: the strict `ical` parser (PyPI `ical`, by allenporter).

Usage: py_ical.py FILE.ics [FILE.ics ...]

For each file, for each VEVENT in order, prints one JSON line on stdout:
  {"file": ..., "uid": ..., "start": S, "end": E, "summary": ..., "description": ..., "location": ...,
      "sequence": N, "status": ..., "last_modified": U, "dtstamp": U}
S/E are "YYYY-MM-DD" for DATE values and "YYYY-MM-DDTHH:MM:SSZ" (the UTC instant) for
DATE-TIME values with a TZID or in UTC; end/summary/description/location are null when absent.

Time zones: by default `ical` (Calendar._propagate_timezones) *skips* a VTIMEZONE whose TZID is
a name it knows from the system / tzdata zone database and resolves such TZIDs by name instead,
so a feed's own VTIMEZONE for e.g. Europe/Zurich would never be read. This reader makes `ical`
use the file's VTIMEZONE: while parsing, ical.tzif.timezoneinfo.native_timezones() and
available_timezones() (only consulted by that validator) return the empty set, so every
VTIMEZONE becomes an `ical.timezone.IcsTimezoneInfo` built from its STANDARD/DAYLIGHT rules and
is attached to the DATE-TIMEs that name its TZID. The reader then checks that each zoned
DTSTART/DTEND really carries an IcsTimezoneInfo of that TZID (never a zoneinfo zone).

Known limitation of ical 14.3.1 (checked, not worked around): an observance (STANDARD/DAYLIGHT)
with a DTSTART but neither RRULE nor RDATE yields no onset, so a fixed-offset zone written that
way (e.g. Asia/Dubai: one STANDARD, DTSTART:19700101T000000, +0400) has no observance in force
and IcsTimezoneInfo.utcoffset() silently answers 0. This reader reports "ical finds no
observance ... in force" and fails instead of printing a wrong instant. Such a zone is read
correctly when the observance also lists its onset as RDATE (RDATE:19700101T000000).

Strict: the stream is parsed with `IcsCalendarStream.from_ics` (no compat mode); any exception,
any log record of level WARNING or above from the `ical` loggers, any Python warning, a TZID
without a VTIMEZONE of that TZID in the same VCALENDAR, or a floating DATE-TIME (checked on the
library's raw parse tree, before `ical` would apply X-WR-TIMEZONE to it) is reported on stderr
and makes the exit status 1. A file with a problem prints no lines; the other files are read.
"""

import datetime
import json
import logging
import re
import sys
import warnings

from ical.calendar_stream import IcsCalendarStream
from ical.parsing.component import parse_content, unfolded_lines
from ical.parsing.property import parse_contentlines
from ical.timezone import IcsTimezoneInfo
from ical.tzif import timezoneinfo

KEYS = (
    "file",
    "uid",
    "start",
    "end",
    "summary",
    "description",
    "location",
    "sequence",
    "status",
    "last_modified",
    "dtstamp",
)


def utc_stamp(value, name, uid):
    """A UTC DATE-TIME (LAST-MODIFIED, DTSTAMP) as YYYY-MM-DDTHH:MM:SSZ, or None."""
    if value is None:
        return None
    if not isinstance(value, datetime.datetime) or value.utcoffset() != datetime.timedelta(0):
        raise Problem(f"VEVENT {uid}: {name} is not a UTC DATE-TIME: {value!r}")
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")
DATE_RE = re.compile(r"^[0-9]{8}$")
DATETIME_RE = re.compile(r"^[0-9]{8}T[0-9]{6}Z?$")


class Problem(Exception):
    pass


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def _no_known_zones():
    return set()


# Make Calendar._propagate_timezones build a tzinfo from every VTIMEZONE of the file instead of
# skipping those whose TZID is a known zone name (see the module docstring).
if not all(hasattr(timezoneinfo, f) for f in ("native_timezones", "available_timezones")):
    sys.exit("py_ical: this version of ical has no timezoneinfo.native_timezones/available_timezones")
timezoneinfo.native_timezones = _no_known_zones
timezoneinfo.available_timezones = _no_known_zones


def raw_checks(components):
    """Check DTSTART/DTEND on ical's raw parse tree; returns, per VCALENDAR, per VEVENT,
    {"DTSTART"/"DTEND": ("date"|"utc"|"tzid", tzid or None, raw)}."""
    calendars = []
    for cal in components:
        if cal.name != "vcalendar":
            raise Problem(f"top-level component is {cal.name.upper()}, not VCALENDAR")
        zones = set()
        for sub in cal.components:
            if sub.name == "vtimezone":
                ids = [p.value for p in sub.properties if p.name == "tzid"]
                if len(ids) != 1:
                    raise Problem(f"a VTIMEZONE has {len(ids)} TZID properties")
                if ids[0] in zones:
                    raise Problem(f"two VTIMEZONEs with TZID {ids[0]}")
                zones.add(ids[0])
        events = []
        for ev in cal.components:
            if ev.name != "vevent":
                continue
            info = {}
            uid = ",".join(p.value for p in ev.properties if p.name == "uid") or "?"
            for name in ("dtstart", "dtend"):
                props = [p for p in ev.properties if p.name == name]
                if len(props) > 1:
                    raise Problem(f"VEVENT {uid} has {len(props)} {name.upper()} properties")
                if not props:
                    continue
                p = props[0]
                value_type = (p.get_parameter_value("VALUE") or "").upper()
                tzid = p.get_parameter_value("TZID")
                if DATE_RE.match(p.value):
                    if value_type != "DATE":
                        raise Problem(f"VEVENT {uid}: {name.upper()} is a DATE without VALUE=DATE")
                    info[name] = ("date", None, p.value)
                elif DATETIME_RE.match(p.value):
                    if value_type not in ("", "DATE-TIME"):
                        raise Problem(f"VEVENT {uid}: {name.upper()} is a DATE-TIME with VALUE={value_type}")
                    if tzid is not None:
                        if p.value.endswith("Z"):
                            raise Problem(f"VEVENT {uid}: {name.upper()} has both TZID and Z")
                        if tzid not in zones:
                            raise Problem(
                                f"VEVENT {uid}: {name.upper()} has TZID={tzid} but the file has no VTIMEZONE {tzid}"
                            )
                        info[name] = ("tzid", tzid, p.value)
                    elif p.value.endswith("Z"):
                        info[name] = ("utc", None, p.value)
                    else:
                        raise Problem(
                            f"VEVENT {uid}: {name.upper()} is a floating DATE-TIME ({p.value}): no TZID and no Z"
                        )
                else:
                    raise Problem(f"VEVENT {uid}: {name.upper()} value {p.value!r} is neither DATE nor DATE-TIME")
            events.append(info)
        calendars.append(events)
    return calendars


def render(value, raw, name, uid, models):
    kind, tzid, text = raw
    if kind == "date":
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            raise Problem(f"VEVENT {uid}: ical read {name} {text} as {value!r}, not a date")
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, datetime.datetime) or value.tzinfo is None:
        raise Problem(f"VEVENT {uid}: ical read {name} {text} as {value!r}, not a zoned date-time")
    if kind == "tzid":
        tz = value.tzinfo
        if not isinstance(tz, IcsTimezoneInfo) or str(tz) != tzid:
            raise Problem(
                f"VEVENT {uid}: {name} TZID={tzid} was not resolved through the file's VTIMEZONE "
                f"(got {tz!r})"
            )
        # IcsTimezoneInfo.utcoffset() silently returns 0 when it finds no observance in force
        # (ical 14.3.1 counts no onset for a STANDARD/DAYLIGHT that has a DTSTART but neither
        # RRULE nor RDATE): report that instead of printing a wrong instant.
        model = models.get(tzid)
        if model is None or model.get_observance(value.replace(tzinfo=None)) is None:
            raise Problem(
                f"VEVENT {uid}: {name} {text}: ical finds no observance of VTIMEZONE {tzid} in "
                "force at that time (it would read the time as UTC)"
            )
    elif value.utcoffset() != datetime.timedelta(0):
        raise Problem(f"VEVENT {uid}: ical read UTC {name} {text} with offset {value.utcoffset()}")
    return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def read_file(path):
    with open(path, encoding="utf-8", newline="") as f:
        content = f.read()
    # parse_content silently drops a component that is never closed: check BEGIN/END nesting
    # on the library's own content lines first.
    depth = 0
    for prop in parse_contentlines(unfolded_lines(content)):
        if prop.name == "begin":
            depth += 1
        elif prop.name == "end":
            depth -= 1
            if depth < 0:
                raise Problem(f"END:{prop.value} without BEGIN")
    if depth:
        raise Problem(f"{depth} component(s) not closed with END")
    components = parse_content(content)
    if not components:
        raise Problem("no component found")
    raw = raw_checks(components)
    stream = IcsCalendarStream.from_ics(content)
    if len(stream.calendars) != len(raw):
        raise Problem(f"ical read {len(stream.calendars)} calendars, the raw tree has {len(raw)}")
    records = []
    for cal, raw_events in zip(stream.calendars, raw):
        if len(cal.events) != len(raw_events):
            raise Problem(f"ical read {len(cal.events)} events, the raw tree has {len(raw_events)}")
        models = {tz.tz_id: tz for tz in cal.timezones}
        for ev, r in zip(cal.events, raw_events):
            uid = ev.uid
            if uid is None:
                raise Problem("a VEVENT has no UID")
            if "dtstart" not in r or ev.dtstart is None:
                raise Problem(f"VEVENT {uid} has no DTSTART")
            start = render(ev.dtstart, r["dtstart"], "DTSTART", uid, models)
            if "dtend" in r:
                end = render(ev.dtend, r["dtend"], "DTEND", uid, models)
            else:
                end = None
            status = None if ev.status is None else str(getattr(ev.status, "value", ev.status))
            values = (
                path,
                uid,
                start,
                end,
                ev.summary,
                ev.description,
                ev.location,
                ev.sequence,
                status,
                utc_stamp(ev.last_modified, "LAST-MODIFIED", uid),
                utc_stamp(ev.dtstamp, "DTSTAMP", uid),
            )
            records.append(dict(zip(KEYS, values)))
    return records


def main(argv):
    if not argv:
        print("usage: py_ical.py FILE.ics [FILE.ics ...]", file=sys.stderr)
        return 2
    handler = Collect()
    logger = logging.getLogger("ical")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    ok = True
    out = sys.stdout
    for path in argv:
        handler.records.clear()
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                records = read_file(path)
            problems = [f"{r.name}: {r.levelname}: {r.getMessage()}" for r in handler.records]
            problems += [f"{w.category.__name__}: {w.message}" for w in caught]
            if problems:
                raise Problem("warnings: " + "; ".join(problems))
        except Problem as e:
            print(f"py_ical: {path}: {e}", file=sys.stderr)
            ok = False
            continue
        except Exception as e:  # any exception from the library is a parse error
            msg = " ".join(str(e).split())
            print(f"py_ical: {path}: {type(e).__name__}: {msg}", file=sys.stderr)
            ok = False
            continue
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    out.flush()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    sys.exit(main(sys.argv[1:]))
