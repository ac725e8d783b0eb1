/**
 * What the bench suites share to talk to a server under test: a keep-alive
 * HTTP client (as a browser or a load generator holds its connections), and,
 * for the worlds built inside a server, users with signed tokens and calls
 * that must succeed.
 */
import { Agent, request } from 'node:http';
import { signAccessToken } from '../server/core/auth/tokens.js';
import type { Role } from '../server/core/auth/auth-user.js';
import type { Runway } from '../server/runway.js';
import { usersRepository } from '../server/modules/users/users.repository.js';
import { sendRequest } from '../test/helpers/runway.js';

/** A request on a keep-alive `agent`; the text of the answer as it came. */
export function sendKeepAlive(agent: Agent, url: string | URL, method: string, token?: string, body?: unknown): Promise<{ status: number; text: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string | number> = payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {};
  if (token) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** A user stored directly (`bench-<tag>-<role>-<n>@example.vn`, no login), with a token signed by the server's secret. */
export async function benchUser(runway: Runway, tag: string, role: Role, n: number, ttlSeconds = runway.context.tokens.ttlSeconds) {
  const record = await usersRepository.create({ email: `bench-${tag}-${role}-${n}@example.vn`, passwordHash: 'not a hash: no login', name: `Bench ${role} ${n}`, role });
  if (!record) throw new Error('bench user collided');
  const id = record._id.toHexString();
  return { id, token: signAccessToken({ ...runway.context.tokens, ttlSeconds }, { sub: id, role }) };
}

/** A call that must succeed (2xx); its JSON body. */
export async function benchCall(runway: Runway, method: string, p: string, token: string, body?: unknown) {
  const response = await sendRequest(runway.url, method, p, { token, ...(body !== undefined ? { body } : {}) });
  if (response.status >= 300) throw new Error(`${method} ${p}: ${response.status} ${response.text.slice(0, 200)}`);
  return response.body;
}
