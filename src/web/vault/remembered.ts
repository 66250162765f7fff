/**
 * "Remember this device" (decision 018): the unlocked data key kept in this browser's IndexedDB
 * as a non-extractable CryptoKey (script can use it here but never read its bytes), for the
 * period the person chose. Forgotten on "Lock now", at sign-out and once expired.
 */
import {
  rememberUntil,
  stillRemembered,
  type Remembered,
  type RememberDays,
} from './remember-policy';

const DB = 'samtal-vault';
const STORE = 'keys';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'personId' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB'));
  });
}

async function run<T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>) {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('indexedDB'));
      tx.onabort = () => reject(tx.error ?? new Error('indexedDB'));
    });
  } finally {
    db.close();
  }
}

/** Keeps the key for `days`; a key that could be exported is refused, never stored. */
export async function rememberKey(
  personId: string,
  keyVersion: number,
  key: CryptoKey,
  days: RememberDays,
) {
  if (key.extractable) throw new Error('only a non-extractable key is remembered');
  const record: Remembered = {
    personId,
    keyVersion,
    key,
    expiresAt: rememberUntil(Date.now(), days),
  };
  await run('readwrite', (s) => s.put(record));
}

/** The remembered key for this person and key version, if it still counts (else forgotten). */
export async function recallKey(personId: string, keyVersion: number) {
  try {
    const record = await run<Remembered | undefined>('readonly', (s) => s.get(personId));
    if (stillRemembered(record, Date.now(), { personId, keyVersion })) return record.key;
    if (record) await forgetKey(personId);
  } catch {
    // no IndexedDB (private window, blocked): nothing remembered
  }
  return null;
}

/** Forgets this person's remembered key ("Lock now"). */
export async function forgetKey(personId: string) {
  try {
    await run('readwrite', (s) => s.delete(personId));
  } catch {
    // nothing kept
  }
}

/** What holds an unlocked key in memory (vault.ts), cleared at sign-out as well. */
const inMemory = new Set<() => void>();
export function onSignOut(clear: () => void) {
  inMemory.add(clear);
}

/**
 * At sign-out: the key unlocked in this page is dropped (the next person at this tab does not
 * inherit it) and every remembered key in this browser is forgotten.
 */
export function forgetOnSignOut() {
  for (const clear of inMemory) clear();
  try {
    indexedDB.deleteDatabase(DB);
  } catch {
    // nothing kept
  }
}
