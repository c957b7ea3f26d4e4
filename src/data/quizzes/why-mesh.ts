import type {QuizQuestion} from '@site/src/lib/quiz';

/** Check yourself, part 1: Why a service mesh (docs/01-why-mesh). */
const questions: readonly QuizQuestion[] = [
  {
    id: 'why-mesh-network-not-function',
    prompt: 'A shop is split from one program into microservices. Which new kind of problem did the in-process version not have at all?',
    options: [
      'Teams must agree on one programming language.',
      'A call between two parts can time out halfway, be read on the wire, or fail on one copy of many.',
      'A memory leak in one part takes the whole shop down.',
      'A one-line fix in one part means redeploying every part.',
    ],
    answer: 1,
    explanation:
      'Splitting the program turns function calls into network calls, which can be slow, fail part-way, be intercepted, and must pick one of many copies. The other three are pains of the single program that the split removes.',
    link: '/docs/why-mesh/#from-one-application-to-many-services',
    section: 'From one application to many services',
  },
  {
    id: 'why-mesh-kubernetes-gap',
    prompt: 'Kubernetes already runs the services. Which question does it leave to a mesh?',
    options: [
      'Where are the pods of `catalogue` running right now?',
      'Which pod should replace one that crashed?',
      'Is this caller allowed to make this call, and should a failed call be retried?',
      'Which stable name can other pods use to reach `catalogue`?',
    ],
    answer: 2,
    explanation:
      'Kubernetes schedules and restarts pods and gives them stable names through Services. It does not decide whether a particular call should be retried, whether the caller may make it, or how long it took: that is what the mesh adds on top.',
    link: '/docs/why-mesh/#containers-kubernetes-and-where-the-mesh-fits',
    section: 'Containers, Kubernetes, and where the mesh fits',
  },
  {
    id: 'why-mesh-istio-resources',
    prompt: 'How do you manage Istio’s traffic and security rules day to day?',
    options: [
      'As Kubernetes resources, applied with `kubectl apply` like any other object.',
      'Through a separate web console that talks to each proxy.',
      'By rebuilding each service with an Istio client library.',
      'By editing an Envoy configuration file inside every pod.',
    ],
    answer: 0,
    explanation:
      'Istio adds its own resource kinds to the Kubernetes API, so rules are YAML objects you apply with the tools you already use. The control plane turns them into proxy configuration; nobody edits proxy files by hand.',
    link: '/docs/why-mesh/#containers-kubernetes-and-where-the-mesh-fits',
    section: 'Containers, Kubernetes, and where the mesh fits',
  },
  {
    id: 'why-mesh-proxy-and-control-plane',
    prompt: 'In a mesh, what turns the application’s plain call to `http://reviews:9080` into a retried, encrypted, measured call?',
    options: [
      'A library the team links into the application.',
      'The Kubernetes Service object for `reviews`.',
      'The control plane, which forwards every request itself.',
      'A proxy that handles all traffic in and out of the service, configured by the control plane.',
    ],
    answer: 3,
    explanation:
      'The proxy sits in the request path and does the retries, TLS and measuring. The control plane never carries requests: it only sends configuration to every proxy.',
    link: '/docs/why-mesh/#the-old-way-and-the-mesh-way',
    section: 'The old way and the mesh way',
  },
  {
    id: 'why-mesh-legacy-service',
    prompt: 'Your company runs a vendor service whose code you cannot change. What happens if you rely on client libraries for retries, TLS and metrics?',
    options: [
      'The vendor service gets them automatically from Kubernetes.',
      'That service is left out: you cannot add a library to code you do not own, while a proxy beside it would need no code change.',
      'It works as long as the library is written in the same language as the vendor service.',
      'The libraries of the services that call it also cover its incoming traffic.',
    ],
    answer: 1,
    explanation:
      'Libraries have to be compiled into each service, once per language. A mesh proxy runs next to the service instead, so even code you cannot touch gets encryption, identity and telemetry.',
    link: '/docs/why-mesh/#the-old-way-and-the-mesh-way',
    section: 'The old way and the mesh way',
  },
  {
    id: 'why-mesh-zero-trust',
    prompt: 'What does “zero trust” mean for calls inside a mesh?',
    options: [
      'No call is allowed until an administrator approves it by hand.',
      'Being inside the cluster network grants nothing: each call is authenticated and authorized by identity.',
      'Services never trust their own proxy.',
      'All traffic leaves the cluster through a firewall before reaching another service.',
    ],
    answer: 1,
    explanation:
      'Each workload gets a cryptographic identity from its service account; proxies authenticate every hop with mutual TLS and enforce who may call what, so a position on the network is not a credential.',
    link: '/docs/why-mesh/#what-a-mesh-gives-you',
    section: 'What a mesh gives you',
  },
  {
    id: 'why-mesh-when-not',
    prompt: 'Which team is the best example of one that should wait before adopting a mesh?',
    options: [
      'Forty services in four languages with repeated retry and TLS bugs.',
      'A platform team that must encrypt every call between services to pass an audit.',
      'A small team new to Kubernetes running three services that they all own.',
      'A team that needs per-user canary releases across many services.',
    ],
    answer: 2,
    explanation:
      'A mesh is another distributed system to run and debug. With a handful of services, one team and little Kubernetes experience, its cost outweighs what it solves; the other teams have exactly the recurring problems a mesh addresses.',
    link: '/docs/why-mesh/#when-not-to-use-a-mesh',
    section: 'When not to use a mesh',
  },
];

export default questions;
