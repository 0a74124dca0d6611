import { useState } from 'react';
import { Button } from './Button.js';

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // Clipboard access needs a secure context or permission; the text stays selectable.
      setState('failed');
    }
  }

  return (
    <Button variant="secondary" size="sm" onClick={copy}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select & copy' : label}
    </Button>
  );
}
