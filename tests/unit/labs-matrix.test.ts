import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {
  buildMatrix,
  chainedPlan,
  parsePlan,
  prerequisitesFor,
  selectLabs,
  standalonePlan,
  type MatrixLab,
} from '@site/src/lib/labs/matrix';
import {loadAllLabs} from '@site/src/plugins/labs/load';

const LABS: MatrixLab[] = [
  {id: 'local-cluster', number: 1, modes: ['sidecar', 'ambient'], prerequisites: []},
  {id: 'sidecar-install', number: 2, modes: ['sidecar'], prerequisites: ['local-cluster']},
  {id: 'ambient-install', number: 3, modes: ['ambient'], prerequisites: ['local-cluster']},
  {id: 'routing', number: 4, modes: ['sidecar', 'ambient'], prerequisites: ['sidecar-install', 'ambient-install']},
  {id: 'faults', number: 5, modes: ['sidecar', 'ambient'], prerequisites: ['sidecar-install', 'ambient-install', 'routing']},
  {id: 'own-ca', number: 6, modes: ['sidecar'], prerequisites: ['local-cluster']},
  {id: 'tracing', number: 7, modes: ['sidecar'], prerequisites: ['sidecar-install']},
  {id: 'cleanup', number: 8, modes: ['sidecar', 'ambient'], prerequisites: ['local-cluster']},
];

const plans = (jobs: ReturnType<typeof buildMatrix>) => jobs.map((job) => `${job.kind} ${job.lab} ${job.mode}: ${job.plan}`);

describe('labs matrix: which labs a change selects', () => {
  it('a change under one lab selects that lab only', () => {
    expect(selectLabs(['labs/routing/lab.yaml', 'docs/04-traffic/01-x.mdx'], LABS)).toEqual({all: false, labs: ['routing']});
    expect(selectLabs(['labs/faults/manifests/vs.yaml', 'labs/routing/lab.yaml'], LABS)).toEqual({all: false, labs: ['routing', 'faults']});
  });

  it('lab engine, pinned versions, catalogue, workflow and its scripts select all labs', () => {
    for (const file of [
      'src/lib/labs/script.ts',
      'src/plugins/labs/verify-outputs.ts',
      'src/data/course.ts',
      'src/data/labCatalog.ts',
      '.github/workflows/labs-kind.yml',
      'scripts/labs-run.sh',
    ]) {
      expect(selectLabs([file], LABS), file).toEqual({all: true});
    }
  });

  it('changes elsewhere (chapters, the labs README, unknown lab folders) select nothing', () => {
    expect(selectLabs(['docs/x.mdx', 'labs/README.md', 'labs/nope/lab.yaml', 'src/data/other.ts'], LABS)).toEqual({all: false, labs: []});
    expect(buildMatrix({all: false, labs: []}, LABS)).toEqual([]);
  });
});

describe('labs matrix: plans', () => {
  it('resolves prerequisites for the mode, transitively, in course order, without lab 1', () => {
    expect(prerequisitesFor('faults', 'sidecar', LABS)).toEqual(['sidecar-install', 'routing']);
    expect(prerequisitesFor('faults', 'ambient', LABS)).toEqual(['ambient-install', 'routing']);
    expect(prerequisitesFor('own-ca', 'sidecar', LABS)).toEqual([]);
  });

  it('standalone: prerequisites kept, then the lab tested; the cleanup lab is judged by what it leaves', () => {
    expect(standalonePlan('faults', 'ambient', LABS)).toEqual([
      {kind: 'keep', lab: 'ambient-install'},
      {kind: 'keep', lab: 'routing'},
      {kind: 'test', lab: 'faults'},
    ]);
    expect(standalonePlan('cleanup', 'sidecar', LABS)).toEqual([{kind: 'final', lab: 'cleanup'}]);
  });

  it('chained: course order from lab 1, installs kept while needed, torn down before a lab that needs a fresh cluster', () => {
    const plan = chainedPlan('sidecar', LABS).map((action) => `${action.kind}:${action.lab}`);
    expect(plan).toEqual([
      'keep:local-cluster',
      'keep:sidecar-install',
      'test:routing',
      'test:faults',
      'teardown:sidecar-install',
      'test:own-ca',
      'keep:sidecar-install',
      'test:tracing',
      'final:cleanup',
      'teardown:local-cluster',
    ]);
  });

  it('chained: the last install before the cleanup lab stays up for the cleanup lab to remove', () => {
    const labs = LABS.filter((lab) => lab.id !== 'tracing');
    expect(chainedPlan('sidecar', labs).slice(-3).map((action) => `${action.kind}:${action.lab}`)).toEqual([
      'keep:own-ca',
      'final:cleanup',
      'teardown:local-cluster',
    ]);
  });

  it('lab 1 runs on the runner without a job cluster; every other job gets one; chains start with lab 1', () => {
    const jobs = buildMatrix({all: false, labs: ['local-cluster', 'tracing']}, LABS);
    expect(plans(jobs)).toEqual([
      'runner local-cluster sidecar: test:local-cluster',
      'runner local-cluster ambient: test:local-cluster',
      'standalone tracing sidecar: keep:sidecar-install test:tracing',
      `chained all ambient: ${chainedPlan('ambient', LABS).map((a) => `${a.kind}:${a.lab}`).join(' ')}`,
      `chained all sidecar: ${chainedPlan('sidecar', LABS).map((a) => `${a.kind}:${a.lab}`).join(' ')}`,
    ]);
    expect(jobs.map((job) => job.cluster)).toEqual([false, false, true, false, false]);
  });

  it('a PR touching one two-mode lab runs it standalone in both modes and both chains', () => {
    const jobs = buildMatrix(selectLabs(['labs/routing/lab.yaml'], LABS), LABS);
    expect(jobs.map((job) => `${job.kind}:${job.mode}`)).toEqual(['standalone:sidecar', 'standalone:ambient', 'chained:ambient', 'chained:sidecar']);
  });

  it('job limits grow with the plan and fit GitHub\'s 6-hour job limit', () => {
    const jobs = buildMatrix({all: true}, LABS);
    for (const job of jobs) {
      expect(job.minutes).toBeLessThanOrEqual(360);
      expect(job.runMinutes).toBeLessThanOrEqual(job.minutes - 20);
    }
    const [short, long] = [jobs.find((job) => job.plan === 'test:sidecar-install'), jobs.find((job) => job.kind === 'chained')];
    expect(long?.minutes).toBeGreaterThan(short?.minutes ?? Infinity);
  });

  it('plans round-trip through their text form and bad actions are refused', () => {
    expect(parsePlan('keep:a test:b')).toEqual([{kind: 'keep', lab: 'a'}, {kind: 'test', lab: 'b'}]);
    expect(() => parsePlan('run:a')).toThrow(/bad plan action/);
  });
});

describe('labs matrix: the course', () => {
  it('every lab of the course appears in every mode it declares, standalone (or on the runner) and in its chain', () => {
    const loaded = loadAllLabs(process.cwd());
    const labs: MatrixLab[] = loaded.map(({lab, number}) => ({
      id: lab.id,
      number: number ?? 999,
      modes: lab.modes,
      prerequisites: (lab.prerequisites ?? []).flatMap((item) => ('lab' in item ? [item.lab] : [])),
    }));
    const jobs = buildMatrix({all: true}, labs);
    for (const {lab} of loaded) {
      for (const mode of lab.modes) {
        expect(jobs.some((job) => job.lab === lab.id && job.mode === mode && job.kind !== 'chained'), `${lab.id} ${mode}`).toBe(true);
        const chain = jobs.find((job) => job.kind === 'chained' && job.mode === mode);
        expect(parsePlan(chain?.plan ?? '').some((action) => action.lab === lab.id), `${lab.id} in ${mode} chain`).toBe(true);
      }
    }
  });

  it('the CLI prints the matrix for a diff and writes it, with the pinned versions, for the workflow', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'labs-matrix-'));
    const output = path.join(dir, 'github-output');
    writeFileSync(output, '');
    const result = spawnSync('node_modules/.bin/tsx', ['scripts/labs-matrix.ts', '--changed', '-', '--github-output'], {
      encoding: 'utf8',
      input: 'labs/mtls/lab.yaml\nREADME.md\n',
      env: {...process.env, GITHUB_OUTPUT: output},
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Labs: mtls\n/);
    expect(result.stdout).toMatch(/Pinned: ISTIO_VERSION=\d+\.\d+\.\d+ K8S_VERSION=v\d/);
    const written = readFileSync(output, 'utf8');
    const matrix = JSON.parse(/^matrix=(.*)$/m.exec(written)?.[1] ?? '{}') as {include: {lab: string; kind: string}[]};
    expect(matrix.include.map((job) => `${job.kind}:${job.lab}`)).toEqual(['standalone:mtls', 'standalone:mtls', 'chained:all', 'chained:all']);
    expect(written).toMatch(/^istio_version=\d/m);
  }, 60_000);
});
