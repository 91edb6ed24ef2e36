import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * While a server holds the embedded data folder it publishes <data dir>/server.json, readable by
 * its owner only: where it listens and the operator token the `xinzhi` CLI sends its commands with.
 */
export const SERVER_FILE = 'server.json';

export const serverInfo = z.object({ pid: z.number().int(), url: z.string().url(), token: z.string().min(16) });
export type ServerInfo = z.infer<typeof serverInfo>;

export const serverFilePath = (dataDir: string) => path.join(dataDir, SERVER_FILE);

export function writeServerFile(dataDir: string, info: ServerInfo): void {
  writeFileSync(serverFilePath(dataDir), JSON.stringify(info), { mode: 0o600 });
}

export function removeServerFile(dataDir: string): void {
  rmSync(serverFilePath(dataDir), { force: true });
}

/** The published server, or undefined when there is none (or the file is unreadable). */
export function readServerFile(dataDir: string): ServerInfo | undefined {
  try {
    return serverInfo.parse(JSON.parse(readFileSync(serverFilePath(dataDir), 'utf8')));
  } catch {
    return undefined;
  }
}
