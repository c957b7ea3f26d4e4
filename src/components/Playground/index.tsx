import React, {Suspense, lazy, useEffect, useState} from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import {playgroundExample, PLAYGROUND_EXAMPLES, type PlaygroundExample} from '@site/src/data/playgroundExamples';
import {StaticPlayground} from './StaticPlayground';

/** The interactive part (simulator, controls, results, editor) is its own chunk. */
const PlaygroundApp = lazy(() => import('./PlaygroundApp'));

/**
 * True once the page has loaded and the browser has a moment to spare. The playground's chunks
 * (simulator and editor, ~300 KiB) then queue behind everything the page itself needs, so a
 * phone paints and settles the chapter before it starts on them.
 */
function useIdleAfterLoad(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let idle: number | undefined;
    const whenIdle = () => {
      idle = typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(() => setReady(true), {timeout: 2000}) : window.setTimeout(() => setReady(true), 200);
    };
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, {once: true});
    return () => {
      window.removeEventListener('load', whenIdle);
      if (idle === undefined) return;
      if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, []);
  return ready;
}

/** Renders the static playground until the page is idle after load, then the interactive one. */
function DeferredPlaygroundApp({example, fallback}: {example: PlaygroundExample; fallback: React.JSX.Element}): React.JSX.Element {
  const ready = useIdleAfterLoad();
  if (!ready) return fallback;
  return (
    <Suspense fallback={fallback}>
      <PlaygroundApp example={example} />
    </Suspense>
  );
}

interface PlaygroundProps {
  /** Id of an example in src/data/playgroundExamples.ts, e.g. "request-routing". */
  readonly example: string;
}

/**
 * A mesh playground: edit Istio YAML, send simulated requests, read why each went where it did.
 * Pages without a playground never download the simulator or the editor; until they arrive the
 * reader sees the YAML and the request as plain text in the same space.
 */
export default function Playground({example: id}: PlaygroundProps): React.JSX.Element {
  const example = playgroundExample(id);
  if (!example) {
    throw new Error(
      `<Playground example="${id}"/>: no such example. Known ids: ${PLAYGROUND_EXAMPLES.map((item) => item.id).join(', ')} (src/data/playgroundExamples.ts).`,
    );
  }
  const fallback = <StaticPlayground example={example} />;
  return (
    <BrowserOnly fallback={fallback}>{() => <DeferredPlaygroundApp example={example} fallback={fallback} />}</BrowserOnly>
  );
}
