import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { placeFieldErrors } from '../forms';
import { casesApi, CASES_KEY, caseKeyOf, type CaseDetail } from './api';
import { caseLabel } from './labels';

interface Values {
  otherId: number;
  note?: string;
}

/** 关联案件: ties this case to another one the officer can see (an administrative case and the criminal case that followed). */
export function LinkModal({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<{ value: number; label: string; text: string } | null>(null);
  useEffect(() => {
    const h = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(h);
  }, [typed]);
  const linked = new Set(detail.linked.map((l) => l.id));
  const found = useQuery({
    queryKey: ['cases', 'list', 'link-search', q],
    queryFn: ({ signal }) => casesApi.list({ page: 1, pageSize: 20, q: q || undefined }, signal),
    enabled: q.length >= 2,
    placeholderData: (prev) => prev,
  });
  const options = (found.data?.items ?? [])
    .filter((c) => c.id !== detail.id && !linked.has(c.id))
    .map((c) => ({
      value: c.id,
      label: (
        <Flex vertical gap={0}>
          <span className="xz-mono">{c.caseNo}</span>
          <Typography.Text type="secondary" className="xz-small">
            {caseLabel(lang, 'source', c.source)} · {c.unit} · {c.cause}
          </Typography.Text>
        </Flex>
      ),
      text: c.caseNo,
    }));
  // The chosen case stays named while another search runs.
  const shown = picked && !options.some((o) => o.value === picked.value) ? [{ ...picked, label: <span className="xz-mono">{picked.label}</span> }, ...options] : options;

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await casesApi.link(detail.id, { otherId: v.otherId, note: v.note?.trim() || undefined });
      queryClient.setQueryData(caseKeyOf(detail.id), saved);
      void queryClient.invalidateQueries({ queryKey: CASES_KEY });
      message.success(t('cs.link.done'));
      onClose();
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        setProblem(errorText(e, t('error.unexpected')));
        return;
      }
      const { placed, rest } = placeFieldErrors(form, e, lang, ['otherId', 'note']);
      if (!placed || rest.length > 0) setProblem(rest[0] ?? errorText(e, t('error.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('cs.link.title')} okText={t('cs.link.submit')} okButtonProps={{ loading: busy }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden mask={{ closable: false }} width={600}>
      <Typography.Paragraph type="secondary">{t('cs.link.intro', { no: detail.caseNo })}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item name="otherId" label={t('cs.link.other')} extra={t('cs.link.otherHint')} rules={[{ required: true, message: t('cs.link.otherRequired') }]}>
          <Select<number>
            showSearch={{ filterOption: false, onSearch: setTyped }}
            loading={found.isFetching}
            options={shown}
            onChange={(v) => {
              const c = found.data?.items.find((x) => x.id === v);
              if (c) setPicked({ value: c.id, label: c.caseNo, text: c.caseNo });
            }}
            optionLabelProp="text"
            placeholder={t('cs.link.placeholder')}
            notFoundContent={typed.trim().length < 2 ? t('cs.link.typeMore') : found.isFetching ? t('common.loading') : t('common.noMatch')}
          />
        </Form.Item>
        <Form.Item name="note" label={t('prd.noteOptional')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}
