import { writeFileSync } from 'node:fs';
import { buildMinikubeCalico, buildSeedCalico } from '../src/core/presets/calicoBuild';
import { buildMinikubeFlannel } from '../src/core/presets/minikubeBuild';
import { buildMinikubeCilium } from '../src/core/presets/minikubeCiliumBuild';
import { buildSeedWeave } from '../src/core/presets/weaveBuild';
import type { Topology } from '../src/core/index';
import { indexOfScenarios, titlesOfScenarios } from '../src/core/presets/scenarioIndex';
import { SCENARIOS } from '../src/core/presets/scenarios';
import { LANGS } from '../src/core/i18n/lang';

/*
 * `npm run presets`: writes the labs the scenario catalogue keeps as data, from their builders
 * (the one path: addPod's CNI ADD, setDatapath). Run it after changing the CNI model, the datapath
 * transforms or a builder; src/core/presets/minikube.test.ts and calicoPresets.test.ts fail until
 * the data is current. It also writes the scenarios' index (ids, titles, lab names, journeys) the
 * app's first page lists without loading the catalogue (scenarioIndex.test.ts checks it).
 */
const labs: [string, () => Topology][] = [
  ['src/core/presets/minikube-flannel.lab.json', buildMinikubeFlannel],
  ['src/core/presets/seed-calico.lab.json', () => buildSeedCalico('none')],
  ['src/core/presets/seed-calico-vxlan.lab.json', () => buildSeedCalico('vxlan')],
  ['src/core/presets/seed-calico-ipip.lab.json', () => buildSeedCalico('ipip')],
  ['src/core/presets/minikube-calico.lab.json', buildMinikubeCalico],
  ['src/core/presets/minikube-cilium.lab.json', buildMinikubeCilium],
  ['src/core/presets/seed-weave.lab.json', buildSeedWeave],
];
for (const [out, build] of labs) {
  writeFileSync(out, `${JSON.stringify(build(), null, 1)}\n`);
  console.log(`wrote ${out}`);
}
const INDEX = 'src/core/presets/scenario-index.json';
writeFileSync(INDEX, `${JSON.stringify(indexOfScenarios(SCENARIOS), null, 1)}\n`);
console.log(`wrote ${INDEX}`);
// The titles, one file per language: a page loads its own language's (core/presets/scenarioTitles.ts).
for (const lang of LANGS) {
  const out = `src/core/presets/scenario-titles.${lang}.json`;
  writeFileSync(out, `${JSON.stringify(titlesOfScenarios(SCENARIOS, lang), null, 1)}\n`);
  console.log(`wrote ${out}`);
}
