import React, {lazy, Suspense, useEffect, useId, useRef, type CSSProperties} from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {useColorMode} from '@docusaurus/theme-common';
import {diagramFile, diagramId} from '@site/src/lib/diagrams';
import FullSize from './FullSize';
import {useNearViewport, usePrerenderedSvg, useRenderedSvg} from './useNearViewport';
import styles from './styles.module.css';

/** Only a chart without a drawing (being edited) needs mermaid: its code loads then, not before. */
const Mermaid = lazy(() => import('@theme/Mermaid'));

/** The class @theme/Mermaid gives its container, kept on drawings too so one stylesheet sizes both. */
const CONTAINER_CLASS = 'docusaurus-mermaid-container';

interface DiagramProps {
  /** Short visible caption. */
  readonly title: string;
  /** What the diagram shows, in prose, for screen readers and for readers without JavaScript. */
  readonly description: string;
  /** Mermaid source. */
  readonly chart: string;
  /**
   * Mermaid's own size for the drawing, in CSS px before any scaling. The figure keeps exactly
   * the space the drawing will take at the reader's width, so nothing moves when it renders;
   * the layout test (tests/e2e/layout.test.ts) fails when these are out of date.
   */
  readonly width: number;
  readonly height: number;
}

/**
 * An architecture diagram: a mermaid chart in a figure with a caption and a text description.
 * When the figure comes near the viewport it fetches the drawing `npm run diagrams` made for the
 * reader's colour mode (src/lib/diagrams.ts); only a chart without one (being edited) loads and
 * runs mermaid in the browser. Without JavaScript the drawing shows as an image. The drawing shrinks
 * to fit its column but never below a readable scale (see styles.module.css); a wider drawing
 * scrolls inside its own box (shaded edges show there is more), and "Open full size" shows it
 * in a zoomable dialog.
 */
export default function Diagram({title, description, chart, width, height}: DiagramProps): React.JSX.Element {
  const descriptionId = useId();
  const figure = useRef<HTMLElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const near = useNearViewport(figure);
  const {colorMode} = useColorMode();
  const id = diagramId(chart);
  const lightUrl = useBaseUrl(`/${diagramFile(id, 'light')}`);
  const darkUrl = useBaseUrl(`/${diagramFile(id, 'dark')}`);
  const drawing = usePrerenderedSvg(colorMode === 'dark' ? darkUrl : lightUrl, near);
  const {svg, overflows} = useRenderedSvg(scroller, near);
  // A top-down chart is laid out around its middle: a phone first shows that, not its left edge.
  const topDown = /^\s*(flowchart|graph)\s+(TB|TD)\b|^\s*stateDiagram/.test(chart);
  useEffect(() => {
    const box = scroller.current;
    if (box && svg && overflows && topDown) box.scrollLeft = (box.scrollWidth - box.clientWidth) / 2;
  }, [svg, overflows, topDown]);
  const size = {'--diagram-width': width, '--diagram-height': height} as CSSProperties;
  return (
    <figure ref={figure} className={styles.figure} aria-describedby={descriptionId}>
      <div
        ref={scroller}
        className={styles.scroller}
        // Keyboard users can scroll a drawing that is wider than its box.
        tabIndex={overflows ? 0 : undefined}
        role={overflows ? 'group' : undefined}
        aria-label={overflows ? `${title} (drawing, scrolls sideways)` : undefined}>
        <div className={styles.canvas} style={size} aria-hidden="true" data-diagram={id}>
          {drawing.markup !== null ? (
            // Our own build output (scripts/diagrams.ts), not user input.
            <div className={CONTAINER_CLASS} dangerouslySetInnerHTML={{__html: drawing.markup}} />
          ) : null}
          {drawing.missing ? (
            <Suspense fallback={null}>
              <Mermaid value={chart.trim()} />
            </Suspense>
          ) : null}
          <noscript>
            <picture>
              <source srcSet={darkUrl} media="(prefers-color-scheme: dark)" />
              <img className={styles.noscriptImage} src={lightUrl} alt="" width={width} height={height} />
            </picture>
          </noscript>
        </div>
      </div>
      <figcaption className={styles.caption}>
        <div className={styles.captionRow}>
          <strong>{title}</strong>
          <FullSize title={title} svg={svg} />
        </div>
        <details className={styles.details}>
          <summary>Text description</summary>
          <p id={descriptionId}>{description}</p>
        </details>
      </figcaption>
    </figure>
  );
}
