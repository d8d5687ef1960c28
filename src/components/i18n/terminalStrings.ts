import { useInLang } from './useStrings';

/**
 * The cluster terminal's texts (issue 10, point 5): the panel, what it says itself (a command it
 * does not know, `minikube start` on the running cluster), and what a DaemonSet restart changes in
 * the datapath. The commands' own output is the tools' and stays as they print it. Words between
 * backticks are shown as code. They load with the panel (`useTerminalStrings`); the button's own
 * are in `onDemandStrings.ts`.
 */
export const TERMINAL_EN = {
  title: (cluster: string) => `Terminal: ${cluster} cluster`,
  close: 'Close the terminal',
  intro: 'Type a command or pick one from the notes. The answers are built from this lab, as the tools print them; the clock moves a few seconds with each command.',
  commands: 'Commands from the notes',
  prompt: 'Command',
  run: 'Run',
  output: 'Output',
  wider: 'Long lines go on to the right: scroll sideways with the buttons, with ← and → on the output, or with Shift and the mouse wheel.',
  left: 'Scroll the output left',
  right: 'Scroll the output right',
  clock: (age: string) => `Cluster age: ${age}`,
  unknown: (command: string) => `\`${command}\` is not one of this terminal's commands. It knows: \`kubectl get nodes|pods|ds\` with \`-A\`, \`-n <namespace>\`, \`-o wide\`; \`kubectl rollout restart|status ds <name> -n <namespace>\`; \`minikube node list\`; \`sleep <seconds>\`; \`clear\`; and \`| grep <word>\` after any of them.`,
  started: 'This lab is the cluster that command made: it is already running. minikube would find the profile and only check it.',
  exitCode: (code: number) => `exit code ${code}`,
  /** The same for the Cilium agent's DaemonSet (`kubectl rollout restart ds cilium -n kube-system`). */
  restartCilium: {
    changed: [
      'The DaemonSet\'s pod template gets the annotation `kubectl.kubernetes.io/restartedAt`, so its controller replaces the agent pods (minikube\'s manifest lets two be unavailable at once, `maxUnavailable` 2; the terminal replaces them one after another): new names, AGE from zero, the node\'s own IP (`hostNetwork`). The six init containers run again before each agent starts.',
      'Each new agent restores its endpoints from `/var/run/cilium/state` and finds its BPF maps pinned in `/sys/fs/bpf`; it compiles and attaches the programs again (`cil_from_container` on every `lxc` device, `cil_from_overlay` on `cilium_vxlan`), with the same identities.',
    ],
    unchanged: [
      'Every pod\'s address, its `lxc` device, `cilium_host` and `cilium_vxlan`: cilium-cni runs only when a pod with its own network namespace is created or deleted, and the restart touched none: the agent pods use the node\'s network (`hostNetwork`), so no CNI call is made for them.',
      'The packets: the programs and maps stay in the kernel while the agent is away, so pods keep talking (a pod created meanwhile waits for the agent). Play the journey again: it is the same, frame for frame.',
    ],
  },
  restart: {
    title: 'What the restart changes in the datapath, and what it does not',
    changes: 'Changes',
    changed: [
      'The DaemonSet\'s pod template gets the annotation `kubectl.kubernetes.io/restartedAt`, so its controller replaces the pods one node at a time (`maxUnavailable` 1): new names, AGE from zero. Their IP stays the node\'s own: flannel pods use the node\'s network (`hostNetwork`).',
      'Each new flanneld finds `flannel.1` already in the kernel with the same VNI, port and local address and keeps it (`ensureLink` in flannel\'s `device.go`), so the VTEP MAC the other nodes hold in their neighbour and FDB entries stays right. It writes the same routes, neighbour and FDB entries again, and `subnet.env` with the same lines.',
    ],
    stays: 'Stays as it was',
    unchanged: [
      'Every pod\'s address, its veth, `cni0` and the routes: the CNI plugin runs only when a pod with its own network namespace is created or deleted, and the restart touched none: flannel\'s pods use the node\'s network (`hostNetwork`), so no CNI call is made for them.',
      'The packets: the datapath is in the kernel (`cni0`, the routing table, `flannel.1`), not in flanneld, so pods keep talking while flanneld restarts. Play the journey again: it is the same, frame for frame.',
    ],
  },
  restartCalico: {
    changed: [
      'The DaemonSet\'s pod template gets the annotation `kubectl.kubernetes.io/restartedAt`, so its controller replaces the `calico-node` pods one node at a time (`maxUnavailable` 1): new names, AGE from zero, three init containers each (`Init:0/3`). Their IP stays the node\'s own: `calico-node` uses the node\'s network (`hostNetwork`).',
      'On each node the new Felix reads the workload endpoints and the blocks again and finds the kernel already as it wants it: the `/32` routes to the `cali*` veths, their static ARP entries, `proxy_arp` on each `cali*`. BIRD restarts and opens its BGP sessions again; it learns the same blocks from the same nodes.',
    ],
    unchanged: [
      'Every pod\'s address, its `cali*` veth and `/32` route: the CNI plugin runs only when a pod is created or deleted, and calico-ipam\'s blocks stay with their nodes in the datastore.',
      'The routes to the other nodes\' blocks: BIRD leaves the routes it installed in the kernel when it stops (`persist`, and `graceful restart` with its peers), so pods keep talking while `calico-node` restarts. Play the journey again: it is the same, frame for frame.',
    ],
  },
};

/** The Russian texts; the same shape as {@link TERMINAL_EN}. */
export const TERMINAL_RU: typeof TERMINAL_EN = {
  title: (cluster: string) => `Терминал: кластер ${cluster}`,
  close: 'Закрыть терминал',
  intro: 'Введите команду или выберите одну из конспекта. Ответы строятся по этому стенду так, как их печатают сами программы; с каждой командой часы кластера уходят на несколько секунд вперёд.',
  commands: 'Команды из конспекта',
  prompt: 'Команда',
  run: 'Выполнить',
  output: 'Вывод',
  wider: 'Длинные строки продолжаются вправо: прокрутите вывод вбок кнопками, стрелками ← и → на выводе или колесом мыши с нажатым Shift.',
  left: 'Прокрутить вывод влево',
  right: 'Прокрутить вывод вправо',
  clock: (age: string) => `Возраст кластера: ${age}`,
  unknown: (command: string) => `Команды \`${command}\` этот терминал не знает. Он понимает: \`kubectl get nodes|pods|ds\` с \`-A\`, \`-n <пространство имён>\`, \`-o wide\`; \`kubectl rollout restart|status ds <имя> -n <пространство имён>\`; \`minikube node list\`; \`sleep <секунды>\`; \`clear\`; и \`| grep <слово>\` после любой из них.`,
  started: 'Этот стенд и есть кластер, который создала эта команда, и он уже запущен. minikube нашёл бы профиль и только проверил бы его.',
  exitCode: (code: number) => `код возврата ${code}`,
  restartCilium: {
    changed: [
      'В шаблон подов DaemonSet добавляется аннотация `kubectl.kubernetes.io/restartedAt`, и контроллер заменяет поды агента (манифест minikube разрешает заменять два сразу, `maxUnavailable` 2; терминал заменяет их по одному): у подов новые имена, AGE отсчитывается с нуля, IP-адрес — адрес самой ноды (`hostNetwork`). Перед запуском каждого агента снова выполняются шесть init-контейнеров.',
      'Новый агент восстанавливает свои конечные точки из `/var/run/cilium/state` и находит свои карты BPF закреплёнными в `/sys/fs/bpf`; он заново компилирует и подключает программы (`cil_from_container` на каждом устройстве `lxc`, `cil_from_overlay` на `cilium_vxlan`) с теми же идентификаторами безопасности.',
    ],
    unchanged: [
      'Адрес каждого пода, его устройство `lxc`, `cilium_host` и `cilium_vxlan`: cilium-cni вызывается только при создании и удалении пода со своим сетевым пространством имён, а таких подов перезапуск не затронул: поды агента работают в сети ноды (`hostNetwork`), и для них CNI не вызывается.',
      'Пакеты: программы и карты остаются в ядре, пока агента нет, поэтому поды продолжают обмениваться пакетами (под, созданный в это время, ждёт агента). Проиграйте путь пакета снова: он тот же, кадр за кадром.',
    ],
  },
  restart: {
    title: 'Что перезапуск меняет в пути данных, а что нет',
    changes: 'Меняется',
    changed: [
      'В шаблон подов DaemonSet добавляется аннотация `kubectl.kubernetes.io/restartedAt`, и контроллер заменяет поды по одной ноде за раз (`maxUnavailable` 1): у подов новые имена, AGE отсчитывается с нуля. IP-адрес остаётся прежним — это адрес самой ноды: поды flannel работают в сети ноды (`hostNetwork`).',
      'Новый flanneld находит в ядре устройство `flannel.1` с теми же VNI, портом и локальным адресом и оставляет его (`ensureLink` в файле `device.go` из flannel), поэтому MAC-адрес VTEP в таблицах соседей и FDB других нод остаётся верным. Затем он заново вносит те же маршруты и записи в таблицы соседей и FDB, а в `subnet.env` — те же строки.',
    ],
    stays: 'Остаётся как было',
    unchanged: [
      'Адрес каждого пода, его veth, `cni0` и маршруты: плагин CNI вызывается только при создании и удалении пода со своим сетевым пространством имён, а таких подов перезапуск не затронул: поды flannel работают в сети ноды (`hostNetwork`), и для них CNI не вызывается.',
      'Пакеты: путь данных реализован в ядре (`cni0`, таблица маршрутизации, `flannel.1`), а не во flanneld, поэтому поды продолжают обмениваться пакетами, пока flanneld перезапускается. Проиграйте путь пакета снова: он тот же, кадр за кадром.',
    ],
  },
  restartCalico: {
    changed: [
      'В шаблон подов DaemonSet добавляется аннотация `kubectl.kubernetes.io/restartedAt`, и контроллер заменяет поды `calico-node` по одной ноде за раз (`maxUnavailable` 1): у подов новые имена, AGE отсчитывается с нуля, у каждого три init-контейнера (`Init:0/3`). IP-адрес остаётся прежним — это адрес самой ноды: `calico-node` работает в сети ноды (`hostNetwork`).',
      'На каждой ноде новый Felix заново читает конечные точки подов и блоки адресов и находит ядро уже таким, каким хочет его видеть: маршруты `/32` к парам `cali*`, их статические записи ARP, `proxy_arp` на каждом `cali*`. BIRD перезапускается и заново открывает сессии BGP; от тех же нод он узнаёт те же блоки.',
    ],
    unchanged: [
      'Адрес каждого пода, его пара `cali*` и маршрут `/32`: CNI-плагин вызывается только при создании и удалении пода, а блоки calico-ipam остаются за своими нодами в хранилище данных.',
      'Маршруты к блокам других нод: останавливаясь, BIRD оставляет в ядре установленные им маршруты (`persist`, а с соседями — `graceful restart`), поэтому поды продолжают обмениваться пакетами, пока `calico-node` перезапускается. Проиграйте путь пакета снова: он тот же, кадр за кадром.',
    ],
  },
};

/** The terminal's texts in this app's current language (they load with its chunk; the button's are in `STRINGS`). */
export function useTerminalStrings(): typeof TERMINAL_EN {
  return useInLang(TERMINAL_EN, TERMINAL_RU);
}
