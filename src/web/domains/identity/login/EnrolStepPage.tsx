import { Alert } from 'antd';
import { useT } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { EnrolFlow } from './EnrolFlow';
import { StepCard } from './StepCard';
import { useSignInStep } from './useSignInStep';

/** The role requires TOTP and it is not set up yet: set it up now, then continue. */
export default function EnrolStepPage() {
  const t = useT();
  const { setView } = useSession();
  const { view, redirect } = useSignInStep('enrol');
  if (redirect || !view) return redirect;
  return (
    <StepCard title={t('enrol.title')} width={520}>
      <Alert type="info" showIcon title={t('enrol.required')} style={{ marginBottom: 16 }} />
      <EnrolFlow username={view.user.username} onDone={(r) => setView(r.view)} />
    </StepCard>
  );
}
