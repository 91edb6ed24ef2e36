import { say } from './command';
import { CliError } from './errors';

/**
 * Ctrl-C while this process has the embedded database open must not kill it mid-write (that can
 * corrupt the folder, SECURITY.md RL-4). The first signal asks the command to stop at its next
 * progress step — a transaction in flight rolls back — and the runner then closes the database
 * and releases the lock; only a second signal exits at once.
 */
export interface Interrupt {
  /** Throws once a stop was asked for; commands reach it through their progress calls. */
  check(): void;
  dispose(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export function watchInterrupts(notify: (line: string) => void): Interrupt {
  let asked: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (asked) process.exit(130);
    asked = signal;
    notify(say(`收到 ${signal}：将在下一步停止并安全关闭数据库（再按一次立即退出，可能损坏数据目录）`, `${signal}: stopping at the next step and closing the database safely (again to quit at once, which may damage the data folder)`));
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  return {
    check() {
      if (asked) throw new CliError(say(`已按 ${asked} 中止，未完成的事务已回滚`, `Stopped by ${asked}; the unfinished transaction was rolled back`), 'interrupted', 130);
    },
    dispose: () => {
      for (const s of SIGNALS) process.off(s, onSignal);
    },
  };
}
