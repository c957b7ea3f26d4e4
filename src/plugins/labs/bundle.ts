/** The downloadable bundle of a lab: <id>/run.sh + <id>/manifests/*.yaml as a .tar.gz (Node only). */
import {createGzip} from 'node:zlib';
import {pack} from 'tar-stream';
import {generateRunScript, RUN_SCRIPT} from '../../lib/labs/script';
import type {LoadedLab} from './load';

/** Fixed timestamp so the same lab always gives the same archive. */
const MTIME = new Date('2026-01-01T00:00:00Z');

export interface BundleOptions {
  readonly pageUrl?: string;
}

export function bundleFiles(loaded: LoadedLab, options: BundleOptions = {}): {name: string; content: string; mode: number}[] {
  const {lab} = loaded;
  return [
    {name: `${lab.id}/${RUN_SCRIPT}`, content: generateRunScript(lab, {number: loaded.number, pageUrl: options.pageUrl}), mode: 0o755},
    ...Object.keys(loaded.manifests)
      .sort()
      .map((file) => ({name: `${lab.id}/manifests/${file}`, content: loaded.manifests[file] as string, mode: 0o644})),
  ];
}

export function createBundle(loaded: LoadedLab, options: BundleOptions = {}): Promise<Buffer> {
  const archive = pack();
  const gzip = createGzip({level: 9});
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
    gzip.on('end', () => resolve(Buffer.concat(chunks)));
    gzip.on('error', reject);
    archive.on('error', reject);
  });
  archive.pipe(gzip);
  archive.entry({name: `${loaded.lab.id}/`, type: 'directory', mode: 0o755, mtime: MTIME});
  if (Object.keys(loaded.manifests).length > 0) {
    archive.entry({name: `${loaded.lab.id}/manifests/`, type: 'directory', mode: 0o755, mtime: MTIME});
  }
  for (const file of bundleFiles(loaded, options)) {
    archive.entry({name: file.name, mode: file.mode, mtime: MTIME}, file.content);
  }
  archive.finalize();
  return done;
}
