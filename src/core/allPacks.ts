import { registerPackNarration } from './i18n/packNarration';
import { bpfEventsEn } from './i18n/en/bpfEvents';
import { ipipEventsEn } from './i18n/en/ipipEvents';
import { ovsEventsEn } from './i18n/en/ovsEvents';
import { vxlanEventsEn } from './i18n/en/vxlanEvents';
import { wgEventsEn } from './i18n/en/wgEvents';
import { bpfEventsRu } from './i18n/ru/bpfEvents';
import { ipipEventsRu } from './i18n/ru/ipipEvents';
import { ovsEventsRu } from './i18n/ru/ovsEvents';
import { vxlanEventsRu } from './i18n/ru/vxlanEvents';
import { wgEventsRu } from './i18n/ru/wgEvents';
import { bpfPack } from './sim/bpfCilium';
import { ipipPack } from './sim/ipip';
import { ovsPack } from './sim/ovs';
import { registerPack } from './sim/packs';
import { vxlanPack } from './sim/vxlan';
import { wireguardPack } from './sim/wireguard';
import { registerPackTeller } from './narrate/packTellers';
import { bpfTeller } from './narrate/tellBpf';
import { ipipTeller } from './narrate/tellIpip';
import { ovsTeller } from './narrate/tellOvs';
import { vxlanTeller } from './narrate/tellVxlan';
import { wireguardTeller } from './narrate/tellWg';
// The validator too (model/vouch.ts): Node programs run labs from files and builders nobody vouched for.
import './model/validate';

/*
 * Every datapath pack (sim/packs.ts), engine, message choosers and sentences in every language, and
 * the validator (the `validation` part: model/vouch.ts), registered on import: for Node programs (the trace command, the benchmarks, the kernel recorder) and the tests,
 * which run and tell any lab without waiting. The player's pages load packs on demand instead
 * (core/packs.ts `loadPacks`).
 */
registerPack('vxlan', vxlanPack);
registerPack('wireguard', wireguardPack);
registerPack('ipip', ipipPack);
registerPack('ovs', ovsPack);
registerPack('bpf', bpfPack);
registerPackTeller('vxlan', vxlanTeller);
registerPackTeller('wireguard', wireguardTeller);
registerPackTeller('ipip', ipipTeller);
registerPackTeller('ovs', ovsTeller);
registerPackTeller('bpf', bpfTeller);
registerPackNarration('vxlan', 'en', vxlanEventsEn);
registerPackNarration('vxlan', 'ru', vxlanEventsRu);
registerPackNarration('wireguard', 'en', wgEventsEn);
registerPackNarration('wireguard', 'ru', wgEventsRu);
registerPackNarration('ipip', 'en', ipipEventsEn);
registerPackNarration('ipip', 'ru', ipipEventsRu);
registerPackNarration('ovs', 'en', ovsEventsEn);
registerPackNarration('ovs', 'ru', ovsEventsRu);
registerPackNarration('bpf', 'en', bpfEventsEn);
registerPackNarration('bpf', 'ru', bpfEventsRu);
