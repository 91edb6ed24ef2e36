import { z } from 'zod';
import { LEGAL_STATUSES, PATENT_TYPES } from '../../../../shared/registry/types';

/** The navigation types of GB/T 39551-2020: 区域规划, 产业规划, 企业经营, 研发活动, 人才管理. */
export const LANDSCAPE_KINDS = ['regional', 'industry', 'enterprise', 'research', 'talent'] as const;

/** A run's match set is kept whole; a field this large is a search to narrow, not a landscape. */
export const MAX_LANDSCAPE_PATENTS = 200_000;

const yearField = z.coerce.number().int().min(1985).max(2100);

export const landscapeBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    kind: z.enum(LANDSCAPE_KINDS),
    description: z.string().trim().max(2000).optional(),
    ipc: z.array(z.string().trim().min(1).max(20)).max(50).default([]).describe('IPC areas: class (C04), subclass (C04B), main group (C04B 14 or C04B 14/00) or subgroup (C04B 14/18)'),
    keywords: z.array(z.string().trim().min(1).max(40)).max(30).default([]).describe('Chinese or English words, each matched as a phrase in title, abstract or holders'),
    combine: z.enum(['any', 'all']).default('any').describe('any: in an IPC area or with a word; all: in an IPC area and with a word'),
    yearFrom: yearField,
    yearTo: yearField,
  })
  .describe('A patent-navigation project: the field it covers');
export type LandscapeBody = z.infer<typeof landscapeBody>;

export const idParams = z.strictObject({ id: z.coerce.number().int().positive() });

const definition = z.object({
  ipc: z.array(z.string()),
  keywords: z.array(z.string()),
  combine: z.enum(['any', 'all']),
  yearFrom: z.number().int(),
  yearTo: z.number().int(),
});
export type LandscapeDefinition = z.infer<typeof definition>;

const count = z.object({ key: z.string(), n: z.number().int() });
const holderStat = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(['org', 'person']),
  areaCode: z.string().nullable(),
  areaName: z.string().nullable(),
  place: z.enum(['local', 'outside', 'unknown']).describe('In Xinyang, known to be outside, or not resolved'),
  patents: z.number().int(),
  granted: z.number().int(),
  valid: z.number().int(),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
});
const keyPatent = z.object({
  appNo: z.string(),
  title: z.string(),
  type: z.enum(PATENT_TYPES),
  status: z.enum(LEGAL_STATUSES),
  appDate: z.string(),
  applicant: z.string().nullable(),
  value: z.number().describe('What it is ranked by: claims, family members or years in force'),
});

export const landscapeResult = z.object({
  asOf: z.string().describe('When the run read the register'),
  total: z.number().int(),
  byType: z.array(count),
  granted: z.number().int(),
  valid: z.number().int(),
  inventionGrantRate: z.number().nullable().describe('Granted inventions / inventions decided (granted, rejected or withdrawn)'),
  inventionsDecided: z.number().int(),
  applicants: z.number().int(),
  localApplicants: z.number().int(),
  localPatents: z.number().int().describe('Patents with at least one holder in Xinyang'),
  inventors: z.number().int(),
  years: z.array(
    z.object({
      year: z.number().int(),
      invention: z.number().int(),
      utility: z.number().int(),
      design: z.number().int(),
      grants: z.number().int().describe('Granted in this year'),
      applicants: z.number().int().describe('Holders filing in this year'),
      newApplicants: z.number().int().describe('Holders filing for the first time in this field'),
    }),
  ),
  status: z.array(count),
  topLocal: z.array(holderStat),
  topOutside: z.array(holderStat),
  network: z.object({
    nodes: z.array(z.object({ id: z.number().int(), name: z.string(), place: z.enum(['local', 'outside', 'unknown']), patents: z.number().int() })),
    links: z.array(z.object({ source: z.number().int(), target: z.number().int(), n: z.number().int() })),
    coFiled: z.number().int().describe('Patents with two or more holders'),
  }),
  inventorRanking: z.array(z.object({ name: z.string(), patents: z.number().int(), granted: z.number().int() })),
  ipcGroups: z.array(count).describe('Main IPC subgroups, most frequent first (key e.g. C04B 14/18)'),
  counties: z.array(count).describe('By the area of the right (key: area code, outside or none)'),
  keyPatents: z.object({
    claims: z.array(keyPatent),
    family: z.array(keyPatent),
    longest: z.array(keyPatent),
    citationsAvailable: z.boolean().describe('The register holds no citation data yet'),
  }),
  lapsed: z.object({
    total: z.number().int().describe('Once granted, now lapsed, expired, invalidated or given up'),
    byStatus: z.array(count),
    recent: z.array(keyPatent),
  }),
  change: z
    .object({ previousRunId: z.number().int(), added: z.number().int(), removed: z.number().int() })
    .nullable()
    .describe('Against the project’s previous finished run'),
});
export type LandscapeResult = z.infer<typeof landscapeResult>;

const runSummary = z.object({
  id: z.number().int(),
  status: z.enum(['running', 'done', 'failed']),
  jobId: z.string().nullable(),
  patents: z.number().int().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  startedBy: z.string().nullable(),
  headline: z
    .object({ granted: z.number().int(), valid: z.number().int(), lapsed: z.number().int(), applicants: z.number().int(), localPatents: z.number().int(), inventionGrantRate: z.number().nullable() })
    .nullable(),
});

export const landscapeView = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(LANDSCAPE_KINDS),
  description: z.string().nullable(),
  ...definition.shape,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  isDemo: z.boolean(),
  canEdit: z.boolean(),
  latestRun: runSummary.nullable(),
  stale: z.boolean().describe('The register changed (an import finished) after the latest run'),
});
export type LandscapeView = z.infer<typeof landscapeView>;

export const landscapeDetail = landscapeView.extend({ runs: z.array(runSummary) });

export const runView = runSummary.extend({
  landscapeId: z.number().int(),
  landscapeName: z.string(),
  runNumber: z.number().int().describe('1 for the project’s first run'),
  definition,
  result: landscapeResult.nullable(),
});
export type LandscapeRunView = z.infer<typeof runView>;
