import { describe, expect, it } from 'vitest';
import { EXPORT_LINK_DAYS, exportLinkExpiry, exportLinkState, maskAddress } from './export-link';

describe('a leaver’s download link', () => {
  it('shows HR the address masked: first character and domain only', () => {
    expect(maskAddress('maria.svensson@example.org')).toBe('m•••@example.org');
    expect(maskAddress('Å@exempel.se')).toBe('Å•••@exempel.se');
    expect(maskAddress('no-at-sign')).toBe('•••');
    expect(maskAddress('maria.svensson@example.org')).not.toContain('svensson');
  });

  it('works for seven days, once', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const expiresAt = exportLinkExpiry(now);
    expect(EXPORT_LINK_DAYS).toBe(7);
    expect(expiresAt.toISOString()).toBe('2026-03-08T10:00:00.000Z');
    const justBefore = new Date(expiresAt.getTime() - 1);
    expect(exportLinkState({ fulfilledAt: null, expiresAt }, justBefore)).toBe('waiting');
    expect(exportLinkState({ fulfilledAt: null, expiresAt }, expiresAt)).toBe('expired');
    expect(exportLinkState({ fulfilledAt: justBefore, expiresAt }, expiresAt)).toBe('downloaded');
  });
});
