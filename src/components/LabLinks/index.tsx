import React from 'react';
import Link from '@docusaurus/Link';
import {useAllPluginInstancesData} from '@docusaurus/useGlobalData';
import {LAB_CATALOG, type LabId} from '@site/src/data/labCatalog';

/** What the labs plugin publishes as global data: one small entry per lab that exists. */
interface PublishedLab {
  readonly id: string;
  readonly path: string;
}

function usePublishedLabs(): ReadonlyMap<string, PublishedLab> {
  const instances = useAllPluginInstancesData('labs', {failfast: false}) as
    | Record<string, {labs?: readonly PublishedLab[]} | undefined>
    | undefined;
  const labs = instances?.default?.labs ?? [];
  return new Map(labs.map((lab) => [lab.id, lab]));
}

/**
 * "Practise it": the labs that exercise a chapter's ideas. A lab whose page exists is a link;
 * the content checks fail the build of the course when a listed lab has no page.
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
        return <li key={id}>{page ? <Link to={page.path}>{label}</Link> : label}</li>;
      })}
    </ul>
  );
}
