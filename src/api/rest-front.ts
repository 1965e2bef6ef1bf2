/**
 * The REST adapter as the entries export it and the elements make it from `api-base`: a thin
 * front with the full adapter's constructor and methods, which loads the adapter itself (the
 * transport, the decoding and the operations, `rest-adapter.ts`) on demand, in its own chunk
 * (issue #16: that code is not on the booking form's path before interactive).
 *
 * The loading starts when the front is made (an element makes it on its first call, while its
 * first screen paints), so it runs beside the paint instead of after it; every method waits for
 * it. A chunk that cannot be fetched (offline) rejects the call with a {@link NetworkError}, as
 * the call itself would, and the next call tries again.
 */
import { NetworkError } from './errors.js';
import type { RestAdapter as FullAdapter, RestAdapterOptions } from './rest-adapter.js';
import type { EmirateAdapter } from './types.js';

export type { RestAdapterOptions } from './rest-adapter.js';

let loading: Promise<typeof import('./rest-adapter.js')> | undefined;
const load = () =>
  (loading ??= import('./rest-adapter.js').catch((cause: unknown) => {
    loading = undefined;
    throw new NetworkError(cause);
  }));

/** The adapter methods, each forwarded to the full adapter once it is loaded. */
const METHODS = [
  'getSession',
  'getCatalog',
  'uploadFile',
  'submitRequest',
  'listRequests',
  'getRequest',
  'sendMessage',
  'markMessagesRead',
  'getAttachment',
  'getUnreadCount',
  'getSummary',
  'rateRequest',
  'getPass',
  'cancelRequest',
  'inquire',
] as const satisfies readonly (keyof EmirateAdapter)[];

// The methods are the full adapter's (EmirateAdapter's signatures), added to the prototype below.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface RestAdapter extends Pick<EmirateAdapter, (typeof METHODS)[number]> {}

/**
 * The built-in adapter over the REST contract in `openapi.yaml` (see `rest-adapter.ts` for what
 * each call does). All methods reject only with {@link ApiError} subclasses.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class RestAdapter implements EmirateAdapter {
  private full?: Promise<FullAdapter>;

  constructor(private readonly options: RestAdapterOptions) {
    // Started now, so it loads while the element paints; a failure is the first call's to tell.
    this.adapter().catch(() => {});
  }

  /** The full adapter, loaded (once) and made with the options given to the front. */
  private adapter(): Promise<FullAdapter> {
    return (this.full ??= load().then(
      (module) => new module.RestAdapter(this.options),
      (error: unknown) => {
        this.full = undefined;
        throw error;
      },
    ));
  }
}

for (const name of METHODS) {
  Object.defineProperty(RestAdapter.prototype, name, {
    configurable: true,
    writable: true,
    value(this: RestAdapter, ...args: unknown[]) {
      return (this as unknown as { adapter(): Promise<FullAdapter> }).adapter().then((full) => (full[name] as (...a: unknown[]) => unknown).apply(full, args));
    },
  });
}
