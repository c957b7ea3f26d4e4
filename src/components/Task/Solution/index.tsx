import React from 'react';
import type {TaskSolution} from '@site/src/lib/tasks/model';
import type {TaskPaths} from '@site/src/lib/tasks/paths';
import Command from '../../Lab/Command';
import {Manifest} from '../../Lab/Step';
import StepMarkdown from '../../Lab/StepMarkdown';
import styles from './styles.module.css';

/**
 * The solution, closed until the learner opens it: a <details>, so it stays hidden (and out of
 * the accessibility tree) until asked, and opens without JavaScript too.
 */
export default function Solution(props: {
  solution: TaskSolution;
  manifests: Readonly<Record<string, string>>;
  render: (command: string) => string;
  paths: TaskPaths;
}): React.JSX.Element {
  const {solution, render} = props;
  return (
    <details className={styles.solution}>
      <summary className={styles.summary}>Show solution</summary>
      <div className={styles.body}>
        <StepMarkdown text={solution.body} />
        {solution.commands.map((command, index) => (
          <Command
            key={index}
            text={render(command.run)}
            label={solution.commands.length > 1 ? `Solution command ${index + 1}` : 'Solution command'}
          />
        ))}
        {(solution.manifests ?? []).map((file) => (
          <Manifest key={file} file={file} text={props.manifests[file] ?? ''} paths={props.paths} />
        ))}
        <p className={styles.note}>
          Or apply it all at once: <a href={props.paths.solution}>solution.sh</a>.
        </p>
      </div>
    </details>
  );
}
