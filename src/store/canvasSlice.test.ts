import { describe, expect, it } from 'vitest';
import { seedTopology } from '../core';
import { arrangementKey } from '../geometry/layout';
import { createAppStore } from './createAppStore';
import { selectTablesNs } from './selectors';
import { fakeEngine } from './testing/fakeEngine';

function store(panels?: boolean) {
  return createAppStore({ engine: fakeEngine(), topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' }, ...(panels !== undefined ? { panels } : {}) });
}

describe('pinning a namespace from the drawing', () => {
  it('shows its tables instead of the event’s, until unpinned; a second toggle unpins', () => {
    const s = store();
    expect(selectTablesNs(s.getState())).toBe('pod1');
    s.getState().togglePin('router');
    expect(s.getState().pinnedNs).toBe('router');
    expect(selectTablesNs(s.getState())).toBe('router');
    s.getState().next();
    expect(selectTablesNs(s.getState())).toBe('router');
    s.getState().togglePin('router');
    expect(s.getState().pinnedNs).toBeNull();
    expect(selectTablesNs(s.getState())).toBe('pod1');
    s.getState().togglePin('pod3');
    s.getState().togglePin('node2');
    expect(s.getState().pinnedNs).toBe('node2');
    s.getState().unpin();
    expect(s.getState().pinnedNs).toBeNull();
  });

  it('opens the panels on the tables tab, and that counts as a choice', () => {
    const s = store();
    s.getState().setSideTab('log');
    s.getState().fitPanels(false);
    expect(s.getState().panels).toBe(false);
    s.getState().togglePin('router');
    expect(s.getState().panels).toBe(true);
    expect(s.getState().sideTab).toBe('tables');
    s.getState().fitPanels(false);
    expect(s.getState().panels).toBe(true);
  });
});

describe('panels by screen size', () => {
  it('follow the screen until someone chooses (the Panels button, P, or a link)', () => {
    const s = store();
    s.getState().fitPanels(false);
    expect(s.getState().panels).toBe(false);
    s.getState().fitPanels(true);
    expect(s.getState().panels).toBe(true);
    s.getState().setPanels(false);
    s.getState().fitPanels(true);
    expect(s.getState().panels).toBe(false);
    const linked = store(true);
    linked.getState().fitPanels(false);
    expect(linked.getState().panels).toBe(true);
  });
});

describe('the stage', () => {
  it('re-arranges the machines for the canvas’s shape, and keeps the layout object while the arrangement stays', () => {
    const s = store();
    expect(arrangementKey(s.getState().layout.arrangement)).toBe('rows:3');
    s.getState().setStage(950, 300);
    const wide = s.getState().layout;
    expect(arrangementKey(wide.arrangement)).toBe('rows:3');
    s.getState().setStage(940, 300);
    expect(s.getState().layout).toBe(wide);
    s.getState().setStage(860, 400);
    expect(arrangementKey(s.getState().layout.arrangement)).toBe('facing:router');
    expect(s.getState().stage).toEqual({ w: 860, h: 400 });
  });
});
