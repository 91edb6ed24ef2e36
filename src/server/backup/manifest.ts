import { z } from 'zod';

/**
 * manifest.json, the first entry of a backup archive: what the archive holds and the SHA-256 of
 * every part, so that restore can prove the archive whole before it stores anything.
 */
export const BACKUP_FORMAT = 'xinzhi-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const SECRET_PATH = 'secret';

export const tablePath = (table: string) => `tables/${table}.csv`;
export const filePath = (key: string) => `files/${key}`;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const partPath = z.string().regex(/^(tables\/[a-z_][a-z0-9_]*\.csv|files\/[0-9a-f]{2}\/[0-9a-f-]{36}|secret)$/);

export const manifestPart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('table'), path: partPath, table: z.string(), rows: z.number().int().min(0), bytes: z.number().int().min(0), sha256: sha256Hex }),
  z.object({ kind: z.literal('file'), path: partPath, key: z.string(), bytes: z.number().int().min(0), sha256: sha256Hex }),
  z.object({ kind: z.literal('secret'), path: partPath, bytes: z.number().int().min(0), sha256: sha256Hex }),
]);
export type ManifestPart = z.infer<typeof manifestPart>;

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  appVersion: z.string(),
  database: z.enum(['embedded', 'postgres']),
  migrations: z.array(z.object({ version: z.number().int(), name: z.string(), checksum: z.string() })),
  /** Keyed digest of the secret that encrypts TOTP seeds; tells restore whether they will decrypt. */
  secretFingerprint: z.string().nullable(),
  sensitive: z.string(),
  parts: z.array(manifestPart).superRefine((parts, ctx) => {
    // A part's name must be where it is stored: restore reads the path and writes the table or key.
    for (const [i, p] of parts.entries()) {
      const expected = p.kind === 'table' ? tablePath(p.table) : p.kind === 'file' ? filePath(p.key) : SECRET_PATH;
      if (p.path !== expected) ctx.addIssue({ code: 'custom', path: [i, 'path'], message: `must be ${expected}` });
    }
  }),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const SENSITIVE_NOTE =
  'Holds every row (password hashes, personal data) and every stored file' +
  ' — and, for an embedded database without XINZHI_SECRET, the data folder\'s secret that decrypts two-factor seeds.' +
  ' Keep it as safe as the data folder itself. / 含全部数据（密码散列、个人信息）和文件，内嵌数据库未设置 XINZHI_SECRET 时还含解密双因素密钥的 secret 文件，须与数据目录同等保管。';
