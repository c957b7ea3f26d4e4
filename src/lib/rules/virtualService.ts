/**
 * VirtualService rules Istio's validation enforces beyond the CRD schema (release-1.31,
 * pkg/config/validation/virtualservice.go and validation.go): what one http route may combine,
 * destination weights, fault and mirror percentages.
 */
import type {PathItem} from '../yaml';
import {listOf, objectOf, type Finding, type Json} from './types';

type Path = readonly PathItem[];

/** Pairs an http route may not hold together; the first of each pair is where the problem is shown. */
const CONFLICTS: readonly (readonly [string, string, string])[] = [
  ['redirect', 'route', 'an http route may redirect or forward to a route, not both'],
  ['redirect', 'fault', 'an http route that redirects cannot inject faults'],
  ['redirect', 'rewrite', 'an http route may redirect or rewrite, not both'],
  ['redirect', 'directResponse', 'an http route may redirect or answer with a directResponse, not both'],
  ['directResponse', 'route', 'an http route may answer with a directResponse or forward to a route, not both'],
  ['directResponse', 'fault', 'an http route that answers with a directResponse cannot inject faults'],
  ['directResponse', 'rewrite', 'an http route may answer with a directResponse or rewrite, not both'],
  ['mirror', 'mirrors', 'an http route may set mirror or mirrors, not both'],
];

const present = (value: unknown): boolean => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);

function routeConflicts(route: Json, path: Path): Finding[] {
  const findings: Finding[] = [];
  if (present(route.delegate)) {
    // A route that delegates hands everything to the delegate VirtualService.
    for (const field of ['redirect', 'route']) {
      if (present(route[field])) findings.push(error('http-route-conflict', [...path, field], `an http route that delegates cannot also set ${field}`));
    }
    return findings;
  }
  for (const [first, second, message] of CONFLICTS) {
    // As in Istio, a redirect's conflicts are checked first; directResponse's only without one.
    if (first === 'directResponse' && present(route.redirect)) continue;
    if (present(route[first]) && present(route[second])) findings.push(error('http-route-conflict', [...path, first], message));
  }
  if (!present(route.redirect) && !present(route.directResponse) && !present(route.route)) {
    findings.push(error('http-route-action', path, 'an http route needs somewhere to send the request: route, redirect, directResponse or delegate'));
  }
  return findings;
}

/** Each weight ≥ 0; with several destinations, not all 0. Istio does not require a sum of 100. */
function weightFindings(destinations: readonly Json[], path: Path): Finding[] {
  const findings: Finding[] = [];
  let total = 0;
  destinations.forEach((destination, index) => {
    const weight = typeof destination.weight === 'number' ? destination.weight : 0;
    if (weight < 0) findings.push(error('route-weight', [...path, index, 'weight'], `weight ${weight} is negative: weights are 0 or more`));
    total += weight;
  });
  if (destinations.length > 1 && total === 0) {
    findings.push(error('route-weight', path, 'the destinations\' weights add up to 0: give at least one destination a weight'));
  } else if (destinations.length > 1 && total !== 100 && findings.length === 0) {
    findings.push({
      rule: 'route-weight-sum',
      path,
      severity: 'info',
      message: `the weights add up to ${total}, not 100: Istio accepts it and sends each destination its weight out of ${total}`,
    });
  }
  return findings;
}

/** A fault's percentage: 0, or between 0.0001 and 100. */
function percentageFinding(percentage: unknown, path: Path): Finding[] {
  const value = objectOf(percentage).value;
  if (typeof value !== 'number') return [];
  if (value < 0 || value > 100 || (value > 0 && value < 0.0001)) {
    return [error('percentage-range', [...path, 'value'], `percentage ${value} must be 0 or between 0.0001 and 100`)];
  }
  return [];
}

function mirrorFindings(route: Json, path: Path): Finding[] {
  const findings: Finding[] = [];
  const check = (value: unknown, at: Path): void => {
    if (typeof value === 'number' && (value < 0 || value > 100)) findings.push(error('percentage-range', at, `mirror percentage ${value} must be between 0 and 100`));
  };
  check(objectOf(route.mirrorPercentage).value, [...path, 'mirrorPercentage', 'value']);
  check(objectOf(route.mirrorPercent).value ?? route.mirrorPercent, [...path, 'mirrorPercent']);
  if (route.mirrorPercent !== undefined) {
    findings.push({rule: 'deprecated-field', path: [...path, 'mirrorPercent'], severity: 'warning', message: 'mirrorPercent is deprecated: use mirrorPercentage: {value: N}'});
  }
  listOf(route.mirrors).forEach((mirror, index) => check(objectOf(mirror.percentage).value, [...path, 'mirrors', index, 'percentage', 'value']));
  return findings;
}

function error(rule: string, path: Path, message: string): Finding {
  return {rule, path, message, severity: 'error'};
}

export function virtualServiceFindings(spec: unknown): Finding[] {
  const findings: Finding[] = [];
  const {http, tcp, tls} = objectOf(spec);
  listOf(http).forEach((route, index) => {
    const path = ['spec', 'http', index];
    findings.push(...routeConflicts(route, path), ...mirrorFindings(route, path));
    findings.push(...weightFindings(listOf(route.route), [...path, 'route']));
    const fault = objectOf(route.fault);
    findings.push(...percentageFinding(objectOf(fault.abort).percentage, [...path, 'fault', 'abort', 'percentage']));
    findings.push(...percentageFinding(objectOf(fault.delay).percentage, [...path, 'fault', 'delay', 'percentage']));
  });
  for (const [field, routes] of [['tcp', tcp], ['tls', tls]] as const) {
    listOf(routes).forEach((route, index) => findings.push(...weightFindings(listOf(route.route), ['spec', field, index, 'route'])));
  }
  return findings;
}
