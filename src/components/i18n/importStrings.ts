/*
 * The cluster import dialog's texts. Only the dialog's lazy chunk uses them, so they load with it
 * (`useImportStrings`), not with the first page's `STRINGS`; the button's name and tooltip are in
 * `STRINGS.library` (the button is on the first page). `importStrings.test.ts` checks both
 * languages by the rules of `strings.test.ts`.
 */
import { useAppStore } from '../../store/StoreContext';

export const IMPORT_EN = {
  title: 'Import a cluster',
  intro:
    'Paste what kubectl, minikube and ip print on your cluster, several outputs at once if you like: kubectl get nodes -o wide, kubectl get pods -A -o wide, kubectl get ds -A (or the same with -o json), minikube node list, and per node ip -j addr, ip -j route, ip -j neigh, bridge -j fdb. Put each command line above its output (or a line "# node: NAME" above a node\'s tables).',
  paste: 'Output to import',
  placeholder: '$ minikube node list\nminikube\t192.168.67.2\n…\n$ kubectl get pods -A -o wide\nNAMESPACE   NAME   READY   STATUS …',
  files: 'Add files…',
  filesHelp: 'Saved outputs, one or several files (text or JSON)',
  removeFile: (name: string) => `Remove ${name}`,
  mode: 'Datapath mode',
  modeDetected: (mode: string) => `As detected: ${mode}`,
  modePick: 'Choose a mode…',
  summary: 'What will be imported',
  nothingYet: 'Paste an output or add a file: the summary appears here as you type.',
  counts: (nodes: number, pods: number, host: number, notPlaced: number) =>
    `${nodes} ${nodes === 1 ? 'node' : 'nodes'}, ${pods} ${pods === 1 ? 'pod' : 'pods'} with their own network, ${host} hostNetwork, ${notPlaced} not placed`,
  importIt: 'Import as a new lab',
  importHelp: 'Opens the cluster as a new lab kept in My labs; the lab open now stays in My labs as it is',
  cancel: 'Cancel',
  close: 'Close',
  labName: (profile: string) => `Cluster ${profile} (imported)`,
  notText: (name: string) => `${name} could not be read as text.`,
};

export const IMPORT_RU: typeof IMPORT_EN = {
  title: 'Импорт кластера',
  intro:
    'Вставьте то, что печатают kubectl, minikube и ip в вашем кластере, можно несколько выводов сразу: kubectl get nodes -o wide, kubectl get pods -A -o wide, kubectl get ds -A (или то же с -o json), minikube node list, а для каждой ноды ip -j addr, ip -j route, ip -j neigh, bridge -j fdb. Над каждым выводом оставьте строку с командой (или строку «# node: NAME» над таблицами ноды).',
  paste: 'Вывод для импорта',
  placeholder: '$ minikube node list\nminikube\t192.168.67.2\n…\n$ kubectl get pods -A -o wide\nNAMESPACE   NAME   READY   STATUS …',
  files: 'Добавить файлы…',
  filesHelp: 'Сохранённые выводы, один файл или несколько (текст или JSON)',
  removeFile: (name: string) => `Убрать ${name}`,
  mode: 'Режим пути данных',
  modeDetected: (mode: string) => `Обнаружен: ${mode}`,
  modePick: 'Выберите режим…',
  summary: 'Что будет импортировано',
  nothingYet: 'Вставьте вывод или добавьте файл: сводка появится здесь по мере ввода.',
  counts: (nodes: number, pods: number, host: number, notPlaced: number) =>
    `нод: ${nodes}, подов со своей сетью: ${pods}, в сети ноды (hostNetwork): ${host}, не размещено: ${notPlaced}`,
  importIt: 'Импортировать как новый стенд',
  importHelp: 'Открывает кластер как новый стенд, сохранённый в «Моих стендах»; открытый сейчас стенд остаётся там как есть',
  cancel: 'Отмена',
  close: 'Закрыть',
  labName: (profile: string) => `Кластер ${profile} (импорт)`,
  notText: (name: string) => `Файл ${name} не читается как текст.`,
};

/** The import dialog's texts in the app's language. */
export function useImportStrings(): typeof IMPORT_EN {
  const lang = useAppStore((s) => s.lang);
  return lang === 'ru' ? IMPORT_RU : IMPORT_EN;
}
