import { hash, verify } from '@node-rs/argon2';
import { passwordProblems } from '../../domain/auth/password-policy';
import { validationError } from '../../domain/errors';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane).
const OPTIONS = {
  algorithm: 2 as const /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against an argon2 hash; false on any mismatch or malformed hash. */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

// A real hash of a random password, so signing in as an unknown user costs as much time
// as a wrong password for a known one (no user enumeration by timing).
let dummyHash: Promise<string> | undefined;
/** Burns the same work as a real verification. */
export async function verifyDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  await verifyPassword(await dummyHash, password);
}

/**
 * Refuses a password that breaks the policy (domain/auth/password-policy.ts), naming the field
 * the person typed it into and every rule it breaks.
 */
export function assertPasswordPolicy(password: string, username: string, field = 'password'): void {
  const problems = passwordProblems(password, username);
  if (problems.length === 0) return;
  throw validationError(
    `The password does not meet the policy: ${problems.join('; ')}`,
    problems.map((message) => ({ field, message })),
  );
}
