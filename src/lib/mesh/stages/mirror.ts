/**
 * Stage 4, mirroring: a copy of the request goes to another destination, fire and forget; its
 * answer is thrown away. Without mirrorPercentage every request is mirrored.
 */
import type {RouteRule} from './config';
import type {HopContext} from './context';

const mirrorText = (target: string, pct: number) => `a copy goes to ${target} (${pct}%); its answer is thrown away and the Host header gets a -shadow suffix`;

/** Returns the mirror target of this request, if any. */
export function mirrorRequest(context: HopContext, at: string, rule: RouteRule): string | undefined {
  const mirrors = rule.mirrors ?? (rule.mirror ? [{destination: rule.mirror, percentage: rule.mirrorPercentage}] : []);
  let mirroredTo: string | undefined;
  for (const mirror of mirrors) {
    const pct = mirror.percentage?.value ?? 100;
    if (mirror.destination && context.sim.random.percent(pct)) {
      mirroredTo = `${mirror.destination.host}${mirror.destination.subset ? ` ${mirror.destination.subset}` : ''}`;
      context.sim.trace.step(context.hop, 'mirror', at, 'info', mirrorText, mirroredTo, pct);
    }
  }
  return mirroredTo;
}
