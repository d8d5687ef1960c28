import { useAppStore } from '../store/StoreContext';
import { usePlayerStrings } from './i18n/usePlayerStrings';

/** What was wrong with how the app was opened (a link's bad parameters), until the user closes it. */
export function Notices() {
  const t = usePlayerStrings();
  const lang = useAppStore((s) => s.lang);
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert" data-testid="link-error">
      <div className="notices-text">
        <p className="notices-title">{t.notices.title}</p>
        <ul>
          {notices.map((n, k) => (
            <li key={k}>{n[lang]}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="notices-close" onClick={dismiss} aria-label={t.notices.close} title={t.notices.close} data-testid="link-error-close">
        ×
      </button>
    </div>
  );
}
