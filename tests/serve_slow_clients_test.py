#!/usr/bin/python3
"""byline-serve under slow and many clients (issue 18): 16 connections that trickle header
lines do not delay /health by more than a second, and each is cut off at the --timeout
deadline with a 408; connections beyond --max-connections are refused at once with a 503; a
request over 128 KiB gets a 400; ordinary keep-alive requests still work, and SIGTERM stops the
server promptly.

Usage: serve_slow_clients_test.py INDEX_BIN SERVE_BIN SAMPLE_CORPUS
"""
import http.client
import pathlib
import select
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from serve_util import Server  # noqa: E402

TIMEOUT = 2  # the server's --timeout, seconds
TRICKLERS = 16
MAX_CONNECTIONS = 20
failures = []


def expect(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAILED: {what}", file=sys.stderr)


class Trickler(threading.Thread):
    """Sends a request line, then one header line every 1.5 s, never the blank line; records
    how long after its first byte the server closed the connection (None: never, in 12 s) and
    what it answered."""

    def __init__(self, address):
        super().__init__(daemon=True)
        self.address = address
        self.closed_after = None
        self.answer = b""
        self.connected = threading.Event()

    def run(self):
        with socket.create_connection(self.address, timeout=12) as sock:
            start = time.monotonic()
            sock.sendall(b"GET /health HTTP/1.1\r\n")
            self.connected.set()
            try:
                for n in range(8):
                    # A closed connection shows as readable (EOF, or an answer then EOF).
                    sock.settimeout(1.5)
                    try:
                        while data := sock.recv(4096):
                            self.answer += data
                        break
                    except socket.timeout:
                        pass
                    sock.sendall(f"X-Trickle-{n}: {n}\r\n".encode())
                else:
                    return
            except OSError:  # reset, or a write after the server closed
                pass
            self.closed_after = time.monotonic() - start


def timed_health(address):
    """(status, seconds) of GET /health on a new connection; status None if it failed."""
    start = time.monotonic()
    connection = http.client.HTTPConnection(*address, timeout=15)
    try:
        connection.request("GET", "/health")
        response = connection.getresponse()
        response.read()
        status = response.status
    except OSError:
        status = None
    finally:
        connection.close()
    return status, time.monotonic() - start


def check_tricklers(address):
    tricklers = [Trickler(address) for _ in range(TRICKLERS)]
    for t in tricklers:
        t.start()
    for t in tricklers:
        t.connected.wait(5)
    time.sleep(0.5)  # every trickler holds its connection now
    worst = 0.0
    for _ in range(3):
        status, seconds = timed_health(address)
        expect(status == 200, f"/health answers while {TRICKLERS} clients trickle ({status})")
        worst = max(worst, seconds)
        time.sleep(0.3)
    print(f"/health under {TRICKLERS} tricklers: worst {worst * 1000:.0f} ms")
    expect(worst < 1.0, f"/health took {worst:.2f} s under {TRICKLERS} tricklers (limit 1 s)")
    for t in tricklers:
        t.join(15)
    closed = [t.closed_after for t in tricklers]
    expect(all(c is not None and c < TIMEOUT + 1.0 for c in closed),
           f"every trickler is cut off within {TIMEOUT + 1} s: {closed}")
    expect(all(c is None or c >= TIMEOUT - 0.1 for c in closed),
           f"no trickler is cut off before the {TIMEOUT} s deadline: {closed}")
    answers = {t.answer.split(b"\r\n")[0] for t in tricklers}
    expect(answers == {b"HTTP/1.1 408 Request Timeout"}, f"tricklers are answered 408: {answers}")


def check_keep_alive(address):
    connection = http.client.HTTPConnection(*address, timeout=10)
    sockets = set()
    for n in range(4):
        connection.request("GET", "/health")
        response = connection.getresponse()
        response.read()
        expect(response.status == 200, f"keep-alive request {n} answered ({response.status})")
        sockets.add(connection.sock)
        # Idle between requests, but below the keep-alive timeout: the connection stays open.
        time.sleep(0.2)
    expect(len(sockets) == 1 and None not in sockets, "four requests over one connection")
    connection.close()


def check_too_long(address):
    """A request over 128 KiB (here of headers, sent at once) is answered 400 and closed."""
    with socket.create_connection(address, timeout=5) as sock:
        padding = b"".join(b"X-Pad-%d: %s\r\n" % (n, b"a" * 90) for n in range(1400))
        sock.sendall(b"GET /health HTTP/1.1\r\n" + padding + b"\r\n")
        answer = b""
        try:
            while data := sock.recv(65536):
                answer += data
        except OSError:
            pass
    expect(answer.startswith(b"HTTP/1.1 400 "), f"a too long request gets 400: {answer[:40]}")


def hold_every_slot(address):
    """MAX_CONNECTIONS connections, each holding a connection thread with half a request. A
    connection closed just before may still hold its slot for a moment, so a holder that is
    refused (503, then closed) is replaced until none is."""
    holders = []
    for _ in range(20):
        while len(holders) < MAX_CONNECTIONS:
            holder = socket.create_connection(address, timeout=10)
            holder.sendall(b"GET /health HTTP/1.1\r\n")
            holders.append(holder)
        time.sleep(0.1)
        readable, _, _ = select.select(holders, [], [], 0)
        for refused in readable:  # a held connection sends nothing before the deadline
            refused.close()
            holders.remove(refused)
        if len(holders) == MAX_CONNECTIONS:
            break
    return holders


def check_refusal(address):
    """Beyond --max-connections, a connection is answered 503 at once."""
    holders = hold_every_slot(address)
    status, seconds = timed_health(address)
    expect(status == 503 and seconds < 1.0,
           f"a connection over the limit is refused at once (status {status}, {seconds:.2f} s)")
    for h in holders:
        h.close()
    time.sleep(0.3)
    status, _ = timed_health(address)
    expect(status == 200, f"once connections close, new ones are served ({status})")


def address_of(server):
    host, port = server.url.split("//")[1].split(":")
    return host, int(port)


def check_stop(server, address):
    """SIGTERM while a trickler holds a connection."""
    lingering = Trickler(address)
    lingering.start()
    lingering.connected.wait(5)
    start = time.monotonic()
    try:
        status = server.stop()
    except subprocess.TimeoutExpired:
        status = "none, killed after 10 s"
    seconds = time.monotonic() - start
    expect(status == 0 and seconds < 1.5,
           f"SIGTERM stops the server promptly (exit {status}, {seconds:.1f} s)")


def main():
    index_bin, serve_bin, corpus = sys.argv[1:4]
    server = Server(index_bin, serve_bin, corpus, "--timeout", str(TIMEOUT), "--threads", "2",
                    "--max-connections", str(MAX_CONNECTIONS))
    try:
        address = address_of(server)
        check_keep_alive(address)
        check_tricklers(address)
        check_keep_alive(address)
        check_too_long(address)
        check_refusal(address)
        check_stop(server, address)
    finally:
        if server.process.poll() is None:
            server.process.kill()
        server.work.cleanup()
    if failures:
        print(f"serve_slow_clients_test: {len(failures)} failures", file=sys.stderr)
        return 1
    print("serve_slow_clients_test: slow clients are cut off and /health stays quick")
    return 0


if __name__ == "__main__":
    sys.exit(main())
