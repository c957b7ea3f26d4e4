import React from 'react';
import Link from '@docusaurus/Link';
import {LAB_CATALOG} from '@site/src/data/labCatalog';
import type {Lab, LabPrerequisite} from '@site/src/lib/labs/model';
import {DIFFICULTY_LABEL, usePublishedLabs} from '../labData';
import styles from './styles.module.css';

function Prerequisite({prerequisite}: {prerequisite: LabPrerequisite}): React.JSX.Element {
  const published = usePublishedLabs();
  if ('doc' in prerequisite) return <Link to={prerequisite.doc}>{prerequisite.label}</Link>;
  const other = published.get(prerequisite.lab);
  const planned = LAB_CATALOG.find((entry) => entry.id === prerequisite.lab);
  const label = planned ? `Lab ${planned.number}: ${other?.title ?? planned.title}` : `Lab ${prerequisite.lab}`;
  return other?.path ? <Link to={other.path}>{label}</Link> : <>{label}</>;
}

/** Time, difficulty, modes and what the learner needs before starting. */
export default function Facts({lab}: {lab: Lab}): React.JSX.Element {
  const prerequisites = lab.prerequisites ?? [];
  return (
    <dl className={styles.facts}>
      <div>
        <dt>Time</dt>
        <dd>about {lab.minutes} min</dd>
      </div>
      <div>
        <dt>Difficulty</dt>
        <dd>{DIFFICULTY_LABEL[lab.difficulty]}</dd>
      </div>
      <div>
        <dt>Modes</dt>
        <dd>{lab.modes.join(', ')}</dd>
      </div>
      <div>
        <dt>Before you start</dt>
        <dd>
          {prerequisites.length === 0
            ? 'a local cluster (minikube or kind) with kubectl'
            : prerequisites.map((prerequisite, index) => (
                <React.Fragment key={index}>
                  {index > 0 && '; '}
                  <Prerequisite prerequisite={prerequisite} />
                </React.Fragment>
              ))}
        </dd>
      </div>
    </dl>
  );
}
