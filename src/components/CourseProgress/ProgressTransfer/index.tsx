import React, {useId, useState} from 'react';
import clsx from 'clsx';
import {safeStorage, writeItem} from '@site/src/lib/labs/progress';
import {createExport, exportFileName, parseImport} from '@site/src/lib/progress';
import {notifyProgress} from '../useProgress';
import styles from '../styles.module.css';

type Message = {readonly text: string; readonly error: boolean} | null;

function storedEntries(): [string, string][] {
  const storage = safeStorage();
  if (!storage) return [];
  try {
    const entries: [string, string][] = [];
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      const value = key === null ? null : storage.getItem(key);
      if (key !== null && value !== null) entries.push([key, value]);
    }
    return entries;
  } catch {
    return [];
  }
}

function download(): Message {
  const now = new Date();
  const data = createExport(storedEntries(), now);
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(data, null, 2)}\n`], {type: 'application/json'}));
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(now);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  const count = Object.keys(data.items).length;
  return {text: `Saved ${count} ${count === 1 ? 'item' : 'items'} to ${link.download}.`, error: false};
}

async function importFile(file: File): Promise<Message> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    return {text: `${file.name}: the file could not be read. Nothing was imported.`, error: true};
  }
  const result = parseImport(text);
  if (!result.ok) return {text: `${file.name}: ${result.message} Nothing was imported.`, error: true};
  if (!safeStorage()) return {text: 'This browser blocks local storage, so nothing could be imported.', error: true};
  const entries = Object.entries(result.items);
  for (const [key, value] of entries) writeItem(key, value);
  notifyProgress();
  return {text: `Imported ${entries.length} ${entries.length === 1 ? 'item' : 'items'} from ${file.name}.`, error: false};
}

/**
 * "Download my progress" and "Import progress": moves everything the site keeps in this
 * browser (every `sml.` key) to a file and back. Nothing leaves the browser.
 */
export default function ProgressTransfer(): React.JSX.Element {
  const inputId = useId();
  const [message, setMessage] = useState<Message>(null);
  const onFile = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setMessage(await importFile(file));
    input.value = '';
  };
  return (
    <div className={styles.panel}>
      <p>
        Your progress lives only in this browser. To move it, download it as a file here and import that file in
        the other browser; the file never leaves your machine.
      </p>
      <div className={styles.transfer}>
        <button type="button" className="button button--primary" onClick={() => setMessage(download())}>
          Download my progress
        </button>
        <label htmlFor={inputId}>Import progress:</label>
        <input
          id={inputId}
          className={styles.fileInput}
          type="file"
          accept="application/json,.json"
          onChange={(event) => void onFile(event)}
        />
      </div>
      <p className={clsx(styles.message, message?.error && styles.error)} role="status" aria-live="polite" data-transfer-message="">
        {message?.text}
      </p>
    </div>
  );
}
