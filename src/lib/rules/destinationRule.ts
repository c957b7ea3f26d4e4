/**
 * DestinationRule rules Istio's validation enforces beyond the CRD schema (release-1.31,
 * pkg/config/validation/validation.go and agent/validation.go ValidateLocalityLbSetting):
 * localityLbSetting and outlier detection percentages, on the rule and on every subset.
 */
import type {PathItem} from '../yaml';
import {listOf, objectOf, type Finding} from './types';

type Path = readonly PathItem[];

const error = (rule: string, path: Path, message: string): Finding => ({rule, path, message, severity: 'error'});

function localityFindings(setting: unknown, path: Path): Finding[] {
  const locality = objectOf(setting);
  const distribute = listOf(locality.distribute);
  if (distribute.length > 0 && listOf(locality.failover).length > 0) {
    return [error('locality-distribute-failover', path, 'localityLbSetting may set distribute or failover, not both')];
  }
  const findings: Finding[] = [];
  distribute.forEach((entry, index) => {
    const weights = Object.values(objectOf(entry.to));
    if (weights.some((weight) => typeof weight !== 'number' || weight < 1 || weight > 100)) {
      findings.push(error('percentage-range', [...path, 'distribute', index, 'to'], 'each locality weight in distribute.to is between 1 and 100'));
      return;
    }
    const total = (weights as number[]).reduce((sum, weight) => sum + weight, 0);
    if (total !== 100) findings.push(error('percentage-range', [...path, 'distribute', index, 'to'], `the locality weights in distribute.to add up to ${total}: they must add up to 100`));
  });
  return findings;
}

function percentFindings(outlier: unknown, path: Path): Finding[] {
  const findings: Finding[] = [];
  for (const field of ['maxEjectionPercent', 'minHealthPercent']) {
    const value = objectOf(outlier)[field];
    if (typeof value === 'number' && (value < 0 || value > 100)) {
      findings.push(error('percentage-range', [...path, field], `${field} ${value} must be between 0 and 100`));
    }
  }
  return findings;
}

function policyFindings(policy: unknown, path: Path): Finding[] {
  const {loadBalancer, outlierDetection} = objectOf(policy);
  return [
    ...localityFindings(objectOf(loadBalancer).localityLbSetting, [...path, 'loadBalancer', 'localityLbSetting']),
    ...percentFindings(outlierDetection, [...path, 'outlierDetection']),
  ];
}

export function destinationRuleFindings(spec: unknown): Finding[] {
  const {trafficPolicy, subsets} = objectOf(spec);
  return [
    ...policyFindings(trafficPolicy, ['spec', 'trafficPolicy']),
    ...listOf(subsets).flatMap((subset, index) => policyFindings(subset.trafficPolicy, ['spec', 'subsets', index, 'trafficPolicy'])),
  ];
}
