import { describe, expect, it } from 'vitest';
import { banner } from './serve.command';

describe('the start-up banner', () => {
  it('says where Samtal is, the demo sign-ins and how to stop, in a few plain lines', () => {
    const text = banner('http://127.0.0.1:3000', 'pglite', [
      { role: 'HR', email: 'hr@samtal.demo' },
      { role: 'manager', email: 'chef@samtal.demo' },
    ]);
    expect(text).toContain('Samtal is running at http://127.0.0.1:3000');
    expect(text).toContain('password for all: samtal-demo');
    expect(text).toMatch(/HR {8}hr@samtal\.demo/);
    expect(text).toContain('Stop with Ctrl+C.');
    expect(text.split('\n').length).toBeLessThan(14);
    expect(text).not.toContain('{');
  });

  it('leaves out the sign-ins without a demo', () => {
    expect(banner('http://h:1', 'postgres', [])).not.toContain('Demo');
  });
});
