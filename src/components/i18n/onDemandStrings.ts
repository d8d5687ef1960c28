/*
 * The first page's few texts of the features that load on demand (the editor, My labs, the cluster
 * import, the terminal, the compare view): their buttons, and what the page says of them before
 * they load.
 * The rest of each feature's texts loads with it (`editorStrings.ts`, `libraryStrings.ts`,
 * `terminalStrings.ts`, `compareStrings.ts`, each read through its own hook); `strings.ts` spreads
 * these into `STRINGS`, under the feature's name.
 */

/** English. */
export const ON_DEMAND_EN = {
  editor: {
    mode: 'Edit',
    modeHelp: 'Edit the lab: add, move and delete machines and pods',
    selectHelp: 'Enter selects it; then arrows move it and Delete removes it.',
  },
  library: {
    button: 'My labs',
    buttonHelp: 'My labs: keep, open, import and export labs',
    seedLab: 'Seed lab',
    /** The name a lab's first edit keeps it under, so it never reads like the read-only preset it came from. */
    edited: (title: string) => `${title} (edited)`,
    importCluster: 'Import a cluster…',
    importClusterHelp: 'Build a lab from your cluster: paste what kubectl, minikube and ip -j print',
  },
  terminal: {
    button: 'Terminal',
    buttonHelp: (cluster: string) => `A terminal on the ${cluster} cluster: kubectl and minikube as in the notes`,
  },
  compare: {
    button: 'Compare modes',
    buttonHelp: 'Play this packet under two datapath modes side by side: routed, Flannel, Calico, Cilium',
  },
};
