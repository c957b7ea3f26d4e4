/**
 * The lab model: the typed shape of labs/<id>/lab.yaml once it has been parsed and validated
 * (see labs/README.md for the authoring format and lab.schema.json for the schema).
 * Pure data: no React, no Node APIs, so the page component can import it too.
 */
import {formatProblem, type Problem} from '../problem';

export const LAB_MODES = ['sidecar', 'ambient'] as const;
export type LabMode = (typeof LAB_MODES)[number];

export const LAB_DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
export type LabDifficulty = (typeof LAB_DIFFICULTIES)[number];

export const MATCHERS = ['exact', 'contains', 'not-contains', 'like'] as const;
export type MatcherKind = (typeof MATCHERS)[number];

export type LabPrerequisite =
  | {readonly lab: string}
  | {readonly doc: string; readonly label: string};

export interface LabVariable {
  /** UPPER_SNAKE_CASE; used as {{NAME}} in commands and as a shell variable in run.sh. */
  readonly name: string;
  readonly default: string;
  readonly description: string;
}

export interface LabCommand {
  /** The command exactly as a learner types it, with {{placeholders}}. */
  readonly run: string;
  /** Only shown and run in this data-plane mode. */
  readonly mode?: LabMode;
}

export interface LabExpect {
  readonly match: MatcherKind;
  readonly output: string;
}

export interface LabStep {
  readonly id: string;
  readonly title: string;
  /** Short markdown: paragraphs, inline code, **bold**, *emphasis*, [links](/docs/…). */
  readonly body?: string;
  /** Only shown and run in this data-plane mode (extension of the format). */
  readonly mode?: LabMode;
  readonly commands: readonly LabCommand[];
  /** Files under manifests/ shown with this step. */
  readonly manifests?: readonly string[];
  /** What the learner should see from the step's last command. */
  readonly expect?: LabExpect;
  readonly hint: string;
  /** A command whose exit status 0 means the step worked. */
  readonly check?: string;
}

export interface Lab {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly minutes: number;
  readonly difficulty: LabDifficulty;
  readonly modes: readonly LabMode[];
  readonly prerequisites?: readonly LabPrerequisite[];
  readonly variables?: readonly LabVariable[];
  readonly steps: readonly LabStep[];
  readonly cleanup: readonly LabCommand[];
}

/** What a page receives: the lab plus the text of the manifests its steps show. */
export interface LabPageData {
  readonly lab: Lab;
  /** File name → YAML text, for every file some step lists under `manifests`. */
  readonly manifests: Readonly<Record<string, string>>;
}

/** The small per-lab entry every page may see (global data): no steps, no commands. */
export interface LabSummary {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly minutes: number;
  readonly difficulty: LabDifficulty;
  readonly modes: readonly LabMode[];
  /** Route of the lab's page, or null when the lab has no page yet. */
  readonly path: string | null;
}

/** Thrown when a lab cannot be used; the message lists every problem as `file:line: message`. */
export class LabError extends Error {
  readonly issues: readonly Problem[];
  constructor(issues: readonly Problem[]) {
    super(`Invalid lab:\n${issues.map((issue) => `  ${formatProblem(issue)}`).join('\n')}`);
    this.name = 'LabError';
    this.issues = issues;
  }
}

/** The commands of a step (or the cleanup) that apply in a mode. */
export function commandsForMode(commands: readonly LabCommand[], mode: LabMode): LabCommand[] {
  return commands.filter((command) => command.mode === undefined || command.mode === mode);
}

/** The steps that apply in a mode. */
export function stepsForMode(lab: Lab, mode: LabMode): LabStep[] {
  return lab.steps.filter((step) => step.mode === undefined || step.mode === mode);
}
