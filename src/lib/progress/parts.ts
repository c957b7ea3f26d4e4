/**
 * Pages read per part of the course. A part is a top-level docs folder; its pages are the docs
 * whose id starts with `<part-slug>/` (Docusaurus strips the number prefix: `04-traffic` → `traffic`).
 */
import {isRead, type ReadRecord} from './read';

export interface DocRef {
  /** Doc id, e.g. `traffic/virtual-service` or `traffic/index`. */
  readonly id: string;
  /** Route without baseUrl, e.g. `/docs/traffic/virtual-service/`. */
  readonly path: string;
}

export interface PartProgress {
  readonly read: number;
  readonly total: number;
}

export function docsOfPart<T extends DocRef>(docs: readonly T[], partSlug: string): T[] {
  return docs.filter((doc) => doc.id.startsWith(`${partSlug}/`));
}

export function partProgress(docs: readonly DocRef[], partSlug: string, record: ReadRecord): PartProgress {
  const pages = docsOfPart(docs, partSlug);
  return {read: pages.filter((doc) => isRead(record, doc.path)).length, total: pages.length};
}

/** `/docs/traffic/` → `traffic` (the route segment named `<part-slug>` in EXAM-PLAN.md). */
export function partSlugOf(partPath: string): string {
  return partPath.replace(/^\/docs\//, '').replace(/\/$/, '');
}
