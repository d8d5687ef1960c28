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
stale="$(ip netns list | awk -v p="$PREFIX" 'index($1, p) == 1 { print $1 }' | tr '\n' ' ')"
if [ -n "$stale" ]; then
  echo "cni record: refusing to start: namespace(s) $stale already exist" >&2
  exit 2
fi
WORK="$(mktemp -d -t pjcni-XXXXXX)"

cleanup() {
  local ns pid
  for ns in $(ip netns list 2>/dev/null | awk -v p="$PREFIX" 'index($1, p) == 1 { print $1 }'); do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "cni record: interrupted; cleaning up" >&2; exit 130' INT
trap 'exit 143' TERM

node_modules/.bin/tsx scripts/cni/record.ts --prefix "$PREFIX" --work "$WORK" "$@"
