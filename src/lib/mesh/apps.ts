/**
 * What the sample applications do with a request, including the calls they make in turn.
 * Bookinfo follows its source in the pinned release (samples/bookinfo/src): productpage calls
 * details once and reviews up to twice, each with a 3 s client timeout, and always renders a
 * page; reviews v2 (black stars) and v3 (red stars) call ratings with a 10 s and a 2.5 s timeout.
 * The texts are the ones the applications render (BOOKINFO_TEXT).
 */
import type {Body, Call, Endpoint, Reply} from './stages/context';

/**
 * Strings rendered by Bookinfo, from samples/bookinfo/src/productpage/productpage.py,
 * productpage/templates/productpage.html and reviews/…/LibertyRestEndpoint.java (release-1.31).
 */
export const BOOKINFO_TEXT = {
  detailsError: 'Error fetching product details',
  detailsUnavailable: 'Sorry, product details are currently unavailable for this book.',
  reviewsError: 'Error fetching product reviews',
  reviewsUnavailable: 'Sorry, product reviews are currently unavailable for this book.',
  ratingsUnavailable: 'Ratings service is currently unavailable',
} as const;

/** productpage.py: send_request(..., timeout=3.0); getProductReviews tries twice. */
const PRODUCTPAGE_TIMEOUT_MS = 3000;
const PRODUCTPAGE_REVIEWS_TRIES = 2;
/** LibertyRestEndpoint.java: timeout = star_color == "black" ? 10000 : 2500. */
const RATINGS_TIMEOUT_MS = {black: 10_000, red: 2500} as const;

export interface AppAnswer {
  readonly status: number;
  readonly latencyMs: number;
  readonly body: Body;
  readonly why: string;
}

/** Makes a call to another service on the app's behalf; returns the reply and the time the app waited. */
export type CallOut = (host: string, port: number, startMs: number, timeoutMs: number) => {reply: Reply; waitedMs: number};

function podFails(endpoint: Endpoint, now: number): number | undefined {
  const behaviour = endpoint.pod.behaviour;
  if (!behaviour?.failWith) return undefined;
  if (behaviour.failFromMs !== undefined && now < behaviour.failFromMs) return undefined;
  if (behaviour.failUntilMs !== undefined && now >= behaviour.failUntilMs) return undefined;
  return behaviour.failWith;
}

function httpbin(call: Call, base: number): AppAnswer {
  const status = call.path.match(/^\/status\/(\d{3})/);
  if (status?.[1]) return {status: Number(status[1]), latencyMs: base, body: {app: 'generic'}, why: `httpbin answers /status/${status[1]} with ${status[1]}`};
  const delay = call.path.match(/^\/delay\/(\d+(?:\.\d+)?)/);
  if (delay?.[1]) {
    const seconds = Math.min(10, Number(delay[1]));
    return {status: 200, latencyMs: base + seconds * 1000, body: {app: 'generic'}, why: `httpbin waits ${seconds} s before answering /delay/${delay[1]}`};
  }
  return {status: 200, latencyMs: base, body: {app: 'generic'}, why: `httpbin answers 200 after ${base} ms`};
}

function reviews(endpoint: Endpoint, now: number, base: number, callOut: CallOut): AppAnswer {
  const version = endpoint.workload.labels.version ?? 'v1';
  const color = endpoint.workload.starColor;
  if (!color) return {status: 200, latencyMs: base, body: {app: 'reviews', version}, why: `reviews ${version} has ratings disabled: no stars`};
  const {reply, waitedMs} = callOut('ratings', 9080, now + base, RATINGS_TIMEOUT_MS[color]);
  const ok = reply.status === 200;
  return {
    status: 200,
    latencyMs: base + waitedMs,
    body: ok ? {app: 'reviews', version, stars: color} : {app: 'reviews', version, ratingsUnavailable: true},
    why: ok ? `reviews ${version} got ratings: ${color} stars` : `reviews ${version} could not get ratings (${reply.status || reply.kind}): "${BOOKINFO_TEXT.ratingsUnavailable}"`,
  };
}

function reviewsLines(body: Body | undefined): {lines: string[]; label: string} {
  if (body?.app !== 'reviews') return {lines: [BOOKINFO_TEXT.reviewsError, BOOKINFO_TEXT.reviewsUnavailable], label: BOOKINFO_TEXT.reviewsError};
  if (body.ratingsUnavailable) return {lines: [`Reviews (${body.version})`, BOOKINFO_TEXT.ratingsUnavailable], label: `reviews ${body.version}: ${BOOKINFO_TEXT.ratingsUnavailable}`};
  if (body.stars) return {lines: [`Reviews (${body.version})`, `${body.stars} stars`], label: `reviews ${body.version}: ${body.stars} stars`};
  return {lines: [`Reviews (${body.version})`, 'no stars'], label: `reviews ${body.version}: no stars`};
}

function productpage(call: Call, now: number, base: number, callOut: CallOut): AppAnswer {
  const reviewsOnly = /^\/api\/v1\/products\/[^/]+\/reviews$/.test(call.path);
  if (call.path !== '/productpage' && !reviewsOnly)
    return {status: 200, latencyMs: base, body: {app: 'generic'}, why: `productpage answers ${call.path} itself`};
  let t = now + base;
  const lines: string[] = [];
  if (!reviewsOnly) {
    const details = callOut('details', 9080, t, PRODUCTPAGE_TIMEOUT_MS);
    t += details.waitedMs;
    lines.push(...(details.reply.status === 200 ? ['Book Details'] : [BOOKINFO_TEXT.detailsError, BOOKINFO_TEXT.detailsUnavailable]));
  }
  let reviewsReply: Reply | undefined;
  for (let attempt = 0; attempt < PRODUCTPAGE_REVIEWS_TRIES; attempt += 1) {
    const result = callOut('reviews', 9080, t, PRODUCTPAGE_TIMEOUT_MS);
    t += result.waitedMs;
    reviewsReply = result.reply;
    if (reviewsReply.status === 200) break;
  }
  const reviewsOk = reviewsReply?.status === 200;
  const shown = reviewsLines(reviewsOk ? reviewsReply?.body : undefined);
  lines.push(...shown.lines);
  const status = reviewsOnly && !reviewsOk ? reviewsReply?.status || 500 : 200;
  return {status, latencyMs: t - now, body: {app: 'productpage', lines, label: shown.label}, why: `productpage renders the page: ${shown.label}`};
}

/** The application's answer on `endpoint` to `call`, at simulated time `now`. */
export function serveApp(call: Call, endpoint: Endpoint, now: number, callOut: CallOut): AppAnswer {
  const base = endpoint.pod.behaviour?.latencyMs ?? 10;
  const failure = podFails(endpoint, now);
  if (failure !== undefined) return {status: failure, latencyMs: base, body: {app: 'generic'}, why: `pod ${endpoint.pod.name} is broken and answers ${failure}`};
  switch (endpoint.workload.app) {
    case 'httpbin':
      return httpbin(call, base);
    case 'productpage':
      return productpage(call, now, base, callOut);
    case 'reviews':
      return reviews(endpoint, now, base, callOut);
    case 'details':
    case 'ratings':
      return {status: 200, latencyMs: base, body: {app: endpoint.workload.app}, why: `${endpoint.workload.name} answers 200 after ${base} ms`};
    case 'tcp-echo': {
      const text = `${endpoint.workload.echoPrefix ?? 'hello'} ${call.headers['x-tcp-payload'] ?? 'world'}`;
      return {status: 200, latencyMs: base, body: {app: 'tcp-echo', text}, why: `${endpoint.workload.name} echoes "${text}"`};
    }
    default:
      return {status: 200, latencyMs: base, body: {app: 'generic'}, why: `${endpoint.workload.name} answers 200 after ${base} ms`};
  }
}
