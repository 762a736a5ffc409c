#!/usr/bin/env node
// Conformance reader: npm `ical.js` 2.x (Thunderbird's parser).
//
// Usage: node icaljs.mjs FILE.ics [FILE.ics ...]
//   (ical.js is resolved from tests/conformance/node_modules: run `npm ci` there first)
//
// For each file, for each VEVENT in order, prints one JSON line on stdout:
//   {"file": ..., "uid": ..., "start": S, "end": E, "summary": ..., "description": ..., "location": ...,
//    "sequence": N, "status": ..., "last_modified": U, "dtstamp": U}
// S/E are "YYYY-MM-DD" for DATE values and "YYYY-MM-DDTHH:MM:SSZ" (the UTC instant) for
// DATE-TIME values with a TZID or in UTC; end/summary/description/location are null when absent.
// The line has the same bytes as Python's json.dumps(..., ensure_ascii=False): ", " and ": "
// separators, each key and value through JSON.stringify.
//
// Time zones: ical.js knows no zone database. Before reading a VCALENDAR the TimezoneService
// registry is reset and every VTIMEZONE of that VCALENDAR is registered with
// ICAL.TimezoneService.register(new ICAL.Timezone(vtz)). (ical.js 2.x also resolves a TZID
// through the VCALENDAR's own VTIMEZONE by itself, Component.getTimeZoneByID.) When neither
// knows a TZID, ical.js silently reads the time as floating; this reader therefore checks that
// each zoned DTSTART/DTEND ends up with a zone made from one of this file's VTIMEZONE components
// and fails otherwise.
//
// Strict: a parse error (ICAL.parse throws), invalid UTF-8, a TZID without a VTIMEZONE of that
// TZID in the same VCALENDAR, a floating DATE-TIME, or a missing UID/DTSTART is reported on
// stderr and makes the exit status 1. A file with a problem prints no lines; the other files
// are still read. (ical.js has no warning channel to check.)

import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const KEYS = [
  "file", "uid", "start", "end", "summary", "description", "location",
  "sequence", "status", "last_modified", "dtstamp",
];

// A UTC DATE-TIME property (LAST-MODIFIED, DTSTAMP) as YYYY-MM-DDTHH:MM:SSZ, or null.
function utcStamp(ev, name, uid) {
  const prop = single(ev, name, uid);
  if (prop === null) return null;
  const t = prop.getFirstValue();
  if (t.isDate || t.zone !== ICAL.Timezone.utcTimezone) {
    throw new Problem(`VEVENT ${uid}: ${name.toUpperCase()} is not a UTC DATE-TIME: ${t}`);
  }
  return t.toString();
}

class Problem extends Error {}

function line(record) {
  return "{" + KEYS.map((k) => JSON.stringify(k) + ": " + JSON.stringify(record[k])).join(", ") + "}";
}

function pad(n, w = 2) {
  return String(n).padStart(w, "0");
}

function single(comp, name, uid) {
  const props = comp.getAllProperties(name);
  if (props.length > 1) {
    throw new Problem(`VEVENT ${uid}: ${props.length} ${name.toUpperCase()} properties`);
  }
  return props.length ? props[0] : null;
}

function textValue(comp, name, uid) {
  const prop = single(comp, name, uid);
  if (prop === null) return null;
  const values = prop.getValues();
  if (values.length !== 1 || typeof values[0] !== "string") {
    throw new Problem(`VEVENT ${uid}: ${name.toUpperCase()} is not one text value`);
  }
  return values[0];
}

// ical.js silently normalizes impossible values (month 13 → January of the next year): check
// the value as written (jCal keeps it as "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS[Z]").
function checkWritten(prop, name, uid) {
  const raw = prop.jCal[3];
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z?)?$/.exec(String(raw));
  if (!m) throw new Problem(`VEVENT ${uid}: ${name} value ${JSON.stringify(raw)} is neither DATE nor DATE-TIME`);
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > days || h > 23 || mi > 59 || s > 59) {
    throw new Problem(`VEVENT ${uid}: ${name} value ${raw} is not a valid date or time`);
  }
}

function instant(prop, name, uid, zones) {
  const tzid = prop.getParameter("tzid");
  if (prop.getValues().length !== 1) {
    throw new Problem(`VEVENT ${uid}: ${name} is not one DATE or DATE-TIME`);
  }
  checkWritten(prop, name, uid);
  const t = prop.getFirstValue();
  if (!(t instanceof ICAL.Time)) {
    throw new Problem(`VEVENT ${uid}: ${name} is not one DATE or DATE-TIME`);
  }
  if (t.isDate) {
    if (prop.type !== "date") throw new Problem(`VEVENT ${uid}: ${name} is a DATE of type ${prop.type}`);
    if (tzid) throw new Problem(`VEVENT ${uid}: ${name} is a DATE with TZID=${tzid}`);
    return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  }
  const zone = t.zone;
  if (tzid) {
    const vtz = zones.get(tzid);
    if (!vtz) {
      throw new Problem(`VEVENT ${uid}: ${name} has TZID=${tzid} but the file has no VTIMEZONE ${tzid}`);
    }
    if (!zone || zone === ICAL.Timezone.localTimezone || zone.tzid === "floating") {
      throw new Problem(`VEVENT ${uid}: ${name} TZID=${tzid} was read as floating (zone not registered)`);
    }
    if (zone.tzid !== tzid || zone.component !== vtz) {
      throw new Problem(`VEVENT ${uid}: ${name} TZID=${tzid} was not resolved through the file's VTIMEZONE`);
    }
  } else if (zone !== ICAL.Timezone.utcTimezone) {
    throw new Problem(
      `VEVENT ${uid}: ${name} is a floating DATE-TIME (${t.toString()}): no TZID and no Z`,
    );
  }
  const secs = t.toUnixTime();
  if (!Number.isFinite(secs)) throw new Problem(`VEVENT ${uid}: ${name} has no instant`);
  const d = new Date(secs * 1000);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`
  );
}

function readCalendar(path, vcal, out) {
  if (vcal.name !== "vcalendar") {
    throw new Problem(`top-level component is ${vcal.name.toUpperCase()}, not VCALENDAR`);
  }
  // Only this VCALENDAR's zones are known while it is read.
  ICAL.TimezoneService.reset();
  const zones = new Map();
  for (const vtz of vcal.getAllSubcomponents("vtimezone")) {
    const tzid = vtz.getFirstPropertyValue("tzid");
    if (!tzid) throw new Problem("a VTIMEZONE has no TZID");
    if (zones.has(tzid)) throw new Problem(`two VTIMEZONEs with TZID ${tzid}`);
    zones.set(tzid, vtz);
    ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  }
  for (const ev of vcal.getAllSubcomponents("vevent")) {
    const uid = textValue(ev, "uid", "?");
    if (uid === null) throw new Problem("a VEVENT has no UID");
    const dtstart = single(ev, "dtstart", uid);
    if (dtstart === null) throw new Problem(`VEVENT ${uid} has no DTSTART`);
    const dtend = single(ev, "dtend", uid);
    out.push({
      file: path,
      uid,
      start: instant(dtstart, "DTSTART", uid, zones),
      end: dtend === null ? null : instant(dtend, "DTEND", uid, zones),
      summary: textValue(ev, "summary", uid),
      description: textValue(ev, "description", uid),
      location: textValue(ev, "location", uid),
      sequence: ev.getFirstPropertyValue("sequence"),
      status: textValue(ev, "status", uid),
      last_modified: utcStamp(ev, "last-modified", uid),
      dtstamp: utcStamp(ev, "dtstamp", uid),
    });
  }
}

function readFile(path) {
  const bytes = readFileSync(path);
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Problem("not valid UTF-8");
  }
  let jcal = ICAL.parse(text);
  if (jcal.length === 0) throw new Problem("no component found");
  if (typeof jcal[0] === "string") jcal = [jcal];
  const out = [];
  for (const c of jcal) readCalendar(path, new ICAL.Component(c), out);
  return out;
}

function main(argv) {
  if (argv.length === 0) {
    process.stderr.write("usage: node icaljs.mjs FILE.ics [FILE.ics ...]\n");
    return 2;
  }
  let ok = true;
  let buf = "";
  for (const path of argv) {
    try {
      for (const r of readFile(path)) buf += line(r) + "\n";
    } catch (e) {
      const what = e instanceof Problem ? e.message : `${e.name}: ${e.message}`;
      process.stderr.write(`icaljs: ${path}: ${what.replace(/\s+/g, " ")}\n`);
      ok = false;
    } finally {
      ICAL.TimezoneService.reset();
    }
  }
  process.stdout.write(buf);
  return ok ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
