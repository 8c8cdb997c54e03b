"""moto's IAM and STS for a Terraform run: `serve` starts the server on 127.0.0.1 (random free port),
prints its URL, and stops it when standard input closes; `roles URL` prints every role of that
server as JSON: {name: {"arn", "trust", "policies": {policy name: document}}}.
"""
import json
import logging
import sys

from iam_acceptance import client
from moto.server import ThreadedMotoServer


def serve():
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        print(f"http://{host}:{port}", flush=True)
        sys.stdin.read()
    finally:
        server.stop()


def roles(url):
    iam = client("iam", url)
    found = {}
    for role in iam.list_roles()["Roles"]:
        name = role["RoleName"]
        policies = {
            policy: iam.get_role_policy(RoleName=name, PolicyName=policy)["PolicyDocument"]
            for policy in iam.list_role_policies(RoleName=name)["PolicyNames"]
        }
        trust = iam.get_role(RoleName=name)["Role"]["AssumeRolePolicyDocument"]
        found[name] = {"arn": role["Arn"], "trust": trust, "policies": policies}
    print(json.dumps(found, indent=2, sort_keys=True))


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        serve()
    elif len(sys.argv) == 3 and sys.argv[1] == "roles":
        roles(sys.argv[2])
    else:
        raise SystemExit("usage: iam_server.py serve | roles URL")
