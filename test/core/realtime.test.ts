import { expect } from 'chai';
import { io as connect, type Socket } from 'socket.io-client';
import { registerUser, startTestRunway, type TestRunway } from '../helpers/runway.js';

function open(url: string, token?: string): Promise<{ socket: Socket; ready?: { userId: string; rooms: string[] }; error?: Error & { data?: { code: string } } }> {
  const socket = connect(url, { transports: ['websocket'], reconnection: false, auth: token ? { token } : {} });
  return new Promise((resolve) => {
    socket.once('session.ready', (ready) => resolve({ socket, ready }));
    socket.once('connect_error', (error) => resolve({ socket, error }));
  });
}

describe('realtime: socket.io authentication', () => {
  let runway: TestRunway;
  before(async () => {
    runway = await startTestRunway();
  });
  after(() => runway.stop());

  it('refuses a socket without a token', async () => {
    const { socket, error } = await open(runway.url);
    socket.close();
    expect(error?.message).to.equal('unauthenticated');
    expect(error?.data?.code).to.equal('unauthenticated');
  });

  it('refuses a socket with a forged token', async () => {
    const { socket, error } = await open(runway.url, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    socket.close();
    expect(error?.message).to.equal('unauthenticated');
  });

  it('admits a socket with the API token and joins only its own user room', async () => {
    const user = await registerUser(runway);
    const { socket, ready, error } = await open(runway.url, user.token);
    socket.close();
    expect(error).to.equal(undefined);
    expect(ready).to.deep.equal({ userId: user.id, rooms: [`user:${user.id}`] });
  });
});
