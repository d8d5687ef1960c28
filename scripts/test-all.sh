#!/usr/bin/env bash
# Runs every test: types, lint, unit/property/kernel-fixture tests (Vitest), the production build,
# and the browser tests (Playwright in Debian's Chromium). Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Chromium is missing: installing Debian's chromium (about a minute)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null
  fi
  if [ ! -x "$CHROMIUM" ]; then
    echo "Chromium not found at $CHROMIUM. Install it: sudo apt-get install -y chromium (or set CHROMIUM_PATH)."
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

mkdir -p reports
rm -f reports/vitest.json reports/pw.json
checks_passed=0
checks_failed=0
step() {
  local name=$1; shift
  local start=$SECONDS
  echo "::: $name"
  if "$@"; then
    checks_passed=$((checks_passed + 1)); echo "::: $name ok ($((SECONDS - start)) s)"
  else
    checks_failed=$((checks_failed + 1)); echo "::: $name FAILED ($((SECONDS - start)) s)"
  fi
}

step "typecheck (app and pure core)" npm run --silent typecheck
step "lint (zero warnings)" npm run --silent lint
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
step "production build" npx vite build --logLevel warn
pw_rc=0
if ls e2e/*.spec.ts >/dev/null 2>&1; then
  PLAYWRIGHT_JSON_OUTPUT_NAME=reports/pw.json npx playwright test --reporter=list,json
  pw_rc=$?
fi

node -e '
const fs = require("fs");
const read = (f) => { try { return JSON.parse(fs.readFileSync(f, "utf8")); } catch { return null; } };
const v = read("reports/vitest.json");
const p = read("reports/pw.json");
let passed = Number(process.argv[1]), failed = Number(process.argv[2]);
// A test file that fails to load has no failing test of its own: count it as one failure.
if (v) {
  const brokenFiles = v.testResults.filter((r) => r.status === "failed" && !r.assertionResults.some((a) => a.status === "failed")).length;
  passed += v.numPassedTests;
  failed += v.numFailedTests + brokenFiles;
} else failed += 1;
const hasE2e = fs.readdirSync("e2e").some((f) => f.endsWith(".spec.ts"));
if (p) {
  passed += p.stats.expected;
  failed += p.stats.unexpected + p.stats.flaky;
  // Playwright that could not run (the port of its web server taken, a config error) reports no test at
  // all, with errors of its own and a failing exit code: that is a failure, never a pass.
  const pwRc = Number(process.argv[3]);
  if ((p.errors ?? []).length > 0 || (pwRc !== 0 && p.stats.unexpected + p.stats.flaky === 0)) failed += 1;
} else if (hasE2e) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
' "$checks_passed" "$checks_failed" "$pw_rc"
