import {describe, expect, it} from 'vitest';
import {fieldDoc, fieldsAt, knownKinds, yamlContext} from '../../src/lib/schemaDocs';

const DR = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  trafficPolicy:
    outlierD
`;

const VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  http:
  - fault:
      abort:
        percentage:
          value: 100
    route:
    - destination:
        host: reviews
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
spec:
  action: DE
`;

describe('Istio field documentation for the editor', () => {
  it('finds the enclosing keys of a half-typed key, reading indentation only', () => {
    const context = yamlContext(DR, DR.indexOf('outlierD') + 8);
    expect(context).toMatchObject({apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', path: ['spec', 'trafficPolicy']});
    expect(context.key).toEqual({text: 'outlierD', from: DR.indexOf('outlierD')});
  });

  it('offers outlierDetection under a DestinationRule trafficPolicy', () => {
    const names = fieldsAt('networking.istio.io/v1', 'DestinationRule', ['spec', 'trafficPolicy']).map((field) => field.name);
    expect(names).toContain('outlierDetection');
    expect(names).toContain('connectionPool');
    const doc = fieldDoc('networking.istio.io/v1', 'DestinationRule', ['spec', 'trafficPolicy', 'outlierDetection']);
    expect(doc?.type).toBe('object');
    expect(doc?.children).toContain('baseEjectionTime');
  });

  it('looks through list items: a key inside "- destination:" has the route list as parent', () => {
    const at = VS.indexOf('host: reviews') + 2;
    expect(yamlContext(VS, at).path).toEqual(['spec', 'http', 'route', 'destination']);
    expect(yamlContext(VS, VS.indexOf('route:') + 2).path).toEqual(['spec', 'http']);
    expect(yamlContext(VS, VS.indexOf('value: 100') + 1).path).toEqual(['spec', 'http', 'fault', 'abort', 'percentage']);
    expect(fieldsAt('networking.istio.io/v1', 'VirtualService', ['spec', 'http', 'fault', 'abort']).map((field) => field.name)).toContain('httpStatus');
  });

  it('reads the kind of the document the position is in, and the key a value belongs to', () => {
    const context = yamlContext(VS, VS.indexOf('action: DE') + 10);
    expect(context).toMatchObject({kind: 'AuthorizationPolicy', path: ['spec'], value: {key: 'action', text: 'DE'}});
    expect(fieldDoc('security.istio.io/v1', 'AuthorizationPolicy', ['spec', 'action'])?.values).toContain('DENY');
  });

  it('documents the fields every object has and knows the kinds of the checker', () => {
    expect(fieldsAt('networking.istio.io/v1', 'VirtualService', []).map((field) => field.name)).toEqual(expect.arrayContaining(['apiVersion', 'kind', 'metadata', 'spec']));
    expect(fieldDoc('networking.istio.io/v1', 'VirtualService', ['metadata', 'name'])?.description).toMatch(/Name of the resource/);
    expect(knownKinds()).toContainEqual({apiVersion: 'networking.istio.io/v1', kind: 'VirtualService'});
    expect(fieldsAt('networking.istio.io/v1', 'NoSuchKind', ['spec'])).toEqual([]);
  });
});
