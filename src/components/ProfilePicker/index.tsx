import React, {useEffect, useId, useState} from 'react';
import {INSTALL_PROFILES, MESH_COMPONENTS, type ProfileName} from '@site/src/data/install';
import {installedComponents, omittedComponents, pickProfile} from '@site/src/lib/profiles';
import styles from './styles.module.css';

const QUERY_PARAM = 'profile';
const NAMES: readonly ProfileName[] = INSTALL_PROFILES.map((profile) => profile.name);
const FALLBACK: ProfileName = 'default';

/** Keeps the choice in the address bar (?profile=…) so a view can be shared as a link. */
function writeProfileToUrl(name: ProfileName): void {
  const url = new URL(window.location.href);
  if (name === FALLBACK) url.searchParams.delete(QUERY_PARAM);
  else url.searchParams.set(QUERY_PARAM, name);
  window.history.replaceState(window.history.state, '', url);
}

/**
 * Pick a configuration profile and see what it installs. Renders INSTALL_PROFILES and
 * MESH_COMPONENTS from src/data/install.ts — the same data as the profile × component table.
 */
export default function ProfilePicker(): React.JSX.Element {
  const groupName = useId();
  const [selected, setSelected] = useState<ProfileName>(FALLBACK);

  useEffect(() => {
    setSelected(pickProfile(new URL(window.location.href).searchParams.get(QUERY_PARAM), NAMES, FALLBACK));
  }, []);

  const choose = (name: ProfileName): void => {
    setSelected(name);
    writeProfileToUrl(name);
  };

  const profile = INSTALL_PROFILES.find((entry) => entry.name === selected) ?? INSTALL_PROFILES[0];
  if (!profile) throw new Error('<ProfilePicker>: no profiles in src/data/install.ts');
  const yes = installedComponents(profile, MESH_COMPONENTS);
  const no = omittedComponents(profile, MESH_COMPONENTS);

  return (
    <section className={styles.picker} aria-label="Configuration profile picker">
      <fieldset className={styles.choices}>
        <legend className={styles.legend}>Pick a profile</legend>
        {INSTALL_PROFILES.map((entry) => (
          <label key={entry.name} className={styles.choice}>
            <input
              type="radio"
              name={groupName}
              value={entry.name}
              checked={entry.name === selected}
              onChange={() => choose(entry.name)}
            />
            <code>{entry.name}</code>
          </label>
        ))}
      </fieldset>
      <div className={styles.result} aria-live="polite">
        <h3 className={styles.heading}>
          The <code>{profile.name}</code> profile
        </h3>
        <p>{profile.purpose}</p>
        <p>
          <strong>Use it when:</strong> {profile.useWhen}
        </p>
        {profile.caution ? (
          <p className={styles.caution}>
            <strong>Careful:</strong> {profile.caution}
          </p>
        ) : null}
        <div className={styles.columns}>
          <div>
            <h4 className={styles.subheading}>Installs</h4>
            {yes.length === 0 ? (
              <p>No components.</p>
            ) : (
              <ul className={styles.list}>
                {yes.map((component) => (
                  <li key={component.id}>
                    <span aria-hidden="true" className={styles.yes}>
                      ✓
                    </span>{' '}
                    <code>{component.name}</code> — {component.role}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h4 className={styles.subheading}>Leaves out</h4>
            {no.length === 0 ? (
              <p>Nothing.</p>
            ) : (
              <ul className={styles.list}>
                {no.map((component) => (
                  <li key={component.id}>
                    <span aria-hidden="true" className={styles.no}>
                      ✗
                    </span>{' '}
                    <code>{component.name}</code>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
        <p className={styles.commandLabel}>See exactly what it would create, without touching the cluster:</p>
        <pre className={styles.command}>
          <code>istioctl manifest generate --set profile={profile.name}</code>
        </pre>
      </div>
    </section>
  );
}
