import { execFileSync } from 'node:child_process';

/** The commit of the server measured, marked when src/ has changes not yet committed. */
export function codeVersion(root: string): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src', 'drizzle') ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}
