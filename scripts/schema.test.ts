import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { topologyJsonSchema } from '../src/core/model/labFile';

describe('public/topology.schema.json', () => {
  it('is the schema the app validates with (run `npm run schema` after changing src/core/model/schema.ts)', () => {
    const published = JSON.parse(readFileSync(new URL('../public/topology.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(published).toEqual(topologyJsonSchema());
  });
});
