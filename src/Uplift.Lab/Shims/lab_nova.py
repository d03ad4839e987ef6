"""nova-api of an Uplift lab (a rehearsal cluster, not OpenStack): the few calls Uplift's compute phase makes, with the
state in the lab's files. Answers have the shapes of nova's api-ref samples (shared/fixtures/openstack-api/nova).

- os-services: nova-conductor and nova-scheduler per controller, nova-compute per compute; "up" while the node's unit
  is active; disabled state in cluster/compute/<host>.<binary>.disabled (the reason).
- instances: cluster/instances/<uuid>, key=value lines (name, host, status, task_state, vm_state; during a live
  migration also dest, due, migration). Nothing runs: an instance is a record that moves between computes.
- live migration (os-migrateLive): a scheduler picks an enabled, up compute other than the source with the fewest
  instances; the instance is MIGRATING (task_state migrating) for MIGRATION_SECONDS, then ACTIVE on the destination
  (back on the source, with the record in error, if the destination's nova-compute went down meanwhile). Records in
  cluster/live-migrations/<id>; every finished move is a line of cluster/live-migrations.log:
  time<TAB>instance<TAB>source<TAB>destination.
Every change is made under the cluster lock (cluster/lock, the shims' lab_lock_cluster): several nova-api listeners
(one per controller, each threaded) share these files.
"""
import hashlib
import os
import threading
import time
import uuid

import lab_cluster
from lab_cluster import VIP, stamp

MIGRATION_SECONDS = 1.0
PROJECT = "lab"
NOT_FOUND = "The resource could not be found."


def error(status, kind, message):
    return status, {kind: {"code": status, "message": message}}


def bad_request(message):
    return error(400, "badRequest", message)


class Nova:
    def __init__(self, state):
        self.lab = lab_cluster.Cluster(state)
        self.cluster = self.lab.directory
        self.instances = os.path.join(self.cluster, "instances")
        self.migrations = os.path.join(self.cluster, "live-migrations")
        self.created = self.lab.created
        self.locked = self.lab.locked
        self.nodes = self.lab.nodes

    # ---- files ----

    @staticmethod
    def read(path):
        try:
            with open(path) as f:
                return dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line)
        except FileNotFoundError:
            return None

    @staticmethod
    def write(path, fields):
        # Readers take no lock (the systemctl shim): a whole file replaces the old one at once.
        temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path))
        with open(temporary, "w") as f:
            f.writelines(f"{k}={'' if v is None else v}\n" for k, v in fields.items())
        os.replace(temporary, path)

    def records(self, directory):
        os.makedirs(directory, exist_ok=True)
        return [(name, self.read(os.path.join(directory, name))) for name in os.listdir(directory) if not name.startswith(".")]

    # ---- os-services ----
    def disabled_file(self, host, binary):
        return os.path.join(self.cluster, "compute", f"{host}.{binary}.disabled")

    def services(self):
        found = []
        for name, node in self.nodes().items():
            binaries = {"controller": ["nova-conductor", "nova-scheduler"], "compute": ["nova-compute"]}.get(node["role"], [])
            for binary in binaries:
                disabled = self.disabled_file(name, binary)
                reason = open(disabled).read() if os.path.exists(disabled) else None
                up = self.lab.active(name, binary)
                found.append({"id": str(uuid.uuid5(uuid.NAMESPACE_DNS, f"{binary}.{name}.lab")), "binary": binary,
                              "disabled_reason": reason, "host": name, "state": "up" if up else "down",
                              "status": "disabled" if reason is not None else "enabled", "updated_at": stamp(zone="", micro=True),
                              "forced_down": False, "zone": node["zone"] if binary == "nova-compute" else "internal"})
        return found

    def set_service(self, service_id, change):
        service = next((s for s in self.services() if s["id"] == service_id), None)
        if service is None:
            return error(404, "itemNotFound", f"Service {service_id} not found.")
        disabled = self.disabled_file(service["host"], service["binary"])
        os.makedirs(os.path.dirname(disabled), exist_ok=True)
        if change.get("status") == "disabled":
            with open(disabled, "w") as f:
                f.write(change.get("disabled_reason") or "")
        elif change.get("status") == "enabled" and os.path.exists(disabled):
            os.remove(disabled)
        return 200, {"service": next(s for s in self.services() if s["id"] == service_id)}

    def computes(self):
        return {s["host"]: s for s in self.services() if s["binary"] == "nova-compute"}

    # ---- servers ----
    def server(self, iid, inst, computes):
        host, name = inst["host"], inst["name"]
        service = computes.get(host)
        host_status = "UNKNOWN" if service is None else "DOWN" if service["state"] == "down" else \
            "MAINTENANCE" if service["status"] == "disabled" else "UP"
        created = stamp(self.created)
        return {"OS-DCF:diskConfig": "AUTO", "OS-EXT-AZ:availability_zone": service["zone"] if service else "nova",
                "OS-EXT-SRV-ATTR:host": host, "OS-EXT-SRV-ATTR:hostname": name, "OS-EXT-SRV-ATTR:hypervisor_hostname": host,
                "OS-EXT-SRV-ATTR:instance_name": "instance-" + iid[:8], "OS-EXT-SRV-ATTR:kernel_id": "",
                "OS-EXT-SRV-ATTR:launch_index": 0, "OS-EXT-SRV-ATTR:ramdisk_id": "", "OS-EXT-SRV-ATTR:reservation_id": "r-" + iid[:8],
                "OS-EXT-SRV-ATTR:root_device_name": "/dev/vda", "OS-EXT-SRV-ATTR:user_data": None,
                "OS-EXT-STS:power_state": 1, "OS-EXT-STS:task_state": inst.get("task_state") or None,
                "OS-EXT-STS:vm_state": inst.get("vm_state") or "active",
                "OS-SRV-USG:launched_at": stamp(self.created, zone="", micro=True), "OS-SRV-USG:terminated_at": None,
                "accessIPv4": "", "accessIPv6": "", "addresses": {}, "config_drive": "", "created": created,
                "description": "Uplift lab instance (a record, nothing runs)",
                "flavor": {"disk": 1, "ephemeral": 0, "extra_specs": {}, "original_name": "m1.tiny", "ram": 512, "swap": 0, "vcpus": 1},
                # nova's hostId: sha224 of project and host, so tenants can tell co-located instances apart.
                "hostId": hashlib.sha224((PROJECT + host).encode()).hexdigest(), "host_status": host_status, "id": iid,
                "image": {"id": str(uuid.uuid5(uuid.NAMESPACE_DNS, "image.lab")), "links": []}, "key_name": None,
                "links": [{"href": f"http://{VIP}:8774/v2.1/servers/{iid}", "rel": "self"},
                          {"href": f"http://{VIP}:8774/servers/{iid}", "rel": "bookmark"}],
                "locked": False, "locked_reason": None, "metadata": {"lab": "Uplift rehearsal cluster, not OpenStack"},
                "name": name, "os-extended-volumes:volumes_attached": [], "progress": 0,
                "security_groups": [{"name": "default"}], "status": inst["status"], "tags": [], "tenant_id": PROJECT,
                "trusted_image_certificates": None, "updated": stamp(float(inst.get("updated") or self.created)), "user_id": "admin"}

    def list_servers(self, query, detail):
        """GET /servers[/detail]; the admin filters host and node, and status; all_tenants is implied (one project)."""
        wanted = {k: query[k][0] for k in ("host", "node", "status") if k in query}
        with self.locked():
            self.settle()
            found = sorted(self.records(self.instances), key=lambda r: r[1]["name"])
        computes = self.computes()
        keep = [(i, r) for i, r in found if all({"host": r["host"], "node": r["host"], "status": r["status"]}[k] == v for k, v in wanted.items())]
        if detail:
            return 200, {"servers": [self.server(i, r, computes) for i, r in keep]}
        return 200, {"servers": [{"id": i, "name": r["name"], "links": self.server(i, r, computes)["links"]} for i, r in keep]}

    def get_server(self, iid):
        with self.locked():
            self.settle()
            inst = self.read(os.path.join(self.instances, os.path.basename(iid)))
        if inst is None:
            return error(404, "itemNotFound", f"Instance {iid} could not be found.")
        return 200, {"server": self.server(iid, inst, self.computes())}

    # ---- live migration ----
    def live_migrate(self, iid, action, microversion):
        """POST /servers/{id}/action {"os-migrateLive": {"host", "block_migration"}} (nova api-ref, migrate_server.py):
        before 2.34 the scheduling is checked in the call (no valid host: 400); from 2.34 the call returns 202 and a
        failed scheduling only shows in the migration record (status error), the instance staying ACTIVE on its host."""
        with self.locked():
            self.settle()
            path = os.path.join(self.instances, os.path.basename(iid))
            inst = self.read(path)
            if inst is None:
                return error(404, "itemNotFound", f"Instance {iid} could not be found.")
            if inst["status"] not in ("ACTIVE", "PAUSED") or inst.get("task_state"):
                state = ("task_state", inst["task_state"]) if inst.get("task_state") else ("vm_state", inst.get("vm_state") or "active")
                return error(409, "conflictingRequest", f"Cannot 'os-migrateLive' instance {iid} while it is in {state[0]} {state[1]}")
            computes, source, requested = self.computes(), inst["host"], action.get("host")
            if requested == source:
                return bad_request(f"Unable to migrate instance ({iid}) to current host ({source}).")
            if requested is not None and requested not in computes:
                return bad_request(f"Compute host {requested} could not be found.")
            dest = self.schedule(computes, source, requested)
            migration = self.record(iid, source, dest, "running" if dest else "error")
            if dest is None:
                if microversion >= (2, 34):
                    return 202, None
                return bad_request("No valid host was found. There are not enough hosts available.")
            inst.update(status="MIGRATING", task_state="migrating", dest=dest, due=str(time.time() + MIGRATION_SECONDS),
                        migration=migration, updated=str(time.time()))
            self.write(path, inst)
        timer = threading.Timer(MIGRATION_SECONDS + 0.05, self.settle_locked)
        timer.daemon = True
        timer.start()
        return 202, None

    def schedule(self, computes, source, requested):
        """Like nova's filter scheduler with its default weighers: an enabled compute whose service is up, not the
        source, the least loaded one (instances on it or on their way to it) first."""
        load = {}
        for _, r in self.records(self.instances):
            for host in (r["host"], r.get("dest")):
                if host:
                    load[host] = load.get(host, 0) + 1
        candidates = [h for h, s in computes.items() if s["status"] == "enabled" and s["state"] == "up" and h != source
                      and requested in (None, h)]
        return min(candidates, key=lambda h: (load.get(h, 0), h), default=None)

    def record(self, iid, source, dest, status):
        ids = [int(name) for name, _ in self.records(self.migrations) if name.isdigit()]
        number = str(max(ids, default=0) + 1)
        address = self.nodes().get(dest or "", {}).get("address")
        self.write(os.path.join(self.migrations, number), {
            "id": number, "uuid": str(uuid.uuid4()), "instance_uuid": iid, "source_compute": source, "source_node": source,
            "dest_compute": dest, "dest_node": dest, "dest_host": address, "status": status, "created_at": str(time.time()),
            "updated_at": str(time.time())})
        return number

    def settle_locked(self):
        with self.locked():
            self.settle()

    def settle(self):
        """Ends the live migrations whose time is up (called under the lock by every reader, and by a timer)."""
        now = time.time()
        computes = None
        for iid, inst in self.records(self.instances):
            if inst.get("task_state") != "migrating" or float(inst.get("due") or 0) > now:
                continue
            computes = computes or self.computes()
            dest, source = inst.pop("dest"), inst["host"]
            path = os.path.join(self.migrations, inst.pop("migration"))
            inst.pop("due", None)
            migration = self.read(path) or {}
            arrived = computes.get(dest, {}).get("state") == "up"
            inst.update(host=dest if arrived else source, status="ACTIVE", task_state="", updated=str(now))
            migration.update(status="completed" if arrived else "error", updated_at=str(now))
            self.write(path, migration)
            self.write(os.path.join(self.instances, iid), inst)
            if arrived:
                with open(os.path.join(self.cluster, "live-migrations.log"), "a") as log:
                    log.write(f"{stamp(now, micro=True)}\t{iid}\t{source}\t{dest}\n")

    def list_migrations(self, query):
        """GET /os-migrations (2.80 fields), newest first; filters instance_uuid, status, migration_type, source_compute."""
        wanted = {k: query[k][0] for k in ("instance_uuid", "status", "migration_type", "source_compute") if k in query}
        with self.locked():
            self.settle()
            found = [r for _, r in self.records(self.migrations)]
        answers = []
        for r in sorted(found, key=lambda r: -int(r["id"])):
            m = {"created_at": stamp(float(r["created_at"]), zone="", micro=True), "dest_compute": r["dest_compute"] or None,
                 "dest_host": r["dest_host"] or None, "dest_node": r["dest_node"] or None, "id": int(r["id"]),
                 "instance_uuid": r["instance_uuid"], "new_instance_type_id": 1, "old_instance_type_id": 1,
                 "source_compute": r["source_compute"], "source_node": r["source_node"], "status": r["status"],
                 "migration_type": "live-migration", "updated_at": stamp(float(r["updated_at"]), zone="", micro=True),
                 "uuid": r["uuid"], "user_id": "admin", "project_id": PROJECT}
            if all(m[k] == v for k, v in wanted.items()):
                answers.append(m)
        return 200, {"migrations": answers}

    # ---- os-hypervisors ----
    def hypervisors(self, path, query):
        """GET /os-hypervisors[?hypervisor_hostname_pattern=&with_servers=] (2.53 shape), /os-hypervisors/detail (with
        running_vms), and the older /os-hypervisors/{pattern}/servers."""
        parts = path.strip("/").split("/")
        pattern = query.get("hypervisor_hostname_pattern", [parts[1] if len(parts) == 3 and parts[2] == "servers" else ""])[0]
        with self.locked():
            self.settle()
            found = sorted(self.records(self.instances), key=lambda r: r[1]["name"])
        answers = []
        for host, s in sorted(self.computes().items()):
            if pattern not in host:
                continue
            servers = [{"name": r["name"], "uuid": i} for i, r in found if r["host"] == host]
            h = {"hypervisor_hostname": host, "id": s["id"], "state": s["state"], "status": s["status"]}
            if path.endswith("/detail"):
                h.update(running_vms=len(servers), hypervisor_type="QEMU", host_ip=self.nodes()[host]["address"],
                         service={"host": host, "id": s["id"], "disabled_reason": s["disabled_reason"]})
            if servers and (path.endswith("/servers") or query.get("with_servers", ["false"])[0] == "true"):
                h["servers"] = servers
            answers.append(h)
        return 200, {"hypervisors": answers}
