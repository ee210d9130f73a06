"""Shared by the server tests: index a corpus, start byline-serve on a free port, stop it."""
import http.client
import pathlib
import re
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request


class Server:
    """byline-serve over a fresh index of `corpus`, on a free loopback port."""

    def __init__(self, index_bin, serve_bin, corpus, *extra):
        self.work = tempfile.TemporaryDirectory(prefix="byline-serve-test-")
        self.index = str(pathlib.Path(self.work.name) / "index")
        self.index_bin = index_bin
        subprocess.run([index_bin, "-i", self.index, corpus], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.process = subprocess.Popen([serve_bin, "-i", self.index, "--port", "0", "--quiet",
                                         *extra], stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"http://([0-9.]+):([0-9]+)/", line)
        if not match:
            self.process.kill()
            raise RuntimeError(f"byline-serve did not start: {line!r}")
        self.url = f"http://{match.group(1)}:{match.group(2)}"

    def get(self, path, method="GET"):
        """(status, headers, body bytes) of a request; errors are answers too. A connection
        that fails because the server died raises an error saying how it died."""
        request = urllib.request.Request(self.url + path, method=method)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()
        except (OSError, http.client.HTTPException) as e:
            self.raise_if_dead(f"{method} {path} failed ({e!r})")
            raise

    def raise_if_dead(self, what):
        """RuntimeError naming the signal or exit status if byline-serve has exited (a crash
        shows to clients only as connections closed without an answer)."""
        try:
            status = self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return
        how = (f"killed by signal {-status}, {signal.strsignal(-status)}" if status < 0
               else f"exit status {status}")
        raise RuntimeError(f"{what}: byline-serve is no longer running ({how})")

    def stop(self):
        """SIGTERM, as a service manager would; returns the exit status."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            self.work.cleanup()


def wait_until(predicate, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False
