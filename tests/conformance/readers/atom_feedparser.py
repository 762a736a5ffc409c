#!/usr/bin/env python3
"""Atom reader: Python `feedparser` 6.x (PyPI), strict.

Usage: atom_feedparser.py FILE.atom [FILE.atom ...]

For each file prints one JSON line: {"file", "version", "title", "id", "updated", "entries":
[{"id", "title", "updated", "link", "content"}]}. Strict: a file that feedparser flags as
ill-formed (`bozo`), that it does not read as Atom 1.0 (`atom10`), or that lacks an element
RFC 4287 requires (feed id/title/updated/author, entry id/title/updated) is reported on stderr
and makes the exit status 1.
"""

import json
import sys

import feedparser


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    d = feedparser.parse(data)
    if d.bozo:
        raise ValueError(f"not well-formed: {d.bozo_exception!r}")
    if d.version != "atom10":
        raise ValueError(f"read as {d.version!r}, not Atom 1.0")
    feed = d.feed
    for key in ("id", "title", "updated", "author"):
        if not feed.get(key):
            raise ValueError(f"the feed has no {key}")
    entries = []
    for e in d.entries:
        for key in ("id", "title", "updated"):
            if not e.get(key):
                raise ValueError(f"an entry has no {key}")
        content = e.get("content") or [{}]
        entries.append(
            {
                "id": e.id,
                "title": e.title,
                "updated": e.updated,
                "link": e.get("link"),
                "content": content[0].get("value"),
            }
        )
    return {
        "file": path,
        "version": d.version,
        "title": feed.title,
        "id": feed.id,
        "updated": feed.updated,
        "entries": entries,
    }


def main(argv):
    ok = True
    for path in argv:
        try:
            record = read(path)
        except Exception as e:  # every problem of a file is reported, the others still read
            print(f"atom_feedparser: {path}: {e}", file=sys.stderr)
            ok = False
            continue
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    sys.exit(main(sys.argv[1:]))
