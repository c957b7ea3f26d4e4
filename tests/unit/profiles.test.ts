import {describe, expect, it} from 'vitest';
import {installedComponents, omittedComponents, pickProfile, profileComponentTable} from '@site/src/lib/profiles';
import {INSTALL_PROFILES, MESH_COMPONENTS, profilesTable, type ProfileName} from '@site/src/data/install';

const names = INSTALL_PROFILES.map((profile) => profile.name);
const byName = (name: ProfileName) => {
  const profile = INSTALL_PROFILES.find((entry) => entry.name === name);
  if (!profile) throw new Error(`no profile ${name}`);
  return profile;
};
const installed = (name: ProfileName) => installedComponents(byName(name), MESH_COMPONENTS).map((c) => c.name);

describe('installation profiles', () => {
  it('lists the seven built-in profiles once each', () => {
    expect([...names].sort()).toEqual(['ambient', 'default', 'demo', 'empty', 'minimal', 'preview', 'remote']);
  });

  it('records the checked facts: default, demo, minimal, empty, ambient', () => {
    expect(installed('default')).toEqual(['istiod', 'istio-ingressgateway']);
    expect(installed('demo')).toEqual(['istiod', 'istio-ingressgateway', 'istio-egressgateway']);
    expect(installed('minimal')).toEqual(['istiod']);
    expect(installed('empty')).toEqual([]);
    expect(installed('ambient')).toEqual(['istiod', 'istio-cni-node', 'ztunnel']);
  });

  it('splits every component into installed or omitted, never both', () => {
    for (const profile of INSTALL_PROFILES) {
      const yes = installedComponents(profile, MESH_COMPONENTS).map((c) => c.id);
      const no = omittedComponents(profile, MESH_COMPONENTS).map((c) => c.id);
      expect([...yes, ...no].sort()).toEqual(MESH_COMPONENTS.map((c) => c.id).sort());
    }
  });

  it('picks a profile from free text, falling back when the text names none', () => {
    expect(pickProfile('demo', names, 'default')).toBe('demo');
    expect(pickProfile(' Ambient ', names, 'default')).toBe('ambient');
    expect(pickProfile('kiali', names, 'default')).toBe('default');
    expect(pickProfile(null, names, 'default')).toBe('default');
  });

  it('builds the table from the same data: one row per component, one column per profile', () => {
    expect(profilesTable.columns.map((column) => column.key)).toEqual(['component', ...names]);
    expect(profilesTable.rows).toHaveLength(MESH_COMPONENTS.length);
    const ztunnelRow = profilesTable.rows.find((row) => row.component === 'ztunnel');
    expect(ztunnelRow?.ambient).toEqual({mark: true});
    expect(ztunnelRow?.default).toEqual({mark: false});
  });

  it('works for any component and profile set', () => {
    const table = profileComponentTable(
      'tiny',
      'Tiny',
      [{name: 'p', purpose: 'x', useWhen: 'y', installs: {a: true, b: false}}],
      [
        {id: 'a', name: 'A', role: 'first'},
        {id: 'b', name: 'B', role: 'second'},
      ],
    );
    expect(table.rows).toEqual([
      {component: 'A', p: {mark: true}},
      {component: 'B', p: {mark: false}},
    ]);
  });
});
