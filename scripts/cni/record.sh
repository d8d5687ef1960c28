#!/usr/bin/env bash
# Records Debian's reference CNI plugins (containernetworking-plugins, /usr/lib/cni) on every case
# of scripts/cni/cases.ts into fixtures/cni/<id>.json:  bash scripts/cni/record.sh [--only id1,id2]
#
# Root only. Safety: every namespace is named pjcni<this pid>-*, created by this run (it refuses to
# start if one exists) and deleted by the EXIT trap, also after a failure or Ctrl-C. The plugins
# run inside a throwaway "node" namespace (ip netns exec), so the bridge they create and the host
# ends of the veths live there; nothing is created in, or connected to, the root namespace, and no
# packet is sent. host-local's store goes to a temporary directory, removed on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "$(id -u)" -ne 0 ]; then
  echo "cni record: needs root (network namespaces)" >&2
  exit 2
fi
for tool in ip iptables sysctl dpkg-query; do
  command -v "$tool" >/dev/null 2>&1 || { echo "cni record: missing $tool" >&2; exit 2; }
done
if [ ! -x /usr/lib/cni/bridge ] || [ ! -x /usr/lib/cni/host-local ]; then
  echo "cni record: Debian's reference plugins are missing: apt-get install -y containernetworking-plugins" >&2
  exit 2
fi

PREFIX="pjcni$$-"
# shellcheck source=scripts/netnsSandbox.sh
. scripts/netnsSandbox.sh  # the repository root is the working directory (cd above)
netns_sandbox "cni record" "$PREFIX"

node_modules/.bin/tsx scripts/cni/record.ts --prefix "$PREFIX" --work "$WORK" "$@"
