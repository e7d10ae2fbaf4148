import { requestWasWritten } from './request-was-written';

describe('requestWasWritten', () => {
  it.each<[string, unknown, boolean | undefined]>([
    ['a request that finished writing', { request: { writableFinished: true } }, true],
    ['a request that did not', { request: { writableFinished: false } }, false],
    ['no request (an error from before axios)', new Error('x'), undefined],
    ['a request without the flag (browser XHR)', { request: { readyState: 4 } }, undefined],
    ['a non-boolean flag', { request: { writableFinished: 'yes' } }, undefined],
    ['a null request', { request: null }, undefined],
    ['undefined', undefined, undefined],
    ['a string', 'boom', undefined],
  ])('%s → %s', (_name, error, expected) => {
    expect(requestWasWritten(error)).toBe(expected);
  });

  it('reads the flag through a prototype getter, as on a ClientRequest', () => {
    class FakeRequest {
      get writableFinished(): boolean {
        return true;
      }
    }
    expect(requestWasWritten({ request: new FakeRequest() })).toBe(true);
  });
});
