import { z } from 'zod';

const databaseKind = z.enum(['embedded', 'postgres']);

export const health = z.object({ status: z.literal('ok'), database: databaseKind });
export const unavailable = z.object({ status: z.literal('unavailable'), database: databaseKind });

export const meta = z.object({
  version: z.string(),
  demo: z.boolean(),
  database: databaseKind,
  passwordMinLength: z.number().int().describe('The password policy’s minimum length, for live checks as people type'),
  importMaxMB: z.number().int().describe('Largest import file accepted, in MB'),
  demoAccounts: z
    .array(z.object({ username: z.string(), role: z.string(), org: z.string(), note: z.object({ zh: z.string(), en: z.string() }) }))
    .optional()
    .describe('Only in demo mode'),
  demoPassword: z.string().optional().describe('Only in demo mode'),
});
export type Meta = z.infer<typeof meta>;
