import { App as AntdApp, Button, Drawer, Flex, Form, Grid, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { OrgKind, OrgView } from '../../../app/api-types';
import { useFormErrorHandler } from '../../../app/errors';
import { orgsApi } from '../../../app/endpoints';
import { useI18n } from '../../../app/i18n';
import { parseUscc } from '../../../../shared/validators/uscc';
import { areaLabel } from '../../regions/areaText';
import { useAreas } from '../../regions/queries';
import { AreaSelect } from './AreaSelect';
import { orgKindOptions } from './kinds';

interface Fields {
  name: string;
  kind: OrgKind;
  areaCode?: string;
  uscc?: string;
  address?: string;
  phone?: string;
}

interface Props {
  open: boolean;
  /** null creates a new organisation. */
  org: OrgView | null;
  onClose: () => void;
  onSaved: (org: OrgView) => void;
}

const blankToNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** Create or edit an organisation. The kind is fixed once created (its accounts' roles follow it). */
export function OrgFormDrawer({ open, org, onClose, onSaved }: Props) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const onError = useFormErrorHandler(form);
  const mobile = Grid.useBreakpoint().md === false;
  const areas = useAreas();
  const uscc = Form.useWatch('uscc', form);
  const areaCode = Form.useWatch('areaCode', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (org) form.setFieldsValue({ name: org.name, kind: org.kind, areaCode: org.areaCode, uscc: org.uscc ?? undefined, address: org.address ?? undefined, phone: org.phone ?? undefined });
  }, [open, org, form]);

  // Tell the user which area the code points to, before the server decides.
  const parsed = uscc && uscc.trim() ? parseUscc(uscc) : null;
  const usccArea = parsed?.ok ? areas.data?.find((a) => (a.kind === 'zone' ? a.statCode === parsed.regionCode : a.code === parsed.regionCode)) : undefined;
  let usccHint = t('orgs.usccHint');
  if (parsed?.ok && !areaCode) usccHint = usccArea ? t('orgs.usccArea', { area: areaLabel(usccArea, lang) }) : t('orgs.usccNoArea', { code: parsed.regionCode });

  const save = async (v: Fields) => {
    setBusy(true);
    try {
      const saved = org
        ? await orgsApi.update(org.id, {
            name: v.name.trim(),
            ...(v.areaCode ? { areaCode: v.areaCode } : {}),
            uscc: blankToNull(v.uscc),
            address: blankToNull(v.address),
            phone: blankToNull(v.phone),
          })
        : await orgsApi.create({
            name: v.name.trim(),
            kind: v.kind,
            ...(v.areaCode ? { areaCode: v.areaCode } : {}),
            ...(blankToNull(v.uscc) ? { uscc: blankToNull(v.uscc)! } : {}),
            ...(blankToNull(v.address) ? { address: blankToNull(v.address)! } : {}),
            ...(blankToNull(v.phone) ? { phone: blankToNull(v.phone)! } : {}),
          });
      message.success(org ? t('common.saved') : t('orgs.created'));
      onSaved(saved);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      title={org ? t('orgs.editTitle') : t('orgs.createTitle')}
      size={mobile ? '100%' : 520}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" form="org-form" loading={busy}>
            {org ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      }
    >
      <Form id="org-form" form={form} layout="vertical" onFinish={save} disabled={busy}>
        <Form.Item name="name" label={t('orgs.name')} rules={[{ required: true, whitespace: true, message: t('orgs.nameRequired') }, { min: 2, max: 100, message: t('orgs.nameLength') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('orgs.kind')} rules={[{ required: true, message: t('orgs.kindRequired') }]} extra={org ? t('orgs.kindFixed') : t('orgs.kindHint')}>
          <Select<OrgKind> options={orgKindOptions(t)} disabled={!!org} />
        </Form.Item>
        <Form.Item name="uscc" label={t('orgs.uscc')} extra={usccHint} normalize={(v: string) => v?.toUpperCase()}>
          <Input maxLength={30} className="xz-mono" autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('orgs.area')} extra={org ? undefined : t('orgs.areaHint')}>
          <AreaSelect allowClear placeholder={t('orgs.areaPlaceholder')} />
        </Form.Item>
        <Form.Item name="address" label={t('orgs.address')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={t('orgs.phone')} rules={[{ max: 30 }]}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
