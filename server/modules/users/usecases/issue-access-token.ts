import { signAccessToken, type TokenSettings } from '../../../core/auth/tokens.js';
import type { AuthResultView } from '../dto/auth-result.view.js';
import { presentUser } from '../users.presenter.js';
import type { UserRecord } from '../users.repository.js';

/** A fresh access token and the user's profile: the answer to register and login. */
export function issueAccessToken(user: UserRecord, tokens: TokenSettings): AuthResultView {
  return {
    accessToken: signAccessToken(tokens, { sub: user._id.toHexString(), role: user.role }),
    tokenType: 'Bearer',
    expiresIn: tokens.ttlSeconds,
    user: presentUser(user),
  };
}
