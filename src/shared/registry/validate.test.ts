import { describe, expect, it } from 'vitest';
import { computeCheckChar } from '../validators/patent-number';
import { validatePatentRow, validateTrademarkRow } from './validate';

const today = '2026-11-25';
const no = (digits: string) => `${digits}.${computeCheckChar(digits)}`;

describe('validating a patent row', () => {
  it('normalises numbers, dates, IPC and names, and takes a grant number from 公开(公告)号', () => {
    const r = validatePatentRow(
      { appNo: '２０２１１０１２３４５６', appDate: 20210305, pubNo: 'CN 113456789 B', pubDate: '2022/7/1', title: ' 一种  茶 ', applicants: '甲公司；乙', ipc: 'A23F0003060000;A23F 3/14', status: '未缴年费' },
      { today },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record).toMatchObject({
      appNo: no('202110123456'),
      appDate: '2021-03-05',
      type: 'invention',
      pubNo: null,
      grantNo: 'CN113456789B',
      grantDate: '2022-07-01',
      title: '一种 茶',
      applicants: ['甲公司', '乙'],
      ipcMain: 'A23F 3/06',
      ipc: ['A23F 3/06', 'A23F 3/14'],
      status: 'lapsed',
    });
  });

  it('reports every problem of a row at once, each with a reason in Chinese and English', () => {
    const r = validatePatentRow({ appNo: '202120123456.0', appDate: '2027-01-01', title: '', applicants: '', type: '发明', ipcMain: 'Q99' }, { today });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.problems.map((p) => p.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['appDate', 'applicants', 'ipcMain', 'title']));
    for (const p of r.problems) expect(p.reason.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a publication before the filing, a type that contradicts the number, and a wrong credit code', () => {
    const base = { appNo: no('202120123456'), appDate: '2021-03-05', title: '一种杯', applicants: '甲公司' };
    const early = validatePatentRow({ ...base, pubNo: 'CN213456789U', pubDate: '2020-01-01' }, { today });
    expect(early.ok).toBe(false);
    const type = validatePatentRow({ ...base, type: '外观设计' }, { today });
    expect(!type.ok && type.problems[0]?.reason.zh).toMatch(/不符/);
    const uscc = validatePatentRow({ ...base, applicantUsccs: '91411500MA44AAAAA0' }, { today });
    expect(!uscc.ok && uscc.problems[0]?.field).toBe('applicantUsccs');
  });
});

describe('validating a trademark row', () => {
  it('reads 第30类 and a term range, and refuses class 46', () => {
    const ok = validateTrademarkRow({ regNo: '0012345', niceClass: '第30类', name: '信阳红', applicants: '甲', term: '2016-03-07至2026-03-06' }, { today });
    expect(ok.ok && ok.record).toMatchObject({ regNo: '12345', niceClass: 30, termStart: '2016-03-07', termEnd: '2026-03-06', status: 'pending' });
    const bad = validateTrademarkRow({ regNo: '1', niceClass: '46', name: 'x', applicants: '甲' }, { today });
    expect(!bad.ok && bad.problems[0]?.field).toBe('niceClass');
  });
});
