/**
 * Strict CORS, for Express and socket.io alike (decision 019). Only the
 * origins in CORS_ORIGINS get CORS headers; a preflight from any other
 * origin is refused (403 problem), and its plain requests get no CORS
 * headers, so a browser does not let that page read the answer. Tokens
 * travel in the Authorization header, never in cookies: no credentials mode.
 *
 * Sockets: a browser sends Origin on every WebSocket and polling request,
 * same-origin ones included, so a handshake is admitted when its Origin is
 * listed or is the host it was sent to; clients that are not browsers send
 * no Origin and are admitted (the token decides).
 */
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { Forbidden } from '../errors.js';
import { sendProblem } from './problem.js';

const ALLOW_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOW_HEADERS = 'Authorization, Content-Type, If-None-Match, X-Request-Id';
const EXPOSE_HEADERS = 'ETag, Location, Retry-After, RateLimit, RateLimit-Policy, X-Request-Id, Allow';
/** How long a browser may reuse a preflight answer, in seconds. */
const MAX_AGE_SECONDS = '600';

/** The Express middleware: CORS headers for the listed origins, refused preflights for the rest. */
export function cors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined) return next();
    // Caches must not hand one origin's answer to another.
    res.vary('Origin');
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      if (!preflight) {
        res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
        return next();
      }
      res.setHeader('Access-Control-Allow-Methods', ALLOW_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
      res.setHeader('Access-Control-Max-Age', MAX_AGE_SECONDS);
      res.status(204).end();
      return;
    }
    if (preflight) {
      return sendProblem(req, res, new Forbidden('origin_forbidden', 'This origin may not call the API from a browser (see CORS_ORIGINS).'));
    }
    next();
  };
}

/** Whether a socket.io request may proceed: no Origin (not a browser), a listed origin, or the host it was sent to. */
export function socketOriginAllowed(origins: readonly string[], req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (origins.includes(origin)) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, files) and anything malformed
  }
  // A browser sets Origin and Host itself (a page cannot forge either); behind a proxy that rewrites Host, the one it forwards.
  const forwarded = req.headers['x-forwarded-host'];
  const forwardedHost = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return host === req.headers.host?.toLowerCase() || (forwardedHost !== undefined && host === forwardedHost.toLowerCase());
}
