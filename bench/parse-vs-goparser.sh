#!/usr/bin/env bash
# Parser throughput, mapscope vs go/parser, on the same files in one run (issue #2).
# Both parse every .go file under ROOT (default GOROOT/src) on all cores with comments kept, files
# already in memory, and report the best of RUNS timed runs. The two programs alternate ROUNDS times
# so that background load hits both alike; the best wall time of each is compared.
# Usage: bench/parse-vs-goparser.sh [ROOT] [ROUNDS] [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH=/usr/lib/go-1.19/bin:$PATH
root="${1:-$(go env GOROOT)/src}"
rounds="${2:-3}"
runs="${3:-5}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd bench/goparse && go build -o "$tmp/goparse" .)
dotnet build -c Release bench/MapScope.Bench/MapScope.Bench.csproj -o "$tmp/bench" >/dev/null

best() { sed -n 's/.* seconds=\([0-9.]*\).*/\1/p' "$1" | sort -g | head -1; }
bestcpu() { sed -n 's/.*cpu-seconds=\([0-9.]*\).*/\1/p' "$1" | sort -g | head -1; }
for ((i = 1; i <= rounds; i++)); do
  "$tmp/goparse" -n "$runs" "$root" | tee -a "$tmp/go.txt"
  dotnet "$tmp/bench/MapScope.Bench.dll" parse-corpus -n "$runs" "$root" | tee -a "$tmp/ms.txt"
done
bytes="$(sed -n 's/.*bytes=\([0-9]*\).*/\1/p' "$tmp/go.txt" | head -1)"
g="$(best "$tmp/go.txt")"
m="$(best "$tmp/ms.txt")"
gc="$(bestcpu "$tmp/go.txt")"
mc="$(bestcpu "$tmp/ms.txt")"
awk -v b="$bytes" -v g="$g" -v m="$m" -v gc="$gc" -v mc="$mc" -v c="$(nproc)" 'BEGIN {
  printf "wall: go/parser %.1f MB/s   mapscope %.1f MB/s   ratio %.2fx   (%d cores, best of all runs)\n", b/g/1e6, b/m/1e6, g/m, c
  printf "cpu:  go/parser %.1f MB per CPU-second   mapscope %.1f MB per CPU-second   ratio %.2fx\n", b/gc/1e6, b/mc/1e6, gc/mc }'
