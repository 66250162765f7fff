/** The cache key of the signed-in person's vault (a tiny module: the first page fills it). */
export const VAULT_KEY = ['vault'] as const;
