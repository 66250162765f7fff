/**
 * A leaver's one-time download link (decision 024): HR asks, Samtal mails the link to the
 * address the leaver gave, and HR only ever sees that address masked.
 */

/** How long a mailed download link works. */
export const EXPORT_LINK_DAYS = 7;

/** Failed link openings per network address and hour before it is told to wait (429). */
export const EXPORT_LINK_FAILURES_PER_HOUR = 10;

/** When a link made at `now` stops working. */
export function exportLinkExpiry(now: Date): Date {
  return new Date(now.getTime() + EXPORT_LINK_DAYS * 86_400_000);
}

/**
 * An address as HR and the audit log see it: the first character of the local part, then
 * "•••", then the domain ("maria@example.org" → "m•••@example.org"). Enough to recognise the
 * address the leaver gave, not enough to write to it.
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '•••';
  const first = Array.from(address.slice(0, at))[0] ?? '';
  return `${first}•••${address.slice(at)}`;
}

/** The state of a link as HR sees it. */
export function exportLinkState(
  link: { fulfilledAt: Date | null; expiresAt: Date | null },
  now: Date,
): 'downloaded' | 'expired' | 'waiting' {
  if (link.fulfilledAt) return 'downloaded';
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'waiting';
}
