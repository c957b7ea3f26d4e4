import React, {useEffect, useRef, useState} from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {commandsForMode, type LabCommand, type LabPageData} from '@site/src/lib/labs/model';
import {labPaths} from '@site/src/lib/labs/paths';
import {RUN_SCRIPT} from '@site/src/lib/labs/script';
import Cleanup from './Cleanup';
import Facts from './Facts';
import ModeSwitch from './ModeSwitch';
import Step from './Step';
import Toolbar from './Toolbar';
import {useLabState, useRenderedCommands} from './useLabState';
import Variables from './Variables';
import styles from './styles.module.css';

interface LabProps {
  /** The lab's id (folder under labs/). */
  readonly id: string;
  /** Injected at build time by src/plugins/labs/remark.ts; never written by hand. */
  readonly data?: LabPageData;
}

/**
 * Once the page has narrowed to the chosen mode (and the toolbar has been measured), scrolls a
 * linked step back into view: hiding the other mode's steps moves it after the browser jumped.
 */
function useScrollToLinkedStep(ready: boolean): void {
  const done = useRef(false);
  useEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id.startsWith('step-')) document.getElementById(id)?.scrollIntoView({block: 'start'});
  }, [ready]);
}

/**
 * A lab page: facts, mode switch, variables, a sticky progress bar, every step with copyable
 * commands, expected output, check, hint and a done box, and the cleanup. Everything is in the
 * server HTML; JavaScript adds copying, live variables and remembered progress.
 */
export default function Lab({id, data}: LabProps): React.JSX.Element {
  if (!data) {
    throw new Error(`<Lab id="${id}">: no lab data. The remark plugin src/plugins/labs/remark.ts injects it; is it registered for this page?`);
  }
  if (data.lab.id !== id) throw new Error(`<Lab id="${id}"> received the data of lab "${data.lab.id}"`);
  const {lab, manifests} = data;
  const {siteConfig} = useDocusaurusContext();
  const paths = labPaths(lab.id, siteConfig.baseUrl);
  const state = useLabState(lab);
  const [toolbarHeight, setToolbarHeight] = useState<number | null>(null);
  useScrollToLinkedStep(state.shownMode !== null && toolbarHeight !== null);

  const {render, allCommands} = useRenderedCommands(lab, state, `${siteConfig.url}${paths.files}`);
  const shown = (commands: readonly LabCommand[]) => (state.shownMode ? commandsForMode(commands, state.shownMode) : commands);
  const badgeModes = state.shownMode === null && lab.modes.length > 1;

  return (
    <div
      className={styles.lab}
      data-lab={lab.id}
      data-mode={state.shownMode ?? undefined}
      style={toolbarHeight === null ? undefined : ({'--lab-toolbar-height': `${toolbarHeight}px`} as React.CSSProperties)}
    >
      <p className={styles.summary}>{lab.summary}</p>
      <Facts lab={lab} />
      <p>
        <a className={styles.download} href={paths.bundle} download>
          Download the lab ({RUN_SCRIPT} + manifests, .tar.gz)
        </a>
      </p>
      {lab.modes.length > 1 && <ModeSwitch modes={lab.modes} mode={state.mode} onChange={state.setMode} />}
      {(lab.variables ?? []).length > 0 && (
        <Variables variables={lab.variables ?? []} values={state.values} onChange={state.setValue} onReset={state.resetValues} />
      )}
      <Toolbar
        doneCount={state.doneCount}
        total={state.steps.length}
        allCommands={allCommands}
        onReset={state.resetProgress}
        onHeight={setToolbarHeight}
      />
      <ol className={styles.steps}>
        {state.steps.map((step, index) => (
          <Step
            key={step.id}
            step={step}
            number={index + 1}
            commands={shown(step.commands)}
            badgeModes={badgeModes}
            render={render}
            manifests={manifests}
            paths={paths}
            done={state.isDone(step.id)}
            onDoneChange={(done) => state.setDone(step.id, done)}
          />
        ))}
      </ol>
      <Cleanup commands={shown(lab.cleanup)} badgeModes={badgeModes} render={render} paths={paths} />
    </div>
  );
}
