import { describe, expect, it } from 'vitest';
import { findHeaderRow, matchHeaders, missingRequired } from './fields';

describe('column headings of imported files', () => {
  it('understands the headings of the usual Chinese patent exports and their aliases', () => {
    const m = matchHeaders('patents', ['申请号', '申请日', '公开（公告）号', '公开(公告)日', '授权公告日', '专利类型', '标题', '摘要', '申请人/专利权人', '地址', '发明人/设计人', 'IPC主分类号', 'IPC分类号', '当前法律状态', '代理机构', '代理人', '优先权', '同族', '权利要求数', '国省代码']);
    expect(m.map((x) => x.field)).toEqual(['appNo', 'appDate', 'pubNo', 'pubDate', 'grantDate', 'type', 'title', 'abstract', 'applicants', 'address', 'inventors', 'ipcMain', 'ipc', 'status', 'agency', 'agents', 'priority', 'family', 'claimsCount', 'provinceCode']);
    expect(m.every((x) => x.confidence === 'exact' || x.confidence === 'alias')).toBe(true);
  });

  it('matches English headings, a heading with extra words loosely, and never one field twice', () => {
    const m = matchHeaders('patents', ['Application Number', 'Filing Date', 'Title', '第一申请人(中文)', '申请人', 'Remarks', '摘要（中文版）']);
    expect(m.map((x) => [x.field, x.confidence])).toEqual([
      ['appNo', 'exact'],
      ['appDate', 'alias'],
      ['title', 'exact'],
      [null, 'none'],
      ['applicants', 'exact'],
      [null, 'none'],
      ['abstract', 'fuzzy'],
    ]);
  });

  it('reads trademark and GI headings', () => {
    expect(matchHeaders('trademarks', ['注册号', '国际分类', '商标名称', '申请日期', '注册日期', '专用权期限', '申请人名称(中文)', '商标类型', '商标状态']).map((x) => x.field)).toEqual([
      'regNo', 'niceClass', 'name', 'appDate', 'regDate', 'term', 'applicants', 'markType', 'status',
    ]);
    expect(matchHeaders('gi_users', ['地理标志名称', '用标企业', '统一社会信用代码']).map((x) => x.field)).toEqual(['giName', 'firmName', 'uscc']);
  });

  it('finds the header line below a title line, and none in a file of data only', () => {
    expect(findHeaderRow('patents', [['专利检索结果 2026-11-25'], [], ['序号', '申请号', '申请日', '名称', '申请人']])).toBe(2);
    expect(findHeaderRow('patents', [['1', '2', '3'], ['a', 'b', 'c']])).toBe(-1);
  });

  it('lists the required fields no column fills', () => {
    expect(missingRequired('patents', ['appNo', null, 'title'])).toEqual(['appDate', 'applicants']);
    expect(missingRequired('trademarks', ['regNo', 'niceClass', 'name', 'applicants'])).toEqual([]);
  });
});
