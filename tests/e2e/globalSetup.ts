import {existsSync} from 'node:fs';
import path from 'node:path';
import type {TestProject} from 'vitest/node';
import {BASE_PATH, BUILD_DIR} from '../support/site';
import {startStaticServer} from '../support/staticServer';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(path.join(BUILD_DIR, 'index.html'))) {
    throw new Error(`No site build in ${BUILD_DIR}. Run "npm run build:test" first (npm test does it for you).`);
  }
  const {server, origin} = await startStaticServer(BUILD_DIR, BASE_PATH);
  project.provide('siteUrl', `${origin}${BASE_PATH}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
