import { hexBytes, isDidOfPublicKey, stripDidPrefix } from '../../auth/abt-did/abt-did';
import { forbidden, unauthorized } from '../../errors';
import { decodeAbtJwt, isSignedBy, timeProblem } from './abt-jwt';

/** The role a delegation must grant for its delegate to act on DID Spaces for the delegator. */
const DID_SPACE_AGENT = 'DIDSpaceAgent';

const grantsDidSpaceAgent = (permissions: unknown) =>
  Array.isArray(permissions) &&
  permissions.some(
    (permission: unknown) =>
      typeof permission === 'object' &&
      permission !== null &&
      (permission as { role?: unknown }).role === DID_SPACE_AGENT,
  );

/**
 * The app a delegation lets `delegateDid` act for (its `from`), as `@blocklet/did-space-js`
 * judges one: a token signed by the key `userPk` whose DID is `from` (and `iss`), naming the
 * delegate in `to` and granting the DIDSpaceAgent role. A token that is not genuine is a 401;
 * a genuine one that does not give this delegate that role is a 403.
 */
export function delegatorOf(delegation: string, delegateDid: string, nowSeconds: number): string {
  const jwt = decodeAbtJwt(delegation);
  if (!jwt) throw unauthorized('x-app-delegation: is not a token (header.body.signature)');
  const { from, to, userPk, iss, permissions } = jwt.body;
  const publicKey = typeof userPk === 'string' ? hexBytes(userPk, 32) : null;
  if (!publicKey) throw unauthorized('x-app-delegation: userPk must be 0x and 64 hex digits');
  if (typeof from !== 'string' || !isDidOfPublicKey(from, publicKey)) {
    throw unauthorized('x-app-delegation: from is not the DID of userPk');
  }
  if (typeof iss !== 'string' || !isDidOfPublicKey(iss, publicKey)) {
    throw unauthorized('x-app-delegation: iss is not the DID of userPk');
  }
  if (!isSignedBy(jwt, publicKey)) {
    throw unauthorized('x-app-delegation: the signature is not valid');
  }
  const problem = timeProblem(jwt.body, nowSeconds);
  if (problem) throw unauthorized(`x-app-delegation: ${problem}`);
  if (typeof to !== 'string' || stripDidPrefix(to) !== delegateDid) {
    throw forbidden(`x-app-delegation: it delegates to another app, not to ${delegateDid}`);
  }
  if (!grantsDidSpaceAgent(permissions)) {
    throw forbidden(`x-app-delegation: it does not grant the ${DID_SPACE_AGENT} role`);
  }
  return stripDidPrefix(from);
}
