#!/usr/bin/env bash
# Load benchmark of the web app with a large programme: the candidates page and API (ranked from
# the matching index each instance keeps in memory) beside the participant list page as the
# reference, measured with wrk (p50, p99, requests/s). Not part of the test suite.
#
#   bench/web-load/run.sh                      # 200,000 participants, 2,000 placements, SQLite
#   PARTICIPANTS=20000 bench/web-load/run.sh   # smaller
#   DATABASE=postgres://postgres@127.0.0.1:5432/bench bench/web-load/run.sh   # an empty PG db
#
# The seeded database is kept in bench/.web-load/ (SQLite) and reused by the next run; seeding
# goes through the store's public functions (the demo, then each participant and placement
# saved as a coordinator's form would) and takes a while at 200,000.
# Goal (issue 14): candidates p50 < 20 ms and p99 < 100 ms at 200,000 participants.
set -euo pipefail
cd "$(dirname "$0")/../.."
participants="${PARTICIPANTS:-200000}"
placements="${PLACEMENTS:-2000}"
duration="${DURATION:-10s}"
# Concurrent connections, each level measured in turn: on a small machine that runs wrk too,
# latency at the higher levels is mostly queueing (connections / throughput).
connections="${CONNECTIONS:-1 4 8}"
port="${PORT:-8199}"
work="bench/.web-load"
mkdir -p "$work"
export BRYGGA_SECRET="${BRYGGA_SECRET:-$(printf 'b%.0s' $(seq 64))}"
database="${DATABASE:-sqlite://$work/bench-$participants-$placements.sqlite}"
ids="$work/placements-$participants-$placements.txt"
command -v wrk >/dev/null || { echo "needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "needs curl" >&2; exit 1; }

cargo build --release -p brygga-cli --bin brygga -p brygga-demo --example bench_seed
bin="${CARGO_TARGET_DIR:-target}/release"
if [ ! -s "$ids" ]; then
    echo "== seeding $participants participants and $placements placements"
    "$bin/examples/bench_seed" "$database" "$participants" "$placements" "$ids"
fi

# Plain HTTP on a local address: cookies without the Secure flag, as `brygga demo` serves.
BRYGGA_SECURE_COOKIES=false "$bin/brygga" --database "$database" serve --bind "127.0.0.1:$port" \
    >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -fs "$base/login" >/dev/null && break; sleep 0.2; done

# A coordinator's session for the pages, and an API token.
jar="$work/cookies.txt"
rm -f "$jar"
csrf="$(curl -fs -c "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)"
curl -fs -b "$jar" -c "$jar" -o /dev/null \
    --data-urlencode "csrf=$csrf" --data-urlencode "email=koordinator@demo.brygga.se" \
    --data-urlencode "password=brygga-demo-2026" --data-urlencode "next=" "$base/login"
cookie="$(sed 's/^#HttpOnly_//' "$jar" | awk -F'\t' 'NF >= 7 && $1 !~ /^#/ { printf "%s%s=%s", sep, $6, $7; sep="; " }')"
token="$("$bin/brygga" --database "$database" token create koordinator@demo.brygga.se --name bench \
    --expires-days 1 2>/dev/null | tail -1)"

# Forty placements, taken in turn, so that no answer is the last one again.
mapfile -t some < <(head -40 "$ids")
pages=(); api=()
for id in "${some[@]}"; do
    pages+=("/placements/$id/candidates")
    api+=("/api/v1/placements/$id/candidates?k=20")
done

# Warm up (the index is built on the first ranking, some seconds at 200,000), then check each
# kind answers 200.
code="$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$base${pages[0]}")"
[ "$code" = 200 ] || { echo "the coordinator's session did not work ($code)" >&2; exit 1; }
for path in "/participants" "${pages[0]}"; do
    code="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")"
    [ "$code" = 200 ] || { echo "GET $path answered $code" >&2; exit 1; }
done
code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base${api[0]}")"
[ "$code" = 200 ] || { echo "GET ${api[0]} answered $code" >&2; exit 1; }

run() {
    local name="$1" header="$2" c="$3"
    shift 3
    local out
    out="$(wrk -t1 -c"$c" -d"$duration" --latency -H "$header" \
        -s bench/web-load/rotate.lua "$base" -- "$@")"
    if grep -q "Non-2xx" <<<"$out"; then
        echo "$out" >&2
        echo "$name: some answers were not 2xx" >&2
        exit 1
    fi
    local p50 p99 rps
    p50="$(awk '$1 == "50%" { print $2 }' <<<"$out")"
    p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
    rps="$(awk '$1 == "Requests/sec:" { print $2 }' <<<"$out")"
    printf '%-34s %3s  p50 %9s   p99 %9s   %9s req/s\n' "$name" "$c" "$p50" "$p99" "$rps"
}

echo "== $participants participants, $placements placements; wrk for $duration per line, on this machine ($(nproc) cores, shared with the server)"
printf '%-34s %3s\n' "" "connections"
for c in $connections; do
    run "participant list page (reference)" "Cookie: $cookie" "$c" "/participants"
    run "candidates page" "Cookie: $cookie" "$c" "${pages[@]}"
    run "candidates API (k=20)" "Authorization: Bearer $token" "$c" "${api[@]}"
done
