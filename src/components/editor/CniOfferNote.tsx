import { useAppStore } from '../../store/StoreContext';
import { useCniStrings } from '../cni/cniPanelStrings';
import '../cni/cni.css';

/**
 * After "Add pod": the pod got its network from a CNI ADD, and the story of that ADD is one
 * click away (it plays in the player, on the lab as it was before the pod). Gone after the next
 * edit of another kind, when edit mode closes, or when dismissed.
 */
export function CniOfferNote() {
  const t = useCniStrings();
  const offer = useAppStore((s) => s.cniOffer);
  const watch = useAppStore((s) => s.watchCniOffer);
  const dismiss = useAppStore((s) => s.offerCniStory);
  if (!offer) return null;
  return (
    <div className="cni-offer" role="status" data-testid="cni-offer">
      <span>{t.offer(offer.pod)}</span>
      <button type="button" className="link-button" onClick={() => void watch()} data-testid="cni-watch">
        {t.watch}
      </button>
      <button type="button" className="link-button" onClick={() => dismiss(null)}>
        {t.dismiss}
      </button>
    </div>
  );
}
