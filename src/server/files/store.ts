import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Evidence and attachments, stored outside the web root under generated names, each with its
 * SHA-256. A local folder here; object storage can implement the same interface.
 */
export interface StoredFile {
  key: string;
  sha256: string;
  size: number;
}

export interface FileStore {
  readonly root: string;
  put(data: Buffer): Promise<StoredFile>;
  /** Stores a stream (large uploads) without holding it in memory; refuses more than maxBytes. */
  putStream(source: Readable, maxBytes: number): Promise<StoredFile>;
  /** Where a stored file is on disk, for readers that stream it (imports). */
  pathOf(key: string): string;
  get(key: string): Promise<Buffer>;
  /** Every stored key, for backups. */
  list(): Promise<string[]>;
  /** Writes a file under a given key (restore). */
  putAt(key: string, data: Buffer): Promise<void>;
  /** Removes a stored file (a refused upload); no error when it is already gone. */
  remove(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

export class FileTooLarge extends Error {
  override name = 'FileTooLarge';
  constructor(readonly maxBytes: number) {
    super(`larger than ${maxBytes} bytes`);
  }
}

export function localFileStore(root: string): FileStore {
  const full = (key: string) => {
    if (!KEY.test(key)) throw new Error(`Not a file-store key: ${key}`);
    return path.join(root, key);
  };
  const putAt = async (key: string, data: Buffer) => {
    const target = full(key);
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.tmp`;
    await writeFile(tmp, data, { mode: 0o600 });
    await rename(tmp, target);
  };
  return {
    root,
    async put(data) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      await putAt(key, data);
      return { key, sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
    },
    get: (key) => readFile(full(key)),
    pathOf: full,
    async putStream(source, maxBytes) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      const target = full(key);
      await mkdir(path.dirname(target), { recursive: true });
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          size += chunk.length;
          if (size > maxBytes) return cb(new FileTooLarge(maxBytes));
          hash.update(chunk);
          cb(null, chunk);
        },
      });
      try {
        await pipeline(source, meter, createWriteStream(`${target}.tmp`, { mode: 0o600 }));
        await rename(`${target}.tmp`, target);
      } catch (err) {
        await rm(`${target}.tmp`, { force: true });
        throw err;
      }
      return { key, sha256: hash.digest('hex'), size };
    },
    putAt,
    remove: (key) => rm(full(key), { force: true }),
    async list() {
      const out: string[] = [];
      let dirs: string[];
      try {
        dirs = await readdir(root);
      } catch {
        return out;
      }
      for (const d of dirs.sort()) {
        const dir = path.join(root, d);
        if (!(await stat(dir)).isDirectory()) continue;
        for (const f of (await readdir(dir)).sort()) if (KEY.test(`${d}/${f}`)) out.push(`${d}/${f}`);
      }
      return out;
    },
  };
}
