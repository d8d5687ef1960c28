import { count, plural, type PluralForms } from '../../../core/i18n/plural';
import type { AnySizeStrings } from '../anySizeStrings';

const PORTS_RU: PluralForms = { one: 'порт', few: 'порта', many: 'портов', other: 'порта' };
// The verb agrees with the number too: «21 хост его игнорирует», «3 хоста его игнорируют».
const HOSTS_RU: PluralForms = { one: 'хост его игнорирует', few: 'хоста его игнорируют', many: 'хостов его игнорируют', other: 'хоста его игнорируют' };
const PODS_RU: PluralForms = { one: 'под', few: 'пода', many: 'подов', other: 'пода' };
// «Обзор 21 машины и 150 000 подов»: after «обзор» both stand in the genitive.
const PODS_GEN_RU: PluralForms = { one: 'пода', few: 'подов', many: 'подов', other: 'пода' };
const MACHINES_RU: PluralForms = { one: 'машины', few: 'машин', many: 'машин', other: 'машины' };
const EVENTS_RU: PluralForms = { one: 'событие', few: 'события', many: 'событий', other: 'события' };
/** A number as Russian groups thousands: 150 000. */
const big = (n: number): string => n.toLocaleString('ru-RU');

/** Journeys of any size, in Russian. */
export const anySizeRu: AnySizeStrings = {
  fold: {
    switchOf: (name) => `Коммутатор ${name}`,
    bridgeOf: (name) => `Мост ${name}`,
    flooded: (ports, bridge) => `${bridge} рассылает кадр в ${count('ru', ports, PORTS_RU)}`,
    floodedArp: (ports, bridge) => `${bridge} рассылает ARP-запрос в ${count('ru', ports, PORTS_RU)}`,
    ignored: (n) => `${n} ${plural('ru', n, HOSTS_RU)}: он не для них`,
    answered: (who) => `${String(who).includes(', ') ? 'отвечают' : 'отвечает'} только ${who}`,
    nobody: 'никто не отвечает',
    hidden: (n) => `свёрнуто в одно: ${count('ru', n, EVENTS_RU)}`,
    unfold: 'Развернуть',
    fold: 'Свернуть',
    unfoldLabel: (n) => `Развернуть рассылку: показать ${count('ru', n, EVENTS_RU)} по одному`,
    foldLabel: 'Свернуть рассылку в одно событие',
    steps: (span) => `свёрнуты события ${span}`,
  },
  toc: {
    title: 'Главы',
    show: 'Оглавление',
    marks: '! — глава, где конспект упрощает картину: она начинается с того, что на самом деле делает Linux.',
    current: 'текущая глава',
  },
  overview: {
    pods: (n) => `${big(n)} ${plural('ru', n, PODS_RU)}`,
    note: (machines, pods) => `Обзор ${big(machines)} ${plural('ru', machines, MACHINES_RU)} и ${big(pods)} ${plural('ru', pods, PODS_GEN_RU)}: приблизьте схему, чтобы увидеть машины целиком. Машины, через которые идёт пакет, раскрыты.`,
  },
  canvas: {
    label: 'Схема — один элемент в порядке перехода по Tab: стрелками можно переходить между машинами и подами, Enter или пробел закрепляет их таблицы.',
  },
};
