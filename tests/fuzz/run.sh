#!/usr/bin/env bash
# Coverage-guided fuzzing of mapscope's readers with SharpFuzz 2.3 and AFL++ (Debian's afl++ package).
#
#   tests/fuzz/run.sh SECONDS [HARNESS...]     fuzz each harness (default: all) for SECONDS
#   tests/fuzz/run.sh replay [HARNESS...]      run every seed and every saved finding once, without AFL (smoke)
#
# Needs: afl-fuzz (apt-get install afl++) and the sharpfuzz tool (dotnet tool install --global
# SharpFuzz.CommandLine --version 2.3.0). Work goes to .artifacts/fuzz: the instrumented build, seeds made from
# tests/fixtures, and AFL's findings per harness; a summary line per harness is printed at the end
# (executions, paths found, crashes, hangs). Crashes found become regression tests, not files kept here.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
work="$root/.artifacts/fuzz"
out="$work/bin"
all=(go pprof gctrace escape-text escape-json crash config)

mode="${1:?usage: run.sh SECONDS|replay [HARNESS...]}"; shift
harnesses=("$@"); [[ ${#harnesses[@]} -gt 0 ]] || harnesses=("${all[@]}")

plain="$work/plain"

build() {
  mkdir -p "$work"
  if [[ "$mode" == replay ]]; then
    dotnet build "$root/tests/fuzz/MapScope.Fuzz/MapScope.Fuzz.csproj" -c Release -o "$plain" -nologo -v q >"$work/build.log" 2>&1 \
      || { cat "$work/build.log" >&2; exit 3; }
    return
  fi
  dotnet build "$root/tests/fuzz/MapScope.Fuzz/MapScope.Fuzz.csproj" -c Release -o "$out" -nologo -v q >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 3; }
  export PATH="$PATH:$HOME/.dotnet/tools"
  # Instrument the assemblies under test (not the harness, not the BCL) so AFL sees their branches.
  for dll in MapScope.Syntax MapScope.Semantics MapScope.Evidence MapScope.Analysis; do
    sharpfuzz "$out/$dll.dll" >/dev/null 2>&1 || true   # already instrumented after an incremental build: fine
  done
}

# Seeds: small real inputs from the fixtures (AFL works best on inputs of a few KB), cut to 16 KB.
seed() {
  local h="$1" dir="$work/seeds/$1"
  rm -rf "$dir"; mkdir -p "$dir"
  local files=()
  case "$h" in
    go) mapfile -t files < <(find "$root/tests/fixtures" "$root/examples" "$root/src/MapScope.Analysis/Rules" -name '*.go' -size -16k | sort | head -40) ;;
    pprof) mapfile -t files < <(find "$root/tests/fixtures/heap" \( -name '*.pb.gz' -o -name '*.txt' -o -name '*.pb' \) -size -64k | sort | head -20) ;;
    gctrace) mapfile -t files < <(find "$root/tests/fixtures/gctrace" -name '*.log' | sort) ;;
    escape-text) mapfile -t files < <(find "$root/tests/fixtures/escape" -name '*.log' | sort | head -20) ;;
    escape-json) mapfile -t files < <(find "$root/tests/fixtures/escape" -name '*.json' | sort | head -20) ;;
    crash) mapfile -t files < <(find "$root/tests/fixtures/crash" -name '*.log' | sort) ;;
    config)
      printf 'rules:\n  nil-map-write: {severity: error}\n  range-insert: {enabled: false}\nexclude: ["vendor/**"]\n' >"$dir/a.yml"
      printf 'concurrency:\n  entry-points: ["example.com/app.Handle", "(*example.com/app.W).Run"]\n' >"$dir/b.yml"
      return ;;
  esac
  local i=0
  for f in "${files[@]}"; do head -c 16384 "$f" >"$dir/$i-$(basename "$f")"; i=$((i + 1)); done
}

build
summary=()
for h in "${harnesses[@]}"; do
  seed "$h"
  if [[ "$mode" == replay ]]; then
    # Replayed without AFL on an uninstrumented build: instrumented code writes to AFL's shared memory.
    for d in "$work/seeds/$h" "$work/findings/$h"/default/{crashes,hangs,queue}; do
      if [[ -d "$d" ]] && [[ -n "$(ls -A "$d")" ]]; then dotnet "$plain/MapScope.Fuzz.dll" "$h" "$d"; fi
    done
    continue
  fi
  rm -rf "$work/findings/$h"; mkdir -p "$work/findings"
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
    afl-fuzz -i "$work/seeds/$h" -o "$work/findings/$h" -V "$mode" -t 10000 -m none \
      -- dotnet "$out/MapScope.Fuzz.dll" "$h" >"$work/afl-$h.log" 2>&1 || true
  stats="$work/findings/$h/default/fuzzer_stats"
  if [[ -f "$stats" ]]; then
    get() { awk -F' *: *' -v k="$1" '$1==k {print $2}' "$stats"; }
    summary+=("$h: $(get execs_done) executions in $(get run_time) s, $(get corpus_count) paths, $(get saved_crashes) crashes, $(get saved_hangs) hangs")
  else
    summary+=("$h: afl-fuzz did not start (see $work/afl-$h.log)")
  fi
done
printf '%s\n' "${summary[@]}"
