import { useEffect, useId, useRef, type ReactNode } from 'react';

/** Where focus goes when the element that opened a dialog is gone (a navigation replaced it). */
const FALLBACK_FOCUS = 'main';

// The native <dialog> gives focus trapping, Escape and the backdrop for free; it also returns focus on
// close, but only to an element that still exists, so the fallback is the page's main landmark.
export function Dialog({
  open,
  onClose,
  title,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  function handleClose() {
    const previous = opener.current;
    opener.current = null;
    const target =
      previous instanceof HTMLElement && previous.isConnected && previous !== document.body
        ? previous
        : document.querySelector<HTMLElement>(FALLBACK_FOCUS);
    target?.focus();
    onClose();
  }

  return (
    <dialog ref={ref} className="dialog" onClose={handleClose} aria-labelledby={titleId}>
      <div className="dialog__body">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}
