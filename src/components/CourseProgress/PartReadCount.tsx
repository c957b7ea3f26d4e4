import React from 'react';
import {partProgress, partSlugOf} from '@site/src/lib/progress';
import {useCourseDocs, useReadRecord} from './useProgress';

/** "3 of 7 pages read" for one part (given by its route, `/docs/traffic/`), once hydrated. */
export default function PartReadCount({partPath, className}: {partPath: string; className?: string}): React.JSX.Element | null {
  const docs = useCourseDocs();
  const {record, hydrated} = useReadRecord();
  if (!hydrated) return null;
  const {read, total} = partProgress(docs, partSlugOf(partPath), record);
  return (
    <span className={className} data-part-read={`${read}/${total}`}>
      {read} of {total} pages read
    </span>
  );
}
