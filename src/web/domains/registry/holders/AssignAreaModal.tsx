import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Descriptions, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import type { AreaView, HolderView } from '../../../app/api-types';
import { holdersApi } from '../../../app/endpoints';
import { useFormErrorHandler } from '../../../app/errors';
import { useT } from '../../../app/i18n';
import { AreaSelect } from '../../identity/orgs/AreaSelect';
import { useAreaName } from '../common/areas';

/** Counties, districts and zones the officer may place holders into (not the city as a whole). */
const assignable = (a: AreaView) => a.kind !== 'city' && a.inScope;

/**
 * Places a holder the import could not place. Its patents and trademarks follow it, and later
 * imports keep the choice.
 */
export function AssignAreaModal({ holder, onClose, onDone }: { holder: HolderView | null; onClose: () => void; onDone?: () => void }) {
  const t = useT();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const areaName = useAreaName();
  const [form] = Form.useForm<{ areaCode: string }>();
  const [busy, setBusy] = useState(false);
  const onError = useFormErrorHandler(form);

  useEffect(() => {
    if (holder) form.resetFields();
  }, [holder, form]);

  const save = async ({ areaCode }: { areaCode: string }) => {
    if (!holder) return;
    setBusy(true);
    try {
      const r = await holdersApi.assignArea(holder.id, areaCode);
      message.success(t('holder.assigned', { name: holder.name, area: areaName(areaCode), patents: r.moved.patents, trademarks: r.moved.trademarks }), 6);
      // The holder, its rights and every count by county have changed.
      for (const key of ['holders', 'holder', 'patents', 'trademarks', 'patent', 'trademark']) void queryClient.invalidateQueries({ queryKey: [key] });
      onDone?.();
      onClose();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={holder !== null}
      title={t('holder.assignTitle')}
      onCancel={onClose}
      okText={t('holder.assignOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'assign-area-form', loading: busy }}
      destroyOnHidden
    >
      {holder && (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'name', label: t('holder.name'), children: holder.name },
              { key: 'address', label: t('holder.address'), children: holder.address ?? t('holder.noAddress') },
              { key: 'uscc', label: t('holder.uscc'), children: holder.uscc ? <span className="xz-mono">{holder.uscc}</span> : '—' },
              { key: 'rights', label: t('holder.rights'), children: t('holder.rightsCount', { patents: holder.patents, trademarks: holder.trademarks }) },
            ]}
          />
          <Form id="assign-area-form" form={form} layout="vertical" onFinish={save} disabled={busy} style={{ marginTop: 12 }}>
            <Form.Item name="areaCode" label={t('holder.assignArea')} htmlFor="assign-area" rules={[{ required: true, message: t('holder.assignRequired') }]}>
              <AreaSelect id="assign-area" filter={assignable} placeholder={t('holder.assignPlaceholder')} />
            </Form.Item>
          </Form>
          <Alert type="info" showIcon title={t('holder.assignHint')} />
        </>
      )}
    </Modal>
  );
}
