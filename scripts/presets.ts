import { writeFileSync } from 'node:fs';
import { buildMinikubeFlannel } from '../src/core/presets/minikubeBuild';
import { buildMinikubeCilium } from '../src/core/presets/minikubeCiliumBuild';

/*
 * `npm run presets`: writes the labs the scenario catalogue keeps as data, from their builders
 * (the one path: addPod's CNI ADD, setDatapath). Run it after changing the CNI model, the datapath
 * transforms or a builder; src/core/presets/minikube.test.ts fails until the data is current.
 */
for (const [out, lab] of [['src/core/presets/minikube-flannel.lab.json', buildMinikubeFlannel()], ['src/core/presets/minikube-cilium.lab.json', buildMinikubeCilium()]] as const) {
  writeFileSync(out, `${JSON.stringify(lab, null, 1)}\n`);
  console.log(`wrote ${out}`);
}
