import { useEffect } from 'react';

const PRODUCT = 'Attribution Analytics';

/** Each screen names itself in the tab and to screen readers (WCAG 2.4.2). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${PRODUCT}`;
  }, [title]);
}
