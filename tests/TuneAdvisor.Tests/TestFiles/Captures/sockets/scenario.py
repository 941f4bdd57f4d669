import socket as S, os, sys, time, ctypes
libc = ctypes.CDLL(None)
def name(n): libc.prctl(15, n.encode(), 0, 0, 0)
name("ta-server")
# a listener whose accept queue overflows: backlog 4, 8 clients, never accepted
ovf = S.socket(); ovf.bind(("127.0.0.1", 9090)); ovf.listen(4)
# an SO_REUSEPORT group of two on 0.0.0.0:8085
rp = []
for i in range(2):
    s = S.socket(); s.setsockopt(S.SOL_SOCKET, S.SO_REUSEPORT, 1); s.bind(("0.0.0.0", 8085)); s.listen(511); rp.append(s)
v6 = S.socket(S.AF_INET6); v6.bind(("::", 8443)); v6.listen(64)
srv = S.socket(); srv.setsockopt(S.SOL_SOCKET, S.SO_REUSEADDR, 1); srv.bind(("127.0.0.1", 8080)); srv.listen(128)
# CLOSE-WAIT with unread data: the server writes 300 bytes and closes; the client never reads nor closes
cw = []
for i in range(3):
    c = S.create_connection(("127.0.0.1", 8080)); a, _ = srv.accept(); a.sendall(b"q" * (300 + i)); a.close(); cw.append(c)
# an established pair with keepalive on and 1000 unread bytes at the server
ka = S.create_connection(("127.0.0.1", 8080)); ka.setsockopt(S.SOL_SOCKET, S.SO_KEEPALIVE, 1)
kas, _ = srv.accept(); ka.sendall(b"z" * 1000)
# TIME-WAIT: the client closes first
tw = S.create_connection(("127.0.0.1", 8080)); tws, _ = srv.accept(); tw.close(); time.sleep(0.2); tws.close()
clients = []
for i in range(8):
    c = S.socket(); c.setblocking(False)
    try: c.connect(("127.0.0.1", 9090))
    except BlockingIOError: pass
    clients.append(c)
# SYN-SENT with the retransmit timer on: nobody answers at 10.99.0.2
ss = S.socket(); ss.setblocking(False)
try: ss.connect(("10.99.0.2", 80))
except BlockingIOError: pass
time.sleep(1.5)
print("ready", flush=True)
while True: time.sleep(60)
