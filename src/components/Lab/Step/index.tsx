import React, {useId} from 'react';
import CodeBlock from '@theme/CodeBlock';
import type {LabCommand, LabExpect, LabStep} from '@site/src/lib/labs/model';
import type {LabPaths} from '@site/src/lib/labs/paths';
import Command from '../Command';
import StepMarkdown from '../StepMarkdown';
import shared from '../styles.module.css';
import styles from './styles.module.css';

const MATCH_EXPLAINED: Record<LabExpect['match'], string> = {
  exact: 'Your output should be exactly this.',
  contains: 'Your output should contain this.',
  'not-contains': 'Your output should not contain this.',
  like: 'Your output should look like this; ages, IP addresses and pod-name suffixes will differ, and "..." stands for lines left out.',
};

/** The id of a step's heading: what a link to the step (`#step-<id>`) points at. */
export function stepAnchor(step: LabStep): string {
  return `step-${step.id}`;
}

/** One manifest as shown under a step (or a task's solution), with its download link. */
export function Manifest({file, text, paths}: {file: string; text: string; paths: Pick<LabPaths, 'file'>}): React.JSX.Element {
  return (
    <div className={styles.manifest}>
      <CodeBlock language="yaml" title={`manifests/${file}`}>
        {text}
      </CodeBlock>
      <a href={paths.file(file)} download={file} className={shared.download}>
        Download {file}
      </a>
    </div>
  );
}

function ExpectedOutput({expect}: {expect: LabExpect}): React.JSX.Element {
  return (
    <details className={styles.details}>
      <summary>Expected output</summary>
      <p className={shared.note}>{MATCH_EXPLAINED[expect.match]}</p>
      <pre className={`${shared.scrollBox} ${styles.output}`} tabIndex={0}>
        <code>{expect.output.replace(/\n$/, '')}</code>
      </pre>
    </details>
  );
}

export interface StepProps {
  readonly step: LabStep;
  /** Its number among the steps shown (continuous within the chosen mode). */
  readonly number: number;
  /** The commands shown: the chosen mode's, or every mode's before hydration. */
  readonly commands: readonly LabCommand[];
  /** Mark commands that belong to one mode (when every mode's are shown). */
  readonly badgeModes: boolean;
  readonly render: (command: string) => string;
  readonly manifests: Readonly<Record<string, string>>;
  readonly paths: LabPaths;
  readonly done: boolean;
  readonly onDoneChange: (done: boolean) => void;
}

/** One step: heading, body, commands, manifests, expected output, check, hint and a done box. */
export default function Step(props: StepProps): React.JSX.Element {
  const {step, number, commands, render} = props;
  const doneId = useId();
  return (
    <li className={props.done ? `${styles.step} ${styles.stepDone}` : styles.step}>
      <h2 id={stepAnchor(step)} className={styles.stepTitle}>
        Step {number}: {step.title}
        {step.mode && <span className={shared.modeBadge}>{step.mode} mode only</span>}
      </h2>
      {step.body && <StepMarkdown text={step.body} />}
      {commands.map((command, index) => (
        <Command
          key={index}
          text={render(command.run)}
          mode={props.badgeModes ? command.mode : undefined}
          label={commands.length > 1 ? `Command ${index + 1} of step ${number}` : `Command of step ${number}`}
        />
      ))}
      {(step.manifests ?? []).map((file) => (
        <Manifest key={file} file={file} text={props.manifests[file] ?? ''} paths={props.paths} />
      ))}
      {step.expect && <ExpectedOutput expect={step.expect} />}
      {step.check && (
        <details className={styles.details}>
          <summary>Check that it worked</summary>
          <p className={shared.note}>This command succeeds (exit status 0) once the step has worked.</p>
          <Command text={render(step.check)} label={`Check of step ${number}`} />
        </details>
      )}
      <details className={styles.details}>
        <summary>Hint</summary>
        <StepMarkdown text={step.hint} />
      </details>
      <div className={styles.doneRow}>
        <input id={doneId} type="checkbox" checked={props.done} onChange={(event) => props.onDoneChange(event.target.checked)} />
        <label htmlFor={doneId}>Step {number} done</label>
      </div>
    </li>
  );
}
