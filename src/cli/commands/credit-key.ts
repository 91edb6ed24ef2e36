import { z } from 'zod';
import { recordAudit } from '../../server/domains/identity/audit/service';
import { exportKeys, hmacKeyId, publicKeyPem, publicKeySha256 } from '../../server/domains/protection/credit/export';
import { defineCommand, say } from '../command';

export const creditKeyInput = z.strictObject({ hmac: z.boolean().optional() });

/** `xinzhi credit key`: what the credit platform needs to verify bundles; the HMAC key only on request, and audited. */
export default defineCommand({
  id: 'credit-key',
  words: ['credit', 'key'],
  summary: say('显示信用导出签名公钥（Ed25519），可选显示 HMAC 密钥', 'Show the Ed25519 public key that signs credit exports, and optionally the HMAC key'),
  description: say(
    '公钥也可从 GET /api/public/credit/export-key 获取。--hmac 显示用于 manifest.sig 的共享密钥（十六进制），仅交给信用平台的运维人员，显示一次即记入审计日志。',
    'The public key is also at GET /api/public/credit/export-key. --hmac shows the shared key of manifest.sig (hex), for the credit platform’s operators only; showing it is recorded in the audit log.',
  ),
  examples: ['xinzhi credit key > credit-export-key.pem', 'xinzhi credit key --hmac'],
  options: [{ flags: '--hmac', key: 'hmac', help: say('同时显示 HMAC 共享密钥', 'also show the shared HMAC key') }],
  schema: creditKeyInput,
  remote: true,
  prepare: true,
  async run(ctx, input, io) {
    const keys = exportKeys(ctx);
    const pem = publicKeyPem(keys.publicKey);
    const data: Record<string, string> = { publicKeyPem: pem, publicKeySha256: publicKeySha256(keys.publicKey), hmacKeyId: hmacKeyId(keys.hmacKey) };
    if (input.hmac) {
      data.hmacKeyHex = keys.hmacKey.toString('hex');
      await recordAudit(ctx.db, ctx.clock, { actor: io.actor, action: 'protection.credit.hmac-key', details: { keyId: data.hmacKeyId } });
    }
    return { message: [pem.trimEnd(), ...(input.hmac ? [`HMAC-SHA256 key (${data.hmacKeyId}): ${data.hmacKeyHex}`] : [])].join('\n'), data };
  },
});
