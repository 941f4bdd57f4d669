#!/bin/bash
# Makes the captures in tests/TuneAdvisor.Tests/TestFiles/Captures/sockets (run as root).
set -e
out=$1; ns=ta-sockcap-$$
ip netns add $ns
trap 'ip netns pids $ns | xargs -r kill; ip netns del $ns' EXIT
ip netns exec $ns ip link set lo up
ip netns exec $ns ip link add ta0 type veth peer name ta1
ip netns exec $ns ip addr add 10.99.0.1/24 dev ta0
ip netns exec $ns ip link set ta1 up; ip netns exec $ns ip link set ta0 up
ip netns exec $ns python3 -u "$(dirname "$0")/scenario.py" > /tmp/sockcap.$$.ready &
for i in $(seq 50); do grep -q ready /tmp/sockcap.$$.ready 2>/dev/null && break; sleep 0.2; done
x() { ip netns exec $ns "$@" 2>/dev/null || true; }
x netstat -tanpo > $out/netstat_-tanpo_C.txt
LANG=de_DE.UTF-8 x env LANG=de_DE.UTF-8 netstat -tanpo > $out/netstat_-tanpo_de.txt
x env LANG=fr_FR.UTF-8 netstat -tanpo > $out/netstat_-tanpo_fr.txt
x netstat -lntp > $out/netstat_-lntp_C.txt
x env LANG=de_DE.UTF-8 netstat -lntp > $out/netstat_-lntp_de.txt
x env LANG=fr_FR.UTF-8 netstat -lntp > $out/netstat_-lntp_fr.txt
x busybox netstat -tan > $out/busybox_netstat_-tan.txt
x busybox netstat -tane > $out/busybox_netstat_-tane.txt
x busybox netstat -lnt > $out/busybox_netstat_-lnt.txt
x ss -lnt > $out/ss_-lnt.txt
x ss -ltnp > $out/ss_-ltnp.txt
x ss -tan state close-wait > $out/ss_-tan_state_close-wait.txt
x ss -tano > $out/ss_-tano.txt
x ss -tanoe > $out/ss_-tanoe.txt
x ss -tanH > $out/ss_-tanH.txt
