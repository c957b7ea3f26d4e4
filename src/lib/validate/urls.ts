/**
 * URL rules: raw.githubusercontent.com/istio/istio URLs are pinned to the course's release branch
 * and name a file that exists there (src/data/istio-reference/samples.json); istio.io links use
 * the https://istio.io/latest/… form.
 */
import {ISTIO_MINOR} from '../../data/course';
import samples from '../../data/istio-reference/samples.json';
import type {LocalProblem} from '../problem';

const SAMPLE_PATHS = new Set<string>(samples.paths);

export interface UrlResult {
  readonly problems: LocalProblem[];
  readonly urls: number;
}

const URL_RE = /https?:\/\/[^\s"'`<>)\]}]+/g;

/** Checks every URL in text (1-based lines within text). */
export function checkUrls(text: string): UrlResult {
  const problems: LocalProblem[] = [];
  let urls = 0;
  text.split('\n').forEach((lineText, idx) => {
    for (const m of lineText.matchAll(URL_RE)) {
      const url = m[0].replace(/[.,;:]+$/, '');
      const line = idx + 1;
      const raw = /^https?:\/\/raw\.githubusercontent\.com\/istio\/istio\/([^/]+)\/(.*)$/.exec(url);
      if (raw) {
        urls++;
        const [, ref, path] = raw;
        if (ref !== `release-${ISTIO_MINOR}`) {
          problems.push({line, message: `${url}: pin Istio sample URLs to release-${ISTIO_MINOR} (not ${ref})`});
        } else if (path && !path.includes('$') && !path.includes('{') && !path.includes('…') && !SAMPLE_PATHS.has(path)) {
          problems.push({line, message: `${url}: no file "${path}" in istio/istio release-${ISTIO_MINOR} (src/data/istio-reference/samples.json)`});
        }
        continue;
      }
      const gh = /^https?:\/\/github\.com\/istio\/istio\/(?:blob|tree|raw)\/([^/]+)\//.exec(url);
      if (gh) {
        urls++;
        if (gh[1] !== `release-${ISTIO_MINOR}` && !/^1\.\d+\.\d+$/.test(gh[1]!)) {
          problems.push({line, message: `${url}: link istio/istio files at release-${ISTIO_MINOR} (not ${gh[1]})`});
        }
        continue;
      }
      const istio = /^(https?):\/\/([a-z.]*istio\.io)(\/[^?#]*)?/.exec(url);
      if (istio) {
        urls++;
        const [, scheme, host, path = '/'] = istio;
        if (host === 'istio.io' && (path === '/downloadIstio' || path === '/downloadIstioctl')) continue;
        if (host !== 'istio.io') {
          if (host === 'blob.istio.io') continue; // Helm chart repository
          problems.push({line, message: `${url}: link https://istio.io/latest/… (not ${host})`});
        } else if (scheme !== 'https') {
          problems.push({line, message: `${url}: use https://istio.io/latest/…`});
        } else if (/^\/v1\.\d+\//.test(path)) {
          problems.push({line, message: `${url}: link the current docs, https://istio.io/latest/… (not a versioned archive)`});
        } else if (!path.startsWith('/latest/') || /^\/latest\/(zh|es|uk)\//.test(path)) {
          problems.push({line, message: `${url}: istio.io links use the form https://istio.io/latest/docs/… (English, latest)`});
        }
      }
    }
  });
  return {problems, urls};
}
