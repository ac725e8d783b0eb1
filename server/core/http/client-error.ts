/**
 * Requests Node's HTTP parser refuses before Express sees them (a header
 * section over 16 kB — e.g. a 100k-character query string —, a malformed
 * request line) still get a problem+json answer, not Node's empty 431/400.
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

const STATUS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request header fields too large', 'The request line and headers exceed 16 kB; shorten the query string.'],
  // The request did not arrive in full within the server's request timeout.
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request timeout', 'The request did not arrive in time; send it again.'],
};
const CODES: Record<number, string> = { 431: 'header_too_large', 408: 'request_timeout', 400: 'malformed_request' };
const FALLBACK: [number, string, string] = [400, 'Invalid request', 'The request could not be parsed as HTTP/1.1.'];

export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, title, detail] = STATUS[error.code ?? ''] ?? FALLBACK;
    const code = CODES[status]!;
    const body = JSON.stringify({ type: `urn:runway:problem:${code}`, title, status, detail, instance: '', code, errors: [], traceId: '' });
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
