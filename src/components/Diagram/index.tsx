import React, {useId} from 'react';
import Mermaid from '@theme/Mermaid';
import styles from './styles.module.css';

interface DiagramProps {
  /** Short visible caption. */
  readonly title: string;
  /** What the diagram shows, in prose, for screen readers and for readers without JavaScript. */
  readonly description: string;
  /** Mermaid source. */
  readonly chart: string;
  /** Space reserved before mermaid renders, so the page does not jump (px). */
  readonly minHeight: number;
}

/**
 * An architecture diagram: a mermaid chart in a figure with a caption and a text description.
 * Mermaid itself is loaded lazily by @docusaurus/theme-mermaid, so only pages with a Diagram
 * download it; the reserved height keeps headings (and their anchors) where they are.
 */
export default function Diagram({title, description, chart, minHeight}: DiagramProps): React.JSX.Element {
  const descriptionId = useId();
  return (
    <figure className={styles.figure} aria-describedby={descriptionId}>
      <div className={styles.canvas} style={{minHeight}} aria-hidden="true">
        <Mermaid value={chart.trim()} />
      </div>
      <figcaption className={styles.caption}>
        <strong>{title}</strong>
        <details className={styles.details}>
          <summary>Text description</summary>
          <p id={descriptionId}>{description}</p>
        </details>
      </figcaption>
    </figure>
  );
}
