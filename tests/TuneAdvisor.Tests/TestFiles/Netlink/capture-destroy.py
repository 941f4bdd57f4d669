#!/usr/bin/env python3
"""Captures sock_diag TCP destroy events (ss -E) for the parser tests.

Run as root inside a throwaway network namespace (loopback only):
    ip netns add cap && ip netns exec cap ip link set lo up
    ip netns exec cap python3 capture-destroy.py OUTDIR
Subscribes to SKNLGRP_INET_TCP_DESTROY (1) and SKNLGRP_INET6_TCP_DESTROY (3), then runs one IPv4 connection
127.0.0.1 -> 127.0.0.2:9090 and one IPv6 connection ::1 -> ::1:9091; each client sends 5000 bytes, the server reads
them all, the client closes first and the server then closes. Every received datagram is written back to back to
tcp-destroy.bin (the listeners are closed last, so their events follow).
"""
import os, socket, sys, time

SOL_NETLINK, NETLINK_ADD_MEMBERSHIP = 270, 1
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
nl = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 4)
nl.bind((0, 0))
for group in (1, 3):
    nl.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, group)

def transfer(family, server, client_bind):
    lst = socket.socket(family); lst.bind(server); lst.listen(4)
    cli = socket.socket(family)
    if client_bind: cli.bind(client_bind)
    cli.connect(server)
    srv, _ = lst.accept()
    cli.sendall(b"z" * 5000)
    got = 0
    while got < 5000:
        got += len(srv.recv(65536))
    time.sleep(0.05)
    cli.close()
    time.sleep(0.05)
    assert srv.recv(10) == b""
    srv.close()
    time.sleep(0.05)
    lst.close()

transfer(socket.AF_INET, ("127.0.0.2", 9090), ("127.0.0.1", 41000))
transfer(socket.AF_INET6, ("::1", 9091), ("::1", 41001))
time.sleep(0.3)
nl.settimeout(0.5)
data = b""
while True:
    try:
        data += nl.recv(65536)
    except socket.timeout:
        break
open(os.path.join(out, "tcp-destroy.bin"), "wb").write(data)
print(len(data))
