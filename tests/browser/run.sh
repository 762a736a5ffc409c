#!/usr/bin/env bash
# Browser tests of the pages (issues #4 and #16) in real headless Chromium, with axe-core.
#
# Installs what it needs when missing (Debian chromium and fonts for Chinese and Arabic as root,
# the npm packages from package-lock.json), starts `itucal serve` on a free loopback port, runs
# the node tests against it, and stops it. Builds nothing: it runs target/debug/itucal, or
# $ITUCAL_BIN.
#
#   tests/browser/run.sh                        # after `cargo build`
#   ITUCAL_BIN=target/release/itucal tests/browser/run.sh
#   UPDATE_SCREENSHOTS=1 tests/browser/run.sh   # also refresh docs/screenshots/
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
export CI="${CI:-true}"

# --- system packages: chromium and fonts with Chinese and Arabic glyphs (else they render as
# boxes). DejaVu Sans has the Arabic ones; named here because fontconfig is content with any of
# several fonts, and the others it may have got instead (Liberation) have no Arabic.
missing=()
for pkg in chromium fonts-wqy-microhei fonts-dejavu-core; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done
if ((${#missing[@]})); then
    if [[ $(id -u) -ne 0 ]]; then
        echo "browser tests need: ${missing[*]}; install them as root (apt-get install ${missing[*]})" >&2
        exit 1
    fi
    echo "== installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq </dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
fi
[[ -x /usr/bin/chromium ]] || { echo "no /usr/bin/chromium after install" >&2; exit 1; }

# --- npm packages (playwright-core only drives the browser, it never downloads one; axe-core
# checks the pages against WCAG)
if [[ ! -f "$here/node_modules/playwright-core/package.json" ||
    ! -f "$here/node_modules/axe-core/package.json" ||
    "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]]; then
    echo "== npm ci (tests/browser)"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error </dev/null)
fi

# --- the server, on a free port
bin="${ITUCAL_BIN:-${CARGO_TARGET_DIR:-$root/target}/debug/itucal}"
[[ -x "$bin" ]] || { echo "no itucal binary at $bin: run 'cargo build' first or set ITUCAL_BIN" >&2; exit 1; }
work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
# the shipped data and the example meeting with a time plan (its grid and timeline are pages
# too), served together
mkdir -p "$work/data"
cp data/*.toml data/itucal.lock examples/sg99-2026-10/*.toml "$work/data/"
# on a fixed day (the catalog's pages and windows depend on the date): the example's meeting is
# coming, the seed's is the latest of its groups
"$bin" serve --bind 127.0.0.1:0 --data "$work/data" --today 2026-10-01 \
    >"$work/stdout" 2>"$work/stderr" </dev/null &
server_pid=$!
addr=""
for _ in $(seq 1 100); do
    addr="$(sed -n 's|^serving on http://\([^;]*\);.*|\1|p' "$work/stdout" | head -n1)"
    [[ -n "$addr" ]] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
if [[ -z "$addr" ]]; then
    echo "itucal serve did not start:" >&2
    cat "$work/stdout" "$work/stderr" >&2
    exit 1
fi
echo "== server on http://$addr"

# --- the tests
export ITUCAL_URL="http://$addr"
if [[ -n "${UPDATE_SCREENSHOTS:-}" ]]; then
    export ITUCAL_SCREENSHOTS="$root/docs/screenshots"
else
    export ITUCAL_SCREENSHOTS="$work/screenshots"
fi
mkdir -p "$ITUCAL_SCREENSHOTS"
start=$(date +%s)
status=0
node --test --test-concurrency=1 "$here"/*.test.mjs || status=$?
echo "== browser tests took $(($(date +%s) - start)) s; screenshots in $ITUCAL_SCREENSHOTS"
exit "$status"
