/** Every failure the SDK reports is a KioskError: raw fetch errors never escape. */
export class KioskError extends Error {
  override readonly name = 'KioskError';
  /** Stable code: the server's error code, or one of the SDK's own (`network_error`, …). */
  readonly code: string;
  /** HTTP status, or 0 when no answer came back. */
  readonly status: number;
  /** Whether the same call may succeed if tried again later. */
  readonly retryable: boolean;
  readonly requestId: string | undefined;
  /** Field issues of a validation error, or what the server added. */
  readonly details: unknown;

  constructor(init: {
    code: string;
    message: string;
    status?: number;
    retryable?: boolean;
    requestId?: string | undefined;
    details?: unknown;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status ?? 0;
    this.retryable = init.retryable ?? false;
    this.requestId = init.requestId;
    this.details = init.details;
  }
}

/** Checks done before a request: wrong arguments fail fast, with the code the server would use. */
export function invalid(message: string, path: string): KioskError {
  return new KioskError({
    code: 'validation_failed',
    message,
    status: 400,
    details: [{ path, message }],
  });
}

/** Any failure as a KioskError (what callers of the SDK are promised). */
export function toKioskError(error: unknown): KioskError {
  return error instanceof KioskError
    ? error
    : new KioskError({ code: 'unknown_error', message: String(error), cause: error });
}
