import { generate } from 'otplib';

const PERIOD_SECONDS = 30;
const lastStep = new Map<string, number>();

/**
 * A current code for an authenticator secret. The server accepts each 30-second step only once,
 * so when this secret's current step was already used, wait for the next one.
 */
export async function totpCode(secret: string): Promise<string> {
  let step = Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
  const used = lastStep.get(secret);
  if (used !== undefined && step <= used) {
    const wait = (used + 1) * PERIOD_SECONDS * 1000 - Date.now() + 250;
    await new Promise((resolve) => setTimeout(resolve, wait));
    step = used + 1;
  }
  lastStep.set(secret, step);
  return generate({ secret, epoch: step * PERIOD_SECONDS + 1, period: PERIOD_SECONDS, digits: 6 });
}
