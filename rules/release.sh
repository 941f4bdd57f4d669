#!/usr/bin/env bash
# Marks the built-in rule pack as released: writes rules/releases/VERSION.manifest, one line per rule file
# (id, path under rules/, SHA-256 of its text with CR LF read as LF), which RulePackReleases reads for a
# policy's `rulesVersion: VERSION` pin. Then move the Unshipped rows of RELEASES.md under "Shipped: VERSION".
# Usage: rules/release.sh 0.2.0
set -euo pipefail
version=${1:?usage: rules/release.sh VERSION}
cd "$(dirname "$0")"
out="releases/$version.manifest"
[[ -e $out ]] && { echo "$out exists: a release is never rewritten" >&2; exit 2; }
{
  echo "# Rule pack $version, released $(date -u +%F): each built-in rule file as shipped (id, file under rules/, SHA-256)."
  find . -path ./releases -prune -o -name '*.yaml' ! -name '*.tests.yaml' -print | sed 's|^\./||' | LC_ALL=C sort |
  while read -r f; do
    id=$(sed -n 's/^id: *\(TA[0-9]*\).*/\1/p' "$f" | head -1)
    printf '%s %s %s\n' "$id" "$f" "$(tr -d '\r' < "$f" | sha256sum | cut -d' ' -f1)"
  done
} > "$out"
echo "wrote $out ($(grep -vc '^#' "$out") rules)"
