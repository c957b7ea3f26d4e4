/**
 * Cheap trace recording. Every stage records its decisions, but text is only built for the
 * requests a run keeps (the first few and one per distinct outcome): a step is stored as a
 * template function and its arguments, and rendered on demand. This keeps 10,000-request runs
 * fast and small.
 */
import type {HopTrace, StepKind, TraceStep} from './types';

export type Outcome = TraceStep['outcome'];
type Template<A, B, C, D> = (a: A, b: B, c: C, d: D) => string;

const SLOTS = 9;
const constant = (text: string): string => text;

/** A hop being recorded: its result fields are filled in when it ends. */
export interface HopRecord {
  id: number;
  depth: number;
  from: string;
  to: string;
  protocol: 'http' | 'tcp';
  startMs: number;
  result?: Omit<HopTrace, 'depth' | 'from' | 'to' | 'protocol' | 'startMs' | 'steps'>;
}

export class Tracer {
  private readonly slots: unknown[] = [];
  private length = 0;
  hops: HopRecord[] = [];

  /** Forgets the previous request. */
  reset(): void {
    this.length = 0;
    this.hops = [];
  }

  openHop(depth: number, from: string, to: string, protocol: 'http' | 'tcp', startMs: number): HopRecord {
    const hop: HopRecord = {id: this.hops.length, depth, from, to, protocol, startMs};
    this.hops.push(hop);
    return hop;
  }

  /** Records a step whose text is fixed. */
  note(hop: HopRecord, kind: StepKind, at: string, outcome: Outcome, text: string): void {
    this.step(hop, kind, at, outcome, constant, text);
  }

  /** Records a step whose text `template(a, b, c, d)` is built only if the request is kept. */
  step<A, B = undefined, C = undefined, D = undefined>(
    hop: HopRecord,
    kind: StepKind,
    at: string,
    outcome: Outcome,
    template: Template<A, B, C, D>,
    a: A,
    b?: B,
    c?: C,
    d?: D,
  ): void {
    const base = this.length * SLOTS;
    const slots = this.slots;
    slots[base] = hop.id;
    slots[base + 1] = kind;
    slots[base + 2] = at;
    slots[base + 3] = outcome;
    slots[base + 4] = template;
    slots[base + 5] = a;
    slots[base + 6] = b;
    slots[base + 7] = c;
    slots[base + 8] = d;
    this.length += 1;
  }

  /** Builds the text of every step of every hop of the current request. */
  render(): HopTrace[] {
    const steps: TraceStep[][] = this.hops.map(() => []);
    for (let index = 0; index < this.length; index += 1) {
      const base = index * SLOTS;
      const template = this.slots[base + 4] as Template<unknown, unknown, unknown, unknown>;
      steps[this.slots[base] as number]?.push({
        kind: this.slots[base + 1] as StepKind,
        at: this.slots[base + 2] as string,
        outcome: this.slots[base + 3] as Outcome,
        text: template(this.slots[base + 5], this.slots[base + 6], this.slots[base + 7], this.slots[base + 8]),
      });
    }
    return this.hops.map((hop) => ({
      depth: hop.depth,
      from: hop.from,
      to: hop.to,
      protocol: hop.protocol,
      startMs: round(hop.startMs),
      status: 0,
      flags: [],
      latencyMs: 0,
      route: 'none',
      mtls: 'not reached',
      attempts: 0,
      ...hop.result,
      steps: steps[hop.id] ?? [],
    }));
  }
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
