import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { checkPasswordShape, PASSWORD_MIN_LENGTH } from '../../../shared/password-policy';
import { useT } from '../i18n';

interface Props {
  password: string;
  username: string;
  minLength?: number;
}

/** The structural password rules, ticked off as the user types (the server checks them again). */
export function PasswordRules({ password, username, minLength = PASSWORD_MIN_LENGTH }: Props) {
  const t = useT();
  const checks = checkPasswordShape(password ?? '', username, minLength);
  const label = { length: t('pw.ruleLength', { n: minLength }), classes: t('pw.ruleClasses'), username: t('pw.ruleUsername') } as const;
  return (
    <div className="xz-pw-rules" aria-live="polite">
      <ul>
        {checks.map((c) => (
          <li key={c.key} className={c.ok ? 'ok' : 'todo'}>
            {c.ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleOutlined aria-hidden />}
            <span>
              {label[c.key]}
              <span className="xz-sr-only">{c.ok ? t('pw.ruleMet') : t('pw.ruleNotMet')}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="xz-pw-note">{t('pw.ruleCommon')}</p>
    </div>
  );
}

export function passwordShapeOk(password: string, username: string, minLength = PASSWORD_MIN_LENGTH): boolean {
  return checkPasswordShape(password, username, minLength).every((c) => c.ok);
}
