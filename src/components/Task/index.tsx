import React, {useEffect, useId, useState} from 'react';
import Link from '@docusaurus/Link';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {renderForPage} from '@site/src/lib/labs/placeholders';
import {competencyOf, domainOf} from '@site/src/lib/tasks/competencies';
import type {TaskPageData} from '@site/src/lib/tasks/model';
import {pipeCommand, taskPaths} from '@site/src/lib/tasks/paths';
import Command from '../Lab/Command';
import facts from '../Lab/Facts/styles.module.css';
import shared from '../Lab/styles.module.css';
import StepMarkdown from '../Lab/StepMarkdown';
import Solution from './Solution';
import Timer from './Timer';
import {usePassed} from './useTaskProgress';
import styles from './styles.module.css';

interface TaskProps {
  /** The task's id (folder under labs/tasks/). */
  readonly id: string;
  /** Injected at build time by src/plugins/tasks/remark.ts; never written by hand. */
  readonly data?: TaskPageData;
}

const MODE_TEXT = {sidecar: 'sidecar mode', ambient: 'ambient mode', any: 'sidecar or ambient mode'} as const;

function Facts({data}: {data: TaskPageData}): React.JSX.Element {
  const {task, labs} = data;
  return (
    <dl className={facts.facts}>
      <div>
        <dt>Suggested time</dt>
        <dd>{task.minutes} minutes</dd>
      </div>
      <div>
        <dt>Exam domain</dt>
        <dd>{domainOf(task.domain).title}</dd>
      </div>
      <div>
        <dt>Competencies</dt>
        <dd>{task.competencies.map((id) => competencyOf(id).title).join('; ')}</dd>
      </div>
      <div>
        <dt>Cluster</dt>
        <dd>
          {MODE_TEXT[task.mode]}, after{' '}
          {task.prerequisites.map((item, index) => (
            <React.Fragment key={index}>
              {index > 0 && '; '}
              {'doc' in item ? <Link to={item.doc}>{item.label}</Link> : labs[item.lab] ? <Link to={labs[item.lab]!.path}>{labs[item.lab]!.title}</Link> : item.lab}
            </React.Fragment>
          ))}
        </dd>
      </div>
    </dl>
  );
}

function Section({title, children}: {title: string; children: React.ReactNode}): React.JSX.Element {
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.title}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function PassedToggle({id}: {id: string}): React.JSX.Element {
  const {passed, passedAt, setPassed} = usePassed(id);
  const inputId = useId();
  return (
    <p className={styles.passed} data-passed={passed || undefined}>
      <input id={inputId} type="checkbox" checked={passed} onChange={(event) => setPassed(event.target.checked)} />{' '}
      <label htmlFor={inputId}>I passed verify</label>
      {passed && passedAt && <span className={shared.note}> (on {new Date(passedAt).toLocaleDateString()})</span>}
    </p>
  );
}

/**
 * A practice task page: facts, scenario, the one setup command, a timer, the verify command, the
 * learner's "passed" mark, the solution behind "Show solution", and the cleanup command. All of
 * it is in the server HTML; JavaScript adds copying, the clock and the remembered state.
 */
export default function Task({id, data}: TaskProps): React.JSX.Element {
  if (!data) throw new Error(`<Task id="${id}">: no task data. The remark plugin src/plugins/tasks/remark.ts injects it; is it registered?`);
  if (data.task.id !== id) throw new Error(`<Task id="${id}"> received the data of task "${data.task.id}"`);
  const {task} = data;
  const {siteConfig} = useDocusaurusContext();
  const paths = taskPaths(task.id, siteConfig.baseUrl);
  const absolute = taskPaths(task.id, `${siteConfig.url}${siteConfig.baseUrl}`);
  const render = (command: string) => renderForPage(command, {values: {}, manifestUrl: absolute.file});
  // Set once the page has hydrated and read the stored state (children's effects run first).
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <div className={styles.task} data-task={task.id} data-ready={ready || undefined}>
      <Facts data={data} />
      <Section title="Scenario">
        <StepMarkdown text={task.scenario} />
      </Section>
      <Section title="Set up">
        <p>With the cluster of the lab above, create the starting state (it uses only its own namespaces):</p>
        <Command text={pipeCommand(absolute.setup)} label="Setup command" />
        <p className={shared.note}>
          Read it first if you like: <a href={paths.setup}>setup.sh</a>.
        </p>
      </Section>
      <Timer id={task.id} minutes={task.minutes} />
      <Section title="Verify">
        <p>When you think you are done, let the cluster judge: one line per criterion, PASS or FAIL with a hint.</p>
        <Command text={pipeCommand(absolute.verify)} label="Verify command" />
        <ul className={styles.criteria}>
          {task.verify.map((criterion, index) => (
            <li key={index}>{criterion.criterion}</li>
          ))}
        </ul>
        <PassedToggle id={task.id} />
      </Section>
      <Section title="Solution">
        <Solution solution={task.solution} manifests={data.manifests} render={render} paths={paths} />
      </Section>
      <Section title="Clean up">
        <p>Remove everything the task created, so the next task starts clean:</p>
        <Command text={pipeCommand(absolute.cleanup)} label="Cleanup command" />
      </Section>
    </div>
  );
}
