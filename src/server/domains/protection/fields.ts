import { z } from 'zod';
import { CITY_CODE, isAreaCode, parseIdNumber, parseMobile, type BilingualMessage } from '../../../shared/validators';

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

/** A county, district or zone of Xinyang (zones have word codes, e.g. shangtianti). */
export const areaCode = z
  .string()
  .trim()
  .refine((v) => isAreaCode(v) && v !== CITY_CODE, '请选择信阳市的一个县区或管理区 / Choose a county, district or zone of Xinyang');
