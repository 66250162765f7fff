/**
 * A counter bumped by every write that can change what a session resolves to: a session
 * ended, a person's roles, name, language, manager or active flag changed (decision 015).
 * The session cache of this process drops everything it read before the bump. The worker
 * processes of one server pass their bumps to each other (cluster-sync.ts, decision 021);
 * separate instances learn of the change when their cache entries expire.
 */
let generation = 0;
const listeners: (() => void)[] = [];

export function identityChanged(): void {
  generation++;
  for (const l of listeners) l();
}

export function identityGeneration(): number {
  return generation;
}

/** Calls `listener` after every bump (the cluster relays them to the other workers). */
export function onIdentityChange(listener: () => void): void {
  listeners.push(listener);
}
