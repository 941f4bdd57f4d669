#!/usr/bin/env python3
"""Captures raw sock_diag replies and /proc/net tables for the parser tests.

Run as root inside a throwaway network namespace (loopback only):
    ip netns add cap && ip netns exec cap ip link set lo up
    ip netns exec cap python3 capture.py OUTDIR
It builds a known set of sockets, then writes, per dump, the received datagrams back to back
(tcp4.bin, tcp6.bin, udp4.bin, udp6.bin, unix.bin), `ss` output for the same moment (ss-*.txt) and
copies of /proc/net/{tcp,tcp6,udp,udp6,unix}.
"""
import os, socket, struct, subprocess, sys, time

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
keep = []

# TCP listener 127.0.0.1:8080, backlog 2, never accepts; 4 clients: 3 fill the accept queue (limit+1), 1 waits.
lst = socket.socket(); lst.bind(("127.0.0.1", 8080)); lst.listen(2); keep.append(lst)
for _ in range(4):
    c = socket.socket(); c.setblocking(False)
    try: c.connect(("127.0.0.1", 8080))
    except BlockingIOError: pass
    keep.append(c)
# Dual-stack wildcard [::]:9000, v6only [::]:9001, [::1]:8443 with one established pair carrying unread data.
d = socket.socket(socket.AF_INET6); d.bind(("::", 9000)); d.listen(16); keep.append(d)
v6o = socket.socket(socket.AF_INET6); v6o.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
v6o.bind(("::", 9001)); v6o.listen(32); keep.append(v6o)
l6 = socket.socket(socket.AF_INET6); l6.bind(("::1", 8443)); l6.listen(128); keep.append(l6)
c6 = socket.create_connection(("::1", 8443)); s6, _ = l6.accept(); keep += [c6, s6]
c6.sendall(b"a" * 1000)
# IPv4 client of the dual-stack listener: its server side shows up as ::ffff:127.0.0.1.
c4 = socket.create_connection(("127.0.0.1", 9000)); s4, _ = d.accept(); keep += [c4, s4]
s4.sendall(b"b" * 3000); time.sleep(0.05); c4.recv(100)
# TIME-WAIT: server closes first, then the client closes.
tl = socket.socket(); tl.bind(("127.0.0.1", 7070)); tl.listen(4); keep.append(tl)
tc = socket.create_connection(("127.0.0.1", 7070)); ts, _ = tl.accept()
ts.close(); time.sleep(0.05); tc.close()
# UDP: bound 0.0.0.0:5353 with 2 unread datagrams, [::]:5354, a connected socket.
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("0.0.0.0", 5353)); keep.append(u)
u6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u6.bind(("::", 5354)); keep.append(u6)
uc = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); uc.connect(("127.0.0.1", 5353)); keep.append(uc)
uc.send(b"x" * 100); uc.send(b"y" * 200)
# UNIX listeners: a path (backlog 7), an abstract name (backlog 3), a seqpacket path with a pending client.
for p in ("/tmp/ta-capture.sock", "/tmp/ta-capture-seq.sock"):
    try: os.unlink(p)
    except FileNotFoundError: pass
x = socket.socket(socket.AF_UNIX); x.bind("/tmp/ta-capture.sock"); x.listen(7); keep.append(x)
xa = socket.socket(socket.AF_UNIX); xa.bind("\0ta-capture-abstract"); xa.listen(3); keep.append(xa)
xs = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET); xs.bind("/tmp/ta-capture-seq.sock"); xs.listen(5); keep.append(xs)
xc = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET); xc.connect("/tmp/ta-capture-seq.sock"); keep.append(xc)
time.sleep(0.2)


def dump(req_body, seq):
    nl = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 4)
    hdr = struct.pack("=IHHII", 16 + len(req_body), 20, 0x301, seq, 0)
    nl.sendto(hdr + req_body, (0, 0))
    data = b""
    while True:
        chunk = nl.recv(65536)
        data += chunk
        off, done = 0, False
        while off + 16 <= len(chunk):
            ln, typ = struct.unpack_from("=IH", chunk, off)
            if typ in (2, 3):
                done = True
            off += (ln + 3) & ~3
        if done:
            nl.close()
            return data


def inet(family, proto, ext):
    return struct.pack("=BBBBI", family, proto, ext, 0, 0xFFF) + b"\0" * 48


EXT = 0x02 | 0x08 | 0x40
files = {
    "tcp4.bin": inet(2, 6, EXT), "tcp6.bin": inet(10, 6, EXT),
    "udp4.bin": inet(2, 17, 0x40), "udp6.bin": inet(10, 17, 0x40),
    "unix.bin": struct.pack("=BBHIIIII", 1, 0, 0, 1 << 10, 0, 0x01 | 0x02 | 0x04 | 0x10 | 0x20, 0, 0),
}
for i, (name, body) in enumerate(files.items()):
    with open(os.path.join(out, name), "wb") as f:
        f.write(dump(body, 1000 + i))
for name in ("tcp", "tcp6", "udp", "udp6", "unix"):
    with open(f"/proc/net/{name}") as src, open(os.path.join(out, f"proc-net-{name}.txt"), "w") as dst:
        dst.write(src.read())
for name, args in {"ss-tani.txt": ["-tani"], "ss-uan.txt": ["-uan"], "ss-xl.txt": ["-xl"]}.items():
    with open(os.path.join(out, name), "w") as f:
        f.write(subprocess.run(["ss", *args], capture_output=True, text=True).stdout)
print("captured", flush=True)
