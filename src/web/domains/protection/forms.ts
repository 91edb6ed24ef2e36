import type { FormInstance } from 'antd';
import { parseIdNumber, parseMobile } from '../../../shared/validators';
import { isApiError } from '../../app/api';
import type { Lang, Translate } from '../../app/i18n';

/** Server messages written "中文 / English": the half in the UI language. */
export function inLanguage(text: string, lang: Lang): string {
  const parts = text.split(' / ');
  if (parts.length !== 2) return text;
  return (lang === 'zh' ? parts[0] : parts[1]) ?? text;
}

/**
 * Puts a 400/422 answer's field problems on a form whose fields may be nested (reporter.phone).
 * `known` lists the dotted names the form has; returns the problems it could not place.
 */
export function placeFieldErrors(form: FormInstance, err: unknown, lang: Lang, known: readonly string[]): { placed: boolean; rest: string[] } {
  if (!isApiError(err)) return { placed: false, rest: [] };
  const rest: string[] = [];
  const fields: Array<{ name: (string | number)[]; errors: string[] }> = [];
  for (const p of err.fieldProblems(lang)) {
    const msg = inLanguage(p.message, lang);
    // files.3 → files; reporter.phone stays as it is.
    const name = known.find((k) => p.field === k || p.field.startsWith(`${k}.`));
    if (name) fields.push({ name: name.split('.'), errors: [msg] });
    else rest.push(msg);
  }
  if (fields.length > 0) form.setFields(fields);
  return { placed: fields.length > 0, rest };
}

/** Form rules that say what the server would say, before anything is sent. */
export function mobileRule(t: Translate, lang: Lang, required: boolean) {
  return {
    validator: async (_r: unknown, v: string | undefined) => {
      if (!v || !v.trim()) {
        if (required) throw new Error(t('pub.phoneRequired'));
        return;
      }
      const r = parseMobile(v);
      if (!r.ok) throw new Error(r.message[lang]);
    },
  };
}

export function idNumberRule(t: Translate, lang: Lang, required: boolean) {
  return {
    validator: async (_r: unknown, v: string | undefined) => {
      if (!v || !v.trim()) {
        if (required) throw new Error(t('pub.idRequired'));
        return;
      }
      const r = parseIdNumber(v);
      if (!r.ok) throw new Error(r.message[lang]);
    },
  };
}
