import { lazy } from 'react';
import { KeeperDialogButton } from './KeeperDialogButton';
import { useStrings } from '../i18n/useStrings';
import './library.css';

// The dialog and the keeper load on the first click: the player's first page stays small.
const LabsDialog = lazy(() => import('./LabsDialog').then((m) => ({ default: m.LabsDialog })));

/** A folder, after Material Design's "folder_open" (Apache 2.0). */
const FOLDER = 'M20 6h-8l-2-2H4c-1.1 0-1.99.9-1.99 2L2 18c0 1.1.9 2 2 2h16c1.1 0 2-.9 2-2V8c0-1.1-.9-2-2-2zm0 12H4V8h16v10z';

/**
 * "My labs" beside the link buttons under the drawing: an icon with its name for screen readers and
 * as a tooltip (the header's one row at 1280×720 has no room left). It opens the library dialog;
 * closing it gives the focus back here. Hidden where the page keeps no labs (embeds).
 */
export function LabsButton() {
  const t = useStrings().library;
  return <KeeperDialogButton icon={FOLDER} label={t.button} title={t.buttonHelp} testId="my-labs" dialog={(keeper, close) => <LabsDialog keeper={keeper} onClose={close} />} />;
}
