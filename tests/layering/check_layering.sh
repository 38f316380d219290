#!/usr/bin/env bash
# Checks the layering of STYLE.md rule 3 and issue 11 on a source tree:
#   - a pillar (supply, discourse, capability, models, consensus) includes no
#     other pillar's header, and core and stats include no pillar's header;
#   - apps/ and src/report/ include public headers only ("alliance/..."),
#     never a private header under src/ ("<module>/...");
#   - the umbrella include/alliance/alliance.h includes every public header.
# Usage: check_layering.sh ROOT. Prints one line per violation
# (file:line: what is wrong) and exits 1 if there is any.
set -uo pipefail
root=${1:?usage: check_layering.sh ROOT}
cd "$root" || exit 2
pillars=(supply discourse capability models consensus)
modules=(core stats "${pillars[@]}" report)
violations=0

fail() {
  echo "$1"
  violations=$((violations + 1))
}

# The project headers a file includes, as "line<TAB>path".
project_includes() {
  grep -n -E '^[[:space:]]*#[[:space:]]*include[[:space:]]+"' "$1" |
    sed -E 's/^([0-9]+):[^"]*"([^"]+)".*/\1\t\2/'
}

is_pillar() {
  local name
  for name in "${pillars[@]}"; do [[ "$1" == "$name" ]] && return 0; done
  return 1
}

check_module() {
  local module=$1 file line path target
  for file in $(find "src/$module" "include/alliance/$module" -type f \( -name '*.h' -o -name '*.cc' \) 2>/dev/null | sort); do
    while IFS=$'\t' read -r line path; do
      [[ "$path" == alliance/* ]] || continue
      target=${path#alliance/}
      target=${target%%/*}
      [[ "$target" == "$module" || "$target" == core || "$target" == version.h ]] && continue
      if [[ "$target" == stats ]]; then
        [[ "$module" == core ]] && fail "$file:$line: core includes $path (core is below stats)"
        continue
      fi
      if [[ "$module" == report ]]; then continue; fi
      if is_pillar "$target" || [[ "$target" == report ]]; then
        fail "$file:$line: $module includes $path (a pillar includes no other pillar or the report)"
      fi
    done < <(project_includes "$file")
  done
}

check_public_only() {
  local dir=$1 file line path module
  for file in $(find "$dir" -type f \( -name '*.h' -o -name '*.cc' \) 2>/dev/null | sort); do
    while IFS=$'\t' read -r line path; do
      module=${path%%/*}
      for known in "${modules[@]}"; do
        if [[ "$module" == "$known" && "$path" == */* ]]; then
          if [[ "$dir" == src/report && "$module" == report ]]; then continue; fi
          fail "$file:$line: includes the private header $path (use the public headers under include/alliance/)"
        fi
      done
    done < <(project_includes "$file")
  done
}

check_umbrella() {
  local umbrella=include/alliance/alliance.h header
  [[ -f "$umbrella" ]] || { fail "$umbrella: missing"; return; }
  for header in $(cd include && find alliance -mindepth 2 -name '*.h' | sort); do
    grep -q "#include \"$header\"" "$umbrella" || fail "$umbrella:1: does not include $header (run scripts/update-umbrella-header.sh)"
  done
}

for module in "${modules[@]}"; do check_module "$module"; done
check_public_only apps
check_public_only src/report
check_umbrella
if ((violations > 0)); then
  echo "layering: $violations violation(s)"
  exit 1
fi
echo "layering: ok"
