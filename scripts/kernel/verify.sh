#!/usr/bin/env bash
# npm run verify:kernel [-- --only id1,id2] [-- --record-only] [-- --runs N]
#
# Runs every reference scenario (src/core/presets/scenarios.ts) on the real Linux kernel in network
# namespaces, records what each interface saw into fixtures/kernel/<id>.json, then checks the engine
# against those traces (vitest src/core/verify) and prints PASS/FAIL per scenario.
#
# Safety: everything happens in namespaces named pjk<this pid>-*, created here and deleted by the
# EXIT trap below (processes inside them killed by PID first), also after a failure or Ctrl-C.
# Nothing is created in, or connected to, the root namespace.
set -euo pipefail

cd "$(dirname "$0")/../.."

usage() { echo "usage: npm run verify:kernel -- [--only id1,id2] [--record-only] [--runs N]" >&2; }

ONLY=""
RECORD_ONLY=0
RUNS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --only) ONLY="${2:?--only needs a comma-separated list of scenario ids}"; shift 2 ;;
    --only=*) ONLY="${1#--only=}"; shift ;;
    --record-only) RECORD_ONLY=1; shift ;;
    --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
    --runs=*) RUNS="${1#--runs=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "verify:kernel: unknown argument $1" >&2; usage; exit 2 ;;
  esac
done

if [ "$(id -u)" -ne 0 ]; then
  echo "verify:kernel: needs root (network namespaces, tcpdump); run it as root" >&2
  exit 2
fi
missing=()
for tool in ip tcpdump ping sysctl timeout; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "verify:kernel: missing tool(s): ${missing[*]} (Debian: apt-get install iproute2 tcpdump iputils-ping procps coreutils)" >&2
  exit 2
fi
if ! ip netns list >/dev/null 2>&1; then
  echo "verify:kernel: 'ip netns' does not work here (no network namespace support?)" >&2
  exit 2
fi

PREFIX="pjk$$-"
# shellcheck source=scripts/netnsSandbox.sh
. scripts/netnsSandbox.sh  # the repository root is the working directory (cd above)
netns_sandbox "verify:kernel" "$PREFIX"

BIN=node_modules/.bin
started=$SECONDS

record_args=(--prefix "$PREFIX" --runs "$RUNS" --status "$WORK/status.json")
[ -n "$ONLY" ] && record_args+=(--only "$ONLY")
record_rc=0
"$BIN/tsx" scripts/kernel/record.ts "${record_args[@]}" || record_rc=$?

if [ "$RECORD_ONLY" -eq 1 ]; then
  echo "verify:kernel: recorded in $((SECONDS - started)) s (--record-only: engine not checked)"
  exit "$record_rc"
fi
[ -f "$WORK/status.json" ] || { echo "verify:kernel: recording failed before any scenario ran" >&2; exit 1; }

echo
echo "== checking the engine against the kernel traces (vitest src/core/verify)"
"$BIN/vitest" run src/core/verify --reporter=default --reporter=json --outputFile.json="$WORK/vitest.json" || true

echo
summary_rc=0
"$BIN/tsx" scripts/kernel/summary.ts "$WORK/status.json" "$WORK/vitest.json" || summary_rc=$?
echo "verify:kernel: done in $((SECONDS - started)) s"
exit "$summary_rc"
