#!/usr/bin/python3
"""Instances of a lab of real OpenStack code: LAB_PER_COMPUTE servers on each compute of LAB_COMPUTES, named
lab-<compute>-<n>, booted through the real nova API on nova's fake virt driver (nothing runs; nova, placement and the
computes hold them as a cloud would), without ports (networks "none": the lab has no network agents). Idempotent."""
import os
import time
import openstack

vip = os.environ["LAB_VIP"]
cloud = openstack.connect(auth_url=f"http://{vip}:5000/v3", username="admin", password=os.environ["LAB_ADMIN_PASSWORD"],
                          project_name="admin", user_domain_name="Default", project_domain_name="Default",
                          region_name="RegionOne", compute_api_version="2.37")
image = cloud.image.find_image("lab-image")
if image is None:
    image = cloud.image.create_image(name="lab-image", disk_format="raw", container_format="bare",
                                     visibility="public", data=b"\0" * 1024 * 1024)
flavor = cloud.compute.find_flavor("lab-tiny") or cloud.compute.create_flavor(name="lab-tiny", ram=64, vcpus=1, disk=1)
wanted = []
for compute in os.environ["LAB_COMPUTES"].split():
    for n in range(1, int(os.environ["LAB_PER_COMPUTE"]) + 1):
        name = f"lab-{compute}-{n}"
        server = cloud.compute.find_server(name)
        if server is None:
            server = cloud.compute.create_server(name=name, image_id=image.id, flavor_id=flavor.id, networks="none",
                                                 availability_zone=f"nova:{compute}")
        wanted.append(server.id)
deadline = time.monotonic() + 300
for server_id in wanted:
    server = cloud.compute.wait_for_server(cloud.compute.get_server(server_id), status="ACTIVE", failures=["ERROR"],
                                           interval=1, wait=max(1, int(deadline - time.monotonic())))
print(f"instances: {len(wanted)} ACTIVE")
