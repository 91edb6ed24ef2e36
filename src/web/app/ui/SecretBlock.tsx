import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App as AntdApp, Button, Checkbox, Flex, Modal, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n';

interface BlockProps {
  values: string[];
  /** Offer a .txt download under this name. */
  filename?: string;
  warning?: ReactNode;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A secret the server shows only once (temporary password, API token, recovery codes). */
export function SecretBlock({ values, filename, warning }: BlockProps) {
  const t = useT();
  const { message } = AntdApp.useApp();
  const text = values.join('\n');

  const copy = async () => {
    if (await copyText(text)) message.success(t('secret.copied'));
    else message.warning(t('secret.copyFailed'));
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename ?? 'xinzhi.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <Flex vertical gap={12}>
      <Alert type="warning" showIcon title={warning ?? t('secret.onceWarning')} />
      <pre className={values.length > 1 ? 'xz-secret xz-secret-grid' : 'xz-secret'} aria-label={t('secret.valueLabel')} tabIndex={0}>
        {values.map((v) => (
          <span key={v}>{v}</span>
        ))}
      </pre>
      <Space wrap>
        <Button icon={<CopyOutlined />} onClick={copy}>
          {values.length > 1 ? t('secret.copyAll') : t('secret.copy')}
        </Button>
        {filename && (
          <Button icon={<DownloadOutlined />} onClick={download}>
            {t('secret.download')}
          </Button>
        )}
      </Space>
    </Flex>
  );
}

interface ModalProps extends BlockProps {
  open: boolean;
  title: ReactNode;
  intro?: ReactNode;
  /** Ask for an explicit "I have saved it" before the dialog may close. */
  requireAck?: boolean;
  onClose: () => void;
}

export function OnceSecretModal({ open, title, intro, requireAck, onClose, ...block }: ModalProps) {
  const t = useT();
  const [ack, setAck] = useState(false);
  const close = () => {
    setAck(false);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={requireAck && !ack ? undefined : close}
      closable={!requireAck || ack}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Flex justify="space-between" align="center" gap={12} wrap="wrap">
          {requireAck ? (
            <Checkbox checked={ack} onChange={(e) => setAck(e.target.checked)}>
              {t('secret.ack')}
            </Checkbox>
          ) : (
            <span />
          )}
          <Button type="primary" disabled={requireAck && !ack} onClick={close}>
            {t('common.done')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        {intro}
        <SecretBlock {...block} />
      </Flex>
    </Modal>
  );
}
