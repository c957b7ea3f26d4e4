import React, {useEffect, useId, useRef, useState} from 'react';
import CopyButton from '../CopyButton';
import shared from '../styles.module.css';
import styles from './styles.module.css';

/**
 * The sticky bar above the steps: progress, "copy all" and "reset". On a narrow screen it is one
 * compact row (progress and a disclosure button that opens the actions), so it never covers
 * much of a phone. It reports its height, which step headings keep clear of when scrolled to.
 */
export default function Toolbar(props: {
  doneCount: number;
  total: number;
  allCommands: string;
  onReset: () => void;
  onHeight: (height: number) => void;
}): React.JSX.Element {
  const uid = useId();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const {onHeight} = props;

  useEffect(() => {
    const node = ref.current;
    if (!node || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => onHeight(node.getBoundingClientRect().height));
    observer.observe(node);
    return () => observer.disconnect();
  }, [onHeight]);

  return (
    <div ref={ref} className={styles.toolbar} data-open={open} role="group" aria-label="Lab progress">
      <div className={styles.progress}>
        <label htmlFor={`${uid}-progress`}>
          Progress: {props.doneCount} of {props.total} steps done
        </label>
        <progress id={`${uid}-progress`} max={props.total} value={props.doneCount} />
      </div>
      <button
        type="button"
        className={`${shared.secondaryButton} ${styles.toggle}`}
        aria-expanded={open}
        aria-controls={`${uid}-actions`}
        onClick={() => setOpen(!open)}
      >
        Actions <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id={`${uid}-actions`} className={styles.actions}>
        <CopyButton text={props.allCommands} label="Copy all commands of this lab">
          Copy all commands
        </CopyButton>
        <button type="button" className={shared.secondaryButton} onClick={props.onReset}>
          Reset progress
        </button>
      </div>
    </div>
  );
}
