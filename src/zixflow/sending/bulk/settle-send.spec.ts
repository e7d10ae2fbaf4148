import { ZixflowServerError } from '../../core/errors/zixflow-api.error';
import { settleSend } from './settle-send';

describe('settleSend', () => {
  it('wraps a result', async () => {
    await expect(settleSend(async () => ({ status: true, message: 'ok' }))).resolves.toEqual({
      ok: true,
      result: { status: true, message: 'ok' },
    });
  });

  it('settles a library error as a value', async () => {
    const error = new ZixflowServerError({ status: 500, endpoint: '/x' });
    await expect(settleSend(() => Promise.reject(error))).resolves.toEqual({ ok: false, error });
  });

  it('settles a library error thrown synchronously by the send', async () => {
    const error = new ZixflowServerError({ status: 500, endpoint: '/x' });
    const outcome = await settleSend(() => {
      throw error;
    });
    expect(outcome).toEqual({ ok: false, error });
  });

  it('lets anything else (a bug) reject', async () => {
    await expect(settleSend(() => Promise.reject(new TypeError('bug')))).rejects.toThrow(TypeError);
  });
});
