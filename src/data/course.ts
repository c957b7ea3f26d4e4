/**
 * The one place the course's pinned Istio release lives. Every command, sample URL,
 * page banner and check reads it from here.
 */
export const ISTIO_VERSION = '1.31.1';

/**
 * The release the in-place upgrade lab starts from: the latest 1.30 patch tagged in istio/istio
 * (`git tag -l '1.30.*'`). Only that lab's download step may name it in `ISTIO_VERSION=`, and
 * only its `istio-<version>/bin/istioctl` escapes the pinned release's command check
 * (src/lib/validate/shell.ts, `previousReleaseScope`).
 */
export const UPGRADE_FROM_VERSION = '1.30.3';

/** "1.31" — the release branch that sample URLs are pinned to (release-1.31). */
export const ISTIO_MINOR = ISTIO_VERSION.split('.').slice(0, 2).join('.');

/** Kubernetes versions the pinned release is supported on (Istio 1.31 announcement). */
export const KUBERNETES_SUPPORTED = { min: '1.32', max: '1.36' } as const;

/**
 * Gateway API CRD release the pinned Istio is built against. Code blocks and lab commands that
 * install another release fail `npm run check:content` (src/lib/validate/shell.ts).
 */
export const GATEWAY_API_VERSION = 'v1.6.0';

/** Helm chart repository for 1.31 and later (the old GCS bucket does not carry 1.31). */
export const HELM_REPO_URL = 'https://blob.istio.io/istio-release/charts';

/** Base of raw sample URLs, pinned to the release branch (the URL rule in src/lib/validate/urls.ts). */
export const SAMPLES_BASE_URL = `https://raw.githubusercontent.com/istio/istio/release-${ISTIO_MINOR}/samples`;

/** istio.io documentation is linked in one form: the versioned-latest path (src/lib/validate/urls.ts). */
export const ISTIO_DOCS_BASE_URL = 'https://istio.io/latest/docs';
