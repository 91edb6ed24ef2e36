import { Alert } from 'antd';
import { useT } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { ChangePasswordForm } from '../account/ChangePasswordForm';
import { StepCard } from './StepCard';
import { useSignInStep } from './useSignInStep';

/** A temporary or expired password must be replaced before anything else. */
export default function PasswordStepPage() {
  const t = useT();
  const { setView } = useSession();
  const { view, redirect } = useSignInStep('password');
  if (redirect || !view) return redirect;
  return (
    <StepCard title={t('pwStep.title')}>
      <Alert type="info" showIcon title={t('pwStep.intro')} style={{ marginBottom: 16 }} />
      <ChangePasswordForm username={view.user.username} currentLabel={t('pwStep.currentLabel')} onChanged={setView} />
    </StepCard>
  );
}
