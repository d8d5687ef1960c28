/**
 * `npm run schema`: writes public/topology.schema.json, the lab file's JSON Schema, from the zod
 * schema the app validates with (src/core/model/labFile.ts). The built app serves it beside the
 * page; `labFile.test.ts` fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { topologyJsonSchema } from '../src/core/model/labFile';

writeFileSync(new URL('../public/topology.schema.json', import.meta.url), `${JSON.stringify(topologyJsonSchema(), null, 2)}\n`);
