# Sourced by the root-run recorders (scripts/kernel/verify.sh, scripts/cni/record.sh): the
# throwaway-namespace sandbox they share. `netns_sandbox TOOL PREFIX` refuses to start when
# namespaces with PREFIX already exist (a crashed run with the same PID: the trap must only ever
# delete namespaces this run created), makes a work directory in $WORK, and on exit (a failure or
# an interrupt included) kills what runs in each PREFIX namespace, deletes them and the directory.
# Nothing is ever created in, or connected to, the root namespace.

netns_sandbox() {
  local tool=$1
  SANDBOX_PREFIX=$2
  local stale
  stale="$(ip netns list | awk -v p="$SANDBOX_PREFIX" 'index($1, p) == 1 { print $1 }' | tr '\n' ' ')"
  if [ -n "$stale" ]; then
    echo "$tool: refusing to start: namespace(s) $stale already exist (delete them with ip netns del)" >&2
    exit 2
  fi
  WORK="$(mktemp -d -t "${SANDBOX_PREFIX}XXXXXX")"
  trap netns_sandbox_cleanup EXIT
  # shellcheck disable=SC2064 # the tool's name is fixed now
  trap "echo '$tool: interrupted; cleaning up' >&2; exit 130" INT
  trap 'exit 143' TERM
}

netns_sandbox_cleanup() {
  local ns pid
  for ns in $(ip netns list 2>/dev/null | awk -v p="$SANDBOX_PREFIX" 'index($1, p) == 1 { print $1 }'); do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
