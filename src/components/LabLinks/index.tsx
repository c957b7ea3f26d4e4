import React from 'react';
import Link from '@docusaurus/Link';
import {LAB_CATALOG, type LabId} from '@site/src/data/labCatalog';
import {usePublishedLabs} from '@site/src/components/Lab/labData';

/**
 * "Practise it": the labs that exercise a chapter's ideas. A lab whose page exists is a link;
 * a lab without a page yet renders as plain text, so listing a planned lab is always safe.
 */
export default function LabLinks({ids}: {ids: readonly LabId[]}): React.JSX.Element {
  const published = usePublishedLabs();
  return (
    <ul>
      {ids.map((id) => {
        const lab = LAB_CATALOG.find((entry) => entry.id === id);
        if (!lab) throw new Error(`<LabLinks>: unknown lab id "${id}"`);
        const page = published.get(id);
        const label = `Lab ${lab.number}: ${lab.title}`;
        return <li key={id}>{page?.path ? <Link to={page.path}>{label}</Link> : label}</li>;
      })}
    </ul>
  );
}
