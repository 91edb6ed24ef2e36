import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';
import { docxPlainText, pdfPlainText, unzip } from '../../../../../test/support/documents';

/**
 * Reports from the demo register: a navigation run, a county's dashboard and the city's yearly
 * report, each a job that leaves a .docx and a .pdf whose text carries the figures of the page.
 */
describe('analysis reports', () => {
  let t: TestApp;
  let city: Agent;
  let gushi: Agent;

  const build = async (agent: Agent, body: object) => {
    const res = await agent.post('/api/insight/reports', body);
    expect(res.statusCode, res.body).toBe(202);
    await t.runJobs();
    const job = (await agent.get(`/api/jobs/${res.data.job.id}`)).data;
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const report = (await agent.get(`/api/insight/reports/${res.data.report.id}`)).data;
    expect(report.status).toBe('done');
    return report;
  };
  const download = async (agent: Agent, url: string) => {
    const res = await agent.request('GET', url);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp({ clockStart: '2026-11-25T02:00:00Z' });
    city = await t.as('city');
    gushi = await t.as('gushi');
  });
  afterAll(() => t.close());

  it('writes a navigation run up as .docx and .pdf, numbered, with its figures, charts and the synthetic-data notice', async () => {
    const tea = (await city.get('/api/insight/landscapes')).data.find((l: { name: string }) => l.name === '信阳毛尖茶加工专利导航');
    const run = (await city.get(`/api/insight/landscape-runs/${tea.latestRun.id}`)).data;
    const report = await build(city, { kind: 'landscape', runId: run.id });
    expect(report).toMatchObject({ title: '信阳毛尖茶加工专利导航分析报告', docNumber: expect.stringMatching(/^信知析〔2026〕\d+号$/), synthetic: true });
    expect(report.files.map((f: { format: string }) => f.format)).toEqual(['docx', 'pdf']);

    const docx = await download(city, report.files[0].url);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(String(docx.headers['content-disposition'])).toContain(encodeURIComponent('信阳毛尖茶加工专利导航分析报告'));
    const entries = await unzip(docx.rawPayload);
    expect([...entries.keys()].filter((k) => k.startsWith('word/media/')).length).toBeGreaterThanOrEqual(3);
    const words = await docxPlainText(docx.rawPayload);
    const topLocal = run.result.topLocal[0];
    for (const s of [report.docNumber, '信阳毛尖茶加工专利导航分析报告', '演示（合成）数据', topLocal.name, topLocal.areaName, run.result.total.toLocaleString('zh-CN')]) expect(words).toContain(s);

    const pdf = await download(city, report.files[1].url);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfPlainText(pdf.rawPayload);
    for (const s of [report.docNumber, topLocal.name, topLocal.areaName, run.result.total.toLocaleString('zh-CN')]) expect(text).toContain(s);
    // The Chinese font travels inside the file.
    expect(pdf.rawPayload.includes(Buffer.from('/FontFile'))).toBe(true);
  });

  it('keeps a county desk to reports of its own area, and the yearly report to the city office', async () => {
    const own = await build(gushi, { kind: 'dashboard', query: { area: '411502', from: 2017, to: 2026 } });
    expect(own).toMatchObject({ areaCode: '411525', areaName: '固始县', title: '2026年固始县知识产权统计分析报告' });
    const text = await pdfPlainText((await download(gushi, own.files[1].url)).rawPayload);
    expect(text).toContain('固始县');
    expect(text).not.toContain('浉河区知识产权统计');

    expect((await gushi.post('/api/insight/reports', { kind: 'yearly', year: 2025 })).statusCode).toBe(403);
    const yearly = await build(city, { kind: 'yearly', year: 2025 });
    expect(yearly.title).toBe('2025年信阳市知识产权发展状况报告');
    const indicators = (await city.get('/api/insight/indicators?year=2025')).data;
    const gushiRow = indicators.areas.find((a: { code: string }) => a.code === '411525');
    const words = await docxPlainText((await download(city, yearly.files[0].url)).rawPayload);
    for (const s of ['每万人口高价值发明专利拥有量', '固始县', '上天梯', gushiRow.values.valid_inventions.value.toLocaleString('zh-CN')]) expect(words).toContain(s);

    // The desk sees its own reports only, and cannot fetch the city's.
    expect((await gushi.get('/api/insight/reports')).data.map((r: { areaCode: string }) => r.areaCode)).toEqual(['411525']);
    expect((await gushi.request('GET', yearly.files[1].url)).statusCode).toBe(404);
    expect((await city.get('/api/insight/reports')).data.length).toBe(3);
    const audit = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.request'`);
    expect(audit[0]?.n).toBe(3);
  });
});
