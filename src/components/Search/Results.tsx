import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import type {SearchHit} from './usePagefind';
import styles from './styles.module.css';

/** One search hit: the page title as a link, and the matched passage with its words marked. */
export function SearchHitItem({hit, id, active}: {hit: SearchHit; id?: string; active?: boolean}): ReactNode {
  return (
    <li id={id} className={styles.hit} data-active={active ? 'true' : undefined} role={id ? 'option' : undefined} aria-selected={id ? Boolean(active) : undefined}>
      <Link to={hit.url} className={styles.hitTitle} tabIndex={id ? -1 : undefined}>
        {hit.title}
      </Link>
      <p className={styles.excerpt}>
        {hit.excerpt.map((part, index) => (part.highlighted ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
      </p>
    </li>
  );
}
