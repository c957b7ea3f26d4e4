import {describe, expect, it} from 'vitest';
import {excerptParts, pagefindModuleUrl, resultTitle} from '@site/src/lib/search';

describe('search excerpts', () => {
  it('splits Pagefind marks into highlighted parts and decodes escaped text', () => {
    expect(excerptParts('set <mark>outlierDetection</mark> &amp; &lt;b&gt; limits')).toEqual([
      {text: 'set ', highlighted: false},
      {text: 'outlierDetection', highlighted: true},
      {text: ' & <b> limits', highlighted: false},
    ]);
  });

  it('never passes markup through: tags other than mark are dropped, their text kept', () => {
    const parts = excerptParts('<img src=x onerror=alert(1)>a <mark><b>b</b></mark>');
    expect(parts.map((part) => part.text).join('')).toBe('a b');
    expect(parts.some((part) => part.text.includes('<'))).toBe(false);
  });

  it('decodes numeric entities', () => {
    expect(excerptParts('&#39;x&#x27;')).toEqual([{text: "'x'", highlighted: false}]);
  });
});

describe('search locations', () => {
  it('finds Pagefind under the site base path, with or without a trailing slash', () => {
    expect(pagefindModuleUrl('/service-mesh-labs/')).toBe('/service-mesh-labs/pagefind/pagefind.js');
    expect(pagefindModuleUrl('/service-mesh-labs')).toBe('/service-mesh-labs/pagefind/pagefind.js');
  });

  it('drops the site name from result titles and falls back to the URL', () => {
    expect(resultTitle('Circuit breaking | Service Mesh Labs', '/x/')).toBe('Circuit breaking');
    expect(resultTitle(undefined, '/docs/x/')).toBe('/docs/x/');
  });
});
