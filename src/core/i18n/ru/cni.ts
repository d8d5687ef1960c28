import type { CniCatalog, CniCtx, CniTold } from '../../narrate/cniCatalog';
import { HOST_NS } from '../../cni/state';
import { count } from '../plural';

/*
 * Рассказ о CNI по-русски: каждое событие из src/core/cni/events.ts на двух уровнях, заголовки
 * глав, поправки, итог. Имена плагинов, устройств, файлов и переменных даны так, как их печатают
 * инструменты; латинское имя всегда стоит после склоняемого слова («плагин bridge», «ноды node1»).
 */

const told = (short: string, more = ''): CniTold => ({ short, detailed: more === '' ? short : `${short} — ${more}` });

/** Пространство имён так, как его знает читатель: в родительном падеже, с именем. */
function whereGen(ns: string, c: CniCtx): string {
  return ns === HOST_NS ? `ноды ${c.node}` : `пода ${c.pod}`;
}

/** Кто действует: среда выполнения или плагин. */
function whoName(c: CniCtx): string {
  return c.who === '' ? 'Среда выполнения' : `Плагин ${c.who}`;
}

const dst = (d: string) => (d === '0.0.0.0/0' ? 'default' : d);
const subnetOf = (env: string | undefined) => /FLANNEL_SUBNET=(\S+)/.exec(env ?? '')?.[1] ?? '?';

export const cniRu: CniCatalog = {
  locale: 'ru',
  events: {
    netns: (e, c) =>
      e.op === 'add'
        ? told(`Среда выполнения создаёт сетевое пространство имён пода ${c.pod}: ${e.path}`, 'как `ip netns add`; пока в нём только lo, и тот выключен. Это делает containerd или CRI-O, ещё до вызова плагинов')
        : told(`Среда выполнения удаляет пространство имён ${e.path}`, `как \`ip netns del\`; пода ${c.pod} больше нет, а с ним и всего, что оставалось в его пространстве имён`),
    exec: (e) => {
      const cmd = e.env.CNI_COMMAND ?? '?';
      if (e.caller.by === 'runtime') {
        const prev = e.stdin.includes('"prevResult"') ? ', а также prevResult (результатом, сохранённым при ADD)' : '';
        return told(`Среда выполнения запускает плагин ${e.plugin}: CNI_COMMAND=${cmd}`, `CNI_CONTAINERID=${e.env.CNI_CONTAINERID ?? ''}, CNI_NETNS=${e.env.CNI_NETNS ?? ''}, CNI_IFNAME=${e.env.CNI_IFNAME ?? ''}; конфигурация сети приходит на stdin, с полями name и cniVersion${prev}`);
      }
      const ipam: Record<string, string> = { ADD: 'выдать адрес', DEL: 'освободить адрес', CHECK: 'проверить резервирование' };
      const why = e.plugin === 'host-local' ? `плагин ${e.caller.plugin} поручает своему плагину IPAM ${ipam[cmd] ?? cmd}; ` : '';
      // Спецификация CNI, §4: плагину IPAM передаются то же окружение и весь полученный stdin;
      // новую конфигурацию составляет только метаплагин (flannel) для того, кому передаёт работу.
      const stdin = e.caller.plugin === 'flannel'
        ? `окружение то же, а на stdin — конфигурация, которую составил плагин ${e.caller.plugin}`
        : `окружение то же, и на stdin та же конфигурация${e.plugin === 'host-local' ? ' (host-local читает из неё раздел ipam)' : ''}`;
      return told(`Плагин ${e.caller.plugin} запускает плагин ${e.plugin} (${cmd})`, `${why}${stdin}`);
    },
    exit: (e, c) => {
      if (e.exitCode !== 0) {
        const err = /"msg":\s*"([^"]*)"/.exec(e.stdout)?.[1] ?? '';
        return told(`Плагин ${e.plugin} завершается с кодом 1: ошибка ${e.code ?? '?'}, «${err}»`, `ошибка уходит в stdout в виде JSON (code, msg): туда её печатает эталонная библиотека (skel) и оттуда её читает libcni в среде выполнения, хотя в обзоре спецификации сказано про stderr${e.code === 999 ? '; 999 — код эталонной библиотеки для ошибки, у которой нет своего кода' : ''}`);
      }
      if (e.stdout === '') return told(`Плагин ${e.plugin} завершается с кодом 0`, `${c.op} прошёл успешно; ${c.op} ничего не печатает`);
      const ip = /"address":\s*"([^"]+)"/.exec(e.stdout)?.[1];
      return told(`Плагин ${e.plugin} завершается с кодом 0 и печатает результат`, `в stdout, для ${c.caller === '' ? 'среды выполнения' : `плагина ${c.caller}`}${ip !== undefined ? `: ${ip}` : ''}`);
    },
    delegate: (e) => {
      // hairpinMode и isDefaultGateway flannel сам не ставит никогда: они из раздела delegate в conflist.
      const listed = ['hairpinMode', 'isDefaultGateway'].filter((k) => e.conf.includes(`"${k}"`));
      const fromList = listed.length > 0 ? `; ${listed.join(' и ')} ${listed.length > 1 ? 'берутся' : 'берётся'} из раздела delegate в conflist` : '';
      return told(`Плагин ${e.plugin} составляет конфигурацию для плагина ${e.to}`, `по subnet.env — host-local по подсети ноды с маршрутом к сети кластера, MTU, ipMasq (выключен, если маскарадингом занимается сам flanneld)${e.to === 'bridge' ? '; isGateway для bridge flannel ставит сам' : ''}${fromList}`);
    },
    file: (e, c) => {
      const p = e.path;
      if (p === '/run/flannel/subnet.env') return told(`Плагин flannel читает ${p}`, `его записал flanneld: подсеть подов этой ноды FLANNEL_SUBNET=${subnetOf(e.content)}, сеть кластера, MTU. Сам flannel не создаёт ни одного устройства`);
      if (p.startsWith('/var/lib/cni/flannel/')) {
        if (e.op === 'write') return told(`Плагин flannel сохраняет составленную конфигурацию в ${p}`, 'при DEL он прочтёт её и передаст ту же, даже если subnet.env изменился');
        if (e.op === 'read') return told(`Плагин flannel читает конфигурацию, сохранённую при ADD: ${p}`);
        if (e.op === 'remove') return told(`Плагин flannel удаляет ${p}`);
      }
      if (p.startsWith('/var/lib/cni/results/')) {
        if (e.op === 'write') return told(`Среда выполнения сохраняет результат в ${p}`, 'DEL и CHECK получат его как prevResult');
        if (e.op === 'remove') return told(`Среда выполнения удаляет сохранённый результат ${p}`);
      }
      if (/last_reserved_ip\.\d+$/.test(p) && e.op === 'write') return told(`Плагин host-local сдвигает курсор: ${p.slice(p.lastIndexOf('/') + 1)} = ${e.content ?? ''}`, 'следующий поиск начнётся после этого адреса');
      if (p.endsWith('/lock') && e.op === 'write') return told(`Плагин host-local создаёт файл блокировки ${p}`, 'первое резервирование в этой сети');
      if (p.startsWith('/var/lib/cni/networks/')) {
        if (e.op === 'write') return told(`Плагин host-local записывает ${p}`, 'по файлу на адрес; в файле ID контейнера и имя интерфейса');
        if (e.op === 'remove') return told(`Плагин host-local удаляет ${p}`, 'адрес снова свободен');
      }
      const verb = { read: 'читает', write: 'записывает', remove: 'удаляет', missing: 'не находит' }[e.op];
      return told(`${whoName(c)} ${verb} ${p}`);
    },
    link: (e, c) => {
      const at = whereGen(e.ns, c);
      switch (e.op) {
        case 'add':
          if (e.kind === 'bridge') return told(`Плагин bridge создаёт мост ${e.name}`, `ip link add ${e.name} type bridge в пространстве имён ноды ${c.node}: до этого пода моста не было`);
          if (e.kind === 'veth' && e.ns !== HOST_NS && c.who === 'calico') return told(`Плагин calico создаёт пару veth: ${e.name} в поде ${c.pod}, ${e.peer?.name ?? '?'} на ноде ${c.node}`, 'пара создаётся в пространстве имён пода, её конец со стороны хоста сразу появляется в пространстве имён ноды; его имя — cali и первые 11 шестнадцатеричных цифр sha1("<пространство имён>.<имя пода>"), для одного и того же пода всегда одно. Моста нет: нода маршрутизирует пакеты к поду через эту пару');
          if (e.kind === 'veth' && e.ns !== HOST_NS && c.who === 'cilium-cni') return told(`Плагин cilium-cni создаёт пару veth: ${e.name} в поде ${c.pod}, ${e.peer?.name ?? '?'} на ноде ${c.node}`, 'connector.SetupVeth: имя конца со стороны хоста — lxc и первые 12 шестнадцатеричных цифр sha256 от ID контейнера; ни в какой мост он не входит — агент подключает к нему свою программу eBPF');
          if (e.kind === 'veth' && e.ns !== HOST_NS) return told(`Плагин bridge создаёт пару veth: ${e.name} в поде ${c.pod}, ${e.peer?.name ?? '?'} на ноде ${c.node}`, 'пара создаётся в пространстве имён пода, а конец со стороны хоста (veth и 8 случайных шестнадцатеричных цифр) переносится в пространство имён ноды');
          if (e.kind === 'veth') return told(`Интерфейс ${e.name} появляется на ноде ${c.node}: это конец пары, идущей к ${e.peer?.name ?? 'eth0'} пода ${c.pod}`, `MAC ${e.mac ?? '?'}`);
          return told(`Интерфейс ${e.name} создан в пространстве имён ${at}`);
        case 'exists':
          return told(`Мост ${e.name} уже есть: плагин bridge использует его`, 'его создал ADD первого пода; плагин проверяет, что это мост, и продолжает');
        case 'del':
          return e.ns !== HOST_NS ? told(`Плагин bridge удаляет ${e.name} в поде ${c.pod}`, 'удаление одного конца пары veth удаляет и другой: конец на ноде исчезает тоже') : told(`Интерфейса ${e.name} на ноде ${c.node} больше нет`, 'второй конец пары ушёл вместе с ним');
        case 'up':
          return told(`Интерфейс ${e.name} включён (пространство имён ${at})`);
        case 'down':
          return told(`Интерфейс ${e.name} выключен (пространство имён ${at})`);
        case 'master':
          return told(`Интерфейс ${e.name} подключён к мосту ${e.master ?? '?'}`, `ip link set ${e.name} master ${e.master ?? '?'}: теперь мост передаёт кадры поду и от него`);
        case 'mac':
          if (e.kind === 'veth' && e.set === true && e.mac === 'ee:ee:ee:ee:ee:ee') return told(`Плагин calico задаёт интерфейсу ${e.name} MAC ee:ee:ee:ee:ee:ee`, 'такой MAC у каждого интерфейса cali* на ноде: канал точка-точка и маршрутизируемый, MAC нужен только для ответа на ARP пода');
          if (e.kind === 'bridge' && e.set === true) return told(`Плагин bridge закрепляет MAC моста ${e.name}: ${e.mac ?? '?'}`, 'с isGateway он явно задаёт мосту тот MAC, который был у него при создании: теперь MAC не меняется, когда поды приходят и уходят');
          return told(`MAC интерфейса ${e.name} теперь ${e.mac ?? '?'}`, e.kind === 'bridge' ? 'мост, которому MAC не задан, берёт наименьший MAC среди своих портов' : '');
        case 'hairpin':
          return told(`Режим hairpin на порту ${e.name}: ${e.on === false ? 'выключен' : 'включён'} (hairpinMode)`, 'кадр может уйти через тот же порт, через который пришёл, так что под сможет обратиться к самому себе через Service');
        case 'promisc':
          return told(`Неразборчивый режим ${e.on === false ? 'выключен' : 'включён'} на ${e.name}`);
        case 'mtu':
          return told(`MTU интерфейса ${e.name}: ${e.mtu ?? '?'}`);
      }
      return told(e.name);
    },
    addr: (e, c) => {
      if (e.op === 'exists') return told(`У моста ${e.dev} уже есть адрес ${e.address}`, 'его назначил ADD первого пода; плагин bridge ничего не меняет');
      if (e.op === 'del') return told(`Адрес ${e.address} снят с ${e.dev} (пространство имён ${whereGen(e.ns, c)})`);
      if (c.who === 'calico') return told(`Интерфейс ${e.dev} пода ${c.pod} получает адрес ${e.address}`, 'тот, что выдал calico-ipam, с маской /32: подсети нет, значит, нет и маршрута к подключённой сети; всё идёт через 169.254.1.1');
      if (e.ns === HOST_NS) return told(`Мост ${e.dev} получает адрес ${e.address}`, 'адрес шлюза: с isGateway мост становится для подов шлюзом в ноду');
      if (c.who === 'cilium-cni') return told(`Интерфейс ${e.dev} пода ${c.pod} получает адрес ${e.address}`, 'этот адрес выделил агент Cilium из подсети подов ноды (cluster-pool), с маской /32: общей подсети под ни с кем не делит');
      return told(`Интерфейс ${e.dev} пода ${c.pod} получает адрес ${e.address}`, 'тот, что зарезервировал host-local');
    },
    route: (e, c) => {
      const at = whereGen(e.ns, c);
      const r = `${dst(e.dst)}${e.gw !== undefined ? ` via ${e.gw}` : ''} dev ${e.dev}`;
      if (e.proto === 'kernel') return told(`Ядро добавляет маршрут ${r} в пространстве имён ${at}: сеть, подключённая напрямую`, 'он появляется вместе с адресом, для его подсети');
      if (e.op === 'del') return told(`Маршрут ${r} удалён (пространство имён ${at})`);
      if (c.who === 'calico') {
        if (e.ns === HOST_NS) return told(`Маршрут ${r} в пространстве имён ${at}`, `нода доходит до пода ${c.pod} по этому маршруту /32 через его пару veth, а не через мост`);
        if (e.gw === undefined) return told(`Маршрут ${r} в пространстве имён ${at}`, '169.254.1.1 — условный следующий переход, этот адрес не назначен ни одному интерфейсу: маршрут через устройство лишь делает его достижимым, чтобы на него мог указать маршрут по умолчанию');
        return told(`Маршрут ${r} в пространстве имён ${at}`, 'любой пакет из пода уходит на 169.254.1.1, поэтому под запрашивает по ARP только этот адрес; нода отвечает через proxy ARP');
      }
      if (c.who === 'cilium-cni') return told(`Маршрут ${r} в пространстве имён ${at}`, e.dst === '0.0.0.0/0' ? 'всё идёт через адрес маршрутизатора на cilium_host; на ARP-запрос пода о нём отвечает программа eBPF на его устройстве lxc' : 'маршрут канального уровня к адресу маршрутизатора: при адресе /32 только он делает шлюз достижимым');
      return told(`Маршрут ${r} в пространстве имён ${at}`, e.dst === '0.0.0.0/0' ? 'isDefaultGateway: маршрут по умолчанию пода идёт через адрес моста' : 'этот маршрут задан в конфигурации host-local');
    },
    sysctl: (e, c) => {
      const at = e.ns === HOST_NS ? `Нода ${c.node}` : `Под ${c.pod}`;
      if (e.key === 'net.ipv4.ip_forward') return told(`${at}: net.ipv4.ip_forward = ${e.value}`, e.was === e.value ? 'пересылка уже была включена' : `было ${e.was}; isGateway включает пересылку, и нода маршрутизирует пакеты между своими подами и остальной сетью`);
      if (e.key.endsWith('.accept_ra')) return told(`${at}: ${e.key} = ${e.value}`, 'объявления маршрутизаторов IPv6 на этом устройстве не принимаются');
      if (e.key.endsWith('.arp_notify')) return told(`${at}: ${e.key} = ${e.value}`, 'при включении интерфейс объявит свой адрес анонсирующим (gratuitous) ARP-запросом');
      if (e.key.endsWith('.accept_dad')) return told(`${at}: ${e.key} = ${e.value}`, 'обнаружение дублирующихся адресов IPv6 (DAD) на этом устройстве отключено');
      if (e.key.endsWith('.proxy_arp')) return told(`${at}: ${e.key} = ${e.value}`, 'нода отвечает на ARP на этом устройстве за адреса, которые она отправила бы через другое, и отвечает MAC-адресом самого устройства: так под получает ответ на ARP-запрос про 169.254.1.1');
      if (e.key.endsWith('.proxy_delay')) return told(`${at}: ${e.key} = ${e.value}`, 'ответ proxy ARP уходит сразу; иначе ядро ждало бы до 0,8 с');
      if (e.key.endsWith('.forwarding')) return told(`${at}: ${e.key} = ${e.value}`, 'пакеты, пришедшие из пода, можно пересылать');
      if (e.key.endsWith('.route_localnet')) return told(`${at}: ${e.key} = ${e.value}`, 'чтобы трафик пода можно было транслировать (NAT) на собственный 127.0.0.1 ноды');
      return told(`${at}: ${e.key} = ${e.value}`);
    },
    nat: (e) => told(`iptables -t nat: ${e.op} ${e.chain}${e.rule !== undefined ? ` ${e.rule}` : ''}`),
    ipam: (e) => {
      switch (e.op) {
        case 'start':
          return told(`Плагин host-local ищет свободный адрес в ${e.rangeSet}, начиная с ${e.first}`, e.from === 'last-reserved' ? `это адрес после last_reserved_ip (${e.last ?? '?'}): выдача по кругу, а не наименьший свободный` : e.from === 'requested' ? 'этот адрес запросила среда выполнения' : 'в этой сети ещё ничего не зарезервировано: поиск идёт с начала диапазона');
        case 'skip':
          return e.why === 'gateway'
            ? told(`Адрес ${e.ip} пропущен: это шлюз, адрес моста`, 'шлюз host-local никогда не выдаёт (с isGateway его получает мост), поэтому первый под получает следующий адрес. В стенде по умолчанию у pod1 адрес .1, а шлюз .254: это статические адреса из конспекта, их выдавал не host-local')
            : told(`Адрес ${e.ip} пропущен`, 'по файлу видно, что он уже зарезервирован');
        case 'reserve':
          return told(`Плагин host-local резервирует ${e.ip} за контейнером ${e.containerId}`, `интерфейс ${e.ifname}, шлюз ${e.gateway}`);
        case 'release':
          return told(`Плагин host-local освобождает ${e.ip}`, `его держал контейнер ${e.containerId}; файл адреса удаляется, а last_reserved_ip остаётся, так что следующий под не получит ${e.ip} сразу`);
        case 'full':
          return told(`В диапазоне ${e.rangeSet} свободных адресов не осталось`);
        case 'block':
          return e.how === 'affine'
            ? told(`Плагин calico-ipam берёт адрес из блока ${e.block}, закреплённого за нодой ${e.host}`, 'за каждой нодой закреплены блоки пула, и их адреса она раздаёт сама')
            : told(`Плагин calico-ipam закрепляет блок ${e.block} за нодой ${e.host}`, 'это блок пула, который никому не принадлежит: теперь он за этой нодой, и остальные ноды направляют к ней весь блок');
        case 'assign':
          return told(`Плагин calico-ipam выдаёт ${e.ip} владельцу ${e.handle}`, e.requested ? 'это запрошенный адрес' : `первый свободный адрес блока ${e.block} (порядковый номер ${e.ordinal}): адрес сети блока выдаётся, как любой другой`);
        case 'unassign':
          return told(`Плагин calico-ipam освобождает ${e.ip}`, `его держал ${e.handle}; адрес уходит в конец списка свободных адресов блока`);
        case 'exhausted':
          return told(`В пуле ${e.pool} не осталось свободных блоков`);
      }
      return told('IPAM');
    },
    datastore: (e) => {
      const verb = { read: 'чтение', missing: 'нет ключа', create: 'создание', update: 'обновление', delete: 'удаление' }[e.op];
      return told(`Хранилище данных Calico, ${verb}: ${e.key}`, 'блоки, владельцев адресов и конечные точки Calico хранит в своём хранилище данных, общем для всего кластера, а не в файлах на ноде');
    },
    check: (e) => {
      const what = { bridge: 'мост', 'container-iface': 'интерфейс пода', 'host-veth': 'конец пары на ноде', address: 'адрес', route: 'маршрут', reservation: 'резервирование' }[e.what];
      return told(`Плагин ${e.plugin} проверяет: ${what} ${e.subject} — ${e.ok ? 'как в prevResult' : 'не совпадает'}`, 'CHECK ничего не меняет, он сравнивает под с результатом, сохранённым при ADD');
    },
  },
  chapters: (f) => {
    switch (f.kind) {
      case 'netns':
        return `Среда выполнения готовит сетевое пространство имён пода ${f.pod}`;
      case 'call':
        return `Среда выполнения вызывает плагин ${f.plugin ?? '?'} с командой ${f.op}`;
      case 'flannel':
        return f.op === 'ADD' ? 'Плагин flannel читает subnet.env и передаёт работу плагину bridge' : 'Плагин flannel передаёт плагину bridge сохранённую конфигурацию';
      case 'bridge':
        return f.exists ? `Плагин bridge находит готовый мост ${f.bridge ?? 'cni0'}` : `Плагин bridge создаёт мост ${f.bridge ?? 'cni0'}`;
      case 'veth':
        return f.bridge !== undefined ? `Пара veth: eth0 в поде ${f.pod}, ${f.hostVeth ?? '?'} на мосту` : `Пара veth: eth0 в поде ${f.pod}, ${f.hostVeth ?? '?'} на ноде ${f.node}, без моста`;
      case 'ipam': {
        const p = f.plugin ?? 'host-local';
        return f.op === 'ADD' ? `Плагин ${p} выдаёт адрес ${f.address ?? ''}`.trim() : f.op === 'DEL' ? `Плагин ${p} освобождает адрес ${f.address ?? ''}`.trim() : `Плагин ${p} проверяет резервирование`;
      }
      case 'pod':
        return `Адрес и маршруты в поде ${f.pod}`;
      case 'gateway':
        return `Шлюз на мосту ${f.bridge ?? '?'}, пересылка включена`;
      case 'teardown':
        return f.netnsGone ? 'Пространства имён уже нет: удалять в нём нечего' : `Плагин bridge удаляет интерфейс пода ${f.pod}`;
      case 'check':
        return `Плагин bridge сверяет под ${f.pod} с prevResult`;
      case 'result':
        return f.error ? `CHECK не проходит: ошибка ${f.error.code}` : f.op === 'ADD' ? 'Результат возвращается вверх по цепочке' : `Все плагины завершаются с кодом 0: ${f.op} прошёл`;
      case 'netns-del':
        return 'Среда выполнения удаляет пространство имён';
    }
  },
  corrections: {
    'runtime-not-kubelet': () => ({
      short: 'Плагин вызывает среда выполнения (containerd, CRI-O), а не kubelet; kubelet вызывал его сам только через dockershim, удалённый в Kubernetes 1.24.',
      long: 'Сетевое пространство имён пода создаёт и плагины CNI запускает среда выполнения контейнеров (containerd, CRI-O), а не kubelet; kubelet лишь просит её по CRI создать песочницу пода. Сам kubelet вызывал плагины только при работе с Docker через dockershim, удалённый в Kubernetes 1.24.',
    }),
    'flannel-creates-nothing': (f) => ({
      short: 'Плагин flannel не создаёт устройств: он лишь составляет конфигурацию для bridge.',
      long: `Плагин flannel не создаёт ни устройств, ни адресов: он читает то, что записал flanneld в subnet.env, и передаёт работу плагину bridge, а тот создаёт мост ${f.bridge} и пару veth. Демон flanneld из DaemonSet kube-flannel в этом вызове не участвует: он записал subnet.env и прописывает маршруты к другим нодам.`,
    }),
    'cni0-created-by-bridge': (f) => ({
      short: `Мост ${f.bridge} создаёт здесь плагин bridge, при ADD первого пода, а не flannel.`,
      long: `До этого момента моста ${f.bridge} не было, и flannel его не создаёт: его создаёт плагин bridge при ADD первого пода на ноде ${f.node}. Потом его никто не удаляет, даже DEL последнего пода.`,
    }),
    'cni0-exists': (f) => ({
      short: `Мост ${f.bridge} уже есть: его создал ADD первого пода, и он остаётся.`,
      long: `Мост ${f.bridge} уже на месте: плагин bridge создал его при ADD первого пода на ноде ${f.node}, и с тех пор его никто не удалял. Этот ADD лишь добавляет к нему порт.`,
    }),
    'bridge-gateway-ip': (f) => ({
      short: `У моста ${f.bridge} есть IP, потому что с isGateway он шлюз для подов.`,
      long: `Чтобы передавать кадры, мосту адрес не нужен. Мост ${f.bridge} получает ${f.address ?? 'адрес'}, потому что в конфигурации стоит isGateway: мост становится шлюзом подов, их входом в таблицу маршрутизации ноды ${f.node}.`,
    }),
    'host-local-round-robin': () => ({
      short: 'Плагин host-local: по файлу на адрес, выдача по кругу после last_reserved_ip.',
      long: 'Плагин host-local хранит по файлу на каждый выданный адрес и выдаёт адреса по кругу, начиная после last_reserved_ip: только что освобождённый адрес сразу не выдаётся.',
    }),
    'freed-not-reused': () => ({
      short: 'Файл адреса удалён, а last_reserved_ip остался: адрес не выдадут сразу.',
      long: 'При освобождении удаляется файл адреса, но не last_reserved_ip: следующий под получит адрес после курсора, а не только что освобождённый.',
    }),
    'del-netns-gone': () => ({
      short: 'DEL обязан пройти, даже если пространства имён уже нет.',
      long: 'Спецификация требует, чтобы DEL проходил успешно, даже если пространства имён или части ресурсов уже нет: среда выполнения может повторить вызов после сбоя, а то, что осталось на ноде (файл host-local), всё равно нужно освободить.',
    }),
    'cni0-stays': (f) => ({
      short: `DEL удаляет пару veth, но не мост ${f.bridge}.`,
      long: `DEL удаляет пару veth пода и освобождает его адрес, а мост ${f.bridge} с его адресом остаётся, даже когда уходит последний под ноды ${f.node}.`,
    }),
  },
  outcome: (o) => {
    const steps = count('ru', o.steps, { one: 'событие', few: 'события', many: 'событий', other: 'события' });
    if (o.error) return `${o.op} не прошёл, ошибка ${o.error.code}: «${o.error.msg}» (${steps}).`;
    if (o.op === 'ADD') return `У пода ${o.pod} есть сеть на ноде ${o.node}: ${o.address ?? '?'} на eth0, шлюз ${o.gateway ?? '?'} (${steps}).`;
    if (o.op === 'DEL') return o.netnsGone ? `DEL прошёл, хотя пространства имён пода ${o.pod} уже не было; его адрес свободен (${steps}).` : `Сети пода ${o.pod} больше нет; мост cni0 остаётся (${steps}).`;
    return `CHECK нашёл под ${o.pod} таким, как в prevResult (${steps}).`;
  },
};
