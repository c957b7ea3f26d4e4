import React, {useId} from 'react';
import type {LabCommand} from '@site/src/lib/labs/model';
import type {LabPaths} from '@site/src/lib/labs/paths';
import {RUN_SCRIPT} from '@site/src/lib/labs/script';
import Command from '../Command';
import CopyButton from '../CopyButton';
import shared from '../styles.module.css';
import styles from './styles.module.css';

/** The commands that remove what the lab created, one by one and all at once. */
export default function Cleanup(props: {
  commands: readonly LabCommand[];
  badgeModes: boolean;
  render: (command: string) => string;
  paths: LabPaths;
}): React.JSX.Element {
  const {commands, render} = props;
  const headingId = useId();
  return (
    <section className={styles.cleanup} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.title}>
        Clean up
      </h2>
      <p>These commands remove what the lab created.</p>
      {commands.map((command, index) => (
        <Command
          key={index}
          text={render(command.run)}
          mode={props.badgeModes ? command.mode : undefined}
          label={commands.length > 1 ? `Cleanup command ${index + 1}` : 'Cleanup command'}
        />
      ))}
      {commands.length > 1 && (
        <CopyButton text={commands.map((command) => render(command.run)).join('\n')} label="Copy all cleanup commands">
          Copy all cleanup commands
        </CopyButton>
      )}
      <p className={shared.note}>
        The downloaded <a href={props.paths.script}>{RUN_SCRIPT}</a> runs every step and checks each one;{' '}
        <code>./{RUN_SCRIPT} --cleanup</code> also cleans up at the end.
      </p>
    </section>
  );
}
