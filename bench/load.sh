#!/usr/bin/env bash
# Load test of the release binary on the shipped data, on loopback only, bounded in time.
#
#   bench/load.sh            # 256 connections, 30 s per scenario
#   DURATION=10 CONNECTIONS=64 bench/load.sh
#
# Scenarios: a full feed (200), a revalidation with the feed's real ETag (304) and an unknown
# feed (404). The server's resident memory (VmRSS) is sampled every second to show that it stays
# flat. Prints one line per scenario and exits 1 on any socket error (connect, read, write,
# timeout) or any status other than the scenario's own. Needs Debian's wrk (installed if
# missing), curl and awk.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-256}
THREADS=${THREADS:-2}
DATA=${DATA:-data}

if ! command -v wrk >/dev/null; then
    echo "== installing wrk"
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

echo "== building the release binary"
cargo build --release --locked --quiet

work=$(mktemp -d)
server_pid=""
sampler_pid=""
cleanup() {
    if [ -n "$sampler_pid" ]; then kill "$sampler_pid" 2>/dev/null || true; fi
    if [ -n "$server_pid" ]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

RUST_LOG=warn target/release/itucal serve --bind 127.0.0.1:0 --data "$DATA" \
    >"$work/stdout" 2>"$work/stderr" &
server_pid=$!
addr=""
for _ in $(seq 1 300); do
    addr=$(sed -n 's|^serving on http://\([^;,]*\)[;,].*|\1|p' "$work/stdout" | head -n1)
    [ -n "$addr" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/stderr" >&2; echo "server exited" >&2; exit 1; }
    sleep 0.1
done
[ -n "$addr" ] || { echo "server did not start within 30 s" >&2; exit 1; }
base="http://$addr"
etag=$(curl -fsS -o /dev/null -D - "$base/feeds/all.ics" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
[ -n "$etag" ] || { echo "no ETag on /feeds/all.ics" >&2; exit 1; }
bytes=$(curl -fsS "$base/feeds/all.ics" | wc -c)
echo "== serving $DATA on $base (pid $server_pid); /feeds/all.ics is $bytes bytes, ETag $etag"

# VmRSS in kB, one sample a second, with the scenario running at the time
echo idle >"$work/phase"
(
    while kill -0 "$server_pid" 2>/dev/null; do
        rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || true)
        [ -n "$rss" ] && echo "$(cat "$work/phase") $rss" >>"$work/rss"
        sleep 1
    done
) &
sampler_pid=$!

# wrk reports statuses only as "non-2xx or 3xx"; this script counts the exact ones, and prints
# one machine-readable line
cat >"$work/count.lua" <<'LUA'
local threads = {}
function setup(thread)
    table.insert(threads, thread)
end
function init(args)
    expected = tonumber(args[1])
    unexpected = 0
    last_unexpected = 0
end
function response(status, headers, body)
    if status ~= expected then
        unexpected = unexpected + 1
        last_unexpected = status
    end
end
function done(summary, latency, requests)
    local n, last = 0, 0
    for _, t in ipairs(threads) do
        n = n + t:get("unexpected")
        if t:get("last_unexpected") ~= 0 then last = t:get("last_unexpected") end
    end
    local e = summary.errors
    io.write(string.format(
        "RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f connect=%d read=%d write=%d timeout=%d non2xx3xx=%d unexpected=%d last_unexpected=%d\n",
        summary.requests, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
        e.connect, e.read, e.write, e.timeout, e.status, n, last))
end
LUA

failed=0
summary=()
run() { # name, expected status, path, [header]
    local name=$1 expected=$2 path=$3
    shift 3
    echo "$name" >"$work/phase"
    echo "== $name: $CONNECTIONS connections for ${DURATION}s on $path (expect $expected)"
    local out
    out=$(timeout $((DURATION + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" \
        --timeout 5s -s "$work/count.lua" "$@" "$base$path" -- "$expected")
    local line
    line=$(grep '^RESULT ' <<<"$out" || true)
    if [ -z "$line" ]; then
        echo "$out"
        echo "wrk gave no result" >&2
        failed=1
        return
    fi
    echo "idle" >"$work/phase"
    local rss
    rss=$(awk -v p="$name" '$1 == p {if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2} END {printf "rss_min_kb=%s rss_max_kb=%s", min, max}' "$work/rss")
    summary+=("$name ${line#RESULT } $rss")
    echo "   ${line#RESULT } $rss"
    # any socket error, or any status other than the expected one, fails the run
    field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<" $line"; }
    local errors unexpected
    errors=$(($(field connect) + $(field read) + $(field write) + $(field timeout)))
    unexpected=$(field unexpected)
    if [ "$errors" -ne 0 ]; then
        echo "   FAIL: socket errors" >&2
        failed=1
    fi
    if [ "$unexpected" -ne 0 ]; then
        echo "   FAIL: $unexpected responses were not $expected" >&2
        failed=1
    fi
}

run feed-200 200 /feeds/all.ics
run revalidate-304 304 /feeds/all.ics -H "If-None-Match: $etag"
run unknown-404 404 /feeds/nope.ics
sleep 1

echo
echo "== summary ($CONNECTIONS connections, ${DURATION}s each, $THREADS wrk threads, $(nproc) CPUs)"
printf '%s\n' "${summary[@]}"
awk '{print $2}' "$work/rss" | sort -n | awk 'NR == 1 {min = $1} {max = $1} END {printf "server VmRSS over the whole run: min %d kB, max %d kB (%d samples)\n", min, max, NR}'
if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "FAIL: the server died" >&2
    failed=1
fi
exit "$failed"
