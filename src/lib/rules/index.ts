/**
 * Istio's semantic rules, written once: what the release's validation rejects beyond the CRD
 * schema, what it accepts but never works, and references between resources. Plain data in,
 * findings at JSON paths out; the caller places them in its text (src/lib/yaml) and decides
 * what a severity means. The content checker calls `checkResource` per manifest; the playground
 * calls it per resource and `checkReferences` over its whole set.
 */
import {authorizationPolicyFindings} from './authorizationPolicy';
import {destinationRuleFindings} from './destinationRule';
import type {Finding, RuleResource} from './types';
import {virtualServiceFindings} from './virtualService';

export {referenceFindings as checkReferences, resolveHost, type ReferenceOptions, type ServiceRef} from './references';
export {ruleResource, type Finding, type ResourceFinding, type RuleResource} from './types';

const BY_KIND: Readonly<Record<string, (spec: unknown) => Finding[]>> = {
  VirtualService: virtualServiceFindings,
  DestinationRule: destinationRuleFindings,
  AuthorizationPolicy: authorizationPolicyFindings,
};

/** The rules for one resource; paths start at the resource's root (`spec`, …). */
export function checkResource(resource: RuleResource): Finding[] {
  return BY_KIND[resource.kind]?.(resource.spec) ?? [];
}
