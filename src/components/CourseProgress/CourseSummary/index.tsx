import React from 'react';
import type {LabSteps} from '@site/src/lib/progress';
import {usePublishedLabs} from '@site/src/components/Lab/labData';
import tasks from '@generated/tasks/default/task-summaries.json';
import {useProgressState} from '../useProgress';
import styles from '../styles.module.css';

/**
 * Labs completed and practice tasks passed in this browser. `labs` is the step list the labs
 * plugin generates (imported by the page, so it stays out of main.js); only labs with a page count.
 * The task summaries are a generated module for the same reason.
 */
export default function CourseSummary({labs}: {labs: readonly LabSteps[]}): React.JSX.Element {
  const published = usePublishedLabs();
  const state = useProgressState(labs);
  const shownLabs = labs.filter((lab) => published.get(lab.id)?.path);
  const labsDone = shownLabs.filter((lab) => state.labComplete(lab.id)).length;
  const tasksDone = tasks.filter((task) => state.taskPassed(task.id)).length;
  const value = (done: number, total: number) => (state.hydrated ? `${done} of ${total}` : `${total}`);
  return (
    <dl className={styles.stats} data-course-summary={state.hydrated ? '' : undefined}>
      <div className={styles.stat}>
        <dt>Labs completed</dt>
        <dd data-labs-completed={state.hydrated ? labsDone : undefined}>{value(labsDone, shownLabs.length)}</dd>
      </div>
      <div className={styles.stat}>
        <dt>Practice tasks passed</dt>
        <dd data-tasks-passed={state.hydrated ? tasksDone : undefined}>{value(tasksDone, tasks.length)}</dd>
      </div>
    </dl>
  );
}
