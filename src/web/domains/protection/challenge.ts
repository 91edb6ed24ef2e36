import { useCallback, useEffect, useRef, useState } from 'react';
import { challengeWorks } from '../../../shared/challenge';
import { publicApi, type ChallengeAnswer } from './api';

interface Solved extends ChallengeAnswer {
  expiresAt: number;
}

const aborted = () => new DOMException('aborted', 'AbortError');

/** Where workers are not available: the same search in short slices between frames. */
function solveInSlices(challenge: string, bits: number, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    let n = 0;
    const step = () => {
      if (signal.aborted) return reject(aborted());
      const end = n + 4000;
      for (; n < end; n++) {
        const nonce = n.toString(36);
        if (challengeWorks(challenge, nonce, bits)) return resolve(nonce);
      }
      setTimeout(step, 0);
    };
    step();
  });
}

function solve(challenge: string, bits: number, signal: AbortSignal): Promise<string> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return solveInSlices(challenge, bits, signal);
  }
  return new Promise((resolve, reject) => {
    const stop = () => worker.terminate();
    worker.onmessage = (e: MessageEvent<{ nonce: string }>) => {
      stop();
      resolve(e.data.nonce);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      stop();
      solveInSlices(challenge, bits, signal).then(resolve, reject);
    };
    signal.addEventListener(
      'abort',
      () => {
        stop();
        reject(aborted());
      },
      { once: true },
    );
    worker.postMessage({ challenge, bits });
  });
}

export type ChallengeState = 'solving' | 'ready' | 'failed';

/**
 * The proof of work a public form sends. Solving starts when the form opens, so by the time the
 * visitor presses 提交 the answer is ready. Each answer works once: `take()` hands it out and the
 * next `take()` (a retry after a failed submit) gets a fresh one; `renew()` starts one ahead of time.
 */
export function useChallenge() {
  const [state, setState] = useState<ChallengeState>('solving');
  const pending = useRef<Promise<Solved> | null>(null);
  const control = useRef<AbortController | null>(null);

  const renew = useCallback((): Promise<Solved> => {
    control.current?.abort();
    const ac = new AbortController();
    control.current = ac;
    setState('solving');
    const p = (async () => {
      const c = await publicApi.challenge();
      const nonce = await solve(c.challenge, c.bits, ac.signal);
      return { challenge: c.challenge, nonce, expiresAt: Date.parse(c.expiresAt) };
    })();
    pending.current = p;
    p.then(
      () => pending.current === p && setState('ready'),
      () => pending.current === p && !ac.signal.aborted && setState('failed'),
    );
    // Nobody may be waiting for it yet; failures are reported by take().
    p.catch(() => undefined);
    return p;
  }, []);

  useEffect(() => {
    void renew();
    return () => control.current?.abort();
  }, [renew]);

  const take = useCallback(async (): Promise<ChallengeAnswer> => {
    let solved: Solved;
    try {
      solved = await (pending.current ?? renew());
    } catch {
      solved = await renew();
    }
    // Close to expiry (a form left open for a long time): solve a fresh one.
    if (solved.expiresAt - Date.now() < 60_000) solved = await renew();
    pending.current = null;
    return { challenge: solved.challenge, nonce: solved.nonce };
  }, [renew]);

  return { state, take, renew };
}
