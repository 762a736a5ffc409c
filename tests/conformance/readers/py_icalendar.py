#!/usr/bin/env python3
"""Conformance reader: python `icalendar` 7.x (PyPI).

Usage: py_icalendar.py FILE.ics [FILE.ics ...]

For each file, for each VEVENT in order, prints one JSON line on stdout:
  {"file": ..., "uid": ..., "start": S, "end": E, "summary": ..., "description": ..., "location": ...,
      "sequence": N, "status": ..., "last_modified": U, "dtstamp": U}
S/E are "YYYY-MM-DD" for DATE values and "YYYY-MM-DDTHH:MM:SSZ" (the UTC instant) for
DATE-TIME values with a TZID or in UTC; end/summary/description/location are null when absent.

Time zones: `icalendar` by default resolves a TZID by its *name* through zoneinfo (a VTIMEZONE
is only used when zoneinfo does not know the name). This reader does not use that: it builds a
tzinfo from the file's own VTIMEZONE with `Timezone.to_tz(lookup_tzid=False)` (a dateutil
`tzical` zone made from the component's STANDARD/DAYLIGHT rules), attaches it to the wall time
as written and converts to UTC.

Strict: a parse error (`Component.errors`, an exception), any Python warning raised while
parsing/reading, a TZID without a VTIMEZONE of that TZID in the same VCALENDAR, a floating
DATE-TIME, or a missing UID/DTSTART is reported on stderr and makes the exit status 1.
A file with a problem prints no lines; the other files are still read.
"""

import datetime
import json
import sys
import warnings

import icalendar
from icalendar import Calendar

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


class Problem(Exception):
    pass


def one(component, name):
    """The single property `name` of `component`, or None; several → Problem."""
    value = component.get(name)
    if isinstance(value, list):
        raise Problem(f"{component.name} has {len(value)} {name} properties")
    return value


def text(component, name):
    value = one(component, name)
    return None if value is None else str(value)


def instant(prop, name, zones, tzcache):
    """S/E for a DTSTART/DTEND property, resolved through the file's VTIMEZONEs."""
    dt = prop.dt
    params = prop.params
    value_type = params.get("VALUE")
    if isinstance(dt, datetime.datetime):
        if value_type is not None and str(value_type).upper() != "DATE-TIME":
            raise Problem(f"{name} is a DATE-TIME but VALUE={value_type}")
        tzid = params.get("TZID")
        if tzid is not None:
            tzid = str(tzid)
            if tzid not in zones:
                raise Problem(f"{name} has TZID={tzid} but the file has no VTIMEZONE {tzid}")
            if tzid not in tzcache:
                # A tzinfo built from this file's VTIMEZONE, never looked up by name.
                tzcache[tzid] = zones[tzid].to_tz(lookup_tzid=False)
            local = dt.replace(tzinfo=None).replace(tzinfo=tzcache[tzid])
        elif dt.tzinfo is None:
            raise Problem(f"{name} is a floating DATE-TIME ({dt.isoformat()}): no TZID and no Z")
        else:
            if dt.utcoffset() != datetime.timedelta(0):
                raise Problem(f"{name} has a non-UTC zone without TZID: {dt.tzinfo!r}")
            local = dt
        utc = local.astimezone(datetime.timezone.utc)
        return utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(dt, datetime.date):
        if value_type is None or str(value_type).upper() != "DATE":
            raise Problem(f"{name} is a DATE without VALUE=DATE")
        return dt.strftime("%Y-%m-%d")
    raise Problem(f"{name} is neither DATE nor DATE-TIME: {dt!r}")


def utc_stamp(component, name):
    """A UTC DATE-TIME property (LAST-MODIFIED, DTSTAMP) as YYYY-MM-DDTHH:MM:SSZ, or None."""
    prop = one(component, name)
    if prop is None:
        return None
    dt = prop.dt
    if not isinstance(dt, datetime.datetime) or dt.utcoffset() != datetime.timedelta(0):
        raise Problem(f"{name} is not a UTC DATE-TIME: {dt!r}")
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def all_errors(component, path=""):
    here = f"{path}/{component.name}"
    for prop, err in getattr(component, "errors", []) or []:
        yield f"{here}: {prop}: {err}"
    for sub in component.subcomponents:
        yield from all_errors(sub, here)


def read_file(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        # icalendar itself would replace invalid UTF-8 with U+FFFD without a word.
        data = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Problem(f"not valid UTF-8: {e}") from None
    calendars = Calendar.from_ical(data, multiple=True)
    if not calendars:
        raise Problem("no component found")
    records = []
    for cal in calendars:
        if cal.name != "VCALENDAR":
            raise Problem(f"top-level component is {cal.name}, not VCALENDAR")
        errors = list(all_errors(cal))
        if errors:
            raise Problem("parse errors: " + "; ".join(errors))
        zones = {}
        for sub in cal.subcomponents:
            if sub.name == "VTIMEZONE":
                tzid = str(sub["TZID"])
                if tzid in zones:
                    raise Problem(f"two VTIMEZONEs with TZID {tzid}")
                zones[tzid] = sub
        tzcache = {}
        for ev in cal.subcomponents:
            if ev.name != "VEVENT":
                continue
            uid = text(ev, "UID")
            if uid is None:
                raise Problem("a VEVENT has no UID")
            dtstart = one(ev, "DTSTART")
            if dtstart is None:
                raise Problem(f"VEVENT {uid} has no DTSTART")
            dtend = one(ev, "DTEND")
            try:
                start = instant(dtstart, "DTSTART", zones, tzcache)
                end = None if dtend is None else instant(dtend, "DTEND", zones, tzcache)
            except Problem as e:
                raise Problem(f"VEVENT {uid}: {e}") from None
            values = (
                path,
                uid,
                start,
                end,
                text(ev, "SUMMARY"),
                text(ev, "DESCRIPTION"),
                text(ev, "LOCATION"),
                None if one(ev, "SEQUENCE") is None else int(one(ev, "SEQUENCE")),
                text(ev, "STATUS"),
                utc_stamp(ev, "LAST-MODIFIED"),
                utc_stamp(ev, "DTSTAMP"),
            )
            records.append(dict(zip(KEYS, values)))
    return records


def main(argv):
    if not argv:
        print("usage: py_icalendar.py FILE.ics [FILE.ics ...]", file=sys.stderr)
        return 2
    ok = True
    out = sys.stdout
    for path in argv:
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                records = read_file(path)
            if caught:
                raise Problem(
                    "warnings: " + "; ".join(f"{w.category.__name__}: {w.message}" for w in caught)
                )
        except Problem as e:
            print(f"py_icalendar: {path}: {e}", file=sys.stderr)
            ok = False
            continue
        except Exception as e:  # any exception from the library is a parse error
            print(f"py_icalendar: {path}: {type(e).__name__}: {e}", file=sys.stderr)
            ok = False
            continue
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    out.flush()
    return 0 if ok else 1


if __name__ == "__main__":
    if not icalendar.__version__.startswith("7."):
        print(f"py_icalendar: needs icalendar 7.x, found {icalendar.__version__}", file=sys.stderr)
        sys.exit(2)
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    sys.exit(main(sys.argv[1:]))
