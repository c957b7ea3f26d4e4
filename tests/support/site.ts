import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The production build the browser tests run against (npm run build:test). */
export const BUILD_DIR = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), 'build-test');
/** Must match the BASE_URL that `npm run build:test` builds with. */
export const BASE_PATH = '/service-mesh-labs/';
