/**
 * A playground scenario in a link: the YAML, the example it starts from, the request and the run
 * settings, compressed into one URL parameter (lz-string's URI-safe alphabet), so a learner can
 * bookmark a scenario or send it. Decoding never throws: a broken or hostile link gives a
 * problem that says where it went wrong. Pure TypeScript, no DOM.
 */
import {compressToEncodedURIComponent, decompressFromEncodedURIComponent} from 'lz-string';

/** The URL search parameter that carries a scenario. */
export const SHARE_PARAM = 'scenario';
/** Longest parameter accepted (a browser keeps URLs far longer; a real scenario needs ~1-3 k). */
export const MAX_ENCODED_LENGTH = 12_000;
/** Longest YAML accepted once decompressed. */
export const MAX_YAML_LENGTH = 40_000;
const MAX_TEXT_LENGTH = 2_000;
const FORMAT_VERSION = 1;

export interface SharedSettings {
  readonly source: string;
  readonly host: string;
  /** Empty when the Service's own port is meant. */
  readonly port: string;
  readonly method: string;
  readonly path: string;
  /** One `name: value` per line. */
  readonly headers: string;
  readonly count: number;
  readonly concurrency: number;
  readonly seed: number;
  readonly waypoint: boolean;
}

export interface SharedScenario {
  /** Id of the playground on the page that opens the scenario. */
  readonly playground: string;
  /** Id of the example (preset mesh) the scenario starts from. */
  readonly example: string;
  readonly yaml: string;
  readonly settings: SharedSettings;
}

export type DecodeResult =
  | {readonly ok: true; readonly scenario: SharedScenario}
  | {readonly ok: false; readonly message: string};

const ALPHABET = /^[A-Za-z0-9+\-$]*$/;

export function encodeScenario(scenario: SharedScenario): string {
  const {settings} = scenario;
  const payload = {
    v: FORMAT_VERSION,
    p: scenario.playground,
    e: scenario.example,
    y: scenario.yaml,
    r: [settings.source, settings.host, settings.port, settings.method, settings.path, settings.headers],
    o: [settings.count, settings.concurrency, settings.seed, settings.waypoint ? 1 : 0],
  };
  return compressToEncodedURIComponent(JSON.stringify(payload));
}

/** Decodes a `scenario` parameter; every failure names where in the link it lies. */
export function decodeScenario(encoded: string): DecodeResult {
  const fail = (message: string): DecodeResult => ({ok: false, message});
  if (encoded.length === 0) return fail('the scenario parameter is empty.');
  if (encoded.length > MAX_ENCODED_LENGTH)
    return fail(`the scenario parameter is ${encoded.length} characters long; the most a shared scenario may use is ${MAX_ENCODED_LENGTH}.`);
  if (!ALPHABET.test(encoded)) {
    const at = [...encoded].findIndex((char) => !/[A-Za-z0-9+\-$]/.test(char));
    return fail(`character ${at + 1} of the scenario parameter (${JSON.stringify([...encoded][at])}) cannot appear in a shared scenario: the link was altered or cut.`);
  }
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(encoded);
  } catch {
    json = null;
  }
  if (!json) return fail('the scenario parameter does not decompress: the link was cut short or altered.');
  if (json.length > MAX_YAML_LENGTH + 4 * MAX_TEXT_LENGTH)
    return fail(`the scenario is ${json.length} characters once unpacked; the most accepted is ${MAX_YAML_LENGTH}.`);
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch (error) {
    return fail(`the unpacked scenario is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`);
  }
  return readPayload(payload);
}

/** Reads one field: its value, or a sentence saying what is wrong with it. */
type Reader<T> = (value: unknown, where: string) => {readonly value: T} | {readonly problem: string};

const text =
  (max: number, pattern?: RegExp): Reader<string> =>
  (value, where) =>
    typeof value !== 'string'
      ? {problem: `${where} is not text`}
      : value.length > max
        ? {problem: `${where} is longer than ${max} characters`}
        : pattern && !pattern.test(value)
          ? {problem: `${where} has characters it cannot have`}
          : {value};

const integer =
  (low: number, high: number): Reader<number> =>
  (value, where) =>
    typeof value !== 'number' || !Number.isInteger(value) || value < low || value > high
      ? {problem: `${where} is not a whole number from ${low} to ${high}`}
      : {value};

const id = text(64, /^[a-z0-9][a-z0-9-]*$/);

class FieldProblem extends Error {}

function readPayload(payload: unknown): DecodeResult {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return {ok: false, message: 'the unpacked scenario is not an object.'};
  const record = payload as Record<string, unknown>;
  if (record.v !== FORMAT_VERSION)
    return {ok: false, message: `field "v" (format version) is ${JSON.stringify(record.v) ?? 'missing'}; this site reads version ${FORMAT_VERSION}.`};
  const request: unknown[] = Array.isArray(record.r) ? record.r : [];
  const run: unknown[] = Array.isArray(record.o) ? record.o : [];
  const read = <T>(reader: Reader<T>, value: unknown, where: string): T => {
    const result = reader(value, where);
    if ('problem' in result) throw new FieldProblem(result.problem);
    return result.value;
  };
  try {
    return {
      ok: true,
      scenario: {
        playground: read(id, record.p, 'field "p" (playground id)'),
        example: read(id, record.e, 'field "e" (example id)'),
        yaml: read(text(MAX_YAML_LENGTH), record.y, 'field "y" (YAML)'),
        settings: {
          source: read(text(MAX_TEXT_LENGTH), request[0], 'field "r[0]" (source workload)'),
          host: read(text(MAX_TEXT_LENGTH), request[1], 'field "r[1]" (host)'),
          port: read(text(5, /^\d*$/), request[2], 'field "r[2]" (port)'),
          method: read(text(16, /^[A-Z]*$/), request[3], 'field "r[3]" (method)'),
          path: read(text(MAX_TEXT_LENGTH), request[4], 'field "r[4]" (path)'),
          headers: read(text(MAX_TEXT_LENGTH), request[5], 'field "r[5]" (headers)'),
          count: read(integer(1, 100_000), run[0], 'field "o[0]" (requests)'),
          concurrency: read(integer(1, 10_000), run[1], 'field "o[1]" (requests at once)'),
          seed: read(integer(0, 2 ** 31), run[2], 'field "o[2]" (seed)'),
          waypoint: read(integer(0, 1), run[3], 'field "o[3]" (waypoint)') === 1,
        },
      },
    };
  } catch (error) {
    if (error instanceof FieldProblem) return {ok: false, message: `${error.message}.`};
    throw error;
  }
}
