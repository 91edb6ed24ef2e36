import type { Clock } from './clock';
import type { Config } from './config';
import type { SecretBox } from './crypto';
import type { Db } from './db/db';
import type { FileStore } from './files/store';
import type { Mailer } from './mail/mailer';
import type { PersonalData } from './personal-data';

/** What every service needs, built once at start-up and passed down; no module-level state. */
export interface AppContext {
  db: Db;
  config: Config;
  clock: Clock;
  /** Demo mode: demo data present, demo accounts usable, banner shown. */
  demo: boolean;
  totpBox: SecretBox;
  /** Seals, masks and hashes personal data (reporters, parties). */
  personal: PersonalData;
  /** A 32-byte key derived from the platform secret for one purpose (signing challenges, exports). */
  keyFor(purpose: string): Buffer;
  files: FileStore;
  mailer: Mailer;
  /** SHA-256 of the local operator token the CLI uses while this server holds the embedded database. */
  operatorTokenHash?: string;
  /** Set by a running job runner: tells it a job was queued. */
  wakeJobs?: () => void;
}
