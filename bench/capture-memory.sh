#!/usr/bin/env bash
# Peak memory of `tuneadvisor audit --input CAPTURE -o /dev/null` on large ss captures, against the goal of issue #14:
# peak RSS under 4 x the capture's size + 100 MiB (a 60 MB capture under 340 MiB). Four shapes of the same size:
#   ss-tanpi   ss -tanpi as ss writes it to a file: padded columns, one tcp_info line per socket (~640 B/socket)
#   ss-tanp    ss -tanp as ss writes it: padded columns, the process, no tcp_info (~130 B/socket)
#   ss-tan     ss -tan as ss writes it: padded columns, no process, no tcp_info (~80 B/socket): the most sockets per MB
#   garbage    an ss header over lines no parser reads (each one a skipped-line note before issue #14)
#
#   bench/capture-memory.sh                # 60 MB captures, the JIT Release build (or Native AOT when clang is installed)
#   SIZE=20 RUNS=3 bench/capture-memory.sh # 20 MB captures, the highest of three runs
#   CLI=/path/to/tuneadvisor bench/capture-memory.sh
#
# Needs python3 and GNU time (apt-get install -y time). Writes only under a temporary folder, removed on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZE=${SIZE:-60}
RUNS=${RUNS:-1}
WORK=$(mktemp -d /tmp/ta-capture-memory.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null

if [ -z "${CLI:-}" ]; then
    case "$(uname -m)" in x86_64) RID=linux-x64 ;; aarch64) RID=linux-arm64 ;; *) RID="" ;; esac
    if [ -n "$RID" ] && command -v clang >/dev/null && dotnet publish -c Release -r "$RID" "$ROOT/src/TuneAdvisor.Cli" -o "$WORK/cli" -v quiet -nologo >/dev/null 2>&1; then
        CLI=$WORK/cli/tuneadvisor
        echo "CLI: Native AOT build ($RID)"
    else
        dotnet build -c Release "$ROOT/src/TuneAdvisor.Cli" -o "$WORK/cli" -v quiet -nologo >/dev/null
        CLI=$WORK/cli/tuneadvisor
        echo "CLI: JIT Release build (no clang for Native AOT)"
    fi
fi

python3 - "$WORK" "$SIZE" <<'EOF'
import sys
work, size = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
header = "State    Recv-Q Send-Q Local Address:Port  Peer Address:Port Process" + " " * 60 + "\n"
info = ("\t bbr wscale:10,10 rto:204 rtt:0.038/0.022 ato:40 mss:35328 pmtu:65535 rcvmss:32768 advmss:65483 cwnd:11"
        " bytes_sent:{n} bytes_acked:{n} bytes_received:50000 segs_out:5 segs_in:4 data_segs_out:1 data_segs_in:2"
        " send 81812210526bps lastsnd:2160 lastrcv:2160 lastack:2160 pacing_rate 269232463952bps delivered:2"
        " app_limited rcv_space:65495 rcv_ssthresh:94806 minrtt:0.003 snd_wnd:70656" + " " * 120 + "\n")
def peer(n): return f"10.{n // 62500 % 250}.{n // 250 % 250}.{n % 250}:{10000 + n % 50000}"
shapes = {
    "ss-tanpi": lambda n: f"ESTAB    0      0          10.0.0.1:8080     {peer(n):<21} users:((\"nginx\",pid={1000 + n % 8},fd={n % 60000 + 10}))" + " " * 60 + "\n" + info.format(n=n * 7),
    "ss-tanp": lambda n: f"ESTAB    0      0           10.0.0.1:8080  {peer(n):>21}  users:((\"nginx\",pid={1000 + n % 8},fd={n % 60000 + 10}))" + " " * 40 + "\n",
    "ss-tan": lambda n: f"ESTAB    0      0           10.0.0.1:8080  {peer(n):>21}" + " " * 28 + "\n",
    "garbage": lambda n: f"ESTAB    x{n}     0          10.0.0.1:8080     {peer(n)}\n",
}
for name, row in shapes.items():
    with open(f"{work}/{name}.txt", "w") as out:
        out.write(header)
        written, n = len(header), 0
        if name == "garbage":   # one real row, so the capture is not empty
            line = "ESTAB 0 0 10.0.0.1:8080 10.9.9.9:1\n"
            out.write(line); written += len(line)
        while written < size:
            line = row(n); out.write(line); written += len(line); n += 1
    with open(f"{work}/{name}.count", "w") as f:
        f.write(str(n))
EOF

echo
echo "| capture | size | sockets | bytes/socket | peak RSS | peak/socket | goal (4 x size + 100 MiB) | within |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
for shape in ss-tanpi ss-tanp ss-tan garbage; do
    file=$WORK/$shape.txt
    bytes=$(stat -c %s "$file")
    peak=0
    for _ in $(seq "$RUNS"); do
        kb=$(/usr/bin/time -f %M "$CLI" audit --input "$file" --fail-on none -o /dev/null 2>&1 >/dev/null | tail -1)
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    size_mib=$(awk "BEGIN { printf \"%.0f\", $bytes / 1048576 }")
    peak_mib=$(awk "BEGIN { printf \"%.0f\", $peak / 1024 }")
    goal_mib=$(awk "BEGIN { printf \"%.0f\", 4 * $bytes / 1048576 + 100 }")
    within=$([ "$peak_mib" -le "$goal_mib" ] && echo yes || echo no)
    sockets=$(cat "$WORK/$shape.count")
    per_socket=$(awk "BEGIN { printf \"%.0f\", $bytes / $sockets }")
    peak_per_socket=$(awk "BEGIN { printf \"%.0f\", $peak * 1024 / $sockets }")
    echo "| $shape | $size_mib MiB | $sockets | $per_socket B | $peak_mib MiB | $peak_per_socket B | $goal_mib MiB | $within |"
done
