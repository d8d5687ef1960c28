/**
 * The per-scenario PASS/FAIL table of `npm run verify:kernel`, from the recorder's status file and
 * vitest's JSON report. Exit code 0 only if every recorded scenario passed and the unit tests too.
 *   tsx scripts/kernel/summary.ts <status.json> <vitest.json>
 */
import { existsSync, readFileSync } from 'node:fs';
import type { RecordStatus } from './record';

interface VitestAssertion {
  title: string;
  ancestorTitles: string[];
  status: string;
  failureMessages: string[];
}
interface VitestReport {
  testResults: { name: string; status: string; message?: string; assertionResults: VitestAssertion[] }[];
}

const [statusFile, reportFile] = process.argv.slice(2);
if (!statusFile || !reportFile) throw new Error('usage: summary.ts <status.json> <vitest.json>');
const statuses = JSON.parse(readFileSync(statusFile, 'utf8')) as Record<string, RecordStatus>;
const report: VitestReport = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as VitestReport) : { testResults: [] };

const fixtureFile = report.testResults.find((r) => r.name.endsWith('kernelFixtures.test.ts'));
const byScenario = new Map((fixtureFile?.assertionResults ?? []).map((a) => [a.title, a]));
let ok = true;
for (const [id, rec] of Object.entries(statuses)) {
  const test = byScenario.get(id);
  let verdict: string;
  if (rec.status === 'error') verdict = `FAIL  ${id}: not recorded: ${rec.detail.split('\n')[0]}`;
  else if (rec.status === 'unstable') verdict = `FAIL  ${id}: kernel traces differ between runs (see above)`;
  else if (!test) verdict = `FAIL  ${id}: no engine test ran for it${fixtureFile?.message ? ` (${fixtureFile.message.split('\n')[0]})` : ''}`;
  else if (test.status !== 'passed') verdict = `FAIL  ${id}: engine differs from the kernel: ${(test.failureMessages[0] ?? '').split('\n')[0]}`;
  else verdict = `PASS  ${id}`;
  if (!verdict.startsWith('PASS')) ok = false;
  console.log(verdict);
}
// Scenarios checked against a fixture that this run did not record (--only, or a scenario added
// meanwhile): a failing one is still a difference between the engine and the kernel.
for (const [id, test] of byScenario) {
  if (statuses[id]) continue;
  const why = test.status === 'passed' ? '' : `: ${(test.failureMessages[0] ?? '').split('\n')[0]}`;
  if (test.status !== 'passed') ok = false;
  console.log(`${test.status === 'passed' ? 'PASS' : 'FAIL'}  ${id} (fixture not recorded in this run)${why}`);
}
const unit = report.testResults.filter((r) => !r.name.endsWith('kernelFixtures.test.ts'));
const unitFailed = unit.flatMap((r) => r.assertionResults.filter((a) => a.status === 'failed').map((a) => a.title));
if (unit.length === 0 || unitFailed.length > 0 || unit.some((r) => r.status === 'failed')) {
  ok = false;
  console.log(`FAIL  compareTraces unit tests${unitFailed.length ? `: ${unitFailed.join('; ')}` : ' did not run'}`);
}
process.exit(ok ? 0 : 1);
