import { connect } from 'node:net';
import { expect } from 'chai';
import { startTestRunway } from '../../helpers/runway.js';

describe('graceful shutdown', () => {
  it('finishes a request that is in flight when stop() begins, then refuses new connections', async () => {
    const runway = await startTestRunway();
    const body = JSON.stringify({ email: 'nobody@example.vn', password: 'whatever-123' });
    const socket = connect(runway.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    const ended = new Promise((r) => socket.once('close', r));
    // Send the headers and half the body, start stopping, then send the rest.
    socket.write(
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 100));
    const stopped = runway.stop();
    await new Promise((r) => setTimeout(r, 200));
    socket.write(body.slice(10));
    await stopped;
    await ended;
    expect(answer).to.match(/^HTTP\/1\.1 401 /);
    expect(answer).to.include('invalid_credentials');

    const refused = await fetch(`${runway.url}/healthz`).then(
      () => false,
      () => true,
    );
    expect(refused).to.equal(true);
  });
});
