/**
 * Simulator benchmark: 10,000 requests through a multi-hop Bookinfo scenario, timed in Node.
 * Prints the median of several runs (after warm-up) and the machine it ran on. Run with
 * `npm run bench`. A benchmark, not a test: it never fails on a slow machine.
 */
import os from 'node:os';
import {performance} from 'node:perf_hooks';
import {bookinfoMesh, simulate, type RequestSpec} from '../src/lib/mesh';

const SCENARIO = 'Bookinfo through the ingress gateway: browser → istio-ingressgateway (Gateway + VirtualService) → productpage → details and reviews (jason → v2, others 50/50 v1/v3, 10 % delay fault on ratings, retries) → ratings';

const YAML = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: bookinfo-gateway}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: bookinfo}
spec:
  hosts: ["*"]
  gateways: [bookinfo-gateway]
  http:
  - match:
    - uri: {exact: /productpage}
    - uri: {prefix: /api/v1/products}
    route:
    - destination: {host: productpage, port: {number: 9080}}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - match:
    - headers: {end-user: {exact: jason}}
    route:
    - destination: {host: reviews, subset: v2}
  - route:
    - destination: {host: reviews, subset: v1}
      weight: 50
    - destination: {host: reviews, subset: v3}
      weight: 50
    retries: {attempts: 2, retryOn: 5xx, perTryTimeout: 2s}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings}
spec:
  hosts: [ratings]
  http:
  - fault:
      delay: {fixedDelay: 3s, percentage: {value: 10}}
    route:
    - destination: {host: ratings}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews}
spec:
  host: reviews
  trafficPolicy:
    outlierDetection: {consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s}
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
  - {name: v3, labels: {version: v3}}
`;

const REQUEST: RequestSpec = {source: 'browser', host: 'bookinfo.example.com', port: 80, method: 'GET', path: '/productpage'};
const COUNT = 10_000;
const RUNS = 9;

/** A fixed amount of plain arithmetic, so a reader can tell a slow or busy machine from a slow simulator. */
function calibrate(): number {
  const start = performance.now();
  let sum = 0;
  for (let index = 0; index < 1e8; index += 1) sum += index % 7;
  if (sum < 0) console.log(sum);
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const mesh = bookinfoMesh();
for (let warmup = 0; warmup < 3; warmup += 1) simulate(mesh, YAML, REQUEST, {count: COUNT, seed: warmup, concurrency: 8});
const times: number[] = [];
let last = simulate(mesh, YAML, REQUEST, {count: 1, seed: 1});
for (let run = 0; run < RUNS; run += 1) {
  const start = performance.now();
  last = simulate(mesh, YAML, REQUEST, {count: COUNT, seed: run + 1, concurrency: 8});
  times.push(performance.now() - start);
}
const errors = last.problems.filter((d) => d.severity === "error");
if (errors.length) throw new Error(`the benchmark scenario has errors: ${errors.map((d) => d.message).join('; ')}`);
const hops = last.summary.byHop.reduce((sum, row) => sum + row.count, 0) + last.summary.total;
console.log(`Scenario: ${SCENARIO}`);
console.log(`Requests: ${COUNT} per run (${hops} hops in the last run), concurrency 8; ${RUNS} runs after 3 warm-up runs`);
console.log(`Median: ${median(times).toFixed(1)} ms per ${COUNT} requests (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`);
console.log(`Outcomes: ${last.summary.byOutcome.map((row) => `${row.count} × ${row.outcome}`).join('; ')}`);
console.log(`Traces kept: ${last.samples.length}`);
console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}, ${os.platform()} ${os.arch()}; load average ${os.loadavg()[0]!.toFixed(1)}`);
console.log(`Calibration: a 1e8-step arithmetic loop took ${calibrate().toFixed(0)} ms here (about 100 ms on one idle modern core)`);
