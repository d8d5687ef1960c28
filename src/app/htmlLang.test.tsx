/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('the page\'s language attribute', () => {
  it('is written when the language changes, not at every change of the app (it restyles the whole page)', async () => {
    render(<App persist={false} globalKeys />);
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    const writes: string[] = [];
    const observer = new MutationObserver((list) => list.forEach((m) => writes.push(m.attributeName ?? '')));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    for (let k = 0; k < 3; k++) fireEvent.click(screen.getByRole('button', { name: 'Next event' }));
    await Promise.resolve();
    expect(writes).toEqual([]);
    fireEvent.click(screen.getByTestId('lang-ru'));
    await Promise.resolve();
    expect(writes).toEqual(['lang']);
    expect(document.documentElement.getAttribute('lang')).toBe('ru');
    observer.disconnect();
  });
});
