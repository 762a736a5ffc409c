#!/usr/bin/env node
// Peer: `/feeds/all.ics` as a secretariat would build it in Node with `ical-generator`.
//
//     node bench/peers/ical_generator.mjs DIR [OUT]
//
// Reads every DIR/*.toml (smol-toml), builds the same feed itucal serves as /feeds/all.ics
// (English): meetings by first date then id, events by start then key; UID, DTSTAMP,
// LAST-MODIFIED, SEQUENCE, DTSTART/DTEND (VALUE=DATE with exclusive end for all-day, TZID for
// timed, local times placed with luxon), SUMMARY, DESCRIPTION with itucal's footer, LOCATION,
// URL, STATUS, TRANSP, CATEGORIES, and a VTIMEZONE per zone used (@touch4it/ical-timezones, the
// generator ical-generator documents). Writes it to OUT (default /dev/null). No validation beyond
// what parsing needs (itucal validates every rule: it does more work).
//
// Prints one JSON line to stderr: {"tool":"ical-generator","events":N,"bytes":B,"load_ms":…,
// "build_ms":…} where load = read + TOML parse, build = objects + toString (also appended to the
// file $BENCH_TIMINGS when set).

import { appendFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';
import { parse } from 'smol-toml';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';

const HOME = 'Europe/Zurich';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

const text = (t) => (typeof t === 'string' ? t : t.en);
// smol-toml gives TomlDate (a Date subclass): local dates/times read as UTC fields
const iso = (d) => d.toISOString();
const ymd = (d) => iso(d).slice(0, 10);
const englishDate = (d) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

function footer(m, timed) {
  const c = m.contact;
  const tz = m.timezone ?? HOME;
  const zone = tz === HOME ? 'Geneva time (Europe/Zurich)' : `local time (${tz})`;
  let out = `Source: ${text(m.source.reference)} of ${englishDate(m.source.date)}.\n`;
  out += `${timed ? 'Times' : 'Dates'} are in ${zone}.\n`;
  out += `Contact: ${c.email}`;
  if (c.phone) out += `, tel. ${c.phone}`;
  if (c.fax) out += `, fax ${c.fax}`;
  out += '.\n';
  if (c.web) out += `Study group: ${c.web}\n`;
  if (m.url) out += `Meeting page: ${m.url}\n`;
  return out.trimEnd();
}

const startKey = (e) => iso(e.first_day ?? e.start);

function main(dir, out) {
  const t0 = performance.now();
  const meetings = readdirSync(dir)
    .filter((f) => f.endsWith('.toml'))
    .sort()
    .map((f) => parse(readFileSync(join(dir, f), 'utf8')));
  const t1 = performance.now();

  for (const m of meetings) {
    m.event = (m.event ?? []).slice().sort((a, b) => {
      const ka = startKey(a), kb = startKey(b);
      return ka < kb ? -1 : ka > kb ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    });
    m._first = m.event.length ? startKey(m.event[0]).slice(0, 10) : '9999';
  }
  meetings.sort((a, b) => (a._first < b._first ? -1 : a._first > b._first ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const cal = ical({
    prodId: '-//itucal peer//ical-generator//EN',
    name: 'ITU-T meetings',
    description: 'ITU-T meetings from the TSB collective letters.',
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  cal.method('PUBLISH');
  let n = 0;
  for (const m of meetings) {
    const tz = m.timezone ?? HOME;
    for (const e of m.event) {
      n += 1;
      const updated = new Date(e.updated ?? m.updated);
      const timed = e.start !== undefined;
      const desc = (e.description ? text(e.description).trimEnd() + '\n\n' : '') + footer(m, timed);
      const loc = e.location ?? m.location;
      const ev = cal.createEvent({
        id: `${e.key}.${m.id}@itucal`,
        stamp: updated,
        lastModified: updated,
        sequence: e.sequence ?? 0,
        summary: text(e.title),
        description: desc,
        location: loc === undefined ? null : text(loc),
        url: e.url ?? m.url ?? null,
        status: (e.status ?? 'confirmed').toUpperCase() === 'CANCELLED'
          ? ICalEventStatus.CANCELLED
          : (e.status ?? 'confirmed') === 'tentative' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
        transparency: e.kind === 'deadline' || e.kind === 'info'
          ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
        categories: [{ name: e.kind }, ...(e.groups ?? []).map((g) => ({ name: g }))],
      });
      if (timed) {
        ev.timezone(tz);
        ev.start(DateTime.fromISO(iso(e.start).slice(0, 19), { zone: tz }));
        ev.end(DateTime.fromISO(iso(e.end).slice(0, 19), { zone: tz }));
      } else {
        const last = e.last_day ?? e.first_day;
        const end = new Date(last.getTime() + 86400000);
        ev.allDay(true);
        ev.start(ymd(e.first_day));
        ev.end(ymd(end));
      }
    }
  }
  const body = Buffer.from(cal.toString(), 'utf8');
  const t2 = performance.now();
  writeFileSync(out, body);
  const line = JSON.stringify({
    tool: 'ical-generator', events: n, bytes: body.length,
    load_ms: +(t1 - t0).toFixed(2), build_ms: +(t2 - t1).toFixed(2),
  }) + '\n';
  process.stderr.write(line);
  if (process.env.BENCH_TIMINGS) appendFileSync(process.env.BENCH_TIMINGS, line);
}

if (process.argv.length < 3) {
  console.error('usage: node bench/peers/ical_generator.mjs DIR [OUT]');
  process.exit(2);
}
main(process.argv[2], process.argv[3] ?? '/dev/null');
