/**
 * How a bench server script (bench/serve-*.ts) lives as a child process:
 * it stops on SIGTERM or SIGINT and, with `--until-stdin-closes`, also when
 * its stdin (a pipe from the bench) closes, which covers a SIGKILL of the
 * bench; a plain HTTP server listens on a loopback port and says so with
 * one `{"ready":true,"url":…}` line.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Calls `stop` on SIGTERM, SIGINT, and the end of stdin when asked to. */
export function stopWhenAsked(stop: () => void): void {
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (process.argv.includes('--until-stdin-closes')) {
    process.stdin.on('end', stop);
    process.stdin.on('error', stop);
    process.stdin.resume();
  }
}

/** Listens on a free loopback port, prints the ready line, and closes (after `beforeClose`) when asked to stop. */
export function serveUntilStopped(server: Server, beforeClose: () => void = () => {}): void {
  let stopping = false;
  stopWhenAsked(() => {
    if (stopping) return;
    stopping = true;
    beforeClose();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`${JSON.stringify({ ready: true, url: `http://127.0.0.1:${port}` })}\n`);
  });
}
