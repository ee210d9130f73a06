#!/usr/bin/python3
"""byline-serve over HTTP: every endpoint answers schema-valid JSON, errors included; only the
page's own files are served; concurrent requests agree; a burst of connections waits to be
answered; new commits are picked up; SIGTERM stops.

Usage: serve_test.py INDEX_BIN SERVE_BIN SAMPLE_CORPUS SCHEMA_DIR
"""
import concurrent.futures
import http.client
import json
import pathlib
import signal
import socket
import subprocess
import sys
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import validate_json  # noqa: E402
from serve_util import Server, wait_until  # noqa: E402

failures = []


def expect(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAILED: {what}", file=sys.stderr)


def check_burst(server, size=32):
    """Connections made while the server cannot accept wait in the kernel's accept queue and are
    all answered. httplib's backlog of 5 made the kernel drop the rest: a client stalled for a
    second (SYN resent) or more."""
    host, port = server.url.split("//")[1].split(":")
    burst = []
    server.process.send_signal(signal.SIGSTOP)  # busy: accepts nothing for now
    try:
        for _ in range(size):
            # Under a second: a dropped SYN is resent after one.
            burst.append(socket.create_connection((host, int(port)), timeout=0.9))
    except OSError as e:
        expect(False, f"connection {len(burst) + 1} of a burst of {size} was dropped ({e!r})")
    finally:
        server.process.send_signal(signal.SIGCONT)
    answers = []
    for sock in burst:
        with sock:
            sock.settimeout(10)
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
            answer = b""
            while data := sock.recv(65536):
                answer += data
            answers.append(answer.split(b"\r\n")[0])
    expect(answers == [b"HTTP/1.1 200 OK"] * len(burst),
           f"a burst of connections is answered: {answers}")


def check_sigterm_at_start(serve_bin, index, starts=12):
    """SIGTERM sent as soon as the banner is printed (before the server listens) still stops
    it: httplib's stop() did nothing until then, and the signal was lost."""
    for n in range(starts):
        process = subprocess.Popen([serve_bin, "-i", index, "--port", "0", "--quiet"],
                                   stdout=subprocess.PIPE, text=True)
        process.stdout.readline()
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            expect(False, f"SIGTERM right after start {n + 1} was lost")
            return


def main():
    index_bin, serve_bin, corpus, schema_dir = sys.argv[1:5]
    schemas = validate_json.load_schemas(schema_dir)
    server = Server(index_bin, serve_bin, corpus, "--cors", "*")
    try:
        def get_json(path, status=200):
            code, headers, body = server.get(path)
            expect(code == status, f"{path}: status {code}, expected {status}")
            expect(headers.get("Content-Type", "").startswith("application/json"),
                   f"{path}: not JSON ({headers.get('Content-Type')})")
            document = json.loads(body)
            try:
                validate_json.check(document, schemas)
            except Exception as e:  # jsonschema.ValidationError
                expect(False, f"{path}: not schema-valid: {e}")
            return document

        health = get_json("/health")
        expect(health["documents"] == 5, "health counts the 5 sample articles")

        result = get_json("/search?q=witkoff&limit=3&passages=1")
        expect(result["total"] == 5 and len(result["hits"]) == 3, "search pages the 5 hits")
        expect(all(h["passages"] and h["passages"][0]["highlights"] for h in result["hits"]),
               "every hit has a highlighted passage")
        page2 = get_json("/search?q=witkoff&limit=3&offset=3")
        expect([h["rank"] for h in page2["hits"]] == [4, 5], "the second page ranks 4 and 5")
        filtered = get_json("/search?q=witkoff&person=" + urllib.parse.quote("Jared Kushner"))
        expect(0 < filtered["total"] < 5, "a person filter narrows the results")
        get_json("/search?q=witkoff&passages_only=1&limit=4")
        facets = get_json("/facets?facet=person&facet=place&facet_limit=3")
        expect(len(facets["facets"]["person"]) == 3 and not facets["hits"], "facets only")

        doc_id = result["hits"][0]["id"]
        doc = get_json("/doc/" + urllib.parse.quote(doc_id, safe=""))
        expect(doc["id"] == doc_id and len(doc["body"]) > 1000, "the document view")

        error = get_json("/search?q=%22unclosed", 400)
        expect(error["error"]["code"] == "query_syntax", "a syntax error is query_syntax")
        get_json("/search?limit=100000", 400)
        get_json("/search?colour=red", 400)
        get_json("/doc/no-such-article", 404)
        get_json("/nothing-here", 404)

        # Only the page's own files: a path up the tree is never read from disk.
        connection = http.client.HTTPConnection(server.url.split("//")[1], timeout=10)
        for path in ("/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/doc/../../etc"):
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            expect(response.status in (400, 404) and b"root:" not in body,
                   f"{path}: status {response.status}")
        connection.close()
        for path, kind in (("/", "text/html"), ("/app.js", "text/javascript"),
                           ("/style.css", "text/css")):
            code, headers, body = server.get(path)
            expect(code == 200 and headers["Content-Type"].startswith(kind) and body,
                   f"{path} is served as {kind}")

        # CORS, when asked for.
        code, headers, _ = server.get("/health")
        expect(headers.get("Access-Control-Allow-Origin") == "*", "CORS header")
        code, headers, _ = server.get("/search", method="OPTIONS")
        expect(code == 204 and "GET" in headers.get("Access-Control-Allow-Methods", ""),
               "CORS preflight")

        # A long query is refused, not run.
        code, _, _ = server.get("/search?q=" + "a%20" * 3000)
        expect(code in (400, 414), f"an oversized query is refused (status {code})")

        # Concurrent requests agree with a single one.
        queries = ["witkoff", "ukraine", "\"peace plan\"", "kushner OR umerov", "geneva"]
        expected = {q: get_json("/search?q=" + urllib.parse.quote(q))["total"] for q in queries}

        def ask(n):
            q = queries[n % len(queries)]
            code, _, body = server.get("/search?q=" + urllib.parse.quote(q))
            return code == 200 and json.loads(body)["total"] == expected[q]

        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            answers = list(pool.map(ask, range(200)))
        expect(all(answers), f"{answers.count(False)} of 200 concurrent answers were wrong")
        check_burst(server)

        # A new commit by the indexer is picked up without a restart.
        extra = pathlib.Path(server.work.name) / "extra"
        extra.mkdir()
        (extra / "late.txt").write_text("Late edition\n\nA ceasefire in Zanzibar was announced.\n")
        subprocess.run([server.index_bin, "-i", server.index, str(extra)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        expect(wait_until(lambda: json.loads(server.get("/health")[2])["documents"] == 6),
               "the server sees the new article")
        expect(get_json("/search?q=zanzibar")["total"] == 1, "the new article is searchable")
    finally:
        status = server.stop()
    expect(status == 0, f"SIGTERM stops the server cleanly (exit {status})")
    check_sigterm_at_start(serve_bin, server.index)
    if failures:
        print(f"serve_test: {len(failures)} failures", file=sys.stderr)
        return 1
    print("serve_test: all endpoints answered schema-valid JSON")
    return 0


if __name__ == "__main__":
    sys.exit(main())
