import { useMemo, useState } from 'react';
import { proofCommand, proofOf, tcpdumpInstall, wgInstall } from '../../core/proof';
import { useHost } from '../../store/link';
import { useAppStore } from '../../store/StoreContext';
import { useProofStrings } from '../i18n/proofStrings';

/**
 * The inside of "Check it on real Linux" (`ProofFold` draws it folded): the command that shows this
 * event's fact on real machines (the cluster's own way in when the lab models one: `minikube ssh`,
 * `kubectl exec`), and what its output contains. Its own lazy chunk, loaded when a reader opens it.
 */
export default function ProofBlock() {
  const t = useProofStrings();
  const result = useAppStore((s) => s.result);
  const index = useAppStore((s) => s.index);
  const topology = useAppStore((s) => s.topology);
  const { copyText } = useHost();
  const [copied, setCopied] = useState<string | null>(null);
  const proof = useMemo(() => (result ? proofOf(result, index, topology) : null), [result, index, topology]);
  if (!proof) return <p className="proof-why">{t.none}</p>;
  const line = proofCommand(proof, topology);
  const install = tcpdumpInstall(proof, topology);
  const installWg = wgInstall(proof, topology);
  const copy = () => {
    if (!copyText) return;
    copyText(line).then(() => setCopied(line), () => setCopied(null));
  };
  return (
    <>
      <p className="proof-row">
        <span className="proof-label">{t.run}</span> <code className="proof-command" data-testid="proof-command">{line}</code>
        {copyText && (
          <button type="button" className="link-button proof-copy" onClick={copy} aria-live="polite">
            {copied === line ? t.copied : t.copy}
          </button>
        )}
      </p>
      <p className="proof-row">
        <span className="proof-label">{t.shows}</span>{' '}
        {proof.expect.map((x, k) => (
          <code key={k} className="proof-expect" data-testid="proof-expect">
            {x}
          </code>
        ))}
      </p>
      <p className="proof-why">
        {t.why[proof.kind]}
        {proof.viaHostVeth && <> {t.viaHostVeth(result?.events[index]?.ns ?? '', proof.viaHostVeth.node, proof.viaHostVeth.iface)}</>}
        {proof.state === 'REACHABLE' && <> {t.ages}</>}
      </p>
      {install && (
        <p className="proof-why" data-testid="proof-install">
          {t.installTcpdump} <code className="proof-command">{install}</code>
        </p>
      )}
      {installWg && (
        <p className="proof-why" data-testid="proof-install">
          {t.installWg} <code className="proof-command">{installWg}</code>
        </p>
      )}
      {topology.cluster && <p className="proof-why">{t.ownValues}</p>}
    </>
  );
}
