import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts small secrets at rest (identity providers' client secrets, decision 019):
 * AES-256-GCM with a random 96-bit IV, bound to what it belongs to by the additional data, so
 * a ciphertext copied to another provider row or tenant does not open.
 * Format: `v1.<iv>.<ciphertext>.<tag>`, each base64url.
 */
export type SecretBox = {
  seal(plain: string, boundTo: string): string;
  open(sealed: string, boundTo: string): string;
};

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the encryption key must be 32 bytes');
  return {
    seal(plain, boundTo) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(boundTo, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, body, cipher.getAuthTag()]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed, boundTo) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || body === undefined || !tag)
        throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}

/**
 * The key for tests and `serve --demo` only: derived from the installation's cookie secret,
 * so a demo needs no setting. Production sets ENCRYPTION_KEY (decision 019).
 */
export function derivedDemoKey(cookieSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', cookieSecret, 'samtal', 'sso-client-secrets', 32));
}
