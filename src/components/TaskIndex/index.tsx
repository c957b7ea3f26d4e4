import React, {useEffect, useState} from 'react';
import Link from '@docusaurus/Link';
import tasks from '@generated/tasks/default/task-summaries.json';
import {readItem} from '@site/src/lib/labs/progress';
import {competencyOf, EXAM_DOMAINS} from '@site/src/lib/tasks/competencies';
import type {TaskSummary} from '@site/src/lib/tasks/model';
import {decodeTaskProgress, taskProgressKey} from '@site/src/lib/tasks/progress';
import styles from './styles.module.css';

/** Ids of the tasks this browser marked as passed; refreshed on `sml-progress` and storage events. */
function usePassedTasks(tasks: readonly TaskSummary[]): ReadonlySet<string> {
  const [passed, setPassed] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const read = () => setPassed(new Set(tasks.filter((task) => decodeTaskProgress(readItem(taskProgressKey(task.id))).passed).map((task) => task.id)));
    read();
    window.addEventListener('sml-progress', read);
    window.addEventListener('storage', read);
    return () => {
      window.removeEventListener('sml-progress', read);
      window.removeEventListener('storage', read);
    };
  }, [tasks]);
  return passed;
}

/** The practice tasks by exam domain: title, suggested time, competencies, passed or not. */
export default function TaskIndex(): React.JSX.Element {
  const passed = usePassedTasks(tasks);
  const count = tasks.filter((task) => passed.has(task.id)).length;
  return (
    <>
      <p>
        {tasks.length} practice tasks; <span data-testid="tasks-passed">{count}</span> passed in this browser.
      </p>
      {EXAM_DOMAINS.map((domain) => {
        const inDomain = tasks.filter((task) => task.domain === domain.id);
        if (inDomain.length === 0) return null;
        return (
          <section key={domain.id} aria-labelledby={`tasks-${domain.id}`}>
            <h2 id={`tasks-${domain.id}`}>
              {domain.title} ({domain.weight} % of the exam)
            </h2>
            <div className="sml-table">
              <table role="table">
                <caption className={styles.caption}>Practice tasks: {domain.title}</caption>
                <thead role="rowgroup">
                  <tr role="row">
                    <th scope="col" role="columnheader">Task</th>
                    <th scope="col" role="columnheader">Time</th>
                    <th scope="col" role="columnheader">Competencies</th>
                    <th scope="col" role="columnheader">Passed</th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  {inDomain.map((task) => (
                    <tr key={task.id} role="row" data-task={task.id}>
                      <th scope="row" role="rowheader" className={styles.title}>
                        {task.path ? <Link to={task.path}>{task.title}</Link> : task.title}
                      </th>
                      <td role="cell" data-label="Time">{task.minutes} min</td>
                      <td role="cell" data-label="Competencies">{task.competencies.map((id) => competencyOf(id).title).join('; ')}</td>
                      <td role="cell" data-label="Passed">{passed.has(task.id) ? '✓ passed' : 'not yet'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}
