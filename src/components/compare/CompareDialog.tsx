import { useCallback, useMemo, useState } from 'react';
import { datapathChoices, datapathKey, type DatapathKey } from '../../core/compare/choices';
import type { AppStore } from '../../store/createAppStore';
import { useAppStore, useAppStoreApi } from '../../store/StoreContext';
import { Icon } from '../player/icons';
import { CompareColumn } from './CompareColumn';
import { FiguresTable } from './FiguresTable';
import './compare.css';
import { useCompareStrings } from '../i18n/compareStrings';
import { useModal } from '../useModal';

/** Props of {@link CompareDialog}. */
export interface CompareDialogProps {
  onClose: () => void;
}

/** The mode the right side starts with: VXLAN when the lab is not in it and can take it, else the first other mode it can take, the plain bridge mode last. */
function otherMode(keys: readonly { key: DatapathKey; lab: unknown }[], current: DatapathKey): DatapathKey {
  const ok = keys.filter((c) => c.key !== current && c.lab !== null);
  // The plain bridge mode routes pod subnets only through a router outside the nodes: on a cluster
  // without one (minikube) its packet ends in "no route". It is the partner only when nothing else is.
  return (ok.find((c) => c.key === 'flannel-vxlan') ?? ok.find((c) => c.key !== 'bridge') ?? ok[0])?.key ?? current;
}

/**
 * The comparison: the journey shown in the player, its first packet under two datapath modes side
 * by side, each side a player with its own store (so each can be stepped alone), buttons that
 * drive both, and the figures that differ. "Use this mode" switches the lab itself (one undo step,
 * through the edit gate); the journey stays the same. Modal: Escape or the close button ends it.
 */
export function CompareDialog({ onClose }: CompareDialogProps) {
  const t = useCompareStrings();
  const main = useAppStoreApi();
  const topology = useAppStore((s) => s.topology);
  const spec = useAppStore((s) => s.result?.spec ?? null);
  const lang = useAppStore((s) => s.lang);
  const theme = useAppStore((s) => s.theme);
  const edit = useAppStore((s) => s.edit);
  const choices = useMemo(() => datapathChoices(topology), [topology]);
  const current = datapathKey(topology.datapath);
  const [left, setLeft] = useState<DatapathKey>(current);
  const [right, setRight] = useState<DatapathKey>(() => otherMode(choices, current));
  const [stores, setStores] = useState<{ left: AppStore | null; right: AppStore | null }>({ left: null, right: null });
  const dialog = useModal();
  const onLeft = useCallback((s: AppStore | null) => setStores((x) => ({ ...x, left: s })), []);
  const onRight = useCallback((s: AppStore | null) => setStores((x) => ({ ...x, right: s })), []);
  const both = (f: (s: AppStore) => void) => {
    if (stores.left) f(stores.left);
    if (stores.right) f(stores.right);
  };
  const use = (key: DatapathKey) => {
    const choice = choices.find((c) => c.key === key);
    const lab = choice?.lab;
    if (!lab) return;
    edit(t.modes[key], () => lab, { history: 'push' });
  };
  if (!spec) return null;
  const journey = `${spec.from} → ${spec.to}`;
  return (
    <dialog
      ref={dialog}
      className="compare-dialog"
      aria-labelledby="compare-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
      data-testid="compare"
    >
      <div className="compare-head">
        <h2 id="compare-title">{t.title(journey)}</h2>
        <button type="button" className="notices-close" onClick={onClose} aria-label={t.close} title={t.close} data-testid="compare-close">
          ×
        </button>
      </div>
      <div className="compare-both" role="group" aria-label={t.both}>
        <button type="button" onClick={() => both((s) => s.getState().play())} data-testid="compare-play">
          <Icon name="play" /> {t.playBoth}
        </button>
        <button type="button" onClick={() => both((s) => s.getState().pause())}>
          <Icon name="pause" /> {t.pauseBoth}
        </button>
        <button type="button" onClick={() => both((s) => s.getState().next())} data-testid="compare-next">
          <Icon name="next" /> {t.nextBoth}
        </button>
        <button type="button" onClick={() => both((s) => s.getState().first())}>
          <Icon name="first" /> {t.resetBoth}
        </button>
      </div>
      <div className="compare-columns">
        <CompareColumn side="left" choices={choices} value={left} current={current} onChange={setLeft} spec={spec} lang={lang} theme={theme} onStore={onLeft} onUse={() => use(left)} />
        <CompareColumn side="right" choices={choices} value={right} current={current} onChange={setRight} spec={spec} lang={lang} theme={theme} onStore={onRight} onUse={() => use(right)} />
      </div>
      <FiguresTable left={stores.left} right={stores.right} heads={[t.modes[left], t.modes[right]]} lang={lang} standIn={main} />
    </dialog>
  );
}
