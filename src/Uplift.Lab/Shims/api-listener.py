"""HTTP listener standing in for an OpenStack API unit on an Uplift lab node (a rehearsal cluster,
not OpenStack). Answers every GET with 200 and the package version the unit was started with.
GET /slow?seconds=N answers after N seconds (to test draining with a request in flight)."""
import http.server
import json
import sys
import time
import urllib.parse

address, port, unit, node, version, delay = sys.argv[1:7]
body = json.dumps({"lab": "Uplift rehearsal cluster, not OpenStack", "node": node, "unit": unit,
                   "version": version}).encode() + b"\n"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path == "/slow":
            seconds = float(urllib.parse.parse_qs(url.query).get("seconds", ["5"])[0])
            time.sleep(seconds)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self):
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()

    def log_message(self, format, *args):
        pass


# A real service takes a moment to come up; the lab's start delay imitates it (zero in benchmarks).
time.sleep(float(delay))
server = http.server.ThreadingHTTPServer((address, int(port)), Handler)
server.daemon_threads = True
server.serve_forever()
