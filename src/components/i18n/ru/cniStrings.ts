import type { CNI_EN } from '../cniStrings';

/** The CNI stories' names in Russian: the shape of `CNI_EN`. */
export const CNI_RU: typeof CNI_EN = {
  group: 'CNI: как под получает сеть',
  titles: {
    'cni-add-first-pod': 'Создание пода на новой ноде (мост cni0 создаётся)',
    'cni-add-second-pod': 'Второй под (cni0 уже есть; следующий адрес host-local)',
    'cni-del': 'Удаление пода (DEL)',
    'cni-del-netns-gone': 'DEL, когда пространства имён уже нет',
    'cni-check-fails': 'CHECK, который не проходит (адрес удалён вручную)',
  },
};
