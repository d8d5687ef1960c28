import type { KernelFixture } from '../../src/core/verify/kernelFixture';

/**
 * A fixture as JSON with one frame per line: small, reviewable diffs when a fixture is re-recorded,
 * and still plain JSON for `JSON.parse`.
 */
export function formatFixture(f: KernelFixture): string {
  const head = {
    scenario: f.scenario,
    journey: f.journey,
    kernel: f.kernel,
    recordedAt: f.recordedAt,
  };
  const lines = [JSON.stringify(head, null, 2).replace(/\n}$/, ','), '  "interfaces": {'];
  const keys = Object.keys(f.interfaces);
  keys.forEach((k, i) => {
    const frames = f.interfaces[k] ?? [];
    const comma = i < keys.length - 1 ? ',' : '';
    if (frames.length === 0) {
      lines.push(`    ${JSON.stringify(k)}: []${comma}`);
      return;
    }
    lines.push(`    ${JSON.stringify(k)}: [`);
    frames.forEach((fr, j) => lines.push(`      ${JSON.stringify(fr)}${j < frames.length - 1 ? ',' : ''}`));
    lines.push(`    ]${comma}`);
  });
  lines.push('  }', '}', '');
  return lines.join('\n');
}
