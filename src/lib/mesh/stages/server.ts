/**
 * The server side of one attempt: mutual TLS, then authentication and authorization at the
 * server's sidecar or ztunnel, then the application (which may call other services in turn).
 */
import {serveApp, type CallOut} from '../apps';
import {containerPort} from '../hosts';
import {authzRequestOf, type Cluster, type Endpoint, type HopContext, type Reply, type Router} from './context';
import {negotiateMtls} from './mtls';
import {enforcePolicy} from './policy';

const LOCAL_REPLY_MS = 1;
const text = (line: string) => line;
const mtlsText = (why: string, mode: string, because: string) => `${why}; server mode ${mode} (${because})`;
const refusedText = (pod: string) => `pod ${pod} refuses the connection (connect failure)`;
const outsideText = (why: string, server: string) => `${why}; ${server} is outside the mesh, no policy is enforced there`;

function principalOf(context: HopContext, router: Router): string | undefined {
  if (router.principal) return router.principal;
  const client = context.call.client;
  return `${context.sim.mesh.trustDomain}/ns/${client.namespace}/sa/${client.serviceAccount}`;
}

/** One attempt from the router to `endpoint` at time `now`. */
export function serveAttempt(context: HopContext, router: Router, cluster: Cluster, endpoint: Endpoint, now: number, protocol: 'http' | 'tcp', callOut: CallOut): Reply {
  const {sim, hop, call} = context;
  const server = endpoint.workload;
  // A TCP client, or one without an L7 proxy, sees a closed connection, not an HTTP status.
  const clientSees = (status: number) => (router.l7 && protocol === 'http' ? status : 0);
  if (endpoint.pod.behaviour?.refusesConnections) {
    sim.trace.step(hop, 'attempt', router.at, 'fail', refusedText, endpoint.pod.name);
    return {kind: 'connect-failure', status: clientSees(503), latencyMs: LOCAL_REPLY_MS, flags: router.l7 ? ['UF'] : [], mtls: 'not reached', workload: server, pod: endpoint.pod};
  }
  const port = containerPort(cluster.port);
  const serverAt = server.mode === 'sidecar' ? 'server sidecar' : server.mode === 'ambient' ? 'destination ztunnel' : server.name;
  const mtls = negotiateMtls(sim, router, call.client, endpoint, cluster, port);
  if (!mtls.peer) sim.trace.step(hop, 'mtls', serverAt, 'info', outsideText, mtls.why, server.name);
  else sim.trace.step(hop, 'mtls', serverAt, mtls.rejected ? 'fail' : 'ok', mtlsText, mtls.why, mtls.peer.mode, mtls.peer.because);
  const reset = (extra?: Partial<Reply>): Reply => ({
    kind: 'reset', status: clientSees(503), latencyMs: LOCAL_REPLY_MS, flags: router.l7 ? ['UC'] : [], mtls: mtls.state, workload: server, pod: endpoint.pod, ...extra,
  });
  if (mtls.rejected) {
    sim.trace.step(hop, 'mtls', serverAt, 'fail', text, mtls.rejected);
    return reset();
  }
  let authz: Reply['authz'];
  if (server.mode !== 'outside') {
    const mutual = mtls.state === 'mutual TLS';
    const request = authzRequestOf(call, port, mutual ? principalOf(context, router) : undefined);
    if (!mutual) sim.trace.note(hop, 'authz', serverAt, 'info', 'plaintext connection: no peer principal or namespace, so principals/namespaces rules cannot match');
    const enforcer = server.mode === 'sidecar' ? 'sidecar' : 'ztunnel';
    const target = {workload: server, service: cluster.service.name, serviceNamespace: cluster.service.namespace, gatewayName: cluster.service.waypoint};
    const outcome = enforcePolicy(context, [endpoint, router], serverAt, enforcer, target, request, enforcer === 'ztunnel' || protocol === 'tcp');
    if (outcome.jwtRejected) return {kind: 'response', status: 401, latencyMs: LOCAL_REPLY_MS, flags: [], mtls: mtls.state, workload: server, pod: endpoint.pod};
    if (outcome.verdict.decision === 'deny') {
      if (enforcer === 'ztunnel' || protocol === 'tcp') return reset({authz: outcome.verdict});
      return {kind: 'response', status: 403, latencyMs: LOCAL_REPLY_MS, flags: [], mtls: mtls.state, authz: outcome.verdict, workload: server, pod: endpoint.pod};
    }
    authz = outcome.verdict;
  }
  const answer = serveApp(call, endpoint, now, callOut);
  sim.trace.step(hop, 'app', server.name, answer.status < 500 ? 'ok' : 'fail', text, answer.why);
  return {kind: 'response', status: answer.status, latencyMs: answer.latencyMs, flags: [], mtls: mtls.state, authz, body: answer.body, workload: server, pod: endpoint.pod};
}
