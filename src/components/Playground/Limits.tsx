import React from 'react';
import {NOT_MODELED} from '@site/src/lib/mesh/limits';

/** The published list of what the mesh simulator does not model (from src/lib/mesh/limits.ts). */
export default function PlaygroundLimits(): React.JSX.Element {
  return (
    <dl>
      {NOT_MODELED.map((item) => (
        <React.Fragment key={item.topic}>
          <dt>{item.topic}</dt>
          <dd>{item.detail}</dd>
        </React.Fragment>
      ))}
    </dl>
  );
}
