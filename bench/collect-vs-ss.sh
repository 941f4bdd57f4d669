#!/usr/bin/env bash
# Times `tuneadvisor collect --interval 0 -o /dev/null` against `ss -tanpi` and the C floor (snapfloor) on N
# established loopback connections (2N sockets) held by ../shared/bench/mkconns.py in a throwaway network
# namespace, alternating the commands in one hyperfine run, then measures each one's peak RSS with /usr/bin/time.
#
#   sudo bench/collect-vs-ss.sh                  # N = 10000 and 50000
#   SIZES="1000" RUNS=5 bench/collect-vs-ss.sh   # quicker
#   CLI=/path/to/tuneadvisor bench/collect-vs-ss.sh   # a given build (default: Native AOT publish if clang exists, else the JIT Release build)
#   BASE=/path/to/older/tuneadvisor bench/collect-vs-ss.sh   # also time another build ("collect (base)") in the same alternation
#
# Needs root (ip netns), gcc, python3, hyperfine and GNU time (apt-get install -y hyperfine time).
# Traffic stays on the namespace's loopback; mkconns.py is bounded by --hold and killed on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$(cd "$ROOT/../shared/bench" 2>/dev/null && pwd) || { echo "../shared/bench not found beside the repository" >&2; exit 2; }
SIZES=${SIZES:-"10000 50000"}
RUNS=${RUNS:-10}
NS=ta-bench-$$
WORK=$(mktemp -d /tmp/ta-bench.XXXXXX)
MKPID=""

[ "$(id -u)" = 0 ] || { echo "run as root (needs ip netns)" >&2; exit 2; }
if ! command -v hyperfine >/dev/null || [ ! -x /usr/bin/time ]; then
    apt-get install -y hyperfine time >/dev/null || { apt-get update >/dev/null && apt-get install -y hyperfine time >/dev/null; }
fi

cleanup() {
    if [ -n "$MKPID" ]; then kill -TERM "$MKPID" 2>/dev/null || true; sleep 1; fi
    ip netns pids "$NS" 2>/dev/null | while read -r pid; do kill -KILL "$pid" 2>/dev/null || true; done
    ip netns delete "$NS" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${CLI:-}" ]; then
    # The shipped binary is Native AOT (needs clang and zlib1g-dev); without clang, the JIT Release build.
    case "$(uname -m)" in x86_64) RID=linux-x64 ;; aarch64) RID=linux-arm64 ;; *) RID="" ;; esac
    if [ -n "$RID" ] && command -v clang >/dev/null && dotnet publish -c Release -r "$RID" "$ROOT/src/TuneAdvisor.Cli" -o "$WORK/cli" -v quiet -nologo >/dev/null 2>&1; then
        CLI=$WORK/cli/tuneadvisor
        echo "CLI: Native AOT build ($RID)"
    else
        dotnet build -c Release "$ROOT/src/TuneAdvisor.Cli" -v quiet -nologo >/dev/null
        CLI=$ROOT/src/TuneAdvisor.Cli/bin/Release/net10.0/tuneadvisor
        echo "CLI: JIT Release build (no clang for Native AOT)"
    fi
fi
gcc -O2 -o "$WORK/snapfloor" "$BENCH/snapfloor.c"

ip netns add "$NS"
ip netns exec "$NS" ip link set lo up
ip netns exec "$NS" sysctl -qw net.ipv4.ip_local_port_range="1024 65000"

in_ns() { echo "ip netns exec $NS $*"; }
COLLECT=$(in_ns "$CLI" collect --interval 0 -o /dev/null)
SS=$(in_ns ss -tanpi)
FLOOR=$(in_ns "$WORK/snapfloor")
FLOOR_SOCKETS=$(in_ns "$WORK/snapfloor" -t -i -p)
BASE_ARGS=()
[ -n "${BASE:-}" ] && BASE_ARGS=(-n "collect (base)" "$(in_ns "$BASE" collect --interval 0 -o /dev/null)")

peak_kb() {  # median peak RSS (KiB) over 3 runs
    for _ in 1 2 3; do /usr/bin/time -f %M "$@" >/dev/null 2>"$WORK/time.err" || true; tail -n1 "$WORK/time.err"; done | sort -n | sed -n 2p
}

for N in $SIZES; do
    rm -f "$WORK/ready"
    ip netns exec "$NS" python3 "$BENCH/mkconns.py" -n "$N" --hold 1200 --ready-file "$WORK/ready" >"$WORK/mkconns.log" 2>&1 &
    for _ in $(seq 1 600); do [ -f "$WORK/ready" ] && break; sleep 0.5; done
    [ -f "$WORK/ready" ] || { echo "mkconns did not become ready:" >&2; cat "$WORK/mkconns.log" >&2; exit 1; }
    MKPID=$(sed -n 's/.* pid=\([0-9]*\).*/\1/p' "$WORK/ready")
    echo "== N=$N connections: $(cat "$WORK/ready")"

    hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$WORK/h-$N.json" \
        -n collect "$COLLECT" -n "ss -tanpi" "$SS" -n snapfloor "$FLOOR" -n "snapfloor -t -i -p" "$FLOOR_SOCKETS" "${BASE_ARGS[@]}" >/dev/null

    python3 - "$WORK/h-$N.json" "$N" \
        "$(peak_kb $COLLECT)" "$(peak_kb $SS)" "$(peak_kb $FLOOR)" "$(peak_kb $FLOOR_SOCKETS)" \
        ${BASE:+"$(peak_kb $(in_ns "$BASE" collect --interval 0 -o /dev/null))"} <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
peaks = dict(zip(["collect", "ss -tanpi", "snapfloor", "snapfloor -t -i -p", "collect (base)"], sys.argv[3:8]))
# CPU (user + system, mean) moves less than wall time when other work shares the machine.
print(f"{'command':<20} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'cpu ms':>8} {'peak RSS MiB':>13}")
for name, r in results.items():
    cpu = (r['user'] + r['system']) * 1000
    print(f"{name:<20} {r['median'] * 1000:>10.1f} {r['min'] * 1000:>8.1f} {r['max'] * 1000:>8.1f} {cpu:>8.1f} {int(peaks[name] or 0) / 1024:>13.1f}")
c = results["collect"]["median"]
print(f"collect / ss -tanpi          = {c / results['ss -tanpi']['median']:.2f}  (goal <= 0.5)")
print(f"collect / snapfloor          = {c / results['snapfloor']['median']:.2f}  (goal <= 2)")
print(f"collect / snapfloor -t -i -p = {c / results['snapfloor -t -i -p']['median']:.2f}")
print(f"cpu: collect / snapfloor     = {(results['collect']['user'] + results['collect']['system']) / (results['snapfloor']['user'] + results['snapfloor']['system']):.2f}")
if "collect (base)" in results:
    print(f"collect (base) / snapfloor   = {results['collect (base)']['median'] / results['snapfloor']['median']:.2f}")
PY
    kill -TERM "$MKPID" 2>/dev/null || true
    wait 2>/dev/null || true
    MKPID=""
done
