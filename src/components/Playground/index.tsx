import React, {Suspense, lazy} from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import {playgroundExample, PLAYGROUND_EXAMPLES} from '@site/src/data/playgroundExamples';
import {StaticPlayground} from './StaticPlayground';

/** The interactive part (simulator, controls, results, editor) is its own chunk. */
const PlaygroundApp = lazy(() => import('./PlaygroundApp'));

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
    <BrowserOnly fallback={fallback}>
      {() => (
        <Suspense fallback={fallback}>
          <PlaygroundApp example={example} />
        </Suspense>
      )}
    </BrowserOnly>
  );
}
