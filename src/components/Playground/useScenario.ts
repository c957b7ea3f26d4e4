import {useCallback, useEffect, useRef, useState} from 'react';
import {playgroundExample, type PlaygroundExample} from '@site/src/data/playgroundExamples';
import {decodeScenario, encodeScenario, SHARE_PARAM, type SharedSettings} from '@site/src/lib/share';

/** What the learner is working on: the example it started from, the YAML and the request. */
export interface Scenario {
  readonly example: PlaygroundExample;
  readonly yaml: string;
  readonly settings: SharedSettings;
}

function headersToText(headers: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(headers ?? {})
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

export function initialScenario(example: PlaygroundExample): Scenario {
  return {
    example,
    yaml: example.yaml,
    settings: {
      source: example.request.source,
      host: example.request.host,
      port: example.request.port ? String(example.request.port) : '',
      method: example.request.method,
      path: example.request.path,
      headers: headersToText(example.request.headers),
      count: example.count,
      concurrency: example.concurrency ?? 1,
      seed: example.seed,
      waypoint: (example.presetOptions?.waypointFor ?? []).length > 0,
    },
  };
}

type FromUrl = {readonly kind: 'none'} | {readonly kind: 'scenario'; readonly scenario: Scenario} | {readonly kind: 'problem'; readonly message: string};

/** The scenario the page URL holds for the playground `hostId`, if any. */
function readUrl(hostId: string, firstOnPage: boolean): FromUrl {
  const encoded = new URLSearchParams(window.location.search).get(SHARE_PARAM);
  if (encoded === null) return {kind: 'none'};
  const decoded = decodeScenario(encoded);
  if (!decoded.ok) return firstOnPage ? {kind: 'problem', message: decoded.message} : {kind: 'none'};
  const {scenario} = decoded;
  if (scenario.playground !== hostId) return {kind: 'none'};
  const example = playgroundExample(scenario.example);
  if (!example) return {kind: 'problem', message: `field "e" names the example "${scenario.example}", which this site does not have.`};
  return {kind: 'scenario', scenario: {example, yaml: scenario.yaml, settings: scenario.settings}};
}

function urlFor(hostId: string, scenario: Scenario | undefined): string {
  const url = new URL(window.location.href);
  if (scenario) {
    const {example, yaml, settings} = scenario;
    url.searchParams.set(SHARE_PARAM, encodeScenario({playground: hostId, example: example.id, yaml, settings}));
  } else url.searchParams.delete(SHARE_PARAM);
  return url.href;
}

/**
 * The playground's scenario, kept in the page URL on explicit actions (Run, Share, choosing an
 * example, Reset) with history.pushState, so Back returns to the previous scenario and a link
 * opens the one it was made from. Typing changes the state only, not the history.
 */
export function useScenario(host: PlaygroundExample) {
  const [scenario, setScenario] = useState<Scenario>(() => initialScenario(host));
  const [linkProblem, setLinkProblem] = useState<string | undefined>();
  /** Bumped when the scenario is replaced from outside the editor, so the editor reloads it. */
  const [revision, setRevision] = useState(0);
  const fromUrl = useRef(false);

  const applyUrl = useCallback(() => {
    const first = document.querySelector('section[data-playground]')?.getAttribute('data-playground') === host.id;
    const read = readUrl(host.id, first);
    setLinkProblem(read.kind === 'problem' ? read.message : undefined);
    if (read.kind === 'scenario') {
      fromUrl.current = true;
      setScenario(read.scenario);
      setRevision((value) => value + 1);
    } else if (fromUrl.current) {
      fromUrl.current = false;
      setScenario(initialScenario(host));
      setRevision((value) => value + 1);
    }
  }, [host]);

  useEffect(() => {
    applyUrl();
    window.addEventListener('popstate', applyUrl);
    return () => window.removeEventListener('popstate', applyUrl);
  }, [applyUrl]);

  /**
   * Records the scenario in the history (a new entry when it differs; the example's own
   * scenario as the page without a parameter) and returns a link that opens it.
   */
  const record = useCallback(
    (next: Scenario, isDefault = false): string => {
      const href = urlFor(host.id, isDefault ? undefined : next);
      if (href !== window.location.href) window.history.pushState(window.history.state, '', href);
      fromUrl.current = !isDefault;
      setLinkProblem(undefined);
      return urlFor(host.id, next);
    },
    [host],
  );

  /** Replaces the whole scenario (an example chosen, Reset): the editor reloads. */
  const replace = useCallback(
    (next: Scenario, isDefault = false) => {
      setScenario(next);
      setRevision((value) => value + 1);
      record(next, isDefault);
    },
    [record],
  );

  return {scenario, setScenario, linkProblem, revision, record, replace};
}
