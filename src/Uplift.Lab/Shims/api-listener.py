"""HTTP listener standing in for an OpenStack API unit on an Uplift lab node (a rehearsal cluster,
not OpenStack). Every GET that is not one of the few API calls below answers 200 with the package
version the unit was started with. GET / of nova-api and cinder-api answers a version document naming the highest
microversion of the code the unit runs (shared/microversions, from the catalog), as the real APIs do. GET /slow?seconds=N answers after N seconds (drain tests).

So that Uplift's compute phase can be rehearsed, two units answer a small subset of their API with
state kept in the lab's files (every answer carries X-Uplift-Lab: the data is the lab's, not a cloud's):
- keystone: POST /v3/auth/tokens (password of the lab's clouds.yaml) issues a token with a catalog.
- nova-api (lab_nova.py): GET /v2.1 (version document), os-services (list, PUT status/disabled_reason; nova api-ref
  2.53+), servers (list, detail, show; live migration by POST /servers/{id}/action os-migrateLive), os-migrations,
  os-hypervisors. A compute service is "up" while the node's nova-compute unit is active.
- neutron-server or neutron-api (lab_neutron.py): GET /v2.0/agents[/{id}], PUT /v2.0/agents/{id}; an agent is alive while its unit is.
- cinder-api (lab_cinder.py): GET /v3/<project>/os-services, PUT os-services/enable|disable|disable-log-reason; a
  service is up while its unit is.
"""
import hashlib
import http.server
import json
import os
import secrets
import sys
import time
import urllib.parse
import uuid

import lab_cluster
from lab_cluster import VIP

address, port, unit, node, version, delay, state = sys.argv[1:8]
LAB = {"lab": "Uplift rehearsal cluster, not OpenStack", "node": node, "unit": unit, "version": version}


def highest_microversion():
    """What this unit's version document reports for the code it runs (shared/microversions: unit major microversion,
    from the catalog's versions.yaml); past the table, its last entry. None for a unit without one."""
    major = version.split(":")[-1].split(".")[0]
    known = []
    with open(os.path.join(state, "shared", "microversions")) as f:
        for line in f:
            fields = line.split()
            if len(fields) == 3 and fields[0] == unit:
                known.append((int(fields[1]), fields[2]))
    exact = [m for k, m in known if str(k) == major]
    return exact[0] if exact else (max(known)[1] if known else None)


MAX_VERSION = highest_microversion()
CLUSTER = os.path.join(state, "cluster")
# Only the unit's own module is loaded: a listener's start is part of what the lab benchmark measures.
NOVA = NEUTRON = CINDER = None
if unit == "nova-api":
    import lab_nova
    NOVA = lab_nova.Nova(state)
elif unit in ("neutron-server", "neutron-api"):
    import lab_neutron
    NEUTRON = lab_neutron.Neutron(state)
elif unit == "cinder-api":
    import lab_cinder
    CINDER = lab_cinder.Cinder(state)


def now(delta=0):
    return lab_cluster.stamp(time.time() + delta, micro=True)


def token_file(token):
    return os.path.join(CLUSTER, "tokens", hashlib.sha256(token.encode()).hexdigest())


def catalog():
    def service(kind, name, url):
        return {"type": kind, "name": name, "id": uuid.uuid5(uuid.NAMESPACE_URL, kind).hex,
                "endpoints": [{"id": uuid.uuid5(uuid.NAMESPACE_URL, kind + i).hex, "interface": i, "region": "RegionOne",
                               "region_id": "RegionOne", "url": url} for i in ("public", "internal", "admin")]}
    return [service("identity", "keystone", f"http://{VIP}:5000/v3"),
            service("compute", "nova", f"http://{VIP}:8774/v2.1"),
            service("placement", "placement", f"http://{VIP}:8778"),
            service("image", "glance", f"http://{VIP}:9292"),
            service("network", "neutron", f"http://{VIP}:9696"),
            service("block-storage", "cinderv3", f"http://{VIP}:8776/v3/lab"),
            service("orchestration", "heat", f"http://{VIP}:8004/v1/lab")]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def answer(self, status, document, headers=None):
        body = b"" if document is None else json.dumps(document).encode() + b"\n"
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Uplift-Lab", "rehearsal cluster, not OpenStack")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                data += self.rfile.read(size)
                self.rfile.readline()
        else:
            data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        return json.loads(data or b"{}")

    def authorized(self):
        token = self.headers.get("X-Auth-Token")
        if token and os.path.exists(token_file(token)):
            return True
        self.answer(401, {"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}})
        return False

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path == "/slow":
            time.sleep(float(urllib.parse.parse_qs(url.query).get("seconds", ["5"])[0]))
        if url.path == "/" and MAX_VERSION:
            return self.answer(200, self.versions())
        if unit == "nova-api" and url.path.startswith("/v2.1"):
            return self.nova_get(url.path[len("/v2.1"):].rstrip("/"), urllib.parse.parse_qs(url.query))
        query = urllib.parse.parse_qs(url.query)
        if NEUTRON and (url.path.rstrip("/") == "/v2.0/agents" or url.path.startswith("/v2.0/agents/")):
            agent = self.neutron_agent(url.path)
            return self.authorized() and self.answer(*(NEUTRON.get_agent(agent) if agent else NEUTRON.list_agents(query)))
        if CINDER and self.cinder_services(url.path) == "":
            version = lab_cinder.microversion(self.headers.get("OpenStack-API-Version"))
            return self.authorized() and self.answer(*CINDER.list_services(query, version),
                                                     {"OpenStack-API-Version": "volume %d.%d" % version})
        self.answer(200, LAB)

    @staticmethod
    def versions():
        """The version document at the root, shaped as nova's and cinder's (api samples versions-get-resp.json)."""
        if unit == "nova-api":
            return {"versions": [
                {"id": "v2.0", "status": "DEPRECATED", "version": "", "min_version": "", "updated": "2025-07-04T12:00:00Z",
                 "links": [{"href": f"http://{VIP}:8774/v2/", "rel": "self"}]},
                {"id": "v2.1", "status": "CURRENT", "version": MAX_VERSION, "min_version": "2.1", "updated": "2013-07-23T11:33:21Z",
                 "links": [{"href": f"http://{VIP}:8774/v2.1/", "rel": "self"}]}]}
        return {"versions": [{"id": "v3.0", "status": "CURRENT", "version": MAX_VERSION, "min_version": "3.0",
                              "updated": "2022-08-31T00:00:00Z", "links": [{"href": f"http://{VIP}:{port}/v3/", "rel": "self"}]}]}

    @staticmethod
    def neutron_agent(path):
        """The agent id of /v2.0/agents/{id}; "" for the list."""
        return path.rstrip("/")[len("/v2.0/agents"):].lstrip("/")

    @staticmethod
    def cinder_services(path):
        """What follows os-services in /v3[/<project>]/os-services[/<action>] ("" for the list); None for other paths."""
        parts = path.strip("/").split("/")
        if parts[0] != "v3" or "os-services" not in parts[1:3]:
            return None
        rest = parts[parts.index("os-services") + 1:]
        return "/".join(rest) if len(rest) <= 1 else None

    def nova_get(self, path, query):
        if path == "":
            return self.answer(200, {"version": {"id": "v2.1", "status": "CURRENT", "version": MAX_VERSION, "min_version": "2.1",
                                                 "updated": "2013-07-23T11:33:21Z", "links": []}})
        if not self.authorized():
            return
        if path == "/os-services":
            found = [s for s in NOVA.services() if all(s[k] == query[k][0] for k in ("host", "binary") if k in query)]
            return self.answer(200, {"services": found}, {"OpenStack-API-Version": f"compute {MAX_VERSION}"})
        if path in ("/servers/detail", "/servers"):
            return self.answer(*NOVA.list_servers(query, detail=path.endswith("/detail")))
        if path.startswith("/servers/") and path.count("/") == 2:
            return self.answer(*NOVA.get_server(path.rsplit("/", 1)[1]))
        if path == "/os-migrations":
            return self.answer(*NOVA.list_migrations(query))
        if path.startswith("/os-hypervisors"):
            return self.answer(*NOVA.hypervisors(path, query))
        self.answer(404, {"itemNotFound": {"code": 404, "message": lab_nova.NOT_FOUND}})

    def microversion(self):
        """The compute microversion asked (OpenStack-API-Version or the older header); 2.1 when none."""
        asked = (self.headers.get("OpenStack-API-Version") or "").replace("compute", "").strip() \
            or (self.headers.get("X-OpenStack-Nova-API-Version") or "").strip()
        if asked == "latest":
            return tuple(int(p) for p in MAX_VERSION.split("."))
        try:
            major, minor = asked.split(".")
            return (int(major), int(minor))
        except ValueError:
            return (2, 1)

    def do_PUT(self):
        path = urllib.parse.urlparse(self.path).path
        if NOVA and path.startswith("/v2.1/os-services/"):
            return self.authorized() and self.answer(*NOVA.set_service(path.rsplit("/", 1)[1], self.body()))
        if NEUTRON and path.startswith("/v2.0/agents/") and self.neutron_agent(path):
            return self.authorized() and self.answer(*NEUTRON.update_agent(self.neutron_agent(path), self.body()))
        if CINDER and self.cinder_services(path):
            return self.authorized() and self.answer(*CINDER.update_service(self.cinder_services(path), self.body()))
        self.answer(405, {"error": "the lab answers PUT only for nova os-services, neutron agents and cinder os-services"})

    def nova_post(self, path):
        if not self.authorized():
            return
        parts = path.strip("/").split("/")
        if len(parts) != 4 or parts[:2] != ["v2.1", "servers"] or parts[3] != "action":
            return self.answer(404, {"itemNotFound": {"code": 404, "message": lab_nova.NOT_FOUND}})
        body = self.body()
        action = next(iter(body), "")
        if action != "os-migrateLive" or not isinstance(body[action], dict):
            return self.answer(404, {"itemNotFound": {"code": 404, "message": f"There is no such action: {action}"}})
        self.answer(*NOVA.live_migrate(parts[2], body[action], self.microversion()))

    def do_POST(self):
        if unit == "nova-api":
            return self.nova_post(urllib.parse.urlparse(self.path).path)
        if unit != "keystone" or urllib.parse.urlparse(self.path).path.rstrip("/") != "/v3/auth/tokens":
            return self.answer(405, {"error": "the lab answers POST only for keystone /v3/auth/tokens"})
        try:
            user = self.body()["auth"]["identity"]["password"]["user"]
            with open(os.path.join(CLUSTER, "keystone-admin")) as f:
                expected = f.read().strip()
            ok = user.get("name") == "admin" and secrets.compare_digest(str(user.get("password", "")), expected)
        except (KeyError, TypeError, ValueError, OSError):
            ok = False
        if not ok:
            return self.answer(401, {"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}})
        token = secrets.token_hex(24)
        os.makedirs(os.path.join(CLUSTER, "tokens"), exist_ok=True)
        open(token_file(token), "w").close()
        domain = {"id": "default", "name": "Default"}
        self.answer(201, {"token": {"methods": ["password"], "expires_at": now(3600), "issued_at": now(), "is_domain": False,
                                    "audit_ids": [secrets.token_urlsafe(16)], "catalog": catalog(),
                                    "project": {"domain": domain, "id": "lab", "name": "admin"},
                                    "roles": [{"id": "admin", "name": "admin"}],
                                    "user": {"domain": domain, "id": "admin", "name": "admin", "password_expires_at": None}}},
                    {"X-Subject-Token": token})

    def do_HEAD(self):
        self.send_response(200)
        self.end_headers()

    def log_message(self, format, *args):
        pass


# A real service takes a moment to come up; the lab's start delay imitates it (zero in benchmarks).
time.sleep(float(delay))
server = http.server.ThreadingHTTPServer((address, int(port)), Handler)
server.daemon_threads = True
# Ready (the lab's systemctl start waits for this line on fd 3, as systemd waits for a Type=notify unit's READY=1).
try:
    os.write(3, b"ready\n")
    os.close(3)
except OSError:
    pass
server.serve_forever()
