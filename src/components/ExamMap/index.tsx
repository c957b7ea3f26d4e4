import React from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import labSteps from '@generated/labs/default/lab-steps.json';
import tasks from '@generated/tasks/default/task-summaries.json';
import {usePublishedLabs} from '@site/src/components/Lab/labData';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {useDocsSidebar} from '@docusaurus/plugin-content-docs/client';
import type {PropSidebarItem} from '@docusaurus/plugin-content-docs';
import {useProgressState, type ProgressState} from '@site/src/components/CourseProgress/useProgress';
import {EXAM_DOMAINS, presetPage, type ExamCompetency} from '@site/src/data/exam';
import {LAB_CATALOG} from '@site/src/data/labCatalog';
import {PLAYGROUND_EXAMPLES} from '@site/src/data/playgroundExamples';
import {competencyProgress, docPathOf, tasksFor, withoutAnchor, type TaskRef} from '@site/src/lib/progress';
import styles from './styles.module.css';

interface Resolved {
  readonly competency: ExamCompetency;
  /** Chapters whose page exists on this site, with their titles. */
  readonly chapters: readonly {route: string; title: string}[];
  readonly labs: readonly {id: string; title: string; path: string}[];
  readonly tasks: readonly TaskRef[];
}

/** Route (without baseUrl) → sidebar label, for every page of the sidebar. */
function sidebarTitles(items: readonly PropSidebarItem[], baseUrl: string, into = new Map<string, string>()): Map<string, string> {
  for (const item of items) {
    if (item.type === 'html') continue;
    if (item.href) into.set(docPathOf(item.href, baseUrl), item.label);
    if (item.type === 'category') sidebarTitles(item.items, baseUrl, into);
  }
  return into;
}

function Cell({items}: {items: readonly React.ReactNode[]}): React.JSX.Element {
  if (items.length === 0) return <span className={styles.none}>none</span>;
  return <ul className={styles.cellList}>{items.map((item, index) => <li key={index}>{item}</li>)}</ul>;
}

function Row({row, state}: {row: Resolved; state: ProgressState}): React.JSX.Element {
  const {competency} = row;
  const progress = competencyProgress(
    {id: competency.id, chapters: row.chapters.map((chapter) => chapter.route), labs: row.labs.map((lab) => lab.id)},
    row.tasks,
    state,
  );
  const tick = (done: boolean) => (state.hydrated && done ? <span className={styles.done}> ✓<span className="visually-hidden"> done</span></span> : null);
  return (
    <li id={competency.id} className={styles.card}>
      <Heading as="h3" className={styles.cardTitle}>
        {competency.title}
      </Heading>
      <dl className={styles.facts}>
        <dt>Chapters</dt>
        <dd>
          <Cell items={row.chapters.map((chapter) => <><Link to={chapter.route}>{chapter.title}</Link>{tick(state.pageRead(withoutAnchor(chapter.route)))}</>)} />
        </dd>
        <dt>Labs</dt>
        <dd>
          <Cell items={row.labs.map((lab) => <><Link to={lab.path}>{lab.title}</Link>{tick(state.labComplete(lab.id))}</>)} />
        </dd>
        <dt>Playground</dt>
        <dd>
          <Cell
            items={competency.presets.map((id) => (
              <Link to={presetPage(id) ?? '/docs/playground/'}>{PLAYGROUND_EXAMPLES.find((example) => example.id === id)?.title ?? id}</Link>
            ))}
          />
        </dd>
        <dt>Practice tasks</dt>
        <dd>
          <Cell items={row.tasks.map((task) => <>{task.path ? <Link to={task.path}>{task.title}</Link> : task.title}{tick(state.taskPassed(task.id))}</>)} />
        </dd>
        <dt>Your progress</dt>
        <dd data-competency-progress={state.hydrated ? `${progress.done}/${progress.total}` : undefined}>
          {state.hydrated ? `${progress.done} of ${progress.total} done` : `${progress.total} to do`}
        </dd>
      </dl>
    </li>
  );
}

/**
 * The exam map: per ICA domain, a table of its competencies with the chapters, labs, playground
 * presets and practice tasks that prepare each, and what this browser has done of them.
 * tests/unit/exam.test.ts proves every chapter and lab it names exists.
 */
export default function ExamMap(): React.JSX.Element {
  const {siteConfig} = useDocusaurusContext();
  const sidebar = useDocsSidebar();
  const published = usePublishedLabs();
  const state = useProgressState(labSteps);
  const titles = sidebarTitles(sidebar?.items ?? [], siteConfig.baseUrl);
  const resolve = (competency: ExamCompetency): Resolved => ({
    competency,
    chapters: competency.chapters.flatMap((route) => {
      const title = titles.get(withoutAnchor(route));
      return title ? [{route, title}] : [];
    }),
    labs: competency.labs.flatMap((id) => {
      const path = published.get(id)?.path;
      const entry = LAB_CATALOG.find((lab) => lab.id === id);
      return path && entry ? [{id, path, title: `Lab ${entry.number}: ${entry.title}`}] : [];
    }),
    tasks: tasksFor(competency.id, tasks),
  });
  return (
    <div className={styles.map}>
      {EXAM_DOMAINS.map((domain) => (
        <section key={domain.id} aria-labelledby={`domain-${domain.id}`}>
          <Heading as="h2" id={`domain-${domain.id}`}>
            {domain.title} ({domain.weight} %)
          </Heading>
          <ul className={styles.cards}>
            {domain.competencies.map((competency) => (
              <Row key={competency.id} row={resolve(competency)} state={state} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
