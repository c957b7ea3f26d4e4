import React from 'react';
import Link from '@docusaurus/Link';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {useLocation} from '@docusaurus/router';
import {useDocsSidebar} from '@docusaurus/plugin-content-docs/client';
import type {PropSidebarItem} from '@docusaurus/plugin-content-docs';
import {docPathOf, isRead} from '@site/src/lib/progress';
import {useReadRecord} from '../useProgress';
import styles from '../styles.module.css';

interface PartPage {
  readonly label: string;
  readonly href: string;
}

function pagesOf(items: readonly PropSidebarItem[]): PartPage[] {
  return items.flatMap((item): PartPage[] => {
    if (item.type === 'link') return [{label: item.label, href: item.href}];
    if (item.type === 'category') return [...(item.href ? [{label: item.label, href: item.href}] : []), ...pagesOf(item.items)];
    return [];
  });
}

/**
 * The part whose index is `pathname`: its category's pages, or the page alone when the part is a
 * single page (the sidebar then holds a link, not a category).
 */
function partPages(items: readonly PropSidebarItem[], pathname: string): PartPage[] {
  for (const item of items) {
    if (item.type === 'category' && item.href === pathname) {
      return [{label: `${item.label} (this page)`, href: item.href}, ...pagesOf(item.items)];
    }
    if (item.type === 'link' && item.href === pathname) return [{label: `${item.label} (this page)`, href: item.href}];
  }
  return [];
}

/**
 * On a part's index page: how many of the part's pages this browser has read, and each page
 * with its state. The pages come from the sidebar (the part's category), never retyped.
 */
export default function PartProgress(): React.JSX.Element {
  const {siteConfig} = useDocusaurusContext();
  const {pathname} = useLocation();
  const sidebar = useDocsSidebar();
  const {record, hydrated} = useReadRecord();
  const pages = partPages(sidebar?.items ?? [], pathname).map((page) => ({...page, read: hydrated && isRead(record, docPathOf(page.href, siteConfig.baseUrl))}));
  const readCount = pages.filter((page) => page.read).length;
  return (
    <div className={styles.panel} data-part-progress={hydrated ? readCount : undefined}>
      <p className={styles.summary} aria-live="polite">
        {hydrated
          ? `${readCount} of ${pages.length} pages read in this browser.`
          : `${pages.length} pages. Your progress is kept in this browser and shows once the page has loaded.`}
      </p>
      <ul className={styles.pageList}>
        {pages.map((page) => (
          <li key={page.href} className={page.read ? styles.done : undefined}>
            <span className={styles.mark} aria-hidden="true">
              {page.read ? '✓' : '○'}
            </span>
            <Link to={page.href}>{page.label}</Link>
            {hydrated ? <span className="visually-hidden">{page.read ? ' (read)' : ' (not read yet)'}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
