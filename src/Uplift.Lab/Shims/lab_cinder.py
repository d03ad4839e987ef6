"""cinder-api of an Uplift lab (a rehearsal cluster, not OpenStack): os-services (cinder api-ref v3/os-services.inc and
cinder/api/contrib/services.py), with the fields of its samples (shared/fixtures/openstack-api/cinder).

- Services: one per cinder unit that serves no API on a lab node (units.list; the catalog puts cinder-scheduler on
  controllers, cinder-volume and cinder-backup on volume nodes). A volume service is one per backend, its host
  "<node>@<backend>" (the lab's nodes have one LVM backend, "lvm"). "up" while the node's unit is active.
- GET /v3/<project>/os-services[?host=&binary=] (exact matches, as cinder's index); cluster from microversion 3.7,
  backend_state from 3.49 (OpenStack-API-Version: volume 3.x).
- PUT /v3/<project>/os-services/enable, /disable and /disable-log-reason {"host", "binary"[, "disabled_reason"]}:
  kept in cluster/volume/<host>.<binary> (JSON), under the cluster lock.
"""
import os

import lab_cluster

BACKEND = "lvm"
# storage_availability_zone's default (cinder/common/config.py), for nodes of no zone.
DEFAULT_ZONE = "nova"
# The block-storage microversions the lab answers to ("latest" is the highest).
LATEST = (3, 71)


def error(status, kind, message):
    return status, {kind: {"code": status, "message": message}}


def microversion(header):
    """(major, minor) asked in an OpenStack-API-Version header ("volume 3.49"); 3.0 when none, as cinder."""
    asked = (header or "").replace("volume", "").strip()
    if asked == "latest":
        return LATEST
    try:
        major, minor = asked.split(".")
        return min((int(major), int(minor)), LATEST)
    except ValueError:
        return (3, 0)


class Cinder:
    def __init__(self, state):
        self.cluster = lab_cluster.Cluster(state)
        self.settings = os.path.join(self.cluster.directory, "volume")

    def setting(self, host, binary):
        return lab_cluster.read_json(os.path.join(self.settings, f"{host}.{binary}")) or {}

    def services(self, version=(3, 0)):
        nodes = self.cluster.nodes()
        found = []
        for node, binary in self.cluster.workers("cinder"):
            volume = binary == "cinder-volume"
            host = f"{node}@{BACKEND}" if volume else node
            saved = self.setting(host, binary)
            up = self.cluster.active(node, binary)
            service = {"binary": binary, "host": host, "zone": nodes[node]["zone"] if nodes[node]["zone"] != "-" else DEFAULT_ZONE,
                       "status": "disabled" if saved.get("disabled") else "enabled", "state": "up" if up else "down",
                       "updated_at": lab_cluster.stamp(self.cluster.last_report(node, binary), zone="", micro=True),
                       "disabled_reason": saved.get("disabled_reason")}
            if volume:
                # The api-ref's 3.0 sample shows a volume service's cluster too.
                service.update(cluster=None, frozen=False, replication_status="disabled", active_backend_id=None)
            if version >= (3, 7):
                service["cluster"] = None
            if volume and version >= (3, 49):
                service["backend_state"] = "up" if up else "down"
            found.append(service)
        return found

    def list_services(self, query, version):
        wanted = {k: query[k][0] for k in ("host", "binary") if k in query}
        found = [s for s in self.services(version) if all(s[k] == v for k, v in wanted.items())]
        return 200, {"services": found}

    def update_service(self, action, body):
        """PUT os-services/{enable|disable|disable-log-reason}: the answer is cinder's flat one, not a service record."""
        if action not in ("enable", "disable", "disable-log-reason"):
            return error(404, "itemNotFound", "Unknown action")
        if not isinstance(body, dict) or "host" not in body:
            return error(400, "badRequest", "Missing required element 'host' in request body.")
        host, binary = body["host"], body.get("binary") or body.get("service") or ""
        if not binary:
            return error(400, "badRequest", "Missing required element 'binary' in request body.")
        answer = {"disabled": action != "enable"}
        if action == "enable":
            answer["disabled_reason"] = None
        elif action == "disable-log-reason":
            reason = body.get("disabled_reason")
            if not isinstance(reason, str) or not 1 <= len(reason.strip()) <= 255:
                return error(400, "badRequest", "Disabled reason contains invalid characters or is too long")
            answer["disabled_reason"] = reason
        with self.cluster.locked():
            if not any(s["host"] == host and s["binary"] == binary for s in self.services()):
                return error(404, "itemNotFound", "service not found")
            saved = self.setting(host, binary) | answer
            lab_cluster.write_json(os.path.join(self.settings, f"{host}.{binary}"), saved)
        answer.update(host=host, service=body.get("service", ""), binary=body.get("binary", ""),
                      status="disabled" if answer["disabled"] else "enabled")
        return 200, answer
