#!/usr/bin/env bash
# End-to-end speed: `mapscope heap -top` against `go tool pprof -top` on the same large heap profile,
# in the same run on the same machine. Generates the profile with bench/heapgen (hand-encoded
# profile.proto, so it does not come from mapscope's own code) unless it already exists.
#
#   bench/heap-vs-pprof.sh [PROFILE] [SAMPLES]     (defaults: /tmp/mapscope-heap-big.pb.gz, 800000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
profile="${1:-/tmp/mapscope-heap-big.pb.gz}"
samples="${2:-800000}"
export PATH="$PATH:/usr/lib/go-1.19/bin"

if [[ ! -f "$profile" ]]; then
  (cd "$root/bench/heapgen" && go run . -samples "$samples" -o "$profile")
fi
echo "profile: $profile ($(stat -c %s "$profile") bytes compressed, $(gzip -dc "$profile" | wc -c) bytes uncompressed)"

# Build once up front so neither timing includes a build.
"$root/mapscope" --version >/dev/null
go tool pprof -h >/dev/null 2>&1 || true

now() { date +%s.%N; }
t0=$(now)
"$root/mapscope" heap "$profile" --top 20 >/tmp/mapscope-heap-top.txt
t1=$(now)
go tool pprof -top -nodecount=20 "$profile" >/tmp/pprof-top.txt 2>&1
t2=$(now)

ms=$(echo "$t1 - $t0" | bc -l)
pp=$(echo "$t2 - $t1" | bc -l)
printf 'mapscope heap --top 20:        %8.2f s\n' "$ms"
printf 'go tool pprof -top:            %8.2f s\n' "$pp"
printf 'ratio (pprof / mapscope):      %8.1fx\n' "$(echo "$pp / $ms" | bc -l)"
