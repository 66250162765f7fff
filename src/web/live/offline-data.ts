/**
 * What this device keeps for offline meetings, forgotten at sign-out (a shared computer, a
 * phone lent out): the service worker's cached reads and the meetings' documents.
 */
export function forgetOfflineData() {
  navigator.serviceWorker?.controller?.postMessage('signed-out');
  try {
    for (const key of Object.keys(localStorage))
      if (key.startsWith('samtal.live.synced.')) localStorage.removeItem(key);
  } catch {
    // nothing kept
  }
  void indexedDB
    ?.databases?.()
    .then((dbs) => {
      for (const db of dbs)
        if (db.name?.startsWith('samtal-meeting-')) indexedDB.deleteDatabase(db.name);
    })
    .catch(() => undefined);
}
