import { computeCheckChar } from '../../src/shared/validators/patent-number';
import { computeUsccCheck } from '../../src/shared/validators/uscc';
import type { Agent, Reply, TestApp } from './app';

/** A valid 12-digit application number: year, type digit (1 invention, 2 utility, 3 design), serial. */
export function appNo(year: number, typeDigit: 1 | 2 | 3 | 8 | 9, serial: number): string {
  const digits = `${year}${typeDigit}${String(serial).padStart(7, '0')}`;
  return `${digits}.${computeCheckChar(digits)}`;
}

/** A valid USCC of an enterprise registered in the given 6-digit region. */
export function uscc(region: string, org: string): string {
  const first17 = `91${region}${org.padStart(9, '0').slice(0, 9)}`;
  return `${first17}${computeUsccCheck(first17)}`;
}

/** A CSV text from rows of cells, quoting where needed. */
export function csv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** POSTs a file as multipart/form-data, as a browser form would. */
export function postFile(agent: Agent, url: string, fileName: string, content: Buffer | string): Promise<Reply> {
  const boundary = '----xinzhitest7d1b';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return agent.request('POST', url, body as unknown as string, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

/** Uploads a file for import analysis (POST /api/imports). */
export function upload(agent: Agent, kind: string, fileName: string, content: Buffer | string, query = ''): Promise<Reply> {
  return postFile(agent, `/api/imports?kind=${kind}${query}`, fileName, content);
}

/** Uploads, starts with the suggested mapping (or the given one), runs the job; returns the finished job. */
export async function importFile(
  t: TestApp,
  agent: Agent,
  kind: string,
  fileName: string,
  content: Buffer | string,
  opts: { mapping?: Array<string | null>; saveProfileAs?: string } = {},
): Promise<{ analysis: Reply; job: any }> {
  const analysis = await upload(agent, kind, fileName, content);
  if (analysis.statusCode !== 201) throw new Error(`upload failed: ${analysis.statusCode} ${analysis.body}`);
  const mapping = opts.mapping ?? analysis.data.columns.map((c: { field: string | null }) => c.field);
  const start = await agent.post('/api/imports/start', { uploadKey: analysis.data.uploadKey, mapping, ...(opts.saveProfileAs ? { saveProfileAs: opts.saveProfileAs } : {}) });
  if (start.statusCode !== 202) throw new Error(`start failed: ${start.statusCode} ${start.body}`);
  await t.runJobs();
  const job = await agent.get(`/api/jobs/${start.data.id}`);
  return { analysis, job: job.data };
}
