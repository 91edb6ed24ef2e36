import { z } from 'zod';

export const uploadView = z.object({
  id: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  mime: z.string(),
  name: z.string(),
  uploadToken: z.string().optional().describe('Public uploads: send it in the form that attaches the file (valid for 24 hours)'),
});

export const fileView = z.object({
  id: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  mime: z.string(),
  name: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});

export const chainEntryView = z.object({
  seq: z.number().int(),
  kind: z.enum(['file', 'state', 'note']),
  payload: z.record(z.string(), z.unknown()),
  fileId: z.number().int().nullable(),
  actor: z.string(),
  at: z.string(),
  hash: z.string(),
  prevHash: z.string(),
});

export const verifyQuery = z.object({
  sha256: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'SHA-256 是 64 位十六进制字符 / a SHA-256 is 64 hexadecimal characters'),
});

export const verifyView = z.object({
  sha256: z.string(),
  recorded: z.boolean(),
  firstRecordedAt: z.string().nullable(),
  entryHash: z.string().nullable().describe('Hash of the chain entry that first recorded the file'),
  records: z.number().int(),
});
