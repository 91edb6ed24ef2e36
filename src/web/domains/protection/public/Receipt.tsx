import { CheckCircleFilled, CopyOutlined, DownloadOutlined, FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntdApp, Button, Card, Checkbox, Descriptions, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { formatTrackingCode } from '../../../../shared/protection/reports';
import { formatDate, formatDateTime } from '../../../app/format';
import { useT } from '../../../app/i18n';
import type { Submitted } from '../api';

/**
 * The one moment the tracking code is shown: large, copyable, with a plain warning that it is the
 * only key to the report and its reward. The way on asks the visitor to confirm they kept it.
 */
export function Receipt({
  receipt,
  onAnother,
  trackPath = '/public/track',
  words = {},
}: {
  receipt: Pick<Submitted, 'trackingCode' | 'receivedAt' | 'acceptDue' | 'files'>;
  onAnother: () => void;
  /** Where the code is followed; another form's receipt (维权援助) names its own page and words. */
  trackPath?: string;
  words?: Partial<Record<'title' | 'intro' | 'keepText' | 'dueLabel' | 'another' | 'fileTitle' | 'fileNote', string>>;
}) {
  const t = useT();
  const { message } = AntdApp.useApp();
  const navigate = useNavigate();
  const [kept, setKept] = useState(false);
  const code = formatTrackingCode(receipt.trackingCode);

  useEffect(() => {
    document.title = `${words.title ?? t('pub.receiptTitle')} · ${t('app.name')}`;
    // Leaving before keeping the code loses it for good: the browser asks first.
    const warn = (e: BeforeUnloadEvent) => {
      if (!kept) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [t, kept, words.title]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      message.success(t('pub.codeCopied'));
    } catch {
      message.warning(t('secret.copyFailed'));
    }
  };
  const download = () => {
    const text = `${words.fileTitle ?? t('pub.codeFileTitle')}\n\n${t('pub.trackingCode')}：${code}\n${t('pub.receivedAt')}：${formatDateTime(receipt.receivedAt)}\n\n${words.fileNote ?? t('pub.codeFileNote')}\n${window.location.origin}${trackPath}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${t('pub.codeFileName')}-${receipt.trackingCode.slice(0, 4)}.txt`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <Card className="xz-public-card xz-receipt">
      <Flex vertical gap={16}>
        <Flex gap={12} align="center">
          <CheckCircleFilled className="xz-receipt-icon" aria-hidden />
          <div>
            <Typography.Title level={1} className="xz-receipt-title">
              {words.title ?? t('pub.receiptTitle')}
            </Typography.Title>
            <Typography.Text type="secondary">{words.intro ?? t('pub.receiptIntro', { date: formatDate(receipt.acceptDue) })}</Typography.Text>
          </div>
        </Flex>
        <div className="xz-code-box">
          <div className="xz-code-label" id="tracking-code-label">
            {t('pub.trackingCode')}
          </div>
          <div className="xz-code-value" aria-labelledby="tracking-code-label" data-testid="tracking-code" tabIndex={0}>
            {code}
          </div>
          <Flex gap={8} wrap="wrap" justify="center">
            <Button icon={<CopyOutlined />} onClick={copy}>
              {t('pub.copyCode')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={download}>
              {t('pub.downloadCode')}
            </Button>
          </Flex>
        </div>
        <Alert type="warning" showIcon className="xz-keep-code" title={<strong>{t('pub.keepCodeTitle')}</strong>} description={words.keepText ?? t('pub.keepCodeText')} />
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'received', label: t('pub.receivedAt'), children: formatDateTime(receipt.receivedAt) },
            { key: 'due', label: words.dueLabel ?? t('pub.acceptDue'), children: formatDate(receipt.acceptDue) },
            { key: 'files', label: t('pub.filesReceived'), children: t('pub.filesCount', { n: receipt.files }) },
          ]}
        />
        <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)}>
          {t('pub.codeKept')}
        </Checkbox>
        <Flex gap={8} wrap="wrap">
          <Button type="primary" icon={<FileSearchOutlined />} disabled={!kept} onClick={() => navigate(trackPath, { state: { code: receipt.trackingCode } })}>
            {t('pub.goTrack')}
          </Button>
          <Button icon={<PlusOutlined />} disabled={!kept} onClick={onAnother}>
            {words.another ?? t('pub.another')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
