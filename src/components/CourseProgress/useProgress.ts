/**
 * The learner's course progress as React state, read from localStorage after hydration (the
 * server HTML never depends on it) and refreshed on the `sml-progress` event (same tab) and on
 * `storage` events (other tabs). Reading never throws: blocked or corrupt storage reads as empty.
 */
import {useCallback, useEffect, useMemo, useState} from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {useAllDocsData} from '@docusaurus/plugin-content-docs/client';
import {MODE_STORAGE_KEY, progressKey, readItem, writeItem} from '@site/src/lib/labs/progress';
import {
  decodeRead,
  docPathOf,
  encodeRead,
  isLabComplete,
  isRead,
  isTaskPassed,
  READ_KEY,
  setRead,
  taskKey,
  type DocRef,
  type LabSteps,
  type ReadRecord,
} from '@site/src/lib/progress';

export const PROGRESS_EVENT = 'sml-progress';

export function notifyProgress(): void {
  window.dispatchEvent(new Event(PROGRESS_EVENT));
}

/** A counter that changes whenever stored progress may have changed; null before hydration. */
export function useProgressVersion(): number | null {
  const [version, setVersion] = useState<number | null>(null);
  useEffect(() => {
    const bump = () => setVersion((current) => (current ?? 0) + 1);
    bump();
    window.addEventListener(PROGRESS_EVENT, bump);
    window.addEventListener('storage', bump);
    return () => {
      window.removeEventListener(PROGRESS_EVENT, bump);
      window.removeEventListener('storage', bump);
    };
  }, []);
  return version;
}

export function useReadRecord(): {record: ReadRecord; hydrated: boolean} {
  const version = useProgressVersion();
  const record = useMemo(() => (version === null ? decodeRead(null) : decodeRead(readItem(READ_KEY))), [version]);
  return {record, hydrated: version !== null};
}

export function markPage(path: string, read: boolean): void {
  writeItem(READ_KEY, encodeRead(setRead(decodeRead(readItem(READ_KEY)), path, read, new Date())));
  notifyProgress();
}

/** Every doc of the course (current version), with routes stripped of the baseUrl. */
export function useCourseDocs(): DocRef[] {
  const {siteConfig} = useDocusaurusContext();
  const data = useAllDocsData();
  return useMemo(() => {
    const version = Object.values(data)[0]?.versions[0];
    return (version?.docs ?? []).map((doc) => ({id: doc.id, path: docPathOf(doc.path, siteConfig.baseUrl)}));
  }, [data, siteConfig.baseUrl]);
}

export interface ProgressState {
  readonly hydrated: boolean;
  readonly pageRead: (docPath: string) => boolean;
  readonly labComplete: (labId: string) => boolean;
  readonly taskPassed: (taskId: string) => boolean;
}

/** Pages read, labs completed and tasks passed, as predicates over the stored records. */
export function useProgressState(labs: readonly LabSteps[]): ProgressState {
  const version = useProgressVersion();
  const {record} = useReadRecord();
  const mode = useMemo(() => (version === null ? null : readItem(MODE_STORAGE_KEY)), [version]);
  const byId = useMemo(() => new Map(labs.map((lab) => [lab.id, lab])), [labs]);
  const pageRead = useCallback((path: string) => isRead(record, path), [record]);
  const labComplete = useCallback(
    (id: string) => {
      const lab = byId.get(id);
      return version !== null && lab !== undefined && isLabComplete(lab, readItem(progressKey(id)), mode);
    },
    [byId, mode, version],
  );
  const taskPassed = useCallback((id: string) => version !== null && isTaskPassed(readItem(taskKey(id))), [version]);
  return {hydrated: version !== null, pageRead, labComplete, taskPassed};
}
