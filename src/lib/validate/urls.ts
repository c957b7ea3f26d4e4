/**
 * URL rules: raw.githubusercontent.com/istio/istio URLs are pinned to the course's release branch
 * (SAMPLES_BASE_URL) and name a file that exists there (src/data/istio-reference/samples.json);
 * istio.io links use the form of ISTIO_DOCS_BASE_URL (English, latest).
 */
import {ISTIO_DOCS_BASE_URL, ISTIO_MINOR, SAMPLES_BASE_URL} from '../../data/course';
import {SAMPLE_PATHS} from '../../data/istio-reference/reference';
import type {LocalProblem} from '../problem';


export interface UrlResult {
  readonly problems: LocalProblem[];
  readonly urls: number;
}

const URL_RE = /https?:\/\/[^\s"'`<>)\]}]+/g;

/** istio.io and the path every link to it starts with: `/latest/` of ISTIO_DOCS_BASE_URL. */
const DOCS = new URL(ISTIO_DOCS_BASE_URL);
const DOCS_ROOT = DOCS.pathname.replace(/docs\/?$/, '');

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
          problems.push({line, message: `${url}: pin Istio sample URLs to release-${ISTIO_MINOR}, ${SAMPLES_BASE_URL}/… (not ${ref})`});
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
        if (host === DOCS.host && (path === '/downloadIstio' || path === '/downloadIstioctl')) continue;
        if (host !== DOCS.host) {
          if (host === 'blob.istio.io') continue; // Helm chart repository
          problems.push({line, message: `${url}: link ${ISTIO_DOCS_BASE_URL}/… (not ${host})`});
        } else if (`${scheme}:` !== DOCS.protocol) {
          problems.push({line, message: `${url}: use ${ISTIO_DOCS_BASE_URL}/…`});
        } else if (/^\/v1\.\d+\//.test(path)) {
          problems.push({line, message: `${url}: link the current docs, ${ISTIO_DOCS_BASE_URL}/… (not a versioned archive)`});
        } else if (!path.startsWith(DOCS_ROOT) || /^\/latest\/(zh|es|uk)\//.test(path)) {
          problems.push({line, message: `${url}: istio.io links use the form ${ISTIO_DOCS_BASE_URL}/… (English, latest)`});
        }
      }
    }
  });
  return {problems, urls};
}
