/**
 * Stage 2, fault injection (Envoy's fault filter, before the router): a delay, then maybe an
 * abort. Percentages follow TranslateFault in pilot/pkg/networking/core/route/route.go: without
 * `percentage` the delay uses the deprecated integer `percent` (0 when absent) and the abort gets
 * no percentage, which Envoy reads as 0 % — so a fault without percentage never fires.
 */
import {parseDuration} from '../parse';
import type {HTTPFaultInjection} from '../resources';
import type {HopContext} from './context';

export interface FaultResult {
  readonly delayMs: number;
  /** Status of an injected abort, if one fired. */
  readonly abortStatus?: number;
}

const NONE: FaultResult = {delayMs: 0};

const delayFired = (pct: number, ms: number) => `delay fault fired (${pct}% of requests): waits ${ms} ms before routing`;
const delaySkipped = (pct: number, given: boolean) =>
  given ? `delay fault (${pct}%) not applied to this request` : 'delay fault without percentage: istiod gives Envoy 0 %, so no request is delayed';
const abortFired = (pct: number, status: number) => `abort fault fired (${pct}% of requests): answers ${status} without calling any pod; aborts are never retried`;
const abortSkipped = (pct: number, given: boolean) =>
  given ? `abort fault (${pct}%) not applied to this request` : 'abort fault without percentage: Envoy reads the missing percentage as 0 %, so no request is aborted';

export function injectFault(context: HopContext, at: string, fault: HTTPFaultInjection | undefined): FaultResult {
  if (!fault) return NONE;
  const {sim, hop} = context;
  let delayMs = 0;
  if (fault.delay) {
    const given = fault.delay.percentage?.value ?? fault.delay.percent;
    const pct = given ?? 0;
    const ms = parseDuration(fault.delay.fixedDelay ?? '0s') ?? 0;
    if (sim.random.percent(pct)) {
      delayMs = ms;
      sim.trace.step(hop, 'fault', at, 'fail', delayFired, pct, ms);
    } else sim.trace.step(hop, 'fault', at, 'info', delaySkipped, pct, given !== undefined);
  }
  if (fault.abort) {
    const given = fault.abort.percentage?.value;
    const pct = given ?? 0;
    const status = fault.abort.httpStatus ?? 500;
    if (sim.random.percent(pct)) {
      sim.trace.step(hop, 'fault', at, 'fail', abortFired, pct, status);
      return {delayMs, abortStatus: status};
    }
    sim.trace.step(hop, 'fault', at, 'info', abortSkipped, pct, given !== undefined);
  }
  return delayMs ? {delayMs} : NONE;
}
