#!/usr/bin/env node
// The links a client's linkifier finds in the feeds' texts: npm `linkify-it` (the linkifier of
// markdown-it and of many web clients) over every DESCRIPTION and LOCATION, read with ical.js.
//
// Usage: node links.mjs FILE.ics [FILE.ics ...]
//   (both packages are resolved from tests/conformance/node_modules: run `npm ci` there first)
//
// Prints one JSON line per link found: {"file": ..., "uid": ..., "property": ..., "link": ...},
// where link is exactly the text linkify-it made a link of (what a person would click).

import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import LinkifyIt from "linkify-it";

const linkify = new LinkifyIt();
let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    const cal = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
    for (const ev of cal.getAllSubcomponents("vevent")) {
      const uid = ev.getFirstPropertyValue("uid");
      for (const property of ["description", "location"]) {
        const text = ev.getFirstPropertyValue(property);
        for (const m of (text && linkify.match(text)) || []) {
          console.log(JSON.stringify({ file, uid, property, link: m.raw }));
        }
      }
    }
  } catch (e) {
    console.error(`${file}: ${e}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
