import { expect, type Frame, type Page } from '@playwright/test';

/** What the player shows at one step, read from the page's ARIA and data attributes. */
export interface StepView {
  step: number;
  total: number;
  /** `ns · type` of the event, e.g. `router · route`. */
  tag: string;
  explanation: string;
  packets: { kind: string; at: string; from: string }[];
  drop: string | null;
  /** Device whose tables are shown. */
  device: string | null;
  /** Text of the table rows marked as used by this step / new at this step. */
  used: string[];
  fresh: string[];
  /** Inspector fields marked as changed at this hop. */
  changed: string[];
}

/** Open the app fresh in a language, with animations off so positions are final at once. */
export async function openApp(page: Page, lang: 'en' | 'ru' = 'en'): Promise<void> {
  await page.addInitScript((l) => {
    if (!sessionStorage.getItem('pj-e2e-init')) {
      localStorage.setItem('packet-journey.lang', l);
      sessionStorage.setItem('pj-e2e-init', '1');
    }
  }, lang);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await expect(page.getByTestId('step-count')).toBeVisible();
}

/** Read the current step from the page. */
export async function readStep(page: Page): Promise<StepView> {
  return page.evaluate(() => {
    const text = (sel: string) => document.querySelector(sel)?.textContent?.trim() ?? '';
    const m = /(\d+)\D+(\d+)/.exec(text('[data-testid="step-count"]'));
    const rows = (attr: string) => [...document.querySelectorAll(`[data-testid="tables"] tr[${attr}]`)].map((r) => r.textContent?.trim() ?? '');
    return {
      step: Number(m?.[1]),
      total: Number(m?.[2]),
      tag: text('.explain .event-tag'),
      explanation: text('[data-testid="explanation"] .explain-text'),
      packets: [...document.querySelectorAll('[data-packet]')].map((g) => ({
        kind: g.getAttribute('data-packet') ?? '',
        at: g.getAttribute('data-at') ?? '',
        from: g.getAttribute('data-from') ?? '',
      })),
      drop: document.querySelector('[data-drop]')?.getAttribute('data-drop') ?? null,
      device: document.querySelector('[data-testid="tables"]')?.getAttribute('data-device') ?? null,
      used: rows('data-used'),
      fresh: rows('data-new'),
      changed: [...document.querySelectorAll('[data-changed="true"]')].map((f) => f.getAttribute('data-field') ?? ''),
    };
  });
}

/**
 * On-screen heights of the drawing's labels, one per line of text (a name and its addresses, a MAC,
 * a title): what is shown and inside the drawing's area only, smallest first.
 */
export async function labelLines(frame: Page | Frame): Promise<number[]> {
  return frame.evaluate(() => {
    const svg = document.querySelector('[data-testid="network-canvas"]');
    if (!svg) return [];
    const area = svg.getBoundingClientRect();
    const out: number[] = [];
    for (const text of svg.querySelectorAll('text')) {
      const lines = [...text.children].filter((c) => c.tagName === 'tspan' && c.hasAttribute('x'));
      for (const el of lines.length > 0 ? lines : [text]) {
        const r = el.getBoundingClientRect();
        if (r.height === 0 || getComputedStyle(el).display === 'none') continue;
        if (r.right < area.left || r.left > area.right || r.bottom < area.top || r.top > area.bottom) continue;
        out.push(r.height);
      }
    }
    return out.sort((a, b) => a - b);
  });
}
