/**
 * The retry policy of a route, as pilot/pkg/networking/core/route/retry/retry.go builds it:
 * without a retries block, 2 retries on connect-failure, refused-stream, unavailable, cancelled
 * and retriable-status-codes with no status listed (so no HTTP status is retried); attempts <= 0
 * disables retries; status codes written in retryOn become retriable-status-codes.
 */
import {parseDuration} from '../parse';
import type {HTTPRetry} from '../resources';
import type {Reply} from './context';

export const DEFAULT_RETRY_ON = 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes';
export const DEFAULT_RETRY_ATTEMPTS = 2;
/** Envoy's default base interval between retries (it adds jitter; the playground does not). */
const BASE_BACKOFF_MS = 25;

export interface RetryPolicy {
  readonly retries: number;
  readonly on: ReadonlySet<string>;
  readonly codes: readonly number[];
  readonly perTryMs?: number;
  readonly backoffMs: number;
  readonly description: string;
}

const cache = new WeakMap<HTTPRetry, RetryPolicy>();

const DEFAULT_POLICY: RetryPolicy = {
  retries: DEFAULT_RETRY_ATTEMPTS,
  on: new Set(DEFAULT_RETRY_ON.split(',')),
  codes: [],
  backoffMs: BASE_BACKOFF_MS,
  description: `default retry policy: ${DEFAULT_RETRY_ATTEMPTS} retries on ${DEFAULT_RETRY_ON} (no status code listed, so no HTTP status is retried)`,
};

const NO_RETRIES: RetryPolicy = {retries: 0, on: new Set(), codes: [], backoffMs: BASE_BACKOFF_MS, description: 'no retries'};

export function retryPolicy(retries: HTTPRetry | undefined, l7: boolean): RetryPolicy {
  if (!l7) return NO_RETRIES;
  if (!retries) return DEFAULT_POLICY;
  const cached = cache.get(retries);
  if (cached) return cached;
  const attempts = retries.attempts ?? 0;
  let policy: RetryPolicy;
  if (attempts <= 0) policy = {...NO_RETRIES, description: 'retries disabled (attempts: 0)'};
  else {
    const parts = (retries.retryOn ?? DEFAULT_RETRY_ON).split(',').map((part) => part.trim()).filter(Boolean);
    const codes = parts.filter((part) => /^\d{3}$/.test(part)).map(Number);
    const on = new Set(parts.filter((part) => !/^\d{3}$/.test(part)));
    if (codes.length) on.add('retriable-status-codes');
    const perTryMs = retries.perTryTimeout ? parseDuration(retries.perTryTimeout) : undefined;
    const backoffMs = retries.backoff ? (parseDuration(retries.backoff) ?? BASE_BACKOFF_MS) : BASE_BACKOFF_MS;
    policy = {
      retries: attempts,
      on,
      codes,
      perTryMs,
      backoffMs,
      description: `up to ${attempts} retries on ${[...on].join(',')}${codes.length ? ` [${codes.join(',')}]` : ''}${perTryMs ? `, per try ${perTryMs} ms` : ''}`,
    };
  }
  cache.set(retries, policy);
  return policy;
}

/** Would Envoy retry this failed attempt under the policy? */
export function retriable(policy: RetryPolicy, reply: Reply): boolean {
  const on = policy.on;
  switch (reply.kind) {
    case 'connect-failure':
      return on.has('connect-failure') || on.has('5xx') || on.has('gateway-error') || on.has('reset');
    case 'reset':
      return on.has('5xx') || on.has('gateway-error') || on.has('reset');
    case 'timeout':
      return on.has('5xx') || on.has('gateway-error');
    case 'response':
      return (
        (on.has('5xx') && reply.status >= 500) ||
        (on.has('gateway-error') && (reply.status === 502 || reply.status === 503 || reply.status === 504)) ||
        (on.has('retriable-status-codes') && policy.codes.includes(reply.status)) ||
        (on.has('retriable-4xx') && reply.status === 409)
      );
  }
}
