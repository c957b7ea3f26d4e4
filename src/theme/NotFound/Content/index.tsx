import React from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import type {Props} from '@theme/NotFound/Content';

/** The 404 page: say plainly what happened and offer the two ways back into the course. */
export default function NotFoundContent({className}: Props): React.JSX.Element {
  return (
    <main className={`container margin-vert--xl ${className ?? ''}`}>
      <div className="row">
        <div className="col col--6 col--offset-3">
          <Heading as="h1">Page not found</Heading>
          <p>
            There is no page at this address. It may have moved when the course was reorganised, or the link you
            followed has a typo.
          </p>
          <ul>
            <li>
              <Link to="/">Go to the course outline</Link>
            </li>
            <li>Use the search box at the top of the page to find a topic.</li>
          </ul>
        </div>
      </div>
    </main>
  );
}
