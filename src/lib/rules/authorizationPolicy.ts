/**
 * AuthorizationPolicy: a principal written with the `spiffe://` prefix. Istio accepts it, but it
 * matches a peer's identity by putting `spiffe://` in front of the value itself
 * (pilot/pkg/security/authz/model/generator.go, srcPrincipalGenerator), so such a value can
 * never match: a policy that silently does nothing.
 */
import {listOf, objectOf, type Finding} from './types';

export function authorizationPolicyFindings(spec: unknown): Finding[] {
  const findings: Finding[] = [];
  listOf(objectOf(spec).rules).forEach((rule, r) => {
    listOf(rule.from).forEach((from, f) => {
      const source = objectOf(from.source);
      for (const field of ['principals', 'notPrincipals']) {
        const values = Array.isArray(source[field]) ? (source[field] as unknown[]) : [];
        values.forEach((value, i) => {
          if (typeof value !== 'string' || !value.startsWith('spiffe://')) return;
          findings.push({
            rule: 'principal-spiffe-prefix',
            path: ['spec', 'rules', r, 'from', f, 'source', field, i],
            severity: 'warning',
            message: `${field} are written without spiffe:// (${value.slice('spiffe://'.length)}): Istio adds the prefix itself, so "${value}" never matches`,
          });
        });
      }
    });
  });
  return findings;
}
