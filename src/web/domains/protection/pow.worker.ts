/** Solves a public form's anti-spam challenge off the page's thread, so typing never stutters. */
import { solveChallenge } from '../../../shared/challenge';

interface Task {
  challenge: string;
  bits: number;
}

self.onmessage = (e: MessageEvent<Task>) => {
  const nonce = solveChallenge(e.data.challenge, e.data.bits);
  (self as unknown as { postMessage: (m: unknown) => void }).postMessage({ challenge: e.data.challenge, nonce });
};
