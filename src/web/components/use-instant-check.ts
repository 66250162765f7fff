import { useState } from 'react';

/**
 * A checkbox whose change is saved by a mutation. The mutation's pending state reaches React a
 * tick after the click, and until then a controlled checkbox flips back; this shows the new
 * state in the click's own render instead, until the save settles.
 */
export function useInstantCheck(saved: boolean) {
  const [shown, setShown] = useState<boolean | null>(null);
  return {
    checked: shown ?? saved,
    /** Call in onChange with the new state; call what it returns when the save has settled. */
    begin(next: boolean): () => void {
      setShown(next);
      return () => setShown(null);
    },
  };
}
