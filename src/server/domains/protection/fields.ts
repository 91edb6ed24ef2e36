import { z } from 'zod';
import { CITY_CODE, isAreaCode, parseIdNumber, parseMobile, parseUscc, type BilingualMessage } from '../../../shared/validators';

/** Request fields the protection forms share, each refusing bad input with a message in both languages. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

const parsed = (parse: (v: string) => { ok: true; canonical: string } | { ok: false; message: BilingualMessage }) =>
  z
    .string()
    .trim()
    .transform((v, c) => {
      const r = parse(v);
      if (!r.ok) {
        c.addIssue({ code: 'custom', message: `${r.message.zh} / ${r.message.en}` });
        return z.NEVER;
      }
      return r.canonical;
    });

/** A mainland mobile number, normalised to its 11 digits. */
export const mobile = parsed(parseMobile);
/** An 18-character resident identity number with a correct check character. */
export const idNumber = parsed(parseIdNumber);
/** A unified social credit code (统一社会信用代码) with a correct check character. */
export const uscc = parsed(parseUscc);

/** A calendar date written YYYY-MM-DD that exists (no 2月30日). */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD / Dates are written YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, '日期不存在 / No such date');

/** A county, district or zone of Xinyang (zones have word codes, e.g. shangtianti). */
export const areaCode = z
  .string()
  .trim()
  .refine((v) => isAreaCode(v) && v !== CITY_CODE, '请选择信阳市的一个县区或管理区 / Choose a county, district or zone of Xinyang');
