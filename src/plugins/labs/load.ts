/**
 * Reads labs from disk (Node only): labs/<id>/lab.yaml + labs/<id>/manifests/*.yaml.
 * Used by the Docusaurus plugin, the remark plugin and the unit tests.
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {LAB_CATALOG} from '../../data/labCatalog';
import {LabError, type Lab, type LabPageData, type LabSummary} from '../../lib/labs/model';
import {parseLab} from '../../lib/labs/parse';
import {inFile, type Problem} from '../../lib/problem';
import {parseYaml} from '../../lib/yaml';
import {labPaths} from '../../lib/labs/paths';
import type {LabSteps} from '../../lib/progress/labs';
import {TASKS_FOLDER} from '../../lib/tasks/model';

export const LABS_DIR = 'labs';
/** Lab pages live in this docs folder, one `<id>.mdx` each, served at `labPaths(id).page`. */
export const LAB_DOCS_DIR = 'docs/11-labs';

export interface LoadedLab {
  readonly lab: Lab;
  /** Absolute path of labs/<id>/. */
  readonly dir: string;
  /** File name → text, every file in manifests/. */
  readonly manifests: Readonly<Record<string, string>>;
  /** Number in the course catalogue. */
  readonly number: number | undefined;
}

/** Ids of the folders under labs/ that hold a lab.yaml (labs/tasks/, the practice tasks, is not a lab). */
export function labIds(siteDir: string): string[] {
  const root = path.join(siteDir, LABS_DIR);
  if (!existsSync(root)) return [];
  return readdirSync(root, {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && entry.name !== TASKS_FOLDER && existsSync(path.join(root, entry.name, 'lab.yaml')))
    .map((entry) => entry.name)
    .sort();
}

function relative(siteDir: string, file: string): string {
  return path.relative(siteDir, file).split(path.sep).join('/');
}

/** Loads and validates one lab; throws LabError with every located issue. */
export function loadLab(siteDir: string, id: string): LoadedLab {
  const dir = path.join(siteDir, LABS_DIR, id);
  const labFile = path.join(dir, 'lab.yaml');
  if (!existsSync(labFile)) {
    const known = labIds(siteDir);
    throw new LabError([
      {
        file: relative(siteDir, labFile),
        line: 0,
        message: `no such lab "${id}"${known.length > 0 ? ` (labs with a lab.yaml: ${known.join(', ')})` : ''}`,
      },
    ]);
  }
  const manifestDir = path.join(dir, 'manifests');
  const manifestFiles = existsSync(manifestDir)
    ? readdirSync(manifestDir).filter((name) => statSync(path.join(manifestDir, name)).isFile()).sort()
    : [];
  const issues: Problem[] = [];
  const manifests: Record<string, string> = {};
  for (const name of manifestFiles) {
    const file = path.join(manifestDir, name);
    const text = readFileSync(file, 'utf8');
    manifests[name] = text;
    if (!/\.ya?ml$/.test(name)) {
      issues.push({file: relative(siteDir, file), line: 0, message: 'manifests/ holds only .yaml files'});
      continue;
    }
    issues.push(...inFile(relative(siteDir, file), 1, parseYaml(text).problems));
  }
  let lab: Lab | undefined;
  try {
    lab = parseLab(readFileSync(labFile, 'utf8'), {
      file: relative(siteDir, labFile),
      folderId: id,
      manifestFiles,
      knownLabIds: LAB_CATALOG.map((entry) => entry.id),
    });
  } catch (error) {
    if (!(error instanceof LabError)) throw error;
    issues.push(...error.issues);
  }
  if (!LAB_CATALOG.some((entry) => entry.id === id)) {
    issues.push({file: relative(siteDir, labFile), line: 0, message: `lab "${id}" is not in the course catalogue (src/data/labCatalog.ts)`});
  }
  if (issues.length > 0 || !lab) throw new LabError(issues);
  return {lab, dir, manifests, number: LAB_CATALOG.find((entry) => entry.id === id)?.number};
}

/** Loads every lab; throws one LabError listing the issues of all of them. */
export function loadAllLabs(siteDir: string): LoadedLab[] {
  const loaded: LoadedLab[] = [];
  const issues: Problem[] = [];
  for (const id of labIds(siteDir)) {
    try {
      loaded.push(loadLab(siteDir, id));
    } catch (error) {
      if (!(error instanceof LabError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new LabError(issues);
  return loaded.sort((a, b) => (a.number ?? 999) - (b.number ?? 999));
}

/** Route of a lab's page, or null when docs/11-labs/<id>.mdx does not exist (yet). */
export function labPagePath(siteDir: string, id: string): string | null {
  return existsSync(path.join(siteDir, LAB_DOCS_DIR, `${id}.mdx`)) ? labPaths(id).page : null;
}

export function labSummary(siteDir: string, loaded: LoadedLab): LabSummary {
  const {lab} = loaded;
  return {
    id: lab.id,
    title: lab.title,
    summary: lab.summary,
    minutes: lab.minutes,
    difficulty: lab.difficulty,
    modes: lab.modes,
    path: labPagePath(siteDir, lab.id),
  };
}

/**
 * The step ids of a lab, for course progress (a lab is complete when every step of the
 * learner's mode is ticked). Written as a generated module that only the pages showing
 * progress import, not as global data, so main.js does not grow by ~2.7 KB.
 */
export function labSteps(loaded: LoadedLab): LabSteps {
  const {lab} = loaded;
  const only = lab.steps.filter((step) => step.mode !== undefined).map((step) => [step.id, step.mode]);
  return {
    id: lab.id,
    modes: lab.modes,
    steps: lab.steps.map((step) => step.id),
    ...(only.length === 0 ? {} : {stepModes: Object.fromEntries(only)}),
  };
}

/** What a lab page receives: the lab and the manifests its steps show. */
export function labPageData(loaded: LoadedLab): LabPageData {
  const shown = new Set(loaded.lab.steps.flatMap((step) => step.manifests ?? []));
  const manifests: Record<string, string> = {};
  for (const name of [...shown].sort()) manifests[name] = loaded.manifests[name] as string;
  return {lab: loaded.lab, manifests};
}
