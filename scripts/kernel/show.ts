/**
 * Prints kernel fixtures as tcpdump-like lines, interface by interface, for review:
 *   npx tsx scripts/kernel/show.ts fixtures/kernel/cold-ping-pod1-pod3.json [...]
 */
import { readFileSync } from 'node:fs';
import { describeFrame } from '../../src/core/verify/describeFrame';
import type { KernelFixture } from '../../src/core/verify/kernelFixture';

for (const file of process.argv.slice(2)) {
  const f = JSON.parse(readFileSync(file, 'utf8')) as KernelFixture;
  console.log(`== ${f.scenario} ${JSON.stringify(f.journey)} (kernel ${f.kernel}, ${f.recordedAt})`);
  for (const [key, frames] of Object.entries(f.interfaces)) {
    console.log(`-- ${key} (${frames.length})`);
    frames.forEach((fr, i) => console.log(`  #${i} ${describeFrame(fr)}`));
  }
}
