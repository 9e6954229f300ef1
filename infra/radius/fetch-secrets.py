#!/usr/bin/env python3
"""Writes FreeRADIUS's two secrets, read from Key Vault with the VM's managed identity, as a docker env file.

Run by hotspot-radius.service before each start (so a rotated secret is picked up by a restart). Only the Python
standard library: the Ubuntu image has nothing else. The values are never printed.
"""
import json
import os
import sys
import urllib.parse
import urllib.request

# Environment variable of radius/radiusd.conf -> secret in the vault (written by radius.bicep).
SECRETS = {
    "HOTSPOT_RADIUS_SECRET": "radius-shared-secret",
    "HOTSPOT_RADIUS_REST_SECRET": "radius-rest-secret",
}
TIMEOUT_SECONDS = 10


def token():
    query = urllib.parse.urlencode({
        "api-version": "2018-02-01",
        "resource": os.environ["HOTSPOT_RADIUS_VAULT_RESOURCE"],
        "client_id": os.environ["HOTSPOT_RADIUS_IDENTITY"],
    })
    request = urllib.request.Request(
        "http://169.254.169.254/metadata/identity/oauth2/token?" + query, headers={"Metadata": "true"})
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as answer:
        return json.load(answer)["access_token"]


def secret(access_token, name):
    vault = os.environ["HOTSPOT_RADIUS_VAULT_URI"].rstrip("/")
    request = urllib.request.Request(
        f"{vault}/secrets/{name}?api-version=7.4", headers={"Authorization": "Bearer " + access_token})
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as answer:
        value = json.load(answer)["value"]
    if not value or "\n" in value or "\r" in value:
        sys.exit(f"Key Vault secret {name} is empty or spans lines; a docker env file cannot carry it.")
    return value


def main(path):
    access_token = token()
    lines = [f"{variable}={secret(access_token, name)}\n" for variable, name in SECRETS.items()]
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.writelines(lines)


if __name__ == "__main__":
    main(sys.argv[1])
