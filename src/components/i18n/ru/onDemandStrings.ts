import type { ON_DEMAND_EN } from '../onDemandStrings';

/** Russian; the same shape as `ON_DEMAND_EN`. */
export const ON_DEMAND_RU: typeof ON_DEMAND_EN = {
  editor: {
    mode: 'Правка',
    modeHelp: 'Правка стенда: добавлять, перемещать и удалять машины и поды',
    selectHelp: 'Enter выбирает; затем стрелки двигают, а Delete удаляет.',
  },
  library: {
    button: 'Мои стенды',
    buttonHelp: 'Мои стенды: хранить, открывать, импортировать и экспортировать стенды',
    seedLab: 'Учебный стенд',
    edited: (title) => `${title} (с правками)`,
    importCluster: 'Импорт кластера…',
    importClusterHelp: 'Собрать стенд из вашего кластера: вставьте то, что печатают kubectl, minikube и ip -j',
  },
  terminal: {
    button: 'Терминал',
    buttonHelp: (cluster: string) => `Терминал кластера ${cluster}: kubectl и minikube, как в конспекте`,
  },
  compare: {
    button: 'Сравнить режимы',
    buttonHelp: 'Показать путь этого пакета в двух режимах рядом: маршрутизация, Flannel, Calico, Cilium',
  },
};
