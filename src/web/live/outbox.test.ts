import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The outbox keeps its state in the module; each test loads a fresh copy with its own fakes.
const write = vi.fn();
vi.mock('../api', () => {
  class ApiError extends Error {
    constructor(
      readonly status: number,
      readonly code: string,
      message: string,
    ) {
      super(message);
    }
  }
  return { ApiError, http: { write } };
});

const net = { onLine: true };
const store = new Map<string, string>();

beforeEach(() => {
  vi.resetModules();
  write.mockReset();
  store.clear();
  net.onLine = true;
  vi.stubGlobal('navigator', net);
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const op = {
  kind: 'addAction' as const,
  title: 'Skicka önskemål',
  ownerId: 'p1',
  ownerRole: 'employee' as const,
  dueDate: null,
  pointId: null,
};

describe('outbox', () => {
  it('sends what was kept offline when the connection returns, after an earlier replay found nothing', async () => {
    const outbox = await import('./outbox');
    // Opening the page replays at once: nothing is kept yet, so that run ends at once.
    outbox.setOutboxPerson('p1');
    await outbox.replay();
    net.onLine = false;
    const kept = await outbox.writeOrKeep('m1', op, 'POST', '/api/m1/actions', { title: 'x' });
    expect(kept).toBeNull();
    expect(write).not.toHaveBeenCalled();
    // Back in coverage: the kept change goes, with its key, and leaves the outbox.
    net.onLine = true;
    write.mockResolvedValue({ id: 'a1' });
    await outbox.replay();
    expect(write).toHaveBeenCalledTimes(1);
    expect(write.mock.calls[0]![3]).toEqual({
      'idempotency-key': expect.stringMatching(/^pending-/),
    });
    expect(JSON.parse(store.get('samtal.outbox')!)).toEqual([]);
  });

  it('keeps a change whose sending fails for lack of a network, and sends it on the next try', async () => {
    const outbox = await import('./outbox');
    const { ApiError } = await import('../api');
    outbox.setOutboxPerson('p1');
    write.mockRejectedValueOnce(new ApiError(0, 'network', ''));
    expect(await outbox.writeOrKeep('m1', op, 'POST', '/api/m1/actions', {})).toBeNull();
    expect(JSON.parse(store.get('samtal.outbox')!)).toHaveLength(1);
    write.mockResolvedValue({ id: 'a1' });
    await outbox.replay();
    expect(write).toHaveBeenCalledTimes(2);
    // Sent again with the same key, so the server applies it once.
    expect(write.mock.calls[1]![3]).toEqual(write.mock.calls[0]![3]);
    expect(JSON.parse(store.get('samtal.outbox')!)).toEqual([]);
  });

  it('moves a change the server refuses for good to the refused list', async () => {
    const outbox = await import('./outbox');
    const { ApiError } = await import('../api');
    outbox.setOutboxPerson('p1');
    await outbox.replay();
    net.onLine = false;
    await outbox.writeOrKeep('m1', op, 'POST', '/api/m1/actions', {});
    net.onLine = true;
    write.mockRejectedValue(new ApiError(409, 'meeting.finished', 'finished'));
    await outbox.replay();
    expect(JSON.parse(store.get('samtal.outbox')!)).toEqual([]);
    expect(JSON.parse(store.get('samtal.outbox.failed')!)).toHaveLength(1);
  });
});
