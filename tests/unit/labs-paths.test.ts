import {describe, expect, it} from 'vitest';
import {labPaths} from '@site/src/lib/labs/paths';
import {RUN_SCRIPT} from '@site/src/lib/labs/script';

describe('lab URLs', () => {
  it('lays out page, files, script and bundle under the site root by default', () => {
    const paths = labPaths('request-routing');
    expect(paths.page).toBe('/docs/labs/request-routing/');
    expect(paths.files).toBe('/labs/request-routing/');
    expect(paths.file('virtual-service-all-v1.yaml')).toBe('/labs/request-routing/virtual-service-all-v1.yaml');
    expect(paths.bundle).toBe('/labs/request-routing.tar.gz');
  });

  it('names the script by the file name the bundle generator uses', () => {
    expect(labPaths('mtls').script).toBe(`/labs/mtls/${RUN_SCRIPT}`);
  });

  it('puts every URL under a GitHub Pages base path, with or without its trailing slash', () => {
    for (const base of ['/service-mesh-labs/', '/service-mesh-labs']) {
      const paths = labPaths('mtls', base);
      expect(paths.page).toBe('/service-mesh-labs/docs/labs/mtls/');
      expect(paths.script).toBe(`/service-mesh-labs/labs/mtls/${RUN_SCRIPT}`);
      expect(paths.bundle).toBe('/service-mesh-labs/labs/mtls.tar.gz');
    }
  });

  it('builds absolute links from an origin plus base path', () => {
    expect(labPaths('mtls', 'https://example.org/course/').file('peer.yaml')).toBe('https://example.org/course/labs/mtls/peer.yaml');
  });

  it('gives paths relative to the site root for an empty base (where the plugin writes files)', () => {
    const paths = labPaths('mtls', '');
    expect(paths.files).toBe('labs/mtls/');
    expect(paths.bundle).toBe('labs/mtls.tar.gz');
    expect(paths.page).toBe('docs/labs/mtls/');
  });

  it('refuses a string that is not a lab id, so no URL escapes the labs folder', () => {
    expect(() => labPaths('../etc')).toThrow(/not a lab id/);
    expect(() => labPaths('Request Routing')).toThrow(/not a lab id/);
    expect(() => labPaths('')).toThrow(/not a lab id/);
  });
});
