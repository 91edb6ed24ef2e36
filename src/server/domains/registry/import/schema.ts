import { z } from 'zod';

export const importKind = z.enum(['patents', 'trademarks', 'gis', 'gi_users']);

export const columnView = z.object({
  index: z.number().int(),
  header: z.string(),
  field: z.string().nullable(),
  confidence: z.enum(['exact', 'alias', 'fuzzy', 'profile', 'none']),
});

export const fieldView = z.object({ key: z.string(), zh: z.string(), en: z.string(), required: z.boolean() });

export const previewRow = z.object({
  rowNo: z.number().int(),
  values: z.record(z.string(), z.string()),
  problems: z.array(z.object({ field: z.string(), value: z.string(), reason: z.object({ zh: z.string(), en: z.string() }) })),
});

export const analysis = z.object({
  uploadKey: z.string(),
  kind: importKind,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx', 'json', 'jsonl']),
  encoding: z.string().nullable(),
  bytes: z.number().int(),
  headerRowNo: z.number().int(),
  columns: z.array(columnView),
  fields: z.array(fieldView),
  missingRequired: z.array(z.string()),
  preview: z.array(previewRow),
  profile: z.string().nullable(),
});
export type Analysis = z.infer<typeof analysis>;

export const uploadQuery = z.strictObject({ kind: importKind, profile: z.string().trim().max(60).optional() });

export const startBody = z.strictObject({
  uploadKey: z.string().regex(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/),
  /** Field for each column index; omitted or null = ignored. */
  mapping: z.array(z.string().max(40).nullable()).max(500),
  saveProfileAs: z.string().trim().min(1).max(60).optional(),
});
export type StartBody = z.infer<typeof startBody>;

export const profileView = z.object({ name: z.string(), mapping: z.record(z.string(), z.string()), updatedAt: z.string() });
export const profilesQuery = z.strictObject({ kind: importKind });
export const jobIdParams = z.strictObject({ id: z.string().uuid() });
