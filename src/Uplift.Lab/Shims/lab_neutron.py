"""neutron-server of an Uplift lab (a rehearsal cluster, not OpenStack): the agents API (neutron-lib api-ref
v2/agents.inc), with the fields of its samples (shared/fixtures/openstack-api/neutron), the agents being the lab's.

- Agents: one per neutron unit that serves no API on a lab node (units.list; the catalog puts the Open vSwitch agent
  on network and compute nodes, the L3, DHCP and metadata agents on network nodes). "alive" while the node's unit is
  active; ids are uuid5 of binary and host, stable across labs.
- GET /v2.0/agents with equality filters on the agent's attributes (a repeated filter matches any of its values, as
  neutron's), "alive" included; "fields" picks attributes. GET /v2.0/agents/{id}. PUT /v2.0/agents/{id}
  {"agent": {"admin_state_up", "description"}}: kept in cluster/network/<id> (JSON), under the cluster lock.
"""
import os
import uuid

import lab_cluster

# neutron-lib constants.py AGENT_TYPE_* and agent/topics.py: binary → (agent_type, topic, availability zone aware).
# Only DHCP and L3 agents are scheduled per availability zone (neutron admin/config-az.rst); the others report none.
AGENTS = {
    "neutron-openvswitch-agent": ("Open vSwitch agent", "N/A", False),
    "neutron-l3-agent": ("L3 agent", "l3_agent", True),
    "neutron-dhcp-agent": ("DHCP agent", "dhcp_agent", True),
    "neutron-metadata-agent": ("Metadata agent", "N/A", False),
}
# [AGENT] availability_zone's default (neutron/conf/agent/common.py).
DEFAULT_ZONE = "nova"
FILTERS = {"id", "agent_type", "binary", "topic", "host", "admin_state_up", "alive", "availability_zone", "description"}
PAGING = {"fields", "sort_key", "sort_dir", "limit", "marker", "page_reverse"}


def neutron_error(status, kind, message):
    return status, {"NeutronError": {"type": kind, "message": message, "detail": ""}}


def at(seconds):
    """neutron's timestamps: "2017-09-12 19:40:08" (UTC, no zone)."""
    return lab_cluster.stamp(seconds, zone="", separator=" ")


def boolean(text):
    """neutron-lib converters.convert_to_boolean for query strings; None when it is no boolean."""
    return {"true": True, "1": True, "false": False, "0": False}.get(str(text).lower())


class Neutron:
    def __init__(self, state):
        self.cluster = lab_cluster.Cluster(state)
        self.settings = os.path.join(self.cluster.directory, "network")

    def configurations(self, binary, node):
        return {
            "neutron-openvswitch-agent": {"bridge_mappings": {}, "tunnel_types": ["vxlan"], "tunneling_ip": node["address"],
                                          "l2_population": False, "devices": 0},
            "neutron-l3-agent": {"agent_mode": "legacy", "routers": 0, "interfaces": 0, "floating_ips": 0, "ex_gw_ports": 0},
            "neutron-dhcp-agent": {"dhcp_driver": "neutron.agent.linux.dhcp.Dnsmasq", "networks": 0, "subnets": 0, "ports": 0},
            "neutron-metadata-agent": {"nova_metadata_host": lab_cluster.VIP, "nova_metadata_port": 8775},
        }.get(binary, {}) | {"log_agent_heartbeats": False}

    def setting(self, agent_id):
        return lab_cluster.read_json(os.path.join(self.settings, agent_id)) or {}

    def agents(self):
        nodes = self.cluster.nodes()
        found = []
        for host, binary in sorted(self.cluster.workers("neutron", lambda unit: unit.endswith("-agent"))):
            node = nodes[host]
            agent_id = str(uuid.uuid5(uuid.NAMESPACE_DNS, f"{binary}.{host}.lab"))
            agent_type, topic, zoned = AGENTS.get(binary, (binary.removeprefix("neutron-").replace("-", " ").capitalize(), "N/A", False))
            saved = self.setting(agent_id)
            started = self.cluster.started(host, binary) or self.cluster.created
            found.append({
                "binary": binary, "description": saved.get("description"),
                "availability_zone": (node["zone"] if node["zone"] != "-" else DEFAULT_ZONE) if zoned else None,
                "heartbeat_timestamp": at(self.cluster.last_report(host, binary)),
                "admin_state_up": saved.get("admin_state_up", True), "alive": self.cluster.active(host, binary),
                "id": agent_id, "topic": topic, "host": host, "agent_type": agent_type,
                "started_at": at(started), "created_at": at(self.cluster.created),
                "resources_synced": True if binary == "neutron-openvswitch-agent" else None,
                "configurations": self.configurations(binary, node)})
        return found

    def list_agents(self, query):
        unknown = sorted(set(query) - FILTERS - PAGING)
        if unknown:
            return neutron_error(400, "HTTPBadRequest", f"[{', '.join(unknown)}] is invalid attribute for filtering")
        wanted = {k: v for k, v in query.items() if k in FILTERS}
        found = [a for a in self.agents() if all(self.matches(a[k], values) for k, values in wanted.items())]
        fields = query.get("fields")
        if fields:
            found = [{k: v for k, v in a.items() if k in fields} for a in found]
        return 200, {"agents": found}

    @staticmethod
    def matches(value, values):
        if isinstance(value, bool):
            return value in [boolean(v) for v in values]
        return ("" if value is None else value) in values

    def get_agent(self, agent_id):
        agent = next((a for a in self.agents() if a["id"] == agent_id), None)
        if agent is None:
            return neutron_error(404, "AgentNotFound", f"Agent {agent_id} could not be found.")
        return 200, {"agent": agent}

    def update_agent(self, agent_id, body):
        change = body.get("agent") if isinstance(body, dict) else None
        if not isinstance(change, dict):
            return neutron_error(400, "HTTPBadRequest", "Resource body required")
        for key, value in change.items():
            if key not in ("admin_state_up", "description"):
                return neutron_error(400, "HTTPBadRequest", f"Cannot update read-only attribute {key}")
            if key == "admin_state_up" and boolean(value) is None:
                return neutron_error(400, "HTTPBadRequest", f"Invalid input for admin_state_up. Reason: '{value}' cannot be converted to boolean.")
        with self.cluster.locked():
            if not any(a["id"] == agent_id for a in self.agents()):
                return neutron_error(404, "AgentNotFound", f"Agent {agent_id} could not be found.")
            saved = self.setting(agent_id)
            if "admin_state_up" in change:
                saved["admin_state_up"] = boolean(change["admin_state_up"])
            if "description" in change:
                saved["description"] = change["description"]
            lab_cluster.write_json(os.path.join(self.settings, agent_id), saved)
        return self.get_agent(agent_id)
