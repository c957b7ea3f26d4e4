import React, {useEffect, useRef} from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {useLocation} from '@docusaurus/router';
import {docPathOf, isRead} from '@site/src/lib/progress';
import {markPage, useReadRecord} from '../useProgress';
import styles from './styles.module.css';

/**
 * The end of a doc page: reaching it marks the page read (once per visit; a reader who then
 * marks it unread is not overruled), and a button marks it read or unread by hand.
 */
export default function MarkRead(): React.JSX.Element {
  const {siteConfig} = useDocusaurusContext();
  const path = docPathOf(useLocation().pathname, siteConfig.baseUrl);
  const {record, hydrated} = useReadRecord();
  const read = isRead(record, path);
  const sentinel = useRef<HTMLDivElement>(null);
  const settled = useRef(false);

  useEffect(() => {
    settled.current = false;
    const target = sentinel.current;
    if (!target || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (settled.current || !entries.some((entry) => entry.isIntersecting)) return;
      settled.current = true;
      observer.disconnect();
      markPage(path, true);
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [path]);

  const toggle = () => {
    settled.current = true;
    markPage(path, !read);
  };

  return (
    <div className={styles.end} ref={sentinel} data-read-marker={hydrated ? (read ? 'read' : 'unread') : undefined}>
      <p className={styles.status} aria-live="polite">
        {hydrated ? (read ? 'You have read this page.' : 'Not marked as read yet.') : null}
      </p>
      <button type="button" className="button button--sm button--secondary" onClick={toggle} disabled={!hydrated}>
        {read ? 'Mark as unread' : 'Mark as read'}
      </button>
    </div>
  );
}
