import React, {useCallback, useEffect, useRef, useState} from 'react';
import styles from './styles.module.css';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies through the Clipboard API, or through a selected textarea where that is unavailable. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the selection-based copy.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** The state of one copy button: what happened on the last click, for two seconds. */
export function useCopyButton(text: string): {state: CopyState; copy: () => Promise<void>} {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const copy = useCallback(async () => {
    const ok = await copyText(text);
    setState(ok ? 'copied' : 'failed');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 2000);
  }, [text]);
  return {state, copy};
}

const SHOWN: Record<CopyState, string | null> = {idle: null, copied: 'Copied', failed: 'Copy failed'};
const ANNOUNCED: Record<CopyState, string> = {
  idle: '',
  copied: 'Copied to the clipboard',
  failed: 'Could not copy; select the text instead',
};

export default function CopyButton({text, label, children}: {text: string; label: string; children?: React.ReactNode}) {
  const {state, copy} = useCopyButton(text);
  return (
    <button type="button" className={styles.copyButton} onClick={copy} aria-label={label}>
      {SHOWN[state] ?? children ?? 'Copy'}
      <span className="visually-hidden" aria-live="polite">
        {ANNOUNCED[state]}
      </span>
    </button>
  );
}
