/** Declarations of server-bundle.js (plain JavaScript: it runs before any TypeScript loader). */
export const BUNDLE_DIR: string;
export const ENTRY: string;
export function sourceStamp(): string;
export function bundlePaths(dir?: string): { bundle: string; stamp: string };
export function freshBundle(dir?: string): string | null;
