/**
 * The mesh playground's simulator: pure TypeScript, no React. See simulate() and NOT_MODELED.
 */
export {simulate, selectRoute, matchBlock, stringMatches, DEFAULT_RETRY, MAX_CONCURRENCY, MAX_REQUESTS} from './simulate';
export {parseConfig, parseDuration} from './parse';
export {seededRandom} from './prng';
export {bookinfoMesh, httpbinMesh, presetMesh, type PresetId, type PresetOptions} from './presets';
export {NOT_MODELED, type Limitation} from './limits';
export {authorize, effectivePeerAuthentication, istioStringMatch, ruleMatches, l7AttributesOf} from './security';
export type * from './types';
