/**
 * Every lab in labs/: loads and validates, has a page, and its generated run.sh passes
 * `bash -n` and shellcheck. Also the plugin pieces that turn labs into pages and files.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {gunzipSync} from 'node:zlib';
import {extract} from 'tar-stream';
import {describe, expect, it} from 'vitest';
import {LAB_CATALOG} from '@site/src/data/labCatalog';
import {LabError} from '@site/src/lib/labs/model';
import {generateRunScript} from '@site/src/lib/labs/script';
import {createBundle} from '@site/src/plugins/labs/bundle';
import {LAB_DOCS_DIR, labIds, labPageData, labSummary, loadAllLabs, loadLab} from '@site/src/plugins/labs/load';
import remarkLabs, {jsonToEstree} from '@site/src/plugins/labs/remark';
import {verifyOutputs} from '@site/src/plugins/labs/verify-outputs';

const siteDir = fileURLToPath(new URL('../..', import.meta.url));
const ids = labIds(siteDir);

describe('the labs in labs/', () => {
  it('include the proof lab, and every lab is in the course catalogue', () => {
    expect(ids).toContain('sidecar-install');
    for (const id of ids) expect(LAB_CATALOG.map((entry) => entry.id)).toContain(id);
  });

  it('all load and validate (a bad lab fails with file:line messages)', () => {
    let message = '';
    try {
      loadAllLabs(siteDir);
    } catch (error) {
      if (!(error instanceof LabError)) throw error;
      message = error.message;
    }
    expect(message).toBe('');
    // every command goes through the bash parser and the rulebook: seconds on a loaded machine
  }, 60_000);

  it('each have a page docs/11-labs/<id>.mdx that renders <Lab id="<id>" />, and no page lacks its lab', () => {
    for (const id of ids) {
      const page = path.join(siteDir, LAB_DOCS_DIR, `${id}.mdx`);
      expect(existsSync(page), `${LAB_DOCS_DIR}/${id}.mdx is missing`).toBe(true);
      expect(readFileSync(page, 'utf8')).toContain(`<Lab id="${id}" />`);
    }
    const pages = readdirSync(path.join(siteDir, LAB_DOCS_DIR)).filter((name) => name.endsWith('.mdx') && name !== 'index.mdx');
    for (const page of pages) expect(ids, `${LAB_DOCS_DIR}/${page} has no labs/<id>/lab.yaml`).toContain(page.replace(/\.mdx$/, ''));
  });

  it('generate run.sh scripts that pass bash -n and shellcheck', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lab-scripts-'));
    // A lab that does not load is reported by the test above; lint the others.
    const files = ids.flatMap((id) => {
      let loaded;
      try {
        loaded = loadLab(siteDir, id);
      } catch {
        return [];
      }
      const file = path.join(dir, `${id}.sh`);
      writeFileSync(file, generateRunScript(loaded.lab, {number: loaded.number}));
      return [file];
    });
    const problems: string[] = [];
    for (const file of files) {
      const syntax = spawnSync('bash', ['-n', file], {encoding: 'utf8'});
      if (syntax.status !== 0) problems.push(`${path.basename(file)}: bash -n: ${syntax.stderr}`);
    }
    const lint = spawnSync('shellcheck', ['--shell=bash', '--format=gcc', ...files], {encoding: 'utf8'});
    if (lint.error)
      throw new Error(`shellcheck could not run (${lint.error.message}): install it with "sudo apt-get install -y shellcheck"`);
    // file:line:col: level: message [SCxxxx] → name the lab and quote the offending script line.
    for (const line of lint.stdout.split('\n').filter(Boolean)) {
      const match = /^(.+?):(\d+):\d+: (.*)$/.exec(line);
      if (!match) {
        problems.push(line);
        continue;
      }
      const source = readFileSync(match[1] as string, 'utf8').split('\n')[Number(match[2]) - 1] ?? '';
      problems.push(`labs/${path.basename(match[1] as string, '.sh')}: run.sh line ${match[2]}: ${match[3]}\n    ${source.trim()}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('the labs plugin', () => {
  it('publishes only a small summary per lab to the lab components', () => {
    const summary = labSummary(siteDir, loadLab(siteDir, 'sidecar-install'));
    expect(summary).toMatchObject({id: 'sidecar-install', path: '/docs/labs/sidecar-install/', difficulty: 'beginner'});
    expect(Object.keys(summary).sort()).toEqual(['difficulty', 'id', 'minutes', 'modes', 'path', 'summary', 'title']);
  });

  it('builds a bundle with run.sh (executable) and the manifests under <id>/', async () => {
    const loaded = loadLab(siteDir, 'sidecar-install');
    const archive = await createBundle(loaded);
    const entries = new Map<string, {mode: number; text: string}>();
    await new Promise<void>((resolve, reject) => {
      const reader = extract();
      reader.on('entry', (header, stream, next) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
        stream.on('end', () => {
          entries.set(header.name, {mode: header.mode ?? 0, text: Buffer.concat(chunks).toString('utf8')});
          next();
        });
      });
      reader.on('finish', resolve);
      reader.on('error', reject);
      reader.end(gunzipSync(archive));
    });
    expect([...entries.keys()]).toEqual([
      'sidecar-install/',
      'sidecar-install/manifests/',
      'sidecar-install/run.sh',
      'sidecar-install/manifests/bookinfo-namespace.yaml',
    ]);
    expect(entries.get('sidecar-install/run.sh')?.mode).toBe(0o755);
    expect(entries.get('sidecar-install/run.sh')?.text).toContain('kubectl apply -f "${LAB_MANIFESTS}"/bookinfo-namespace.yaml');
    expect(entries.get('sidecar-install/manifests/bookinfo-namespace.yaml')?.text).toBe(loaded.manifests['bookinfo-namespace.yaml']);
    // Same lab, same bytes: the archive is reproducible.
    expect((await createBundle(loaded)).equals(archive)).toBe(true);
  });

  it('gives a page its lab and only the manifests its steps show', () => {
    const data = labPageData(loadLab(siteDir, 'sidecar-install'));
    expect(data.lab.id).toBe('sidecar-install');
    expect(Object.keys(data.manifests)).toEqual(['bookinfo-namespace.yaml']);
  });
});

describe('verifying a run against the expected outputs', () => {
  it('matches each saved step output with the step\'s matcher and reports missing ones', () => {
    const {lab} = loadLab(siteDir, 'sidecar-install');
    const dir = mkdtempSync(path.join(tmpdir(), 'lab-outputs-'));
    for (const step of lab.steps) if (step.expect) writeFileSync(path.join(dir, `${step.id}.txt`), step.expect.output);
    expect(verifyOutputs(siteDir, 'sidecar-install', dir, 'sidecar').every((verdict) => verdict.ok)).toBe(true);
    writeFileSync(path.join(dir, 'product-page.txt'), '<title>Error</title>\n');
    const failed = verifyOutputs(siteDir, 'sidecar-install', dir, 'sidecar').filter((verdict) => !verdict.ok);
    expect(failed.map((verdict) => verdict.step)).toEqual(['product-page']);
    expect(failed[0]?.reason).toContain('--- actual:\n  | <title>Error</title>');
    // A mode the lab does not have is a failure, not a silent fall-back to its first mode.
    expect(verifyOutputs(siteDir, 'sidecar-install', dir, 'ambient')).toEqual([
      {step: '(mode)', ok: false, reason: 'lab sidecar-install has no ambient mode (it has sidecar)'},
    ]);
  });
});

describe('the remark plugin', () => {
  const transform = remarkLabs({siteDir});
  const labElement = (id: string) => ({
    type: 'mdxJsxFlowElement',
    name: 'Lab',
    attributes: [{type: 'mdxJsxAttribute', name: 'id', value: id}],
    children: [],
    position: {start: {line: 7}},
  });

  it('injects the parsed lab into <Lab id="…" /> as a data prop with its estree', () => {
    const node = labElement('sidecar-install');
    transform({type: 'root', children: [node]}, {path: path.join(siteDir, 'docs/11-labs/sidecar-install.mdx')});
    const data = node.attributes.find((attribute) => attribute.name === 'data') as unknown as {
      value: {type: string; value: string; data: {estree: {body: {expression: unknown}[]}}};
    };
    expect(data.value.type).toBe('mdxJsxAttributeValueExpression');
    expect(JSON.parse(data.value.value).lab.id).toBe('sidecar-install');
    expect(data.value.data.estree.body[0]?.expression).toEqual(jsonToEstree(JSON.parse(data.value.value)));
  });

  it('fails with the page\'s file:line for an unknown lab id', () => {
    expect(() =>
      transform({type: 'root', children: [labElement('no-such-lab')]}, {path: path.join(siteDir, 'docs/11-labs/x.mdx')}),
    ).toThrow(/^docs\/11-labs\/x\.mdx:7: <Lab id="no-such-lab">: Invalid lab:\n {2}labs\/no-such-lab\/lab\.yaml: no such lab "no-such-lab"/);
  });

  it('turns JSON into an estree expression', () => {
    expect(jsonToEstree({a: [1, -2, 'x', null, true]})).toEqual({
      type: 'ObjectExpression',
      properties: [
        {
          type: 'Property',
          kind: 'init',
          method: false,
          shorthand: false,
          computed: false,
          key: {type: 'Literal', value: 'a'},
          value: {
            type: 'ArrayExpression',
            elements: [
              {type: 'Literal', value: 1},
              {type: 'UnaryExpression', operator: '-', prefix: true, argument: {type: 'Literal', value: 2}},
              {type: 'Literal', value: 'x'},
              {type: 'Literal', value: null},
              {type: 'Literal', value: true},
            ],
          },
        },
      ],
    });
  });
});
