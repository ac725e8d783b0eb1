import { expect } from 'chai';
import { signAccessToken, verifyAccessToken, type TokenSettings } from '../../../server/core/auth/tokens.js';
import { bearerToken } from '../../../server/core/auth/passport.js';

const settings = (): TokenSettings => ({ secret: 's'.repeat(40), issuer: 'runway', audience: 'runway-api', ttlSeconds: 60 });
const sub = '6a1f00000000000000000001';

describe('access tokens: verification remembered until expiry', () => {
  it('a token verified once answers the same claims again, and only until it expires', () => {
    const tokens = settings();
    const token = signAccessToken(tokens, { sub, role: 'manager' });
    const now = Date.now();
    expect(verifyAccessToken(tokens, token, now)).to.deep.equal({ sub, role: 'manager' });
    expect(verifyAccessToken(tokens, token, now + 1000)).to.deep.equal({ sub, role: 'manager' });
    expect(verifyAccessToken(tokens, token, now + 61_000)).to.equal(undefined);
    // Forgotten once expired: a later call verifies again (and jsonwebtoken refuses it at the real clock only after 60 s).
    expect(verifyAccessToken(tokens, token, now)).to.deep.equal({ sub, role: 'manager' });
  });

  it('one changed byte of a remembered token is a different token: refused', () => {
    const tokens = settings();
    const token = signAccessToken(tokens, { sub, role: 'startup' });
    expect(verifyAccessToken(tokens, token)).to.not.equal(undefined);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' })).toString('base64url');
    expect(verifyAccessToken(tokens, `${header}.${forgedPayload}.${signature}`)).to.equal(undefined);
    const flipped = signature.at(-1) === 'A' ? 'B' : 'A';
    expect(verifyAccessToken(tokens, `${header}.${payload}.${signature.slice(0, -1)}${flipped}`)).to.equal(undefined);
  });

  it('what one set of settings verified, another (another secret) does not accept', () => {
    const token = signAccessToken(settings(), { sub, role: 'admin' });
    const first = settings();
    expect(verifyAccessToken(first, token)).to.not.equal(undefined);
    expect(verifyAccessToken({ ...first, secret: 't'.repeat(40) }, token)).to.equal(undefined);
  });

  it('reads the token of a Bearer header in any case, and nothing else', () => {
    expect(bearerToken('Bearer abc.def.ghi')).to.equal('abc.def.ghi');
    expect(bearerToken('bearer   abc ')).to.equal('abc');
    expect(bearerToken('Basic abc')).to.equal(undefined);
    expect(bearerToken('Bearer a b')).to.equal(undefined);
    expect(bearerToken(undefined)).to.equal(undefined);
  });
});
