import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Divider, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CITY_CODE } from '../../../../shared/validators/region';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { mediationApi } from './api';
import { CASE_FIELDS, CaseFields, PartyList, caseCore, caseError, partyBodies, type CaseValues } from './CaseForm';

/** An officer enters a case that came by visit, phone (12330) or letter. */
export function NewCaseModal({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CaseValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (v: CaseValues) => {
    setBusy(true);
    setProblem(null);
    try {
      const created = await mediationApi.create({ ...caseCore(v), applicants: partyBodies(v.applicants) });
      void queryClient.invalidateQueries({ queryKey: ['mediation-cases'] });
      void queryClient.invalidateQueries({ queryKey: ['mediation-stats'] });
      message.success(t('md.created', { ref: created.ref }));
      onClose();
      navigate(`/protection/mediation/${created.id}`);
    } catch (e) {
      setProblem(caseError(form, e, lang, CASE_FIELDS, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('md.newTitle')} okText={t('md.newSubmit')} okButtonProps={{ loading: busy }} onOk={() => form.submit()} onCancel={onClose} width={880} destroyOnHidden mask={{ closable: false }}>
      <Typography.Paragraph type="secondary">{user.areaScope === CITY_CODE ? t('md.newIntroCity') : t('md.newIntroArea', { area: user.areaName })}</Typography.Paragraph>
      <Form<CaseValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={() => setProblem(t('pub.fixFields'))}
        disabled={busy}
        initialValues={{ kind: 'mediation', applicants: [{ kind: 'org' }], respondents: [{ kind: 'org' }] }}
        scrollToFirstError={{ block: 'center' }}
      >
        <CaseFields areaChoice={user.areaScope === CITY_CODE} />
        <Divider titlePlacement="start">{t('md.applicants')}</Divider>
        <PartyList name="applicants" title={t('md.applicant')} />
        <Divider titlePlacement="start">{t('md.respondents')}</Divider>
        <PartyList name="respondents" title={t('md.respondent')} />
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}
