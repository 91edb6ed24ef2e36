import { App as AntdApp, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import type { OrgView } from '../../../app/api-types';
import { useReportError } from '../../../app/errors';
import { orgsApi } from '../../../app/endpoints';
import { useT } from '../../../app/i18n';

/** Disable (with a warning of what it does) or re-enable an organisation. */
export function OrgStatusButton({ org, onChanged, asButton }: { org: OrgView; onChanged: (o: OrgView) => void; asButton?: boolean }) {
  const t = useT();
  const { message } = AntdApp.useApp();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    try {
      const o = await orgsApi.setDisabled(org.id, !org.disabled);
      message.success(o.disabled ? t('orgs.disabledDone') : t('orgs.enabledDone'));
      onChanged(o);
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm
      title={org.disabled ? t('orgs.enableConfirm', { name: org.name }) : t('orgs.disableConfirm', { name: org.name })}
      description={org.disabled ? undefined : t('orgs.disableWarning')}
      okText={org.disabled ? t('orgs.enable') : t('orgs.disable')}
      okButtonProps={{ danger: !org.disabled }}
      cancelText={t('common.cancel')}
      onConfirm={toggle}
    >
      <Button type={asButton ? 'default' : 'link'} size={asButton ? 'middle' : 'small'} danger={!org.disabled} loading={busy}>
        {org.disabled ? t('orgs.enable') : t('orgs.disable')}
      </Button>
    </Popconfirm>
  );
}
