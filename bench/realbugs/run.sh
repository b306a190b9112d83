#!/usr/bin/env bash
# Recall of `mapscope lint` on real Go map bugs (bench/realbugs/cases.tsv).
#
# For each case: export the BUGGY commit of the case's repository from its local mirror
# (/work/.mirror/<owner>+<name>/repo, made by the search tool's fetch), lint the case's package with
# both the default (auto) loader and --loader dir, and call the case caught when a finding lies
# within ±2 lines of one of its bug lines in its file: "expected" counts only findings of the case's
# expected rule, "any" counts findings of any rule.
#
#   bench/realbugs/run.sh [CASE-ID...]        (default: every case)
#
# Environment: TMP (default /tmp/mapscope-realbugs) holds the checkouts (src/<id>) and per-case output
# (out/<id>.<loader>.json and .err); MIRRORS (default /work/.mirror). The script never uses the
# network: go runs with GOPROXY=off and GOTOOLCHAIN=local, so missing modules show up as load
# problems of the case instead of downloads.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$here/../.." && pwd)"
TMP="${TMP:-/tmp/mapscope-realbugs}"
MIRRORS="${MIRRORS:-/work/.mirror}"
cases="$here/cases.tsv"
slack=2

export GOPROXY=off GOTOOLCHAIN=local GOSUMDB=off GOFLAGS="${GOFLAGS:-}"
mkdir -p "$TMP/src" "$TMP/out"

# Build the CLI once up front, so the first case's time does not include it.
"$ROOT/mapscope" --version >/dev/null || { echo "run.sh: mapscope does not build" >&2; exit 3; }

wanted=" $* "
total=0 exp_auto=0 any_auto=0 exp_dir=0 any_dir=0 def_auto=0 skipped=0
# the rules on by default: "default" counts a case caught only by them (what a user gets without --enable)
defaults="$("$ROOT/mapscope" rules | awk 'NR > 1 && $3 == "on" { print $1 }' | paste -sd, -)"

# match JSON RULE FILE LINES -> prints "rule@line,..." of findings near a bug line (RULE empty: any rule)
match() {
  jq -r --arg rule "$2" --arg file "$3" --arg lines "$4" --argjson slack "$slack" '
    ($lines | split(",") | map(tonumber)) as $bug
    | [ .diagnostics[]?
        | select(.file == $file or (.file | endswith("/" + $file)))
        | select($rule == "" or (.rule as $r | $rule | split(",") | index([$r]) != null))
        | . as $d
        | select(any($bug[]; (($d.line - .) | fabs) <= $slack))
        | "\(.rule)@\(.line)" ] | unique | join(",")' "$1" 2>/dev/null
}

# lint ID DIR PKG LOADER -> writes out/ID.LOADER.json; prints "packages/loadErrors/warnings"
lint() {
  local out="$TMP/out/$1.$4.json" err="$TMP/out/$1.$4.err"
  (cd "$2" && "$ROOT/mapscope" lint --enable all --loader "$4" --format json "$3") >"$out" 2>"$err"
  if [[ -s "$out" ]] && jq -e . "$out" >/dev/null 2>&1; then
    jq -r '"pkgs=\(.packages) loadErrors=\(.loadErrors|length) warnings=\(.warnings|length) internal=\(.internalErrors|length)"' "$out"
  else
    echo "load-failed: $(head -n1 "$err" | cut -c1-160)"
  fi
}

while IFS=$'\t' read -r id repo fix buggy pkg file lines kind rule thread desc; do
  [[ "$id" == "id" || -z "$id" ]] && continue
  [[ "$wanted" != "  " && "$wanted" != *" $id "* ]] && continue
  mirror="$MIRRORS/${repo/\//+}/repo"
  if [[ ! -d "$mirror" ]]; then
    echo "$id skipped: no mirror at $mirror — fetch github:$repo with the search tool's fetch first"
    skipped=$((skipped + 1))
    continue
  fi
  dir="$TMP/src/$id"
  if [[ ! -f "$dir/.realbugs-$buggy" ]]; then
    rm -rf "$dir" && mkdir -p "$dir"
    if ! git -C "$mirror" archive "$buggy" | tar -x -C "$dir"; then
      echo "$id skipped: commit $buggy is not in $mirror"
      skipped=$((skipped + 1))
      continue
    fi
    touch "$dir/.realbugs-$buggy"
  fi
  pat="./${pkg#./}"
  [[ "$pkg" == "." ]] && pat="."
  total=$((total + 1))

  declare -A exp=() any=() stat=() def=()
  for loader in auto dir; do
    stat[$loader]="$(lint "$id" "$dir" "$pat" "$loader")"
    exp[$loader]="$(match "$TMP/out/$id.$loader.json" "$rule" "$file" "$lines")"
    any[$loader]="$(match "$TMP/out/$id.$loader.json" "" "$file" "$lines")"
    def[$loader]="$(match "$TMP/out/$id.$loader.json" "$defaults" "$file" "$lines")"
  done
  verdict() { [[ -n "$1" ]] && echo caught || echo missed; }
  line="$id $(verdict "${exp[auto]}") rule=$rule lines=$lines any=$(verdict "${any[auto]}")"
  [[ -n "${any[auto]}" ]] && line+="(${any[auto]})"
  line+=" [${stat[auto]}]"
  if [[ "${exp[auto]}" != "${exp[dir]}" || "${any[auto]}" != "${any[dir]}" || "${stat[auto]}" != "${stat[dir]}" ]]; then
    line+=" | loader=dir: $(verdict "${exp[dir]}") any=$(verdict "${any[dir]}")"
    [[ -n "${any[dir]}" ]] && line+="(${any[dir]})"
    line+=" [${stat[dir]}]"
  fi
  echo "$line"
  [[ -n "${exp[auto]}" ]] && exp_auto=$((exp_auto + 1))
  [[ -n "${def[auto]}" ]] && def_auto=$((def_auto + 1))
  [[ -n "${any[auto]}" ]] && any_auto=$((any_auto + 1))
  [[ -n "${exp[dir]}" ]] && exp_dir=$((exp_dir + 1))
  [[ -n "${any[dir]}" ]] && any_dir=$((any_dir + 1))
  unset exp any stat def
done <"$cases"

echo "recall: $exp_auto/$total (expected rule), $any_auto/$total (any rule), $def_auto/$total (rules on by default)"
echo "recall --loader dir: $exp_dir/$total (expected rule), $any_dir/$total (any rule)"
[[ $skipped -gt 0 ]] && echo "skipped: $skipped (missing mirrors or commits)"
echo "findings: $TMP/out/<id>.<auto|dir>.json"
