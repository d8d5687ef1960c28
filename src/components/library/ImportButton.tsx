import { lazy } from 'react';
import { KeeperDialogButton } from './KeeperDialogButton';
import { useStrings } from '../i18n/useStrings';

// The dialog, the import's core and the CNI model it builds with load on the first click.
const ImportDialog = lazy(() => import('../import/ImportDialog').then((m) => ({ default: m.ImportDialog })));

/** A network of three boxes with an arrow into it, after Material Design's "lan" and "input" (Apache 2.0). */
const ICON = 'M13 22h8v-7h-3v-4h-5V9h3V2H8v7h3v2H6v4H3v7h8v-7H8v-2h8v2h-3z';

/**
 * "Import a cluster" beside My labs: an icon with its name for screen readers and as a tooltip.
 * It opens the import dialog; closing it gives the focus back here. Hidden where the page keeps
 * no labs (embeds), and in windows narrower than 1100 px, where the footer's timeline needs the
 * room (My labs has the same button).
 */
export function ImportButton() {
  const t = useStrings().library;
  return (
    <KeeperDialogButton
      icon={ICON}
      label={t.importCluster}
      title={t.importClusterHelp}
      testId="import-cluster"
      className="import-anchor"
      dialog={(keeper, close, done) => <ImportDialog keeper={keeper} onClose={close} onImported={done} />}
    />
  );
}
