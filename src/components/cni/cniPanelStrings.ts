import type { Lang } from '../../store/types';
import { useAppStore } from '../../store/StoreContext';

/**
 * The CNI story panel's texts (the plugin calls with their environment, stdin and stdout, its
 * controls) and the editor's offer after "Add pod": they load with the panel, not with the first
 * page. The story names are in `i18n/cniStrings.ts`.
 */
export const CNI_PANEL_EN = {
  /** The panel's heading: the operation, the pod and the node. */
  heading: (op: string, pod: string, node: string) => `CNI ${op}: ${pod} on ${node}`,
  panel: 'CNI story',
  close: 'Close the CNI story and go back to the journey',
  storyTab: 'Story',
  callsTab: 'Plugin calls',
  counter: (i: number, n: number) => `Event ${i} of ${n}`,
  chapter: 'Chapter',
  misconception: 'Not what you may have read',
  calls: 'Plugin calls, as the runtime made them',
  env: 'Environment',
  stdin: 'Configuration on stdin',
  stdout: 'Result on stdout',
  errorOut: 'Error on stdout',
  exitCode: (n: number) => `exit code ${n}`,
  running: 'running…',
  calledBy: (who: string) => (who === '' ? 'run by the runtime' : `run by ${who}`),
  conflist: 'Network configuration list (/etc/cni/net.d)',
  outcome: 'Outcome',
  offer: (pod: string) => `${pod} got its network from a CNI ADD.`,
  watch: 'Watch how the CNI plugin wired it',
  dismiss: 'Dismiss',
  controls: 'CNI story controls',
  first: 'First event',
  prev: 'Previous event',
  play: 'Play',
  pause: 'Pause',
  next: 'Next event',
  last: 'Last event',
  seek: 'Event of the CNI story',
  loading: 'Loading the CNI story…',
};


export const CNI_PANEL_RU: typeof CNI_PANEL_EN = {
  heading: (op, pod, node) => `CNI ${op}: под ${pod} на ноде ${node}`,
  panel: 'Рассказ о CNI',
  close: 'Закрыть рассказ о CNI и вернуться к пути пакета',
  storyTab: 'Рассказ',
  callsTab: 'Вызовы плагинов',
  counter: (i, n) => `Событие ${i} из ${n}`,
  chapter: 'Глава',
  misconception: 'Не так, как часто пишут',
  calls: 'Вызовы плагинов, как их сделала среда выполнения',
  env: 'Окружение',
  stdin: 'Конфигурация на stdin',
  stdout: 'Результат в stdout',
  errorOut: 'Ошибка в stdout',
  exitCode: (n) => `код возврата ${n}`,
  running: 'работает…',
  calledBy: (who) => (who === '' ? 'запущен средой выполнения' : `запущен плагином ${who}`),
  conflist: 'Список конфигураций сети (/etc/cni/net.d)',
  outcome: 'Итог',
  offer: (pod) => `Под ${pod} получил сеть через CNI ADD.`,
  watch: 'Посмотреть, как плагин CNI его подключил',
  dismiss: 'Скрыть',
  controls: 'Управление рассказом о CNI',
  first: 'Первое событие',
  prev: 'Предыдущее событие',
  play: 'Пуск',
  pause: 'Пауза',
  next: 'Следующее событие',
  last: 'Последнее событие',
  seek: 'Событие рассказа о CNI',
  loading: 'Рассказ о CNI загружается…',
};

/** The panel's texts in both languages. */
export const CNI_PANEL: Record<Lang, typeof CNI_PANEL_EN> = { en: CNI_PANEL_EN, ru: CNI_PANEL_RU };

/** The panel's texts in the app's language. */
export function useCniStrings(): typeof CNI_PANEL_EN {
  return CNI_PANEL[useAppStore((s) => s.lang)];
}
