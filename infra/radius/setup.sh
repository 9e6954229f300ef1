# Run as root by the VM's Custom Script extension (radius.bicep puts the HOTSPOT_RADIUS_* assignments above this
# line). Idempotent: installs Docker once, lays out the FreeRADIUS config from radius/, writes the service and
# restarts it. Holds no secret: the service reads its two secrets from Key Vault each time it starts.
set -euo pipefail

config=/etc/hotspot-radius

if ! command -v docker >/dev/null; then
  # On a fresh VM cloud-init may still hold the package lock.
  cloud-init status --wait >/dev/null || true
  apt-get -o DPkg::Lock::Timeout=600 update -q
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q docker.io
fi
systemctl enable --now docker

# The config from radius/ ("path:base64" words), written to a fresh folder and swapped in whole.
rm -rf "$config.new"
set -f
for entry in $HOTSPOT_RADIUS_CONFIG; do
  path="$config.new/${entry%%:*}"
  install -d -m 0755 "$(dirname "$path")"
  printf '%s' "${entry#*:}" | base64 -d > "$path"
  chmod 0644 "$path"
done
set +f
rm -rf "$config.old"
if [[ -d "$config" ]]; then mv "$config" "$config.old"; fi
mv "$config.new" "$config"
rm -rf "$config.old"

# What radius/radiusd.conf reads from the environment, less the two secrets (fetch-secrets.py adds those).
cat > /etc/hotspot-radius.env <<ENV
HOTSPOT_RADIUS_ADDRESS=0.0.0.0
HOTSPOT_RADIUS_AUTH_PORT=1812
HOTSPOT_RADIUS_ACCT_PORT=1813
HOTSPOT_RADIUS_API=$HOTSPOT_RADIUS_API
HOTSPOT_RADIUS_RUN_DIR=/tmp
ENV

# What the service and fetch-secrets.py read.
cat > /etc/default/hotspot-radius <<ENV
HOTSPOT_RADIUS_IMAGE=$HOTSPOT_RADIUS_IMAGE
HOTSPOT_RADIUS_VAULT_URI=$HOTSPOT_RADIUS_VAULT_URI
HOTSPOT_RADIUS_VAULT_RESOURCE=$HOTSPOT_RADIUS_VAULT_RESOURCE
HOTSPOT_RADIUS_IDENTITY=$HOTSPOT_RADIUS_IDENTITY
ENV

install -d -m 0755 /usr/local/lib/hotspot-radius
printf '%s' "$HOTSPOT_RADIUS_FETCH_SECRETS" | base64 -d > /usr/local/lib/hotspot-radius/fetch-secrets.py
printf '%s' "$HOTSPOT_RADIUS_UNIT" | base64 -d > /etc/systemd/system/hotspot-radius.service

docker pull "$HOTSPOT_RADIUS_IMAGE"
systemctl daemon-reload
systemctl enable hotspot-radius
# Not waited for: the VM identity's roles on the secrets may take a few minutes to apply, and the service retries
# every 5 s until it can read them (docs/deploy.md 14.1 checks it).
systemctl restart --no-block hotspot-radius
