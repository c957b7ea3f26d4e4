/**
 * Differences between the CRDs the npm models were generated from (Istio 1.29.2) and the pinned
 * Istio 1.31.1, applied by generate-schemas.ts. Every entry names its source; see README.md.
 */
import type {JsonSchema} from './schemaTypes';

type Schemas = Record<string, JsonSchema>;

/** Calls fn on every object schema reached through a property called `name`. */
function eachProperty(schema: JsonSchema, name: string, fn: (s: JsonSchema) => void): void {
  const visit = (s: JsonSchema | boolean | undefined): void => {
    if (!s || typeof s === 'boolean') return;
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      if (key === name) fn(child);
      visit(child);
    }
    visit(s.items);
    visit(s.additionalProperties);
    s.anyOf?.forEach(visit);
  };
  visit(schema);
}

function addProperty(target: JsonSchema, name: string, schema: JsonSchema): void {
  target.properties = {...target.properties, [name]: schema};
}

export function applyOverlay(schemas: Schemas): void {
  // 1.31.0 change notes: "Added prefix_rewrite field to HTTPRedirect" (VirtualService http[].redirect).
  // https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/
  const vs = schemas['networking.istio.io/v1/VirtualService'];
  if (vs) eachProperty(vs, 'redirect', (s) => addProperty(s, 'prefixRewrite', {type: 'string'}));

  // 1.31.0 change notes: "Added budget_interval field to RetryBudget" (DestinationRule trafficPolicy.retryBudget).
  const dr = schemas['networking.istio.io/v1/DestinationRule'];
  if (dr) eachProperty(dr, 'retryBudget', (s) => addProperty(s, 'budgetInterval', {type: 'string'}));

  // outlierDetection.consecutiveErrors is still in the CRD (a deprecated proto field with no
  // description) but Istio ignores it: the course treats it as unknown so it is always flagged
  // (errata B-14/C-09: use consecutive5xxErrors / consecutiveGatewayErrors).
  for (const schema of Object.values(schemas)) {
    eachProperty(schema, 'outlierDetection', (s) => {
      if (s.properties) delete s.properties.consecutiveErrors;
    });
  }

  // TrafficExtension (extensions.istio.io/v1alpha1) arrived in Istio 1.30, after the models'
  // 1.29.2. Fields from istio/api extensions/v1alpha1/traffic_extension.proto
  // (commit 196049aa496d7d80bf096f49b2796536002e6c16): selector, targetRefs, phase, priority,
  // match, and exactly one of wasm (WasmConfig: the WasmPlugin module fields) or lua (inlineCode).
  const wasm = schemas['extensions.istio.io/v1alpha1/WasmPlugin']?.properties?.spec;
  if (wasm?.properties) {
    const p = wasm.properties;
    const pick = (...names: string[]): Record<string, JsonSchema> =>
      Object.fromEntries(names.filter((n) => p[n]).map((n) => [n, p[n]!]));
    schemas['extensions.istio.io/v1alpha1/TrafficExtension'] = {
      type: 'object',
      required: ['spec'],
      properties: {
        spec: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...pick('selector', 'targetRefs', 'phase', 'priority', 'match'),
            wasm: {
              type: 'object',
              additionalProperties: false,
              required: ['url'],
              properties: pick(
                'url',
                'sha256',
                'imagePullPolicy',
                'imagePullSecret',
                'verificationKey',
                'pluginConfig',
                'pluginName',
                'failStrategy',
                'vmConfig',
                'type',
              ),
            },
            lua: {
              type: 'object',
              additionalProperties: false,
              required: ['inlineCode'],
              properties: {inlineCode: {type: 'string'}},
            },
          },
        },
      },
    };
  }
}
