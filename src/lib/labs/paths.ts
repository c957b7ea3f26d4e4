/**
 * Where a lab lives on the site: the one place the URL layout is spelled out. The page component,
 * the labs plugin (which writes the files) and the tests all build their URLs from here.
 *
 *   <base>docs/labs/<id>/        the lab's page
 *   <base>labs/<id>/<file>       each manifest, published as-is
 *   <base>labs/<id>/run.sh       the generated script
 *   <base>labs/<id>.tar.gz       run.sh + manifests/ in a folder <id>/
 */
import {RUN_SCRIPT} from './script';

export interface LabPaths {
  /** The lab's page. */
  readonly page: string;
  /** The folder its published files sit in (ends with "/"). */
  readonly files: string;
  /** The generated script. */
  readonly script: string;
  /** The downloadable archive. */
  readonly bundle: string;
  /** One published manifest, by its file name under manifests/. */
  file(name: string): string;
}

/**
 * The URLs of a lab under `baseUrl`: the site's base path ("/" by default, "/repo/" on GitHub
 * Pages), a full origin + base path for absolute links, or "" for paths relative to the site root
 * (what the plugin joins to the build folder). A base without a trailing slash gets one.
 */
export function labPaths(id: string, baseUrl = '/'): LabPaths {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new Error(`labPaths: "${id}" is not a lab id (lab.schema.json slug)`);
  const base = baseUrl === '' || baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const files = `${base}labs/${id}/`;
  return {
    page: `${base}docs/labs/${id}/`,
    files,
    script: `${files}${RUN_SCRIPT}`,
    bundle: `${base}labs/${id}.tar.gz`,
    file: (name) => `${files}${name}`,
  };
}
