import type { Clock } from './clock';
import type { Config } from './config';
import type { SecretBox } from './crypto';
import type { Db } from './db/db';
import type { FileStore } from './files/store';
import type { Mailer } from './mail/mailer';

/** What every service needs, built once at start-up and passed down; no module-level state. */
export interface AppContext {
  db: Db;
  config: Config;
  clock: Clock;
  /** Demo mode: demo data present, demo accounts usable, banner shown. */
  demo: boolean;
  totpBox: SecretBox;
  files: FileStore;
  mailer: Mailer;
  /** SHA-256 of the local operator token the CLI uses while this server holds the embedded database. */
  operatorTokenHash?: string;
  /** Set by a running job runner: tells it a job was queued. */
  wakeJobs?: () => void;
}
