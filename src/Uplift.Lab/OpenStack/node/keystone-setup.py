#!/usr/bin/python3
"""Keystone of a lab of real OpenStack code, after keystone-manage bootstrap: the service project, one user per
service (admin and service in it), the services and their endpoints on the VIP. Idempotent. Passwords come from the environment
(LAB_ADMIN_PASSWORD, LAB_SERVICE_PASSWORD), never from the command line. Run on a controller (python3-openstacksdk)."""
import os
import openstack

vip = os.environ["LAB_VIP"]
cloud = openstack.connect(auth_url=f"http://{vip}:5000/v3", username="admin", password=os.environ["LAB_ADMIN_PASSWORD"],
                          project_name="admin", user_domain_name="Default", project_domain_name="Default",
                          region_name="RegionOne")
identity = cloud.identity
# (service name, type, endpoint URL, user) — the URLs as the API reference documents them.
services = [
    ("glance", "image", f"http://{vip}:9292", "glance"),
    ("placement", "placement", f"http://{vip}:8778", "placement"),
    ("nova", "compute", f"http://{vip}:8774/v2.1", "nova"),
    ("neutron", "network", f"http://{vip}:9696", "neutron"),
    ("cinderv3", "volumev3", f"http://{vip}:8776/v3/%(project_id)s", "cinder"),
    ("heat", "orchestration", f"http://{vip}:8004/v1/%(tenant_id)s", "heat"),
    ("heat-cfn", "cloudformation", f"http://{vip}:8000/v1", None),
]
project = identity.find_project("service") or identity.create_project(name="service", domain_id="default")
admin = identity.find_role("admin")
# The service role (bootstrap makes it): keystonemiddleware 13 (Gazpacho's) requires it in a service token by default
# (auth_token option service_token_roles_required, default True): nova's calls to neutron fail without it (seen here).
service_role = identity.find_role("service") or identity.create_role(name="service")
for name, kind, url, user in services:
    if user and not identity.find_user(user):
        created = identity.create_user(name=user, password=os.environ["LAB_SERVICE_PASSWORD"], domain_id="default")
        identity.assign_project_role_to_user(project, created, admin)
        identity.assign_project_role_to_user(project, created, service_role)
    service = identity.find_service(name) or identity.create_service(name=name, type=kind)
    have = {e.interface for e in identity.endpoints(service_id=service.id)}
    for interface in ("public", "internal", "admin"):
        if interface not in have:
            identity.create_endpoint(service_id=service.id, interface=interface, url=url, region_id="RegionOne")
print(f"keystone: {len(services)} services, {len(list(identity.endpoints()))} endpoints")
