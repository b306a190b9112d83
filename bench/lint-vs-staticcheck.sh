#!/usr/bin/env bash
# mapscope lint vs staticcheck on one Go toolchain's std, in one run, on the same machine.
# staticcheck runs with empty caches (its own and GOCACHE), as a first CI run would; both lint the test
# files too (mapscope's default since it lints _test.go files; staticcheck's default).
#
#   bench/lint-vs-staticcheck.sh [GOROOT]        (default /usr/lib/go-1.24; go-staticcheck from Debian)
#
# Prints wall and CPU seconds and peak RSS of each, and the ratios.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
goroot="${1:-/usr/lib/go-1.24}"
export PATH="$goroot/bin:$PATH" GOTOOLCHAIN=local GOFLAGS=
command -v go-staticcheck >/dev/null || { echo "go-staticcheck not installed (apt-get install -t trixie go-staticcheck)" >&2; exit 2; }
"$root/mapscope" --version >/dev/null   # build first, outside the timing
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$goroot/src"
measure() { # name, command...
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/$name.time" "$@" > "$tmp/$name.out" 2> "$tmp/$name.err" || true
  read -r wall user sys rss < <(tail -1 "$tmp/$name.time")
  printf '%-12s wall %7.2f s   cpu %7.2f s   max RSS %5d MB   findings %d\n' "$name" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) "$(grep -c ':[0-9]*:[0-9]*: ' "$tmp/$name.out" || true)"
  echo "$wall $(echo "$user + $sys" | bc)" > "$tmp/$name.t"
}
echo "std of $(go env GOVERSION), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
measure mapscope "$root/mapscope" lint std
XDG_CACHE_HOME="$tmp/cache" GOCACHE="$tmp/gocache" measure staticcheck go-staticcheck -checks SA5000 std
read -r mw mc < "$tmp/mapscope.t"; read -r sw sc < "$tmp/staticcheck.t"
printf 'ratio (staticcheck / mapscope): wall %.1fx, cpu %.1fx\n' "$(echo "$sw / $mw" | bc -l)" "$(echo "$sc / $mc" | bc -l)"
