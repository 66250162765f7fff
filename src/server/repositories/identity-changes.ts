/**
 * A counter bumped by every write that can change what a session resolves to: a session
 * ended, a person's roles, name, language, manager or active flag changed (decision 015).
 * The session cache of this process drops everything it read before the bump. Other
 * processes learn of the change when their cache entries expire.
 */
let generation = 0;

export function identityChanged(): void {
  generation++;
}

export function identityGeneration(): number {
  return generation;
}
