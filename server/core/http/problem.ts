/**
 * One place that turns any error into an RFC 9457 problem+json response.
 * Domain errors keep their status and code; mongoose and body-parser errors
 * are mapped explicitly; anything else is a 500 that says nothing internal.
 */
import type { ErrorRequestHandler, Request, Response } from 'express';
import mongoose from 'mongoose';
import { isDuplicateKey } from '../db/duplicate-key.js';
import {
  AppError,
  Conflict,
  Invalid,
  MethodNotAllowed,
  NotFound,
  PayloadTooLarge,
  RuleViolated,
  ServiceUnavailable,
  UnsupportedMediaType,
  type FieldError,
} from '../errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors: FieldError[];
  traceId: string;
  [extension: string]: unknown;
}

const problemType = (code: string) => `urn:runway:problem:${code}`;

/** Writes a problem response. Used by the error middleware and by middleware that answers early (rate limits). */
export function sendProblem(req: Request, res: Response, error: AppError): void {
  const body: Problem = {
    ...error.extensions,
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    detail: error.message,
    instance: req.originalUrl.split('?')[0] ?? '/',
    code: error.code,
    errors: error.errors,
    traceId: req.id ?? '',
  };
  if (error instanceof MethodNotAllowed) res.setHeader('Allow', error.allow.join(', '));
  if (error instanceof ServiceUnavailable) res.setHeader('Retry-After', String(error.retryAfterSeconds));
  res.status(error.status).type(PROBLEM_CONTENT_TYPE).json(body);
}

/** Any other client error a library raised (http-errors with its own 4xx status). */
class OtherClientError extends AppError {
  constructor(
    readonly status: number,
    readonly title: string,
    code: string,
    detail: string,
    errors: FieldError[] = [],
  ) {
    super(code, detail, errors);
  }
}

/** Body-parser (and other http-errors) carry `type` and `status`. */
interface HttpLikeError {
  type?: string;
  status?: number;
  expose?: boolean;
}

/** Driver errors that mean "the database is unreachable", not "your request is wrong". */
const DATABASE_DOWN = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  // The connection pool was cleared under an operation (the server went away mid-request).
  'MongoPoolClearedError',
  'MongoServerClosedError',
]);

/**
 * Whether `error` says the database did not answer: a driver error above, or
 * mongoose's own when an operation waited in its buffer (while disconnected)
 * longer than DB_TIMEOUT_MS (`Operation \`users.findOne()\` buffering timed out after 5000ms`).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (DATABASE_DOWN.has(error.name)) return true;
  if (error.name === 'MongooseError' && /buffering timed out/.test(error.message)) return true;
  // A bulk write (insertMany, bulkWrite) wraps whatever stopped it in a MongoBulkWriteError, the original in `errorResponse`.
  const wrapped = (error as { errorResponse?: unknown }).errorResponse;
  if (error.name === 'MongoBulkWriteError' && wrapped instanceof Error && wrapped !== error && isDatabaseUnavailable(wrapped)) return true;
  return error.cause !== undefined && error.cause !== error && isDatabaseUnavailable(error.cause);
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;

  // The router could not decode a path parameter (`/startups/%FF`): the path is malformed, not our fault.
  if (error instanceof URIError) {
    return new Invalid('malformed_path', 'The path is not valid percent-encoded UTF-8.', [
      { field: 'path', code: 'malformed_encoding', message: 'Percent-encode path parameters as UTF-8.' },
    ]);
  }
  if (error instanceof mongoose.Error.CastError) {
    return new Invalid('invalid_value', `"${error.path}" has an invalid value.`, [
      { field: error.path, code: 'invalid_value', message: `Expected a valid ${error.kind}.` },
    ]);
  }
  if (error instanceof mongoose.Error.ValidationError) {
    // The DTOs should have caught this; say which field and rule, not mongoose's wording.
    const errors = Object.values(error.errors).map((e) =>
      e instanceof mongoose.Error.CastError
        ? { field: e.path, code: 'invalid_value', message: `Expected a valid ${e.kind}.` }
        : { field: e.path, code: 'rule_violated', message: `${e.path} breaks the rule "${e.kind}".` },
    );
    return new RuleViolated('validation_failed', 'Some fields break the rules.', errors);
  }
  if (isDuplicateKey(error)) {
    const fields = Object.keys(error.keyPattern ?? error.keyValue ?? {});
    return new Conflict(
      'duplicate',
      'A record with the same unique value already exists.',
      fields.map((field) => ({ field, code: 'duplicate', message: `This ${field} is already taken.` })),
    );
  }

  if (isDatabaseUnavailable(error)) {
    return new ServiceUnavailable('database_unavailable', 'The database does not answer right now. Try again shortly.');
  }

  const http = error as HttpLikeError;
  switch (http?.type) {
    case 'entity.too.large':
      return new PayloadTooLarge('payload_too_large', 'The request body is larger than 100 kB.');
    case 'entity.parse.failed':
      return new Invalid('malformed_json', 'The request body is not valid JSON.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaType('unsupported_encoding', 'Send the body as UTF-8 JSON.');
    case 'request.aborted':
      return new Invalid('request_aborted', 'The request was aborted by the client.');
  }
  if (typeof http?.status === 'number' && http.status >= 400 && http.status < 500 && http.expose) {
    return new OtherClientError(http.status, 'Invalid request', 'bad_request', 'The request could not be processed.');
  }
  return undefined;
}

class InternalError extends AppError {
  readonly status = 500;
  readonly title = 'Internal server error';
}

/** The error middleware: the last `app.use`. */
export const problemHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  const mapped = toAppError(error);
  if (mapped) {
    if (mapped.status >= 500) req.log?.error({ err: error }, 'request failed');
    return sendProblem(req, res, mapped);
  }
  req.log?.error({ err: error }, 'unexpected error');
  sendProblem(
    req,
    res,
    new InternalError('internal_error', `Something went wrong on our side. Quote trace id ${req.id} when you report it.`),
  );
};

/** Unknown routes: a 404 problem. */
export const notFoundHandler = (req: Request, res: Response): void => {
  sendProblem(req, res, new NotFound('route_not_found', `No route for ${req.method} ${req.path}.`));
};
