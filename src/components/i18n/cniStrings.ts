import type { CniStoryId } from '../../core/presets/cniStoryIds';

/**
 * The CNI stories' names (issue 10, point 3): the scenario picker's CNI group and titles, on the
 * first page. `strings.ts` holds them as `cni`; the story panel's own texts load with it
 * (`components/cni/cniPanelStrings.ts`).
 */
export const CNI_EN = {
  group: 'CNI: how a pod gets its network',
  titles: {
    'cni-add-first-pod': 'Pod creation on a fresh node (cni0 created)',
    'cni-add-second-pod': 'Second pod (cni0 exists; host-local’s next address)',
    'cni-del': 'Pod deletion (DEL)',
    'cni-del-netns-gone': 'DEL when the namespace is already gone',
    'cni-check-fails': 'CHECK that fails (an address removed by hand)',
  } satisfies Record<CniStoryId, string>,
};
