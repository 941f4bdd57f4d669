#!/usr/bin/env bash
# The rule-engine benchmarks (tests/TuneAdvisor.Benchmarks), in Release.
#
#   bench/rules.sh                  BenchmarkDotNet, short in-process job, all benchmarks (a few minutes)
#   bench/rules.sh '*Connection*'   BenchmarkDotNet with another --filter (matched against Namespace.Type.Method)
#   bench/rules.sh --cpu-time [N]   round-robin CPU-time runner, N rounds (default 10): for a loaded machine
#   bench/rules.sh --per-rule [N]   each rule's compiled condition against its own lambda, N rounds (default 10)
#
# Prints a table (method, mean, allocated, ratio to the group's baseline), the cold-start cost of compiling the
# built-in rules, and how the figures compare with the targets: compiled rules within 2x of hand-written lambdas,
# compiling every built-in rule under 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."

project=tests/TuneAdvisor.Benchmarks
dotnet build -c Release "$project" -v quiet -nologo
dll="$project/bin/Release/net10.0/TuneAdvisor.Benchmarks.dll"

cold() {
  # Three fresh processes: the first RuleSet.Load pays for JIT compilation (the Native AOT CLI does not).
  for _ in 1 2 3; do dotnet "$dll" --cold-compile; done
}

if [ "${1:-}" = "--per-rule" ]; then
  dotnet "$dll" --per-rule "${2:-10}" | grep -v '^//'
  exit 0
fi

if [ "${1:-}" = "--cpu-time" ]; then
  dotnet "$dll" --cpu-time "${2:-10}" | grep -v '^//'
  cold
  exit 0
fi

results=artifacts/bench
rm -rf "$results"
mkdir -p "$(dirname "$results")"
dotnet run -c Release --no-build --project "$project" -- --filter "${1:-*}" --artifacts "$results" > "$results.log" 2>&1 \
  || { tail -n 40 "$results.log"; echo "bench: BenchmarkDotNet failed; full log in $results.log" >&2; exit 1; }
grep '^// TA9\|^// RuleEvaluator\|built-in rules' "$results.log" | sort -u || true
echo
python3 - "$results/results" <<'PY'
import csv, glob, sys

def ms(text):
    """BenchmarkDotNet prints '12.34 ms', '1,234.5 us', ...; returns milliseconds."""
    number, unit = text.replace(",", "").split()
    return float(number) * {"ns": 1e-6, "us": 1e-3, "μs": 1e-3, "ms": 1.0, "s": 1e3}[unit]

rows = []
for path in sorted(glob.glob(sys.argv[1] + "/*-report.csv")):
    with open(path, newline="", encoding="utf-8") as f:
        rows += list(csv.DictReader(f))
print("| Method | Mean | Allocated | Ratio |")
print("|---|---:|---:|---:|")
for r in rows:
    print(f"| {r['Method'].strip(chr(39))} | {r['Mean']} | {r['Allocated']} | {r.get('Ratio') or ''} |")
print()
for r in rows:
    name = r["Method"].strip("'")
    if r.get("Ratio") and not name.startswith(("Hand-written", "RuleEvaluator, hand-written")):
        ratio = float(r["Ratio"])
        print(f"{name}: {ratio:.2f}x the hand-written lambdas ({'within' if ratio <= 2 else 'OVER'} the 2x target)")
    if name.startswith("RuleSet.Load"):
        mean = ms(r["Mean"])
        print(f"{name}: {mean:.2f} ms ({'under' if mean < 50 else 'OVER'} the 50 ms target)")
PY
cold
echo "Reports: $results/results/ (markdown, CSV, HTML); log: $results.log"
