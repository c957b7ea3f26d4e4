import {ISTIO_MINOR} from '@site/src/data/course';
import type {QuizQuestion} from '@site/src/lib/quiz';

/** Check yourself, part 5: Resilience (docs/05-resilience). */
const questions: readonly QuizQuestion[] = [
  {
    id: 'resilience-no-default-timeout',
    prompt: 'A route has no `timeout` and the upstream hangs. How long does the calling proxy wait?',
    options: [
      '15 seconds, Envoy’s default route timeout.',
      'As long as the upstream takes: Istio sets no HTTP route timeout by default.',
      '10 seconds, then it answers `504`.',
      '2 seconds per attempt, for three attempts.',
    ],
    answer: 1,
    explanation:
      'Istio switches Envoy’s 15 s route timeout off, so a hung dependency holds the caller until something else gives up. Set `timeout` on every route whose latency matters; when it fires the caller gets `504` with flag `UT`.',
    link: '/docs/resilience/timeouts-retries/#timeouts',
    section: 'Timeouts',
  },
  {
    id: 'resilience-attempts-count',
    prompt: 'A route sets `retries: {attempts: 2, perTryTimeout: 1s}` and `timeout: 3s`. How many times at most can one request be sent?',
    options: ['Twice', 'Three times: the first try plus two retries', 'Four times', 'Once: `timeout` switches retries off'],
    answer: 1,
    explanation:
      '`attempts` counts retries after the first try, so 2 means up to three tries. `timeout` is the ceiling over all of them: 3 × 1 s fits only without back-off, so the last retry may be cut short.',
    link: '/docs/resilience/timeouts-retries/#retries',
    section: 'Retries',
  },
  {
    id: 'resilience-default-retries',
    prompt: `With no \`retries\` block on a route in Istio ${ISTIO_MINOR}, which of these failures does the proxy retry?`,
    options: [
      'Any `5xx` response, up to three times.',
      'A `503` from the application, twice.',
      'Nothing: Istio never retries unless you configure it.',
      'Connection failures and refused streams, twice, so the request almost certainly never reached the app.',
    ],
    answer: 3,
    explanation:
      'Every HTTP route gets 2 retries on `connect-failure`, `refused-stream`, `unavailable` and `cancelled`. The retriable status-code list is empty, so no HTTP status, `503` included, is retried by default in current releases.',
    link: '/docs/resilience/timeouts-retries/#istios-default-retry-policy',
    section: "Istio's default retry policy",
  },
  {
    id: 'resilience-fault-disables-timeout',
    prompt: 'One route of a VirtualService has a `fault` (a 5 s delay) and also `timeout: 1s`. What does a request on that route see?',
    options: [
      'A `504` after 1 s, because the timeout fires during the delay.',
      'The 5 s delay and then the response: the timeout and retries of a route do not act on the fault injected on it.',
      'An immediate `503`, because a fault and a timeout conflict.',
      'istiod rejects the VirtualService at apply time.',
    ],
    answer: 1,
    explanation:
      'The fault filter acts before the router, where `timeout` and `retries` live: an injected delay is not counted against the route’s timeout, and an injected abort is never retried. Keep faults on the route to the dependency and timeouts on the caller’s route, as Bookinfo does with the delay on `ratings` and the timeout on `reviews`.',
    link: '/docs/resilience/timeouts-retries/#how-timeouts-and-retries-interact',
    section: 'How timeouts and retries interact',
  },
  {
    id: 'resilience-hidden-timeout',
    prompt: 'A 7 s delay is injected on `ratings` for jason. `reviews` waits up to 10 s for ratings, yet jason’s product page reports an error after about 6 s. Why?',
    options: [
      'The injected delay adds up with Istio’s default 3 s timeout.',
      'productpage’s own code gives reviews 3 s and retries once, which runs out before reviews’ 10 s.',
      'The delay is applied twice because of Istio’s default retries.',
      'ratings times out itself after 6 s.',
    ],
    answer: 1,
    explanation:
      'An application timeout higher up the chain (productpage: 3 s plus one retry) is shorter than the one below it (reviews: 10 s). Timeouts must shrink down the call chain, and only a test such as fault injection reveals hidden ones.',
    link: '/docs/resilience/fault-injection/#the-lesson-of-hidden-timeouts',
    section: 'The lesson of hidden timeouts',
  },
  {
    id: 'resilience-uo-local',
    prompt: 'During a load test with `maxConnections: 1` and `http1MaxPendingRequests: 1`, clients get `503` with response flag `UO`. Where is that 503 produced?',
    options: [
      'By the destination pod, which is overloaded.',
      'By outlier detection, which has ejected the destination pod.',
      'By the client’s own proxy: the connection pool overflowed, so the request never left the client.',
      'By istiod, which rate-limits the destination.',
    ],
    answer: 2,
    explanation:
      'Connection-pool limits are enforced in each client proxy; a request over the limits fails fast with `503 UO`, counted by `upstream_rq_pending_overflow`. Ejection is a different mechanism, triggered by errors the endpoint returns.',
    link: '/docs/resilience/circuit-breaking/#the-two-mechanisms',
    section: 'The two mechanisms',
  },
  {
    id: 'resilience-ejection-return',
    prompt: 'An endpoint has been ejected by outlier detection for the second time. How does it get back into the pool?',
    options: [
      'After `baseEjectionTime` × 2 it simply returns; Envoy sends no trial request first.',
      'Envoy sends it one trial request (half-open); if that succeeds it returns.',
      'Only when its pod is restarted.',
      'When its success rate rises above the mesh average.',
    ],
    answer: 0,
    explanation:
      'Envoy outlier detection has no half-open probe: an ejected endpoint returns when its ejection time, `baseEjectionTime` × number of ejections, is over. Istio turns success-rate ejection off; consecutive errors drive it.',
    link: '/docs/resilience/circuit-breaking/#the-two-mechanisms',
    section: 'The two mechanisms',
  },
  {
    id: 'resilience-consecutive-errors',
    prompt: 'Which `outlierDetection` field ejects an endpoint after N consecutive 5xx responses?',
    options: ['`consecutiveErrors`', '`consecutive5xxErrors`', '`maxEjectionPercent`', '`http1MaxPendingRequests`'],
    answer: 1,
    explanation:
      '`consecutive5xxErrors` (or `consecutiveGatewayErrors` for 502/503/504 and connect failures). The old `consecutiveErrors` is accepted with a warning but ignored; `maxEjectionPercent` only caps how many endpoints may be out at once.',
    link: '/docs/resilience/circuit-breaking/#key-takeaways',
    section: 'Key takeaways',
  },
  {
    id: 'resilience-prestop',
    prompt: 'Pods of a Deployment lose a few requests on every rollout, although the app finishes in-flight requests on `SIGTERM`. What is the usual cause?',
    options: [
      'The sidecar drains for too long.',
      'Endpoint removal and `SIGTERM` start at the same time, so callers’ proxies still send to the pod while it shuts down; a `preStop` sleep bridges the gap.',
      'Kubernetes sends `SIGKILL` before `SIGTERM`.',
      'Outlier detection ejects the terminating pod too late.',
    ],
    answer: 1,
    explanation:
      'The removal has to travel through istiod to every caller’s proxy while the pod is already stopping. A short `preStop` sleep keeps the app serving until new requests stop arriving; the grace period must cover it all.',
    link: '/docs/resilience/graceful-shutdown/#what-happens-when-a-pod-stops',
    section: 'What happens when a pod stops',
  },
];

export default questions;
