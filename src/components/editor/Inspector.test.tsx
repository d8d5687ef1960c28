/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { runJourney, seedTopology, stateAt } from '../../core';
import { createAppStore, type AppStore } from '../../store/createAppStore';
import { AppStoreProvider } from '../../store/StoreContext';
import { Inspector } from './Inspector';

afterEach(cleanup);

/** The inspector alone on the seed lab's store (the real engine), in edit mode with `ns` selected. */
function mount(ns: string | null): { store: AppStore; view: ReturnType<typeof within> } {
  const store = createAppStore({ engine: { runJourney, stateAt }, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
  store.getState().setMode('edit');
  store.getState().select(ns);
  const { container } = render(
    <AppStoreProvider store={store}>
      <Inspector />
    </AppStoreProvider>,
  );
  return { store, view: within(container) };
}

const steps = (store: AppStore) => store.temporal.getState().pastStates.length;

describe('the inspector', () => {
  it('shows nothing without a selection', () => {
    const { view } = mount(null);
    expect(view.queryByTestId('inspector')).toBeNull();
  });

  it('commits a typed name on Enter as one undo step, never per keystroke, and keeps the focus through the rename', () => {
    const { store, view } = mount('pod2');
    const name = view.getByRole('textbox', { name: 'Name of pod2' });
    name.focus();
    for (const text of ['d', 'db', 'db1']) fireEvent.change(name, { target: { value: text } });
    expect(steps(store)).toBe(0);
    expect(store.getState().topology.machines[0]?.pods?.[1]?.name).toBe('pod2');
    fireEvent.keyDown(name, { key: 'Enter' });
    expect(steps(store)).toBe(1);
    expect(store.getState().topology.machines[0]?.pods?.[1]?.name).toBe('db1');
    expect(store.getState().selected).toBe('db1');
    const renamed = view.getByRole('textbox', { name: 'Name of db1' });
    expect(renamed).toBe(name);
    expect(document.activeElement).toBe(renamed);
    // Leaving the field commits too; Escape throws a draft away.
    fireEvent.change(renamed, { target: { value: 'db2' } });
    fireEvent.keyDown(renamed, { key: 'Escape' });
    expect((renamed as HTMLInputElement).value).toBe('db1');
    fireEvent.change(renamed, { target: { value: 'db3' } });
    fireEvent.blur(renamed);
    expect(store.getState().selected).toBe('db3');
    expect(steps(store)).toBe(2);
    // An undo elsewhere shows through the field.
    act(() => store.getState().undo());
    expect((view.getByRole('textbox', { name: 'Name of db1' }) as HTMLInputElement).value).toBe('db1');
  });

  it('keeps a refused value in its field, marked invalid with the reason beside it, in the UI\'s language; the lab is unchanged', () => {
    const { store, view } = mount('pod1');
    const before = store.getState().topology;
    const mac = view.getByRole('textbox', { name: 'MAC of eth0' });
    fireEvent.change(mac, { target: { value: '00:00:00:00:00:00' } });
    fireEvent.keyDown(mac, { key: 'Enter' });
    expect(store.getState().topology).toBe(before);
    expect(steps(store)).toBe(0);
    expect(mac).toHaveAttribute('aria-invalid', 'true');
    expect((mac as HTMLInputElement).value).toBe('00:00:00:00:00:00');
    expect(mac).toHaveAccessibleDescription('the all-zero MAC is not a valid interface address; an interface needs a unicast MAC (Linux: "RTNETLINK answers: Cannot assign requested address")');
    act(() => store.getState().setLang('ru'));
    expect(view.getByRole('textbox', { name: 'MAC: eth0' })).toHaveAccessibleDescription(/^нулевой MAC-адрес нельзя назначить интерфейсу/);
    // The gate's own error line is left to other edits.
    expect(store.getState().editError).toBeNull();
  });

  it('says which route an address change would strand, from the namespace', () => {
    const { store, view } = mount('node1');
    const addresses = view.getByRole('textbox', { name: 'IP/prefix of eth0' });
    fireEvent.change(addresses, { target: { value: '192.168.0.1/24' } });
    fireEvent.keyDown(addresses, { key: 'Enter' });
    expect(addresses).toHaveAccessibleDescription(/^the route "default via 172\.16\.100\.254 dev eth0" reaches its gateway 172\.16\.100\.254 through an address of eth0 on that subnet/);
    expect(store.getState().topology.machines[0]?.interfaces[0]?.addresses).toEqual(['172.16.100.1/24']);
  });

  it('edits the route table: a cell, a new row with Enter, a refused row, a delete', () => {
    const { store, view } = mount('router');
    fireEvent.click(view.getByRole('tab', { name: 'Routes (2)' }));
    const routes = () => store.getState().topology.machines[1]?.routes;
    const metric = view.getByRole('textbox', { name: 'Metric, route 2' });
    fireEvent.change(metric, { target: { value: '5' } });
    fireEvent.keyDown(metric, { key: 'Enter' });
    expect(routes()?.[1]).toEqual({ dst: '10.10.11.0/24', via: '172.16.100.2', dev: 'eth0', metric: 5 });
    fireEvent.change(view.getByRole('textbox', { name: 'Destination, new route' }), { target: { value: '10.50.0.0/16' } });
    const via = view.getByRole('textbox', { name: 'Gateway, new route' });
    fireEvent.change(via, { target: { value: '172.16.100.1' } });
    fireEvent.keyDown(via, { key: 'Enter' });
    expect(routes()).toHaveLength(3);
    expect(routes()?.[2]).toEqual({ dst: '10.50.0.0/16', via: '172.16.100.1', dev: 'eth0' });
    // The same prefix and metric again: Linux's "File exists", and the row keeps what was typed.
    fireEvent.change(view.getByRole('textbox', { name: 'Destination, new route' }), { target: { value: '10.50.0.0/16' } });
    fireEvent.click(view.getByRole('button', { name: 'Add route' }));
    expect(routes()).toHaveLength(3);
    expect(view.getByRole('textbox', { name: 'Destination, new route' })).toHaveAccessibleDescription(/the table already has a route to 10\.50\.0\.0\/16 with metric 0: .*RTNETLINK answers: File exists/);
    fireEvent.click(view.getByRole('button', { name: 'Delete route 1: 10.10.10.0/24 via 172.16.100.1 dev eth0' }));
    expect(routes()?.map((r) => r.dst)).toEqual(['10.10.11.0/24', '10.50.0.0/16']);
    expect(steps(store)).toBe(3);
    const dev = view.getByRole('combobox', { name: 'Device, route 1' });
    expect([...(dev as HTMLSelectElement).options].map((o) => o.value)).toEqual(['eth0']);
  });

  it('turns a sysctl off as one undo step, says what Linux acts on, and keeps its keys from the drawing', () => {
    const { store, view } = mount('router');
    fireEvent.click(view.getByRole('tab', { name: 'Sysctls' }));
    const forward = view.getByRole('checkbox', { name: 'ip_forward' });
    expect(forward).toBeChecked();
    expect(forward).toHaveAccessibleDescription(/^Forward packets between interfaces/);
    fireEvent.click(forward);
    expect(store.getState().topology.machines[1]?.sysctls?.ip_forward).toBe(false);
    expect(steps(store)).toBe(1);
    // conf/all send_redirects on: eth0's own 0 no longer counts.
    fireEvent.click(view.getByRole('checkbox', { name: 'send_redirects' }));
    // An interface's own entries are built when its fold opens.
    expect(view.queryByRole('combobox', { name: 'rp_filter on eth0' })).toBeNull();
    const fold = view.getByTestId('sysctl-iface-0') as HTMLDetailsElement;
    fold.open = true;
    fireEvent(fold, new Event('toggle'));
    expect(screen.getByText('in effect: on')).toBeInTheDocument();
    const rp = view.getByRole('combobox', { name: 'rp_filter on eth0' });
    fireEvent.change(rp, { target: { value: '2' } });
    expect(store.getState().topology.machines[1]?.interfaces[0]?.sysctls).toEqual({ send_redirects: false, rp_filter: 2 });
    // An arrow on a checkbox of the inspector is the inspector's: the window (edit mode's keys) never sees it.
    let seen = 0;
    const count = () => void seen++;
    window.addEventListener('keydown', count);
    fireEvent.keyDown(forward, { key: 'ArrowRight' });
    fireEvent.keyDown(forward, { key: 'z', ctrlKey: true });
    window.removeEventListener('keydown', count);
    expect(seen).toBe(1);
  });
});
