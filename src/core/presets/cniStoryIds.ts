/*
 * The CNI scenarios' ids, alone in a module without imports: the scenario picker and the link
 * parser (first page) list them, while the stories themselves (cniStories.ts, which runs the CNI
 * core) load only when one is opened.
 */

/** The CNI scenarios, in the order the picker lists them. */
export const CNI_STORY_IDS = ['cni-add-first-pod', 'cni-add-second-pod', 'cni-del', 'cni-del-netns-gone', 'cni-check-fails'] as const;

/** A CNI scenario's id. */
export type CniStoryId = (typeof CNI_STORY_IDS)[number];

/** Whether `id` names a CNI scenario. */
export function isCniStoryId(id: string): id is CniStoryId {
  return (CNI_STORY_IDS as readonly string[]).includes(id);
}
