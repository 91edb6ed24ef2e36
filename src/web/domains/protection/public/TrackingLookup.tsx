import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { formatTrackingCode, normaliseTrackingCode, TRACKING_ALPHABET } from '../../../../shared/protection/reports';
import { isApiError } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';

const CODE_PATTERN = new RegExp(`^[${TRACKING_ALPHABET}]{20}$`);

/**
 * A tracking-code lookup: the code form, the error it may give, and the looked-up view. The code
 * arrives in the page's history state straight from a receipt, never in the address.
 */
export function TrackingLookup<V>({ fetch, children }: { fetch: (code: string) => Promise<V>; children: (found: { view: V; code: string; busy: boolean; refresh: () => void; setView: (v: V) => void }) => ReactNode }) {
  const { t } = useI18n();
  const location = useLocation();
  const [form] = Form.useForm<{ code: string }>();
  const [code, setCode] = useState<string | null>(null);
  const [view, setView] = useState<V | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const look = useCallback(
    async (raw: string) => {
      const c = normaliseTrackingCode(raw);
      setBusy(true);
      setProblem(null);
      try {
        const v = await fetch(c);
        setCode(c);
        setView(v);
        form.setFieldValue('code', formatTrackingCode(c));
        requestAnimationFrame(() => resultRef.current?.focus());
      } catch (e) {
        setView(null);
        setProblem(isApiError(e) && e.status === 404 ? t('pub.codeUnknown') : errorText(e, t('error.unexpected')));
      } finally {
        setBusy(false);
      }
    },
    [t, form, fetch],
  );

  const fromReceipt = (location.state as { code?: unknown } | null)?.code;
  useEffect(() => {
    if (typeof fromReceipt === 'string') {
      form.setFieldValue('code', formatTrackingCode(fromReceipt));
      void look(fromReceipt);
    }
  }, [fromReceipt, form, look]);

  return (
    <>
      <Card className="xz-public-card">
        <Form form={form} layout="vertical" onFinish={(v) => look(v.code)} requiredMark={false}>
          <Form.Item
            name="code"
            label={t('pub.trackingCode')}
            extra={t('pub.codeHint')}
            rules={[
              { required: true, whitespace: true, message: t('pub.codeRequired') },
              {
                validator: async (_r, v: string | undefined) => {
                  if (v && v.trim() && !CODE_PATTERN.test(normaliseTrackingCode(v))) throw new Error(t('pub.codeShape'));
                },
              },
            ]}
          >
            <Input size="large" className="xz-mono" placeholder="XXXX-XXXX-XXXX-XXXX-XXXX" autoComplete="off" spellCheck={false} autoCapitalize="characters" maxLength={40} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={busy}>
            {t('pub.trackButton')}
          </Button>
        </Form>
        {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginTop: 16 }} />}
      </Card>
      {view !== null && code && (
        <div ref={resultRef} tabIndex={-1} className="xz-track-result" aria-live="polite">
          {children({ view, code, busy, refresh: () => void look(code), setView })}
        </div>
      )}
    </>
  );
}
