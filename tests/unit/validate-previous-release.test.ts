import {describe, expect, it} from 'vitest';
import {UPGRADE_FROM_VERSION} from '@site/src/data/course';
import {readLab} from '@site/src/lib/labs/parse';
import {checkShell, versionProblems} from '@site/src/lib/validate';
import {PREVIOUS_RELEASE_LAB, previousReleaseScope} from '@site/src/lib/validate/shell';

const OLD = UPGRADE_FROM_VERSION;
const DOWNLOAD = `curl -sL https://istio.io/downloadIstio | ISTIO_VERSION=${OLD} sh -`;
/** A flag istioctl 1.31 does not have: only the previous release's istioctl by path may carry it. */
const OLD_ISTIOCTL = `istio-${OLD}/bin/istioctl install --no-such-flag -y`;

const messages = (text: string, options = {}): string[] => checkShell(text, {syntax: true, ...options}).problems.map((p) => p.message);

describe('the upgrade-from release (UPGRADE_FROM_VERSION) in lab commands', () => {
  it('is one 1.30 patch release, the minor before the pinned one', () => {
    expect(OLD).toMatch(/^1\.30\.\d+$/);
  });

  it('may be downloaded only in the in-place upgrade lab download step', () => {
    expect(previousReleaseScope(PREVIOUS_RELEASE_LAB.id, PREVIOUS_RELEASE_LAB.downloadStep)).toBe('download');
    expect(versionProblems(DOWNLOAD, {previousRelease: 'download'})).toEqual([]);
    expect(versionProblems(DOWNLOAD, {previousRelease: 'use'}).join()).toMatch(`ISTIO_VERSION=${OLD}: the course pins Istio 1.31.1`);
    expect(versionProblems(DOWNLOAD).join()).toMatch(`ISTIO_VERSION=${OLD}`);
  });

  it('accepts exactly that patch release, no other', () => {
    const other = OLD.replace(/\d+$/, (patch) => String(Number(patch) + 1));
    expect(versionProblems(`ISTIO_VERSION=${other} sh -`, {previousRelease: 'download'}).join()).toMatch(`ISTIO_VERSION=${other}`);
    expect(versionProblems('ISTIO_VERSION=1.29.0 sh -', {previousRelease: 'download'}).join()).toMatch('ISTIO_VERSION=1.29.0');
    expect(versionProblems(`ls istio-${other}/bin`, {previousRelease: 'use'}).join()).toMatch(`istio-${other}`);
  });

  it('lets the lab run the previous istioctl by its folder path, unchecked against 1.31 flags', () => {
    expect(messages(OLD_ISTIOCTL, {previousRelease: 'use'})).toEqual([]);
    expect(messages(`./${OLD_ISTIOCTL}`, {previousRelease: 'use'})).toEqual([]);
    expect(messages(`"$PWD/${OLD_ISTIOCTL.replace(' install', '" install')}`, {previousRelease: 'use'})).toEqual([]);
  });

  it('still checks every other istioctl against the pinned release', () => {
    // the bare istioctl on PATH is the pinned one
    expect(messages('istioctl install --no-such-flag -y', {previousRelease: 'use'}).join()).toMatch(/unknown flag --no-such-flag on Istio 1.31/);
    // the pinned release's istioctl by path
    expect(messages('istio-1.31.1/bin/istioctl install --no-such-flag -y', {previousRelease: 'use'}).join()).toMatch(/unknown flag --no-such-flag/);
    // a folder that only looks like the previous release's
    expect(messages(`/opt/istio-${OLD}/bin/istioctl install --no-such-flag -y`, {previousRelease: 'use'}).join()).toMatch(/unknown flag --no-such-flag/);
    // outside the upgrade lab the previous release's path is itself an error
    expect(messages(OLD_ISTIOCTL).join()).toMatch(`istio-${OLD}: the course pins Istio 1.31.1`);
  });
});

const lab = (id: string, stepId: string, command: string): string => `id: ${id}
title: A lab
summary: Shows the rule.
minutes: 10
difficulty: beginner
modes: [sidecar]
steps:
  - id: ${stepId}
    title: A step
    commands:
      - run: ${command}
    hint: None.
cleanup:
  - run: rm -rf istio-${OLD}
`;

const labProblems = (id: string, stepId: string, command: string): string[] =>
  readLab(lab(id, stepId, command), {file: `labs/${id}/lab.yaml`}).problems.map((p) => p.message);

describe('the lab reader applies the upgrade-from rule per lab and step', () => {
  const {id, downloadStep} = PREVIOUS_RELEASE_LAB;

  it('accepts the download in the upgrade lab download step', () => {
    expect(labProblems(id, downloadStep, DOWNLOAD)).toEqual([]);
  });

  it('rejects the download in any other step of that lab, and in any other lab', () => {
    expect(labProblems(id, 'install-old', DOWNLOAD).join()).toMatch(`ISTIO_VERSION=${OLD}`);
    expect(labProblems('canary-upgrade', downloadStep, DOWNLOAD).join()).toMatch(`ISTIO_VERSION=${OLD}`);
  });

  it('lets every step of the upgrade lab, and no other lab, run the previous istioctl by path', () => {
    expect(labProblems(id, 'install-old', OLD_ISTIOCTL)).toEqual([]);
    expect(labProblems('canary-upgrade', 'install-old', OLD_ISTIOCTL).join()).toMatch(`istio-${OLD}: the course pins`);
  });
});
