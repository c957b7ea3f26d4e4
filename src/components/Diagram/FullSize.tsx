import React, {useId, useRef, useState} from 'react';
import styles from './styles.module.css';

const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
const ACTUAL_SIZE = ZOOM_STEPS.indexOf(1);

/**
 * "Open full size" (once the drawing is there): a modal dialog showing a copy of the rendered drawing at its own size,
 * with zoom buttons (and + / − keys) and scrolling in both directions. Esc or Close ends it.
 */
export default function FullSize({title, svg}: {title: string; svg: SVGSVGElement | null}): React.JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [markup, setMarkup] = useState<string | null>(null);
  const [step, setStep] = useState(ACTUAL_SIZE);
  const zoom = ZOOM_STEPS[step] ?? 1;
  const width = svg?.viewBox.baseVal.width ?? 0;
  const height = svg?.viewBox.baseVal.height ?? 0;

  const open = (): void => {
    if (!svg) return;
    setMarkup(svg.outerHTML);
    setStep(ACTUAL_SIZE);
    dialog.current?.showModal();
  };
  const zoomBy = (delta: number): void => setStep((current) => Math.min(Math.max(current + delta, 0), ZOOM_STEPS.length - 1));
  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key === '+' || event.key === '=') zoomBy(1);
    else if (event.key === '-') zoomBy(-1);
  };

  return (
    <>
      {/* Kept in place (invisible) until the drawing exists, so the caption never changes height. */}
      <button
        type="button"
        className={`button button--secondary button--sm ${styles.open}`}
        onClick={open}
        disabled={!svg}
        style={svg ? undefined : {visibility: 'hidden'}}
        aria-label={`Open full size: ${title}`}>
        Open full size
      </button>
      <dialog
        ref={dialog}
        className={styles.dialog}
        aria-labelledby={titleId}
        onClose={() => setMarkup(null)}
        onKeyDown={onKeyDown}>
        <div className={styles.dialogBar}>
          <p id={titleId} className={styles.dialogTitle}>
            {title}
          </p>
          <div className={styles.zoom} role="group" aria-label="Zoom">
            <button type="button" className="button button--secondary button--sm" onClick={() => zoomBy(-1)} disabled={step === 0} aria-label="Zoom out">
              −
            </button>
            <output aria-live="polite">{Math.round(zoom * 100)} %</output>
            <button type="button" className="button button--secondary button--sm" onClick={() => zoomBy(1)} disabled={step === ZOOM_STEPS.length - 1} aria-label="Zoom in">
              +
            </button>
          </div>
          <button type="button" className="button button--primary button--sm" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        <div className={styles.dialogCanvas} tabIndex={0} role="group" aria-label={`${title}, full size (scrolls)`}>
          {markup ? (
            <div
              className={styles.dialogDrawing}
              style={{width: width * zoom, height: height * zoom}}
              aria-hidden="true"
              // The drawing is a copy of the SVG mermaid rendered on this page.
              dangerouslySetInnerHTML={{__html: markup}}
            />
          ) : null}
        </div>
      </dialog>
    </>
  );
}
