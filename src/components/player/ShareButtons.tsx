import { useEffect, useId, useRef, useState } from 'react';
import { tellEvent } from '../../core';
import type { AppState } from '../../store/appState';
import { embedCode, stepLink, useHost } from '../../store/link';
import { useAppStore, useAppStoreApi } from '../../store/StoreContext';
import { ExportMenu } from '../export/ExportMenu';
import { usePlayerStrings } from '../i18n/usePlayerStrings';
import { Icon } from './icons';

type Kind = 'link' | 'embed';

/**
 * The journey on screen as a pcapng file for Wireshark, every frame's comment the narrator's
 * detailed sentence in the UI's language; the writer loads on first use (its own chunk).
 */
async function downloadCapture(s: AppState): Promise<void> {
  const r = s.result;
  if (!r) return;
  const [{ journeyPcapng }, { downloadBytes, fileNameOf }] = await Promise.all([import('../../core/export/pcapng'), import('../library/download')]);
  const index = new Map(r.events.map((e, k) => [e, k]));
  const bytes = journeyPcapng(r.events, { startMs: Date.now(), comment: (e) => tellEvent(r, index.get(e) ?? 0, s.lang, 'detailed') });
  // Named after the kept lab when there is one (My labs), else the lab's own name; no spaces.
  const lab = s.shelf.entry?.name ?? s.topology.name;
  downloadBytes(fileNameOf(`${lab} ${r.spec.from}-${r.spec.to}`.replace(/\s+/g, '-'), '.pcapng'), bytes, 'application/x-pcapng');
}

/** How long "Copied" stays on screen. */
const CONFIRM_MS = 2500;

/**
 * "Copy link to this event" and "Copy embed code": the address of what is on screen now, or an
 * `<iframe>` of it for a slide (960×540, panels hidden, following the packet). "Copied" confirms;
 * when the browser refuses the clipboard, a small dialog holds the text, selected, to copy by hand.
 * Hidden when the page that mounts the app gives no address to link to.
 */
export function ShareButtons() {
  const t = usePlayerStrings();
  const host = useHost();
  const store = useAppStoreApi();
  const ready = useAppStore((s) => s.result !== null);
  const id = useId();
  const [copied, setCopied] = useState<Kind | null>(null);
  const [manual, setManual] = useState<{ kind: Kind; text: string } | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  useEffect(() => {
    // The fallback's text is selected at once: Ctrl+C is all that is left to do.
    if (!manual) return;
    textRef.current?.focus();
    textRef.current?.select();
  }, [manual]);

  if (host.linkBase === null) return null;

  const copy = (kind: Kind, button: HTMLButtonElement) => {
    const s = store.getState();
    const spec = s.result?.spec;
    const text = kind === 'link' ? stepLink(host, s) : spec ? embedCode(host, s, t.share.embedTitle(s.index + 1, `${spec.from} → ${spec.to}`)) : null;
    if (text === null) return;
    opener.current = button;
    setManual(null);
    const clip = host.copyText ? host.copyText(text) : Promise.reject(new Error('no clipboard'));
    clip.then(
      () => setCopied(kind),
      () => {
        setCopied(null);
        setManual({ kind, text });
      },
    );
  };
  const close = () => {
    setManual(null);
    opener.current?.focus();
  };

  return (
    <div className="share" role="group" aria-label={t.share.label}>
      <button type="button" className="ctl" aria-label={t.share.copyLink} title={t.share.copyLink} disabled={!ready} onClick={(e) => copy('link', e.currentTarget)} data-testid="copy-link">
        <Icon name="link" />
      </button>
      <button type="button" className="ctl" aria-label={t.share.copyEmbed} title={t.share.copyEmbed} disabled={!ready} onClick={(e) => copy('embed', e.currentTarget)} data-testid="copy-embed">
        <Icon name="embed" />
      </button>
      <button type="button" className="ctl" aria-label={t.share.capture} title={t.share.capture} disabled={!ready} onClick={() => void downloadCapture(store.getState())} data-testid="download-pcapng">
        <Icon name="capture" />
      </button>
      <ExportMenu />
      <span className={`share-status${copied ? ' is-shown' : ''}`} role="status" data-testid="copy-status">
        {copied === 'link' ? t.share.copiedLink : copied === 'embed' ? t.share.copiedEmbed : ''}
      </span>
      {manual && (
        <div
          className="share-manual"
          role="dialog"
          aria-labelledby={`${id}-manual-title`}
          aria-describedby={`${id}-manual-help`}
          data-testid="copy-manual"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        >
          <p className="share-manual-title" id={`${id}-manual-title`}>
            {manual.kind === 'link' ? t.share.manualLink : t.share.manualEmbed}
          </p>
          <p className="share-manual-help" id={`${id}-manual-help`}>
            {t.share.manualHelp}
          </p>
          <textarea ref={textRef} readOnly value={manual.text} rows={manual.kind === 'link' ? 3 : 5} spellCheck={false} aria-labelledby={`${id}-manual-title`} data-testid="copy-manual-text" />
          <button type="button" className="share-manual-close" onClick={close} data-testid="copy-manual-close">
            {t.share.close}
          </button>
        </div>
      )}
    </div>
  );
}
