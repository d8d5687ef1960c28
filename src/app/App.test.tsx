/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App, URL_WRITE_MS } from './App';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** Two independent players side by side, as two embeds on one slide. */
function renderTwoApps(): { a: HTMLElement; b: HTMLElement; container: HTMLElement } {
  const { container } = render(
    <>
      <App persist={false} />
      <App persist={false} />
    </>,
  );
  const [a, b] = screen.getAllByTestId('app');
  if (!a || !b) throw new Error('two apps expected');
  return { a, b, container };
}

describe('two apps on one page', () => {
  it('keep separate playheads, languages and journeys', () => {
    const { a, b } = renderTwoApps();
    const A = within(a);
    const B = within(b);
    expect(A.getByTestId('step-count').textContent).toBe(B.getByTestId('step-count').textContent);

    fireEvent.click(A.getByRole('button', { name: 'Next event' }));
    fireEvent.click(A.getByRole('button', { name: 'Next event' }));
    expect(A.getByTestId('step-count').textContent).toMatch(/^Event 3 of \d+$/);
    expect(B.getByTestId('step-count').textContent).toMatch(/^Event 1 of \d+$/);

    fireEvent.click(B.getByTestId('lang-ru'));
    expect(B.getByTestId('next').getAttribute('aria-label')).toBe('Следующее событие');
    expect(A.getByTestId('next').getAttribute('aria-label')).toBe('Next event');

    const total = (el: HTMLElement) => Number(/(\d+)$/.exec(el.textContent ?? '')?.[1]);
    const before = total(A.getByTestId('step-count'));
    fireEvent.change(B.getByTestId('ttl'), { target: { value: '1' } });
    fireEvent.keyDown(B.getByTestId('ttl'), { key: 'Enter' });
    // TTL 1 dies at the first router: a much shorter journey, in B only.
    expect(total(B.getByTestId('step-count'))).toBeLessThan(before);
    expect(B.getByTestId('step-count').textContent).toMatch(/^Событие 1 из \d+$/);
    expect(total(A.getByTestId('step-count'))).toBe(before);
    expect(A.getByTestId('step-count').textContent).toMatch(/^Event 3 of \d+$/);
  });

  it('pick scenarios independently: one app’s lab changes, the other’s stays', () => {
    const { a, b } = renderTwoApps();
    const A = within(a);
    const B = within(b);
    const picker = A.getByRole('combobox', { name: 'Scenario' });
    expect((picker as HTMLSelectElement).value).toBe('cold-ping-pod1-pod3');
    fireEvent.change(picker, { target: { value: 'tcp-handshake-listener' } });
    expect((A.getByTestId('proto') as HTMLSelectElement).value).toBe('tcp');
    expect(A.getByTestId('step-count').textContent).toMatch(/^Event 1 of \d+$/);
    expect(a.querySelector('[data-listeners="pod3"]')?.textContent).toBe('tcp/80 udp/53');
    expect(a.querySelector('g[data-pin="pod3"]')?.getAttribute('aria-label')).toContain('Listens on tcp/80, udp/53.');
    expect(b.querySelector('[data-listeners]')).toBeNull();
    expect((B.getByTestId('proto') as HTMLSelectElement).value).toBe('icmp');
  });

  it('share no element id, so labels and tabs point inside their own app', () => {
    const { container } = renderTwoApps();
    const ids = [...container.querySelectorAll('[id]')].map((e) => e.id);
    expect(ids.length).toBeGreaterThan(4);
    expect(new Set(ids).size).toBe(ids.length);
    for (const el of container.querySelectorAll('[aria-labelledby]')) {
      const target = el.getAttribute('aria-labelledby') ?? '';
      expect(el.closest('[data-testid="app"]')?.querySelector(`[id="${target}"]`)).not.toBeNull();
    }
  });

  it('keys step only the app that has focus', () => {
    const { a, b } = renderTwoApps();
    const canvas = within(b).getByTestId('network-canvas');
    fireEvent.keyDown(canvas, { key: 'ArrowRight' });
    expect(within(b).getByTestId('step-count').textContent).toMatch(/^Event 2 of/);
    expect(within(a).getByTestId('step-count').textContent).toMatch(/^Event 1 of/);
  });
});

describe('the journey form', () => {
  it('typing "1000" runs no journey until Enter, and then keeps the journey from before the edit', async () => {
    const { fakeEngine } = await import('../store/testing/fakeEngine');
    const engine = fakeEngine();
    render(<App persist={false} lang="en" engine={engine} />);
    const count = screen.getByTestId('count');
    const form = count.closest('form');
    for (const v of ['1', '10', '100', '1000']) fireEvent.change(count, { target: { value: v } });
    expect(engine.runs).toHaveLength(1);
    expect(form?.getAttribute('data-runs')).toBe('1');
    expect(screen.queryByTestId('form-error')).toBeNull();
    fireEvent.keyDown(count, { key: 'Enter' });
    expect(engine.runs).toHaveLength(1);
    expect(screen.getByTestId('form-error').textContent).toContain('Packets “1000” must be a whole number from 1 to 10.');
    expect(count.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(count, { target: { value: '3' } });
    fireEvent.blur(count);
    expect(engine.runs.map((r) => r.count)).toEqual([1, 3]);
    expect(form?.getAttribute('data-runs')).toBe('2');
    expect(screen.queryByTestId('form-error')).toBeNull();
  });

  it('offers an empty IP field without an error, and puts the cursor in it', () => {
    render(<App persist={false} lang="en" />);
    fireEvent.change(screen.getByTestId('to'), { target: { value: '' } });
    const ip = screen.getByTestId('to-ip');
    expect(document.activeElement).toBe(ip);
    expect(screen.queryByTestId('form-error')).toBeNull();
    expect(ip.getAttribute('aria-invalid')).toBeNull();
    fireEvent.blur(ip);
    expect(screen.getByTestId('form-error').textContent).toContain('To: the IP address is empty');
  });
});

describe('the address bar', () => {
  it('follows the main app only: the event and the journey, a moment after they change', async () => {
    window.history.replaceState(null, '', '/?lang=en');
    render(
      <>
        <App persist={false} lang="en" syncUrl />
        <App persist={false} lang="ru" />
      </>,
    );
    const [a, b] = screen.getAllByTestId('app');
    if (!a || !b) throw new Error('two apps expected');
    expect(window.location.search).toBe('?from=pod1&to=pod3&proto=icmp&count=1&ttl=64&warm=0&lang=en&theme=light&step=1');
    fireEvent.click(within(a).getByTestId('next'));
    fireEvent.click(within(a).getByTestId('next'));
    // The other app never writes the address.
    fireEvent.click(within(b).getByTestId('last'));
    fireEvent.change(within(b).getByTestId('ttl'), { target: { value: '3' } });
    fireEvent.blur(within(b).getByTestId('ttl'));
    await new Promise((r) => setTimeout(r, URL_WRITE_MS + 50));
    expect(window.location.search).toBe('?from=pod1&to=pod3&proto=icmp&count=1&ttl=64&warm=0&lang=en&theme=light&step=3');
    fireEvent.click(within(a).getByTestId('lang-ru'));
    await new Promise((r) => setTimeout(r, URL_WRITE_MS + 50));
    expect(window.location.search).toContain('&lang=ru&');
  });
});

describe('copy link and embed code', () => {
  it('are hidden when the page gives no address to link to', () => {
    render(<App persist={false} lang="en" />);
    expect(screen.queryByTestId('copy-link')).toBeNull();
  });

  it('offer the text, selected, in a small dialog when the clipboard is refused, in the app’s language', async () => {
    render(<App persist={false} lang="ru" linkBase="https://example.org/pj/" />);
    fireEvent.click(screen.getByTestId('next'));
    fireEvent.click(screen.getByRole('button', { name: 'Скопировать ссылку на это событие' }));
    const text = await screen.findByTestId('copy-manual-text');
    expect((text as HTMLTextAreaElement).value).toBe('https://example.org/pj/?from=pod1&to=pod3&proto=icmp&count=1&ttl=64&warm=0&lang=ru&theme=light&step=2');
    expect(document.activeElement).toBe(text);
    expect(screen.getByRole('dialog', { name: 'Скопируйте ссылку' })).toBeTruthy();
    fireEvent.keyDown(text, { key: 'Escape' });
    expect(screen.queryByTestId('copy-manual')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('copy-link'));
    fireEvent.click(screen.getByTestId('copy-embed'));
    const code = ((await screen.findByTestId('copy-manual-text')) as HTMLTextAreaElement).value;
    expect(code).toMatch(/^<iframe src="https:\/\/example\.org\/pj\/embed\.html\?from=pod1&amp;.*&amp;step=2" width="960" height="540" title="Путь пакета: pod1 → pod3, событие 2"/);
  });
});

describe('a journey the engine refuses', () => {
  it('opens the default journey instead and says why, in the current language', async () => {
    const { fakeEngine } = await import('../store/testing/fakeEngine');
    render(<App persist={false} lang="ru" engine={fakeEngine()} spec={{ from: 'pod1', to: '10.99.99.99' }} linkErrors={[{ en: 'first', ru: 'первая' }]} />);
    const banner = screen.getByTestId('link-error');
    expect(banner.textContent).toContain('первая');
    expect(banner.textContent).toContain('Симулятор отклонил этот путь: фейк отказал нарочно Вместо него показан путь pod1 → pod3.');
    expect(screen.getByTestId('step-count').textContent).toMatch(/^Событие 1 из [1-9]\d*$/);
  });
});

describe('useAppStore', () => {
  it('throws outside a provider', async () => {
    const { useAppStore } = await import('../store/StoreContext');
    function Orphan() {
      useAppStore((s) => s.index);
      return null;
    }
    expect(() => render(<Orphan />)).toThrow(/inside <AppStoreProvider>/);
  });
});
