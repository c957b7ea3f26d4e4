import {useEffect, useState, type RefObject} from 'react';
import {isSvgMarkup} from '@site/src/lib/diagrams';

/** How far below (or above) the viewport an element may be and still count as near (px). */
const NEAR_MARGIN = '300px 0px';

/**
 * Whether the element has come near the viewport yet; it stays true once it has. Lets a page
 * leave expensive work (rendering a diagram) until the reader scrolls towards it.
 */
export function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || near) return undefined;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      {rootMargin: NEAR_MARGIN},
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, near]);
  return near;
}

/**
 * Watches `ref` for the drawing mermaid puts in it: returns the SVG once it is there, and
 * whether it is wider than the box it scrolls in.
 */
export function useRenderedSvg(
  ref: RefObject<HTMLElement | null>,
  active: boolean,
): {svg: SVGSVGElement | null; overflows: boolean} {
  const [svg, setSvg] = useState<SVGSVGElement | null>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box || !active) return undefined;
    const update = (): void => {
      setSvg(box.querySelector('svg'));
      setOverflows(box.scrollWidth > box.clientWidth + 1);
    };
    const mutations = new MutationObserver(update);
    mutations.observe(box, {childList: true, subtree: true});
    const resizes = new ResizeObserver(update);
    resizes.observe(box);
    update();
    return () => {
      mutations.disconnect();
      resizes.disconnect();
    };
  }, [ref, active]);
  return {svg, overflows};
}

/**
 * Fetches a pre-rendered drawing once `active`: `markup` is the SVG, or `missing` is true when
 * the site has none for this chart (or it could not be fetched), so the caller can draw it
 * with mermaid instead. A new URL (the other colour mode) keeps the old drawing until it arrives.
 */
export function usePrerenderedSvg(url: string, active: boolean): {markup: string | null; missing: boolean} {
  const [state, setState] = useState<{markup: string | null; missing: boolean}>({markup: null, missing: false});
  useEffect(() => {
    if (!active) return undefined;
    let current = true;
    fetch(url)
      .then((response) => (response.ok ? response.text() : ''))
      .catch(() => '')
      .then((text) => {
        if (!current) return;
        setState(isSvgMarkup(text) ? {markup: text, missing: false} : {markup: null, missing: true});
      });
    return () => {
      current = false;
    };
  }, [url, active]);
  return state;
}
