import { useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useStrings } from '../i18n/useStrings';
import { useModal } from '../useModal';
import './correction.css';

/** Props of {@link CorrectionBox} and {@link CorrectionRead}. */
export interface CorrectionProps {
  /** The chapter's number, for the title. */
  n: number;
  /** What Linux really does where the course notes simplify (the narrator's correction). */
  text: string;
}

/**
 * The yellow "notes vs. Linux" box of a chapter where the course notes simplify: open at the
 * chapter's first event (`atStart`), one click away (`<details>`) at its later ones.
 */
export function CorrectionBox({ n, text, atStart }: CorrectionProps & { atStart: boolean }) {
  const t = useStrings();
  const title = t.panels.correctionAt(n);
  return atStart ? (
    <div className="correction is-start" data-testid="correction" data-start="true">
      <p className="correction-title">{title}</p>
      <p>{text}</p>
    </div>
  ) : (
    <details className="correction is-later" data-testid="correction" data-start="false">
      <summary>{title}</summary>
      <p>{text}</p>
    </details>
  );
}

/**
 * Where the explanation sits in the caption under the drawing (a small screen, or the panels
 * hidden), a few lines high: a yellow button on its title row, always in view, that opens the
 * chapter's whole correction in a modal dialog, read at once rather than by scrolling the caption
 * (teacher review, item 6). Escape or Close shuts it and the focus goes back to the button.
 */
export function CorrectionRead({ n, text }: CorrectionProps) {
  const t = useStrings();
  const [reading, setReading] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setReading(false);
    opener.current?.focus();
  };
  const title = t.panels.correctionAt(n);
  // Out of the explanation's live region (its text is not announced again) but inside the app,
  // whose theme the dialog takes.
  const home = reading ? opener.current?.closest('.pj-app') : null;
  const reader = reading && <CorrectionReader title={title} text={text} onClose={close} />;
  return (
    <>
      <button
        ref={opener}
        type="button"
        className="correction-read"
        aria-haspopup="dialog"
        aria-label={`${title}: ${t.panels.correctionRead}`}
        title={t.panels.correctionRead}
        onClick={() => setReading(true)}
        data-testid="correction-read"
      >
        <span className="chapter-flag" aria-hidden="true">
          !
        </span>{' '}
        {title} <span aria-hidden="true">⤢</span>
      </button>
      {reader && (home ? createPortal(reader, home) : reader)}
    </>
  );
}

/** The correction in a modal dialog: its title, its whole text, a Close button. */
function CorrectionReader({ title, text, onClose }: { title: string; text: string; onClose: () => void }) {
  const t = useStrings();
  const dialog = useModal();
  const titleId = useId();
  const shut = () => {
    const d = dialog.current;
    if (d && typeof d.close === 'function') d.close();
    else onClose();
  };
  return (
    <dialog
      ref={dialog}
      className="correction-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      // The player's keys (arrows, Space, P) stay out while the text is read.
      onKeyDown={(e) => e.stopPropagation()}
      data-testid="correction-dialog"
    >
      <h2 id={titleId} className="correction-title">
        {title}
      </h2>
      <p>{text}</p>
      <button type="button" className="correction-close" onClick={shut} autoFocus>
        {t.panels.correctionClose}
      </button>
    </dialog>
  );
}
