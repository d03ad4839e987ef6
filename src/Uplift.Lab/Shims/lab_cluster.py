"""What the API stand-ins of an Uplift lab (a rehearsal cluster, not OpenStack) read of the lab's files: the nodes
(shared/nodes), the units each node runs (nodes/<node>/units.list: unit package port|- service), whether a unit is
active (nodes/<node>/units/<unit>.active, written and removed by the systemctl shim) and since when, and the cluster
lock (cluster/lock, the shims' lab_lock_cluster) under which every change to cluster/ is made.
"""
import contextlib
import datetime
import fcntl
import os
import json
import time

VIP = "127.0.10.250"


def stamp(seconds=None, zone="Z", micro=False, separator="T"):
    moment = datetime.datetime.fromtimestamp(time.time() if seconds is None else seconds, datetime.timezone.utc)
    return moment.strftime(f"%Y-%m-%d{separator}%H:%M:%S" + (".%f" if micro else "")) + zone


def read_json(path):
    """A JSON file the API stand-ins keep, None when there is none."""
    try:
        with open(path) as f:
            return json.load(f)
    except FileNotFoundError:
        return None


def write_json(path, document):
    """Readers take no lock: a whole file replaces the old one at once."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path))
    with open(temporary, "w") as f:
        json.dump(document, f)
    os.replace(temporary, path)


class Cluster:
    def __init__(self, state):
        self.state = state
        self.directory = os.path.join(state, "cluster")
        self.created = os.stat(os.path.join(state, "lab.json")).st_mtime

    @contextlib.contextmanager
    def locked(self):
        with open(os.path.join(self.directory, "lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def nodes(self):
        """name → {address, role, zone} (zone "-" when the node has none), in the lab's order."""
        with open(os.path.join(self.state, "shared", "nodes")) as f:
            return {n[0]: {"address": n[1], "role": n[2], "zone": n[3]} for n in (line.split() for line in f) if n}

    def units(self, node):
        """The node's units as (unit, package, port or "-", service), in units.list order."""
        with open(os.path.join(self.state, "nodes", node, "units.list")) as f:
            return [tuple(line.split()) for line in f if line.strip()]

    def workers(self, service, keep=lambda unit: True):
        """(node, unit) of every unit of a service that serves no API (agents, schedulers, volume services), by node."""
        return [(node, unit) for node in self.nodes() for unit, _, port, owner in self.units(node)
                if owner == service and port == "-" and keep(unit)]

    def unit_file(self, node, unit):
        return os.path.join(self.state, "nodes", node, "units", unit + ".active")

    def active(self, node, unit):
        return os.path.exists(self.unit_file(node, unit))

    def started(self, node, unit):
        """When the unit was last started (its .active file), else None."""
        try:
            return os.stat(self.unit_file(node, unit)).st_mtime
        except FileNotFoundError:
            return None

    def last_report(self, node, unit):
        """When a unit last reported: now while it runs; once stopped, the node's last unit change (its units/
        directory, touched when the stop removed the .active file) stands for its last report."""
        if self.active(node, unit):
            return time.time()
        return os.stat(os.path.join(self.state, "nodes", node, "units")).st_mtime
