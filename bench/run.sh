#!/usr/bin/env bash
# The matching benchmarks, figures printed (not part of the test suite):
#   1. ranking: top-20 candidates among 200,000 participants, with a brute-force peer;
#   2. exact cohort assignment, 20,000 × 4,000 × 50, median of 5 solves;
#   3. the same instance solved by OR-Tools and scipy (bench/compare.py installs them), equal
#      optimum checked and our time as a ratio to theirs;
#   4. the matching-meeting scheduler, 2,000 × 200 × 8 slots;
#   5. ranking quality: NDCG@5 and precision@1 on the judged pairs in bench/ranking-quality/
#      (rubric in RUBRIC.md there) for the default weights and two baselines.
# Usage: bench/run.sh [--skip-scipy]   (scipy's dense solve takes minutes at this size)
set -euo pipefail
cd "$(dirname "$0")/.."
extra=("$@")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release -p brygga-cli -p brygga-matching --examples --bins
echo "== 1. ranking"
target/release/examples/rank_bench
echo "== 2. exact assignment"
target/release/brygga match generate --seed 7 --participants 20000 --placements 4000 \
    --edges-per-participant 50 --output "$work/instance.json"
times=()
for _ in 1 2 3 4 5; do
    line="$(target/release/brygga match assign --input "$work/instance.json" --output "$work/ours.json" 2>&1)"
    echo "   $line"
    times+=("$(sed -E 's/.*solved in ([0-9.]+) s.*/\1/' <<<"$line")")
done
median="$(printf '%s\n' "${times[@]}" | sort -g | sed -n 3p)"
echo "   median solve: ${median} s"
echo "== 3. the same instance with OR-Tools and scipy"
python3 bench/compare.py --install "$work/instance.json" --ours-result "$work/ours.json" \
    --ours-seconds "$median" "${extra[@]}"
echo "== 4. matching-meeting schedule"
target/release/examples/bench_schedule
echo "== 5. ranking quality against judged pairs"
target/release/examples/ranking_quality bench/ranking-quality/pairs.json
