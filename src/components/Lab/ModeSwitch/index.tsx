import React, {useId} from 'react';
import type {LabMode} from '@site/src/lib/labs/model';
import shared from '../styles.module.css';
import styles from './styles.module.css';

const MODE_LABEL: Record<LabMode, string> = {sidecar: 'Sidecar', ambient: 'Ambient'};

/** The sidecar/ambient radio group of a two-mode lab. */
export default function ModeSwitch(props: {
  modes: readonly LabMode[];
  mode: LabMode;
  onChange: (mode: LabMode) => void;
}): React.JSX.Element {
  const name = useId();
  return (
    <fieldset className={styles.modeSwitch}>
      <legend>Data-plane mode</legend>
      {props.modes.map((candidate) => (
        <label key={candidate} className={styles.modeOption}>
          <input
            type="radio"
            name={name}
            value={candidate}
            checked={props.mode === candidate}
            onChange={() => props.onChange(candidate)}
          />{' '}
          {MODE_LABEL[candidate]}
        </label>
      ))}
      <p className={shared.note}>Your choice is remembered on every lab page.</p>
    </fieldset>
  );
}
