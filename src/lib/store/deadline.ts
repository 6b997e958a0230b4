/**
 * A time budget for one request's store calls. Netlify's Blobs client retries
 * for up to 25 s and waits forever on a server that accepts and never answers;
 * a database can stall on a lock. A resident on a phone must hear “请稍等一会儿
 * 再试” within seconds, with what they typed kept, so every call runs under
 * the request's deadline and gets the deadline's AbortSignal: a call that ran
 * out of time is cancelled, not left running.
 */

/** The store did not answer in time or failed: the caller answers 503 with Retry-After. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/**
 * Each call gets at most `perCallMs`, and never more than what is left of
 * `totalMs`, counted from the first call: work before it (the phone's slow
 * hash, sealing) is the function's own CPU, not the store's time.
 */
export class Deadline {
  readonly #total: number;
  readonly #perCall: number;
  #end: number | undefined;
  constructor(totalMs: number, perCallMs: number) {
    this.#total = totalMs;
    this.#perCall = perCallMs;
  }
  remaining(): number {
    this.#end ??= Date.now() + this.#total;
    return Math.max(0, this.#end - Date.now());
  }
  /** Runs a store call; a failure, a rejection or running out of time becomes StoreUnavailableError. */
  async run<T>(what: string, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const ms = Math.min(this.#perCall, this.remaining());
    if (ms <= 0) throw new StoreUnavailableError(`${what}: no time left`);
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new StoreUnavailableError(`${what}: timed out after ${ms} ms`));
      }, ms);
    });
    try {
      return await Promise.race([call(controller.signal), timeout]);
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(`${what}: ${error instanceof Error ? error.name : 'failed'}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}
