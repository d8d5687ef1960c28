import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useStrings } from './i18n/useStrings';

/**
 * "About this lab": a note a teacher can open to say what the simulated lab leaves out or
 * simplifies (README, "What is modelled"), so nobody takes a simplification for Linux. Escape or
 * Close shuts it and gives the focus back to its button.
 */
export function AboutLab() {
  const t = useStrings().anySize.about;
  const id = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  // Escape closes it from its button as well as from inside it.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    close();
  };
  return (
    <div className="about" onKeyDown={open ? onKeyDown : undefined}>
      {/* An icon with its name for screen readers and as a tooltip: the header's first row keeps room for the scenario picker. */}
      <button ref={button} type="button" className="about-btn" aria-expanded={open} aria-controls={`${id}-about`} onClick={() => setOpen(!open)} data-testid="about" title={t.title}>
        <span aria-hidden="true" className="about-i">i</span>
        <span className="sr-only">{t.title}</span>
      </button>
      <div id={`${id}-about`} className="about-popover" role="region" aria-labelledby={`${id}-about-title`} hidden={!open} data-testid="about-note">
        <h2 id={`${id}-about-title`} className="about-title">
          {t.title}
        </h2>
        <p>{t.intro}</p>
        <ul>
          {t.items.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
        <button type="button" className="link-button" onClick={close} data-testid="about-close">
          {t.close}
        </button>
      </div>
    </div>
  );
}
