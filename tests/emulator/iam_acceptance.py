"""Acceptance by an IAM API emulator: every golden document becomes an IAM role in moto's IAM
(server on 127.0.0.1, random free port): trust policies as assume-role policies, permissions
policies as inline policies of a role trusted as that role is; bucket policies become the policy
of a bucket in moto's S3, key policies the policy of a key in moto's KMS. Each is read back and compared.

Usage: iam_acceptance.py GOLDEN_DIR PAIRS_JSON. PAIRS_JSON maps each golden name to how it is
stored: {"as": "trust"}, {"as": "bucket"}, {"as": "key"} (a KMS key's policy), {"as": "inline", "trust": TRUST_GOLDEN_NAME} (the
provider's test derives it from each family's trust kinds), or {"as": "none"} (a resource policy of a service moto does not
emulate). Prints one line per failure, then "N passed, K not held, M failed";
exits 0 only when nothing failed. The server is stopped on every path.
"""
import json
import logging
import pathlib
import sys

import boto3
from botocore.exceptions import ClientError
from moto.server import ThreadedMotoServer

def client(service, url):
    """A boto3 client of `service` on the emulator at `url`, with its test credentials."""
    return boto3.client(
        service, endpoint_url=url, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing"
    )


def store_key(kms, text):
    """A KMS key with `text` as its policy: the policy read back."""
    key = kms.create_key(Policy=text)["KeyMetadata"]["KeyId"]
    return json.loads(kms.get_key_policy(KeyId=key, PolicyName="default")["Policy"])


def store_bucket(s3, text):
    """The bucket the policy names, with `text` as its policy: the policy read back."""
    bucket = json.loads(text)["Statement"][0]["Resource"].split(":::")[1].split("/")[0]
    s3.create_bucket(Bucket=bucket)
    s3.put_bucket_policy(Bucket=bucket, Policy=text)
    return json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"])


def main(golden, pairs_file):
    documents = {p.stem: p.read_text() for p in sorted(pathlib.Path(golden).glob("*.json"))}
    pairs = json.loads(pathlib.Path(pairs_file).read_text())
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    failures = []
    passed = 0
    not_held = 0
    try:
        host, port = server.get_host_and_port()
        iam = client("iam", f"http://{host}:{port}")
        s3 = client("s3", f"http://{host}:{port}")
        kms = client("kms", f"http://{host}:{port}")
        for number, (name, text) in enumerate(documents.items()):
            if name not in pairs:
                failures.append(f"{name}: no pairing says how to store it")
                continue
            stored_as = pairs[name]["as"]
            if stored_as == "none":
                not_held += 1
                continue
            if stored_as in ("key", "bucket"):
                store = store_key if stored_as == "key" else store_bucket
                try:
                    stored = store(kms if stored_as == "key" else s3, text)
                except ClientError as error:
                    failures.append(f"{name}: {error.response['Error']['Code']}: {error.response['Error']['Message']}")
                    continue
                if stored != json.loads(text):
                    failures.append(f"{name}: the {stored_as} policy read back differs")
                    continue
                passed += 1
                continue
            is_trust = stored_as == "trust"
            trust_name = name if is_trust else pairs[name]["trust"]
            role_name = f"qb-{number:03d}-{name}"[:64]
            try:
                iam.create_role(RoleName=role_name, AssumeRolePolicyDocument=documents[trust_name])
                if not is_trust:
                    iam.put_role_policy(RoleName=role_name, PolicyName="qbusiness", PolicyDocument=text)
            except iam.exceptions.ClientError as error:
                failures.append(f"{name}: {error.response['Error']['Code']}: {error.response['Error']['Message']}")
                continue
            role = iam.get_role(RoleName=role_name)["Role"]
            if role["AssumeRolePolicyDocument"] != json.loads(documents[trust_name]):
                failures.append(f"{name}: the trust policy read back differs")
                continue
            if not is_trust:
                stored = iam.get_role_policy(RoleName=role_name, PolicyName="qbusiness")["PolicyDocument"]
                if stored != json.loads(text):
                    failures.append(f"{name}: the permissions policy read back differs")
                    continue
            passed += 1
    finally:
        server.stop()
    for failure in failures:
        print(failure)
    print(f"{passed} passed, {not_held} not held, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
