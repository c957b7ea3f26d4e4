import React from 'react';
import type {LabMode} from '@site/src/lib/labs/model';
import CopyButton from '../CopyButton';
import shared from '../styles.module.css';
import styles from './styles.module.css';

/**
 * One command as the learner pastes it, with its copy button. The text never wraps (a wrapped
 * `--overwrite` reads as two words): a long command scrolls sideways inside its own box.
 */
export default function Command({text, label, mode}: {text: string; label: string; mode?: LabMode}): React.JSX.Element {
  return (
    <div className={styles.command}>
      {mode && <span className={shared.modeBadge}>{mode} mode only</span>}
      <div className={styles.commandRow}>
        {/* Focusable so a keyboard user can scroll a long command. */}
        <pre className={`${shared.scrollBox} ${styles.commandText}`} tabIndex={0}>
          <code>{text}</code>
        </pre>
        <CopyButton text={text} label={`Copy ${label.charAt(0).toLowerCase()}${label.slice(1)}`} />
      </div>
    </div>
  );
}
