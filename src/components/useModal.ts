import { useEffect, useRef, type RefObject } from 'react';

/**
 * A `<dialog>` shown modal once mounted (Tab stays inside, Escape fires `cancel`): the ref to put on
 * it. jsdom has no showModal: there the dialog is simply open, so component tests see it all the same.
 */
export function useModal(): RefObject<HTMLDialogElement> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (typeof d.showModal === 'function') {
      if (!d.open) d.showModal();
    } else d.setAttribute('open', '');
  }, []);
  return dialog;
}
