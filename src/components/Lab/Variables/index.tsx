import React, {useId} from 'react';
import type {LabVariable} from '@site/src/lib/labs/model';
import shared from '../styles.module.css';
import styles from './styles.module.css';

/** One text field per lab variable; every command on the page uses the values, shell-quoted. */
export default function Variables(props: {
  variables: readonly LabVariable[];
  values: Readonly<Record<string, string>>;
  onChange: (name: string, value: string) => void;
  onReset: () => void;
}): React.JSX.Element {
  const uid = useId();
  return (
    <fieldset className={styles.variables}>
      <legend>Your values</legend>
      <p className={shared.note}>Change a value and every command below uses it, quoted for the shell.</p>
      {props.variables.map((variable) => {
        const inputId = `${uid}-${variable.name}`;
        return (
          <div key={variable.name} className={styles.variable}>
            <label htmlFor={inputId}>
              <code>{variable.name}</code>
            </label>
            <input
              id={inputId}
              type="text"
              spellCheck={false}
              autoComplete="off"
              value={props.values[variable.name] ?? variable.default}
              onChange={(event) => props.onChange(variable.name, event.target.value)}
              aria-describedby={`${inputId}-help`}
            />
            <span id={`${inputId}-help`} className={shared.note}>
              {variable.description} Default: <code>{variable.default}</code>.
            </span>
          </div>
        );
      })}
      <button type="button" className={shared.secondaryButton} onClick={props.onReset}>
        Restore default values
      </button>
    </fieldset>
  );
}
