#!/usr/bin/env bash
# The JSON API against its own OpenAPI document, by schemathesis (PyPI, requirements.txt): every
# check, on requests it generates from /api/openapi.json, valid ones and invalid ones. The
# document is generated from the data being served, so it runs twice: on the shipped data/ and
# on tests/fixtures/other-groups/ (another study group, other groups, other zones).
#
# Installs schemathesis (requirements.txt) when missing, builds the debug binary (or runs
# $ITUCAL_BIN), starts `itucal serve` on a free loopback port for each data set, waits for
# /healthz, runs schemathesis and stops the server. Extra arguments go to `schemathesis run`:
#
#   tests/schemathesis/run.sh
#   tests/schemathesis/run.sh --seed 42        # replay the cases of a reported seed
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

# cases per operation and phase; five operations, four phases: a few hundred per data set
examples=20

# schemathesis, exactly as requirements.txt pins it, in a virtual environment of its own (its
# dependencies and the conformance readers' pins disagree); skipped when already in place
venv="$root/target/schemathesis/venv"
if [[ -x "$venv/bin/schemathesis" ]] && cmp -s "$here/requirements.txt" "$venv/installed.txt"; then
    echo "== $("$venv/bin/schemathesis" --version) already installed in $venv"
else
    echo "== installing $(grep '^schemathesis==' "$here/requirements.txt") in $venv (pip)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check \
        -r "$here/requirements.txt" </dev/null
    cp "$here/requirements.txt" "$venv/installed.txt"
fi

if [[ -n "${ITUCAL_BIN:-}" ]]; then
    bin="$ITUCAL_BIN"
else
    cargo build --locked --quiet --bin itucal
    bin="${CARGO_TARGET_DIR:-$root/target}/debug/itucal"
fi

work="$(mktemp -d)"
server_pid=""
stop_server() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT

# run DIR: serves DIR on a port the kernel picks and runs schemathesis against it
run() {
    local data="$1" addr="" out="$work/stdout" err="$work/stderr"
    "$bin" serve --data "$data" --bind 127.0.0.1:0 >"$out" 2>"$err" </dev/null &
    server_pid=$!
    for _ in $(seq 1 100); do
        addr="$(sed -n 's|^serving on http://\([^;]*\);.*|\1|p' "$out" | head -n1)"
        if [[ -n "$addr" ]] && curl -fs -o /dev/null "http://$addr/healthz"; then
            break
        fi
        addr=""
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    if [[ -z "$addr" ]]; then
        echo "itucal serve --data $data did not start:" >&2
        cat "$out" "$err" >&2
        exit 1
    fi
    echo "== schemathesis on $data (http://$addr)"
    local start=$SECONDS status=0
    # from the scratch directory: schemathesis keeps a cache of its failures in the working
    # directory (.schemathesis/), and the next run's ports differ anyway.
    # --include-path-regex: without a filter, schemathesis leaves out the operation that serves
    # the document it reads (/api/openapi.json), which takes a query like the others;
    # --generation-database none: each run draws afresh, not from the cases of earlier runs
    (cd "$work" && "$venv/bin/schemathesis" run "http://$addr/api/openapi.json" \
        --url "http://$addr" \
        --include-path-regex '^/api/' \
        --checks all \
        --max-examples "$examples" \
        --generation-database none \
        --no-color \
        "${@:2}") || status=$?
    stop_server
    echo "== schemathesis on $data took $((SECONDS - start)) s"
    return "$status"
}

status=0
run data "$@" || status=$?
run tests/fixtures/other-groups "$@" || status=$?
exit "$status"
