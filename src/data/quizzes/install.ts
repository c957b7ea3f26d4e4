import {HELM_REPO_URL, ISTIO_MINOR, ISTIO_VERSION} from '@site/src/data/course';
import type {QuizQuestion} from '@site/src/lib/quiz';

/** The revision name a canary install of the pinned release uses (1.31.1 → 1-31-1). */
const REVISION = ISTIO_VERSION.replace(/\./g, '-');

/** Check yourself, part 3: Installing Istio (docs/03-install). */
const questions: readonly QuizQuestion[] = [
  {
    id: 'install-profile-components',
    prompt: 'Which istioctl profile installs istiod, istio-cni and ztunnel, but no ingress gateway?',
    options: ['`default`', '`demo`', '`minimal`', '`ambient`'],
    answer: 3,
    explanation:
      '`ambient` installs the control plane plus the two node agents ambient mode needs. `default` is istiod plus an ingress gateway, `demo` adds an egress gateway, and `minimal` is istiod alone.',
    link: '/docs/install/profiles/#what-each-profile-installs',
    section: 'What each profile installs',
  },
  {
    id: 'install-overlay-profile',
    prompt: 'Istio was installed with the demo profile. You run `istioctl install -f tracing.yaml -y` with an overlay that names no profile. What happens?',
    options: [
      'Only the tracing settings change; everything else stays as installed.',
      'istioctl stops and asks which profile to use.',
      'The overlay is applied on top of the default profile, and istioctl prunes the egress gateway the default profile does not contain.',
      'The command fails, because an overlay must be applied with `kubectl apply`.',
    ],
    answer: 2,
    explanation:
      'An overlay without `spec.profile` (or `--set profile=…`) starts from the default profile, and istioctl removes whatever the new manifest no longer contains. Always name the profile you installed.',
    link: '/docs/install/profiles/#customising-a-profile',
    section: 'Customising a profile',
  },
  {
    id: 'install-ambient-enrol',
    prompt: 'Ambient mode is installed. How do you bring the running pods of namespace `shop` into the mesh?',
    options: [
      'Label the namespace `istio.io/dataplane-mode=ambient`; the running pods are captured without a restart.',
      'Label the namespace `istio-injection=enabled` and restart every Deployment.',
      'Label the namespace `istio.io/dataplane-mode=ambient` and restart every Deployment so ztunnel is injected.',
      'Run `istioctl waypoint apply -n shop`; the waypoint captures the pods.',
    ],
    answer: 0,
    explanation:
      'The label is enough: istio-cni sets up redirection inside the running pods, which keep showing 1/1. A waypoint is only needed for L7 features, and `istio-injection` is the sidecar-mode label.',
    link: '/docs/install/istioctl/#enrol-a-namespace-1',
    section: 'Enrol a namespace',
  },
  {
    id: 'install-helm-repo',
    prompt: `Which Helm repository should a course pinned to Istio ${ISTIO_MINOR} add?`,
    options: [
      '`https://istio-release.storage.googleapis.com/charts`',
      `\`${HELM_REPO_URL}\``,
      '`https://charts.istio.io`',
      '`https://github.com/istio/istio/releases/charts`',
    ],
    answer: 1,
    explanation:
      'Istio is moving off the Google Cloud Storage bucket: 1.30 was the last release published there, later ones are not there at all, and its charts are removed at the end of 2026. Use blob.istio.io (or the OCI charts on ghcr.io) and pin `--version`.',
    link: '/docs/install/helm/#the-chart-repository',
    section: 'The chart repository',
  },
  {
    id: 'install-inject-label',
    prompt: 'Namespace `demo` has no injection label. How does one Deployment in it get a sidecar?',
    options: [
      'Add the annotation `sidecar.istio.io/inject: "true"` to the Deployment’s own metadata.',
      'Add the annotation `sidecar.istio.io/inject: "true"` to the pod template.',
      'Add `sidecar.istio.io/proxyCPU` to the pod template; sizing a proxy implies injecting it.',
      'Add the label `sidecar.istio.io/inject: "true"` to the pod template, then create new pods.',
    ],
    answer: 3,
    explanation:
      'Labels decide whether a pod is injected, annotations configure the proxy. The injection webhook selects pods by the label; the annotation form is deprecated and does nothing on its own in an unlabelled namespace.',
    link: '/docs/install/sidecar-injection/#automatic-injection',
    section: 'Automatic injection',
  },
  {
    id: 'install-restart',
    prompt: 'You label a namespace `istio-injection=enabled`. What happens to the pods already running in it?',
    options: [
      'Nothing yet: injection happens when a pod is created, so restart the workloads (`kubectl rollout restart`).',
      'istiod adds the sidecar to them within a minute.',
      'They are evicted and recreated with a sidecar automatically.',
      'They are captured by ztunnel until their next restart.',
    ],
    answer: 0,
    explanation:
      'The mutating webhook runs only when the API server creates a pod. Existing pods keep their shape until they are replaced, which is also how they gain, lose or upgrade a sidecar.',
    link: '/docs/install/sidecar-injection/#restarting-workloads',
    section: 'Restarting workloads',
  },
  {
    id: 'install-canary-both-labels',
    prompt: 'During a canary upgrade you add `istio.io/rev=canary` to a namespace that still has `istio-injection=enabled`, then restart its pods. Which proxy do they get?',
    options: [
      'The canary revision’s, because `istio.io/rev` is more specific.',
      'Both, one sidecar from each revision.',
      'The default revision’s: when both labels are present, `istio-injection` wins.',
      'None: the conflicting labels disable injection.',
    ],
    answer: 2,
    explanation:
      'With both labels, `istio-injection` takes precedence and pods keep getting the old default revision. Remove it in the same step: `kubectl label namespace test-ns istio-injection- istio.io/rev=canary --overwrite`.',
    link: '/docs/install/canary-upgrade/#where-we-start',
    section: 'Where we start',
  },
  {
    id: 'install-tag-move',
    prompt: `Namespaces are labelled \`istio.io/rev=prod\`. You run \`istioctl tag set prod --revision ${REVISION} --overwrite\`. When do their workloads run the new proxy?`,
    options: [
      'Immediately: the tag move updates every running sidecar.',
      'When each workload is restarted; until then it keeps its old proxy.',
      'Only after you relabel every namespace with the revision name.',
      'After the old control plane is uninstalled.',
    ],
    answer: 1,
    explanation:
      'Moving the tag changes which revision injects new pods, without touching namespace labels. Existing pods keep their proxy until they are restarted, so the rollout goes as fast as you restart, and rolling back is moving the tag back.',
    link: '/docs/install/canary-upgrade/#3-move-the-production-tag',
    section: '3. Move the production tag',
  },
];

export default questions;
