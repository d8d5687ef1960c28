import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES } from './cases';
import { maskRandom, replay, type Fixture, type FixtureStep, type Replayed } from './replay';

/*
 * Our plugins against Debian's reference plugins (containernetworking-plugins 1.1.1), case by
 * case, from the fixtures record.sh wrote: the same stdout (result or error JSON, byte for byte
 * once MACs and veth names are masked by order of appearance), the same exit code, and after the
 * same steps the same namespaces (links, addresses, routes, bridge ports, sysctls, nat rules) and
 * the same host-local files. Where a fixture step names a deviation (`ours`), ours answers as the
 * spec or a later fixed release does, and the fixture says why.
 */

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'cni');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);

/** The comparable text of a reference step and of ours. */
export function texts(steps: FixtureStep[], ours: Replayed[]): { ref: string[]; mine: string[] } {
  const ref: string[] = [];
  const mine: string[] = [];
  steps.forEach((s, i) => {
    const o = ours[i];
    if ('snapshot' in s) {
      ref.push(JSON.stringify(s.snapshot, null, 1));
      mine.push(o && 'snapshot' in o ? JSON.stringify(o.snapshot, null, 1) : '');
    } else if ('plugin' in s) {
      ref.push(`exit ${s.exitCode}\n${s.stdout}`);
      mine.push(o && 'stdout' in o ? `exit ${o.exitCode}\n${o.stdout}` : '');
    } else {
      ref.push('');
      mine.push('');
    }
  });
  return { ref: maskRandom(ref), mine: maskRandom(mine) };
}

describe('the CNI plugins match the reference plugins on every recorded case', () => {
  it('every case of cases.ts has its fixture, and every fixture its case', () => {
    expect(fixtures.map((f) => f.id).sort()).toEqual(CASES.map((c) => c.id).sort());
  });

  for (const fx of fixtures) {
    it(`${fx.id}: ${fx.notes}`, () => {
      const ours = replay(fx);
      const { ref, mine } = texts(fx.steps, ours);
      fx.steps.forEach((s, i) => {
        const where = `${fx.id} step ${i} (${'plugin' in s ? `${s.plugin} ${s.env.CNI_COMMAND ?? ''} ${s.env.CNI_CONTAINERID ?? ''}` : Object.keys(s)[0]})`;
        if ('plugin' in s && s.ours) {
          const o = ours[i];
          if (!o || !('stdout' in o)) throw new Error(`${where}: no output`);
          expect(o.exitCode, `${where}: ${s.ours.why}`).toBe(s.ours.exitCode);
          if (s.ours.stdout !== undefined) expect(o.stdout, where).toBe(s.ours.stdout);
          if (s.ours.code !== undefined) expect((JSON.parse(o.stdout) as { code: number }).code, where).toBe(s.ours.code);
          return;
        }
        expect(mine[i], where).toBe(ref[i]);
      });
    });
  }
});
