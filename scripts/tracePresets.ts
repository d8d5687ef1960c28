import { minikubeCalico, minikubeCalicoIpip, seedCalico, seedCalicoIpip, seedCalicoVxlan } from '../src/core/presets/calicoPresets';
import { minikubeFlannel } from '../src/core/presets/minikube';
import { seedCilium, seedCiliumNative, seedCiliumNativeWireguard, seedCiliumWireguard } from '../src/core/presets/ciliumScenarios';
import { minikubeCilium } from '../src/core/presets/minikubeCilium';
import { seedWeave } from '../src/core/presets/weaveScenarios';
import { seedTopology, type Topology } from '../src/core/index';
import { seedHostGw, seedVxlan } from '../src/core/presets/datapathScenarios';
import { seedCalicoStylePod1, seedWithListeners, seedWithRedirects } from '../src/core/presets/scenarios';

/**
 * The labs `npm run trace -- --preset NAME` can run, by name. A Map, so only these names are found:
 * `--preset __proto__` or `--preset toString` is an unknown preset, not an object's property.
 */
export const PRESETS: ReadonlyMap<string, () => Topology> = new Map([
  ['seed', seedTopology],
  ['seed-redirects', seedWithRedirects],
  ['seed-listeners', seedWithListeners],
  ['seed-calico-pod1', seedCalicoStylePod1],
  ['seed-vxlan', seedVxlan],
  ['seed-host-gw', seedHostGw],
  ['minikube-flannel', minikubeFlannel],
  ['seed-calico', seedCalico],
  ['seed-calico-vxlan', seedCalicoVxlan],
  ['seed-calico-ipip', seedCalicoIpip],
  ['minikube-calico', minikubeCalico],
  ['minikube-calico-ipip', minikubeCalicoIpip],
  ['seed-cilium', seedCilium],
  ['seed-cilium-native', seedCiliumNative],
  ['minikube-cilium', minikubeCilium],
  ['seed-weave', seedWeave],
  ['seed-cilium-wireguard', seedCiliumWireguard],
  ['seed-cilium-native-wireguard', seedCiliumNativeWireguard],
]);

/** The preset names in the order the usage and errors list them. */
export const PRESET_NAMES: readonly string[] = [...PRESETS.keys()];
