#!/usr/bin/env bash
# Installs the four readers of the conformance suite, each pinned, and builds the C one:
#   libical 3 (Debian libical-dev)  → target/conformance/libical-reader
#   icalendar + ical (PyPI)         → requirements.txt, for python3
#   ical.js (npm)                   → tests/conformance/node_modules (package-lock.json)
# Idempotent: a step whose result is already in place is skipped, so a second run takes a
# second or two. Runs as root without a terminal (CI=true, no stdin), from any directory.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
conf=tests/conformance

# 1. libical (C library and headers) and pkg-config
if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libical; then
    echo "conformance: libical $(pkg-config --modversion libical) already installed"
else
    echo "conformance: installing libical-dev and pkg-config (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    log=$(mktemp)
    if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends libical-dev pkg-config; } \
        </dev/null >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        exit 1
    fi
    rm -f "$log"
    pkg-config --exists libical
fi

# 2. Python packages, at exactly the pinned versions
if python3 - "$conf/requirements.txt" <<'EOF'
import re, sys
from importlib.metadata import PackageNotFoundError, version
ok = True
for line in open(sys.argv[1]):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name, want = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line).groups()
    try:
        ok &= version(name) == want
    except PackageNotFoundError:
        ok = False
sys.exit(0 if ok else 1)
EOF
then
    echo "conformance: python packages already at the pinned versions ($conf/requirements.txt)"
else
    echo "conformance: installing python packages ($conf/requirements.txt)"
    python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore \
        -r "$conf/requirements.txt" </dev/null
fi

# 3. ical.js, exactly as package-lock.json says
if (cd "$conf" && node - <<'EOF'
const fs = require("fs");
const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
for (const [path, pkg] of Object.entries(lock.packages || {})) {
  if (!path.startsWith("node_modules/")) continue;
  let got;
  try {
    got = JSON.parse(fs.readFileSync(path + "/package.json", "utf8")).version;
  } catch {
    process.exit(1);
  }
  if (got !== pkg.version) process.exit(1);
}
EOF
); then
    echo "conformance: node_modules already matches $conf/package-lock.json"
else
    echo "conformance: installing node packages (npm ci in $conf)"
    (cd "$conf" && npm ci --no-audit --no-fund --loglevel=error </dev/null >/dev/null)
fi

# 4. the libical reader
src="$conf/readers/libical_reader.c"
bin=target/conformance/libical-reader
if [ -x "$bin" ] && [ ! "$src" -nt "$bin" ]; then
    echo "conformance: $bin is up to date"
else
    echo "conformance: building $bin"
    mkdir -p target/conformance
    # shellcheck disable=SC2046 # pkg-config prints several words on purpose
    gcc -O2 -Wall -Wextra -o "$bin" "$src" $(pkg-config --cflags --libs libical)
fi
