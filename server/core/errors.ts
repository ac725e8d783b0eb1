/**
 * Typed errors that domain code throws. Each carries an HTTP status and a
 * stable `code`; the error middleware turns them into RFC 9457 problems.
 */

/** One bad field, named by its path in the input (`members.0.email`). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** The problem's own members, which an extension must not shadow (an `{ status }` extension once hid the 409 behind itself). */
type ProblemMember = 'type' | 'title' | 'status' | 'detail' | 'instance' | 'code' | 'errors' | 'traceId';
export type ProblemExtensions = Record<string, unknown> & Partial<Record<ProblemMember, never>>;

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;

  constructor(
    readonly code: string,
    detail: string,
    readonly errors: FieldError[] = [],
    /** Extra members for the problem body (e.g. `eligibleUntil`); never internals. */
    readonly extensions: ProblemExtensions = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

/** 400: the request is malformed or fails validation. */
export class Invalid extends AppError {
  readonly status = 400;
  readonly title = 'Invalid request';
}

/** 401: no valid credentials. */
export class Unauthorized extends AppError {
  readonly status = 401;
  readonly title = 'Unauthorized';
}

/** 403: authenticated, but not allowed. */
export class Forbidden extends AppError {
  readonly status = 403;
  readonly title = 'Forbidden';
}

/** 404: no such resource (or not visible to the caller). */
export class NotFound extends AppError {
  readonly status = 404;
  readonly title = 'Not found';
}

/** 405: the path exists, the method does not; `allow` lists the methods it has (sent as `Allow`). */
export class MethodNotAllowed extends AppError {
  readonly status = 405;
  readonly title = 'Method not allowed';

  constructor(
    readonly allow: readonly string[],
    method: string,
  ) {
    super('method_not_allowed', `${method} is not allowed here; allowed: ${allow.join(', ')}.`);
  }
}

/** 409: conflicts with the current state (duplicate, taken, concurrent change). */
export class Conflict extends AppError {
  readonly status = 409;
  readonly title = 'Conflict';
}

/** 413: the body is larger than allowed. */
export class PayloadTooLarge extends AppError {
  readonly status = 413;
  readonly title = 'Payload too large';
}

/** 415: the body is not JSON. */
export class UnsupportedMediaType extends AppError {
  readonly status = 415;
  readonly title = 'Unsupported media type';
}

/** 422: well-formed, but a business rule says no. */
export class RuleViolated extends AppError {
  readonly status = 422;
  readonly title = 'Rule violated';
}

/** 429: too many requests. */
export class TooManyRequests extends AppError {
  readonly status = 429;
  readonly title = 'Too many requests';
}

/** 503: a dependency (database, job worker) is not available; sent with `Retry-After`. */
export class ServiceUnavailable extends AppError {
  readonly status = 503;
  readonly title = 'Service unavailable';
  /** Seconds a client should wait before trying again (the `Retry-After` header). */
  readonly retryAfterSeconds = 5;
}
