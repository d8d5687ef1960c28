/** @vitest-environment jsdom */
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createStore, set } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { seedTopology } from '../core';
import { writeLabFile } from '../core/model/labFile';
import { addNode } from '../core/editing';
import { App } from './App';
import { labLibrary } from './labLibrary';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

let n = 0;
/** The app with a library of its own (fake IndexedDB), as the page's main app. */
function renderApp() {
  const shelf = labLibrary(createStore(`pj-ui-${++n}`, 'labs'));
  render(<App persist={false} lang="en" labs={{ shelf }} />);
  return shelf;
}

/** A click whose render suspends (the dialog waits for the keeper): React's act must be awaited for it to go on. */
async function click(el: HTMLElement) {
  await act(async () => {
    fireEvent.click(el);
  });
}

async function openLabs() {
  await click(screen.getByRole('button', { name: 'My labs' }));
  // The dialog's code and the keeper load on this first click (in tests, transformed on the spot).
  return screen.findByRole('dialog', { name: 'My labs' }, { timeout: 10_000 });
}

describe('My labs (component)', { timeout: 30_000 }, () => {
  it('is offered only where the page keeps labs', () => {
    render(<App persist={false} />);
    expect(screen.queryByRole('button', { name: 'My labs' })).toBeNull();
  });

  it('copies a preset into My labs and opens it; renames it by keyboard; Escape in the field gives up the new name only', async () => {
    const shelf = renderApp();
    let dialog = await openLabs();
    expect(await within(dialog).findByText(/No lab kept yet/)).toBeInTheDocument();
    expect(within(dialog).getByTestId('labs-now')).toHaveTextContent('Open now: Seed lab — not kept');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy to My labs: Seed lab' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'My labs' })).toHaveFocus();
    expect((await shelf.list()).map((l) => l.name)).toEqual(['Seed lab']);

    dialog = await openLabs();
    const row = await within(dialog).findByTestId('lab-row');
    expect(row).toHaveAttribute('aria-current', 'true');
    expect(within(row).getByText('open now')).toBeInTheDocument();
    fireEvent.click(within(row).getByRole('button', { name: 'Rename Seed lab' }));
    const field = within(row).getByRole('textbox', { name: 'New name of Seed lab' });
    fireEvent.change(field, { target: { value: 'Lesson 1' } });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(within(row).getByTestId('lab-name')).toHaveTextContent('Seed lab');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Rename Seed lab' })).toHaveFocus();

    fireEvent.click(within(row).getByRole('button', { name: 'Rename Seed lab' }));
    const again = within(row).getByRole('textbox', { name: 'New name of Seed lab' });
    fireEvent.change(again, { target: { value: '   ' } });
    fireEvent.submit(again);
    expect(within(row).getByRole('alert')).toHaveTextContent('A lab needs a name.');
    fireEvent.change(again, { target: { value: 'Lesson 1' } });
    fireEvent.submit(again);
    await waitFor(() => expect(within(dialog).getByTestId('lab-name')).toHaveTextContent('Lesson 1'));
    expect(within(dialog).getByTestId('labs-now')).toHaveTextContent('Open now: Lesson 1 — kept in My labs.');
    expect((await shelf.list()).map((l) => l.name)).toEqual(['Lesson 1']);
  });

  it('duplicates, then deletes after asking, with the focus kept in the dialog', async () => {
    const shelf = renderApp();
    await shelf.create('Lesson 1', seedTopology());
    const dialog = await openLabs();
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Duplicate Lesson 1' }));
    await waitFor(() => expect(within(dialog).getAllByTestId('lab-row')).toHaveLength(2));
    expect(within(dialog).getByTestId('labs-note')).toHaveTextContent('Kept a copy: “Lesson 1 (copy)”.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete Lesson 1 (copy)' }));
    const ask = within(dialog).getByRole('group', { name: 'Delete Lesson 1 (copy)' });
    expect(ask).toHaveTextContent('Delete “Lesson 1 (copy)” for good? This cannot be undone.');
    expect(within(ask).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    fireEvent.click(within(ask).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(dialog).getAllByTestId('lab-row')).toHaveLength(1));
    expect(within(dialog).getByRole('heading', { name: 'Kept in this browser' })).toHaveFocus();
    expect((await shelf.list()).map((l) => l.name)).toEqual(['Lesson 1']);
  });

  it('imports a good file as a new lab and opens it; a bad one is refused naming the field, the lab untouched', async () => {
    const shelf = renderApp();
    const dialog = await openLabs();
    const input = within(dialog).getByTestId('lab-import-file');
    const bad = JSON.parse(writeLabFile(seedTopology())) as { machines: { name: string }[] };
    (bad.machines[0] ?? { name: '' }).name = 'no spaces allowed';
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([JSON.stringify(bad)], 'broken.json', { type: 'application/json' })] } });
    });
    const error = await within(dialog).findByRole('alert');
    expect(error).toHaveTextContent('“broken.json” was not imported; nothing was changed:');
    expect(error).toHaveTextContent('machines[0].name');
    expect(screen.getAllByText('node1').length).toBeGreaterThan(0);
    expect(await shelf.list()).toEqual([]);

    const grown = addNode(seedTopology())?.topology ?? seedTopology();
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([writeLabFile(grown)], 'Lesson 2.json')] } });
    });
    await waitFor(() => expect(within(dialog).getByTestId('labs-note')).toHaveTextContent('Imported “Lesson 2”: it is kept in My labs and open now.'));
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(document.querySelector('[data-machine="node3"]')).not.toBeNull();
    expect((await shelf.list()).map((l) => l.name)).toEqual(['Lesson 2']);
  });

  it('a damaged kept lab does not open: its problem, its raw text to download and a way to delete it', async () => {
    const store = createStore(`pj-ui-${++n}`, 'labs');
    const shelf = labLibrary(store);
    await set('lab:bad', { id: 'bad', name: 'Lesson 3', updated: 1_700_000_000_000, text: '{"version": 1, "name": "Lesson 3", "machines": [' }, store);
    render(<App persist={false} lang="en" labs={{ shelf }} />);
    const dialog = await openLabs();
    await click(await within(dialog).findByRole('button', { name: 'Open Lesson 3' }));
    const error = await within(dialog).findByRole('alert');
    expect(error).toHaveTextContent('“Lesson 3” cannot be opened:');
    expect(error).toHaveTextContent('the file is not valid JSON');
    expect(within(error).getByRole('button', { name: 'Download its text' })).toBeInTheDocument();
    expect(screen.getAllByText('node1').length).toBeGreaterThan(0);
    await click(within(error).getByRole('button', { name: 'Delete it' }));
    await waitFor(() => expect(within(dialog).queryAllByTestId('lab-row')).toHaveLength(0));
    expect(within(dialog).getByTestId('labs-note')).toHaveTextContent('Deleted “Lesson 3”.');
    expect(await shelf.list()).toEqual([]);
  });

  it('speaks Russian, dates included, and closes with the focus back on its button', async () => {
    const shelf = labLibrary(createStore(`pj-ui-${++n}`, 'labs'));
    await shelf.create('Урок 1', seedTopology());
    render(<App persist={false} lang="ru" labs={{ shelf }} />);
    await click(screen.getByRole('button', { name: 'Мои стенды' }));
    const dialog = await screen.findByRole('dialog', { name: 'Мои стенды' }, { timeout: 10_000 });
    const row = await within(dialog).findByTestId('lab-row');
    expect(within(row).getByRole('button', { name: 'Открыть Урок 1' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Дублировать Урок 1' })).toBeInTheDocument();
    const when = within(row).getByText((_, el) => el?.tagName === 'TIME');
    expect(when.textContent).toBe(new Intl.DateTimeFormat('ru', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(when.getAttribute('datetime') ?? '')));
    expect(within(dialog).getByRole('heading', { name: 'Готовые стенды (только просмотр)' })).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Закрыть' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Мои стенды' })).toHaveFocus();
  });
});
