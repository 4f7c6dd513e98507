import type { App } from '../../main/app';
import type { ApiErrorData } from '../../main/api/errors';
import type { CallOptions, ClientSession } from '../../main/api/router';

/**
 * A test's two ways to call the router as a user: `call` expects success and returns the value (a refusal throws
 * with its data), `refusal` expects a refusal and returns it. Both run as `session` unless another is given.
 */
export function routerCalls(app: App, session: ClientSession) {
  const call = async <T = unknown>(method: string, input: unknown, as: ClientSession = session, options?: CallOptions): Promise<T> => {
    const result = await app.router.call(as, method, input, options);
    if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.messageEn}`), { data: result.error });
    return result.value as T;
  };
  const refusal = async (method: string, input: unknown, as: ClientSession = session, options?: CallOptions): Promise<ApiErrorData> => {
    const result = await app.router.call(as, method, input, options);
    if (result.ok) throw new Error(`${method} was accepted`);
    return result.error;
  };
  return { call, refusal };
}
