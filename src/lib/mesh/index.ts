/**
 * The mesh playground's simulator: pure TypeScript, no React. See simulate() and NOT_MODELED.
 */
export {simulate, checkYaml, BROWSER, MAX_CONCURRENCY, MAX_RATE_PER_SECOND, MAX_REQUESTS} from './simulate';
export {stringMatches, blockMatches} from './stages/routing';
export {DEFAULT_RETRY_ATTEMPTS, DEFAULT_RETRY_ON} from './stages/retries';
export {BOOKINFO_TEXT} from './apps';
export {parseConfig, parseDuration, PLAYGROUND_FILE} from './parse';
export {seededRandom} from './prng';
export {bookinfoMesh, httpbinMesh, tcpEchoMesh, presetMesh, type PresetId, type PresetOptions} from './presets';
export {NOT_MODELED, type Limitation} from './limits';
export {authorize, effectivePeerAuthentication, inCidr, istioStringMatch, ruleMatches, l7AttributesOf} from './security';
export type * from './types';
