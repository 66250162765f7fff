import { describe, expect, it } from 'vitest';
import { isReadOnly, signOffTransition } from './sign-off';
import { CONVERSATION_STATUSES } from './template';

describe('sign-off transitions', () => {
  it('lets the manager close a booked or held conversation', () => {
    expect(signOffTransition('held', 'close', 'manager')).toEqual({ ok: true, status: 'closed' });
    expect(signOffTransition('booked', 'close', 'manager')).toEqual({ ok: true, status: 'closed' });
  });

  it('refuses to close one that was never booked, or twice', () => {
    expect(signOffTransition('not_booked', 'close', 'manager')).toEqual({
      ok: false,
      reason: 'signOff.not_held',
    });
    expect(signOffTransition('closed', 'close', 'manager')).toMatchObject({
      reason: 'signOff.already_closed',
    });
    expect(signOffTransition('signed', 'close', 'manager')).toMatchObject({
      reason: 'signOff.already_signed',
    });
  });

  it('lets only the employee sign, and only a closed conversation', () => {
    expect(signOffTransition('closed', 'sign', 'employee')).toEqual({ ok: true, status: 'signed' });
    expect(signOffTransition('closed', 'sign', 'manager')).toMatchObject({
      reason: 'auth.forbidden',
    });
    for (const s of ['not_booked', 'booked', 'held'] as const)
      expect(signOffTransition(s, 'sign', 'employee')).toMatchObject({
        reason: 'signOff.not_closed',
      });
    expect(signOffTransition('signed', 'sign', 'employee')).toMatchObject({
      reason: 'signOff.already_signed',
    });
  });

  it('lets the employee not close, and the manager correct only a frozen agreement', () => {
    expect(signOffTransition('held', 'close', 'employee')).toMatchObject({
      reason: 'auth.forbidden',
    });
    expect(signOffTransition('signed', 'correct', 'manager')).toEqual({
      ok: true,
      status: 'signed',
    });
    expect(signOffTransition('closed', 'correct', 'manager')).toEqual({
      ok: true,
      status: 'closed',
    });
    expect(signOffTransition('held', 'correct', 'manager')).toMatchObject({
      reason: 'signOff.not_yet_closed',
    });
    expect(signOffTransition('signed', 'correct', 'employee')).toMatchObject({
      reason: 'auth.forbidden',
    });
  });

  it('is read-only exactly from closed on', () => {
    expect(CONVERSATION_STATUSES.filter(isReadOnly)).toEqual(['closed', 'signed']);
  });
});
