import { EyeOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { addMonths, currentFee, firstUnpaidYear, termEnd, type PatentKind } from '../../../shared/insight/fees';
import { todayInChina } from '../../../shared/registry/normalise';
import { isApiError } from '../../app/api';
import { useReportError } from '../../app/errors';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { alertsApi, type WatchBody } from './api';

type Props =
  | { right: 'patent'; appNo: string; type: PatentKind; appDate: string; grantDate: string | null; status: string }
  | { right: 'trademark'; id: number; termEnd: string | null; status: string };

/**
 * The side card of a record page: the next annual fee and the term end of a patent in force, or a
 * trademark's renewal window, and a button to watch the record (alerts come to 预警提醒).
 */
export function RecordDeadlines(props: Props) {
  const { t } = useI18n();
  const { can } = useSession();
  const today = todayInChina(Date.now());
  const items: Array<{ key: string; label: string; children: string }> = [];
  if (props.right === 'patent' && props.status === 'valid' && props.grantDate) {
    const fee = currentFee(props.type, props.appDate, today, firstUnpaidYear(props.appDate, props.grantDate));
    items.push({
      key: 'fee',
      label: t('wc.nextFee'),
      children: !fee
        ? t('wc.noFee')
        : fee.dueDate < today
          ? t('wc.graceLine', { year: fee.year, due: formatDate(fee.dueDate), date: formatDate(fee.graceEnd) })
          : t('wc.feeLine', { year: fee.year, date: formatDate(fee.dueDate) }),
    });
    items.push({ key: 'term', label: t('wc.termEnd'), children: formatDate(termEnd(props.type, props.appDate)) });
  }
  if (props.right === 'trademark' && props.termEnd && (props.status === 'registered' || props.status === 'expired')) {
    items.push({
      key: 'renewal',
      label: t('wc.renewal'),
      children: t('wc.renewalLine', { from: formatDate(addMonths(props.termEnd, -12)), to: formatDate(props.termEnd), grace: formatDate(addMonths(props.termEnd, 6)) }),
    });
  }
  const watch: WatchBody = props.right === 'patent' ? { kind: 'patent', value: props.appNo } : { kind: 'trademark', value: String(props.id) };
  return (
    <Card title={t('wc.title')} className="xz-card" extra={can('alerts.read') ? <WatchButton body={watch} /> : null}>
      {items.length > 0 && <Descriptions size="small" column={1} items={items} />}
      {props.right === 'patent' && items.length > 0 && (
        <Typography.Paragraph type="secondary" className="xz-dash-note">
          {t('wc.note')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function WatchButton({ body }: { body: WatchBody }) {
  const { t } = useI18n();
  const report = useReportError();
  const queryClient = useQueryClient();
  const watches = useQuery({ queryKey: ['watches'], queryFn: () => alertsApi.watches() });
  const [busy, setBusy] = useState(false);
  const watching = watches.data?.some((w) => w.kind === body.kind && (w.value === body.value || w.value === body.value.replace(/^CN/i, '')));
  if (watching) return <Typography.Text type="secondary"><EyeOutlined /> {t('wc.watching')}</Typography.Text>;
  return (
    <Button
      size="small"
      icon={<EyeOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await alertsApi.addWatch(body);
        } catch (e) {
          if (!(isApiError(e) && e.status === 409)) report(e);
        } finally {
          setBusy(false);
          await queryClient.invalidateQueries({ queryKey: ['watches'] });
        }
      }}
    >
      {t('wc.watch')}
    </Button>
  );
}
