import { createHash, createHmac, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { CREDIT_CODE_NAMES_ZH, CREDIT_EXPORT_FILES, CREDIT_EXPORT_FORMAT, CREDIT_EXPORT_VERSION } from '../../../../shared/protection/credit';
import type { AppContext } from '../../../context';
import { safeEqual } from '../../../crypto';
import { VERSION } from '../../../version';
import { csvLine } from '../../registry/export/sheet';
import type { PublicRecord } from './schema';

/**
 * The signed bundle for the city's public credit platform (docs/credit-export.md): records.json,
 * records.csv, manifest.json naming each file's size and SHA-256, and two signatures over the
 * manifest's bytes — HMAC-SHA256 with a key shared with the platform's operators, and Ed25519,
 * whose public key anyone may fetch from GET /api/public/credit/export-key.
 */
export interface ExportKeys {
  hmacKey: Buffer;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Both keys derive from the platform secret: the same secret signs the same way after a restart or restore. */
export function exportKeys(ctx: Pick<AppContext, 'keyFor'>): ExportKeys {
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, ctx.keyFor('credit-export-ed25519')]), format: 'der', type: 'pkcs8' });
  return { hmacKey: ctx.keyFor('credit-export'), privateKey, publicKey: createPublicKey(privateKey) };
}

const sha256Hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export const publicKeyPem = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }).toString();
export const publicKeySha256 = (k: KeyObject) => sha256Hex(k.export({ type: 'spki', format: 'der' }));
/** Names the HMAC key without revealing it. */
export const hmacKeyId = (key: Buffer) => sha256Hex(key).slice(0, 16);

export const hmacOf = (key: Buffer, manifest: Buffer) => createHmac('sha256', key).update(manifest).digest('hex');

export interface ExportRecord extends PublicRecord {
  feedSeq: string;
}

export interface Manifest {
  format: string;
  formatVersion: number;
  generatedAt: string;
  generator: string;
  cursor: { from: string; to: string };
  recordCount: number;
  files: Array<{ name: string; size: number; sha256: string }>;
  signatures: {
    hmac: { file: string; algorithm: 'HMAC-SHA256'; keyId: string };
    ed25519: { file: string; algorithm: 'Ed25519'; publicKeySha256: string };
  };
}

/** CSV columns: Chinese headers for the officer's spreadsheet; docs/credit-export.md maps each to its JSON field. */
const CSV_COLUMNS: Array<[string, (r: ExportRecord) => string | null]> = [
  ['信用记录编号', (r) => r.ref],
  ['信用类型', (r) => CREDIT_CODE_NAMES_ZH[r.kind] ?? r.kind],
  ['类别', (r) => CREDIT_CODE_NAMES_ZH[r.category] ?? r.category],
  ['失信程度', (r) => (r.severity ? (CREDIT_CODE_NAMES_ZH[r.severity] ?? r.severity) : null)],
  ['主体名称', (r) => r.subjectName],
  ['统一社会信用代码', (r) => r.subjectUscc],
  ['主体类型', (r) => CREDIT_CODE_NAMES_ZH[r.subjectKind] ?? r.subjectKind],
  ['县区代码', (r) => r.areaCode],
  ['县区', (r) => r.areaName],
  ['认定依据', (r) => r.legalBasis],
  ['决定文书号', (r) => r.decisionNo],
  ['认定部门', (r) => r.decisionOrg],
  ['决定日期', (r) => r.decidedOn],
  ['认定事实', (r) => r.facts],
  ['公示起始日期', (r) => r.startsOn],
  ['公示截止日期', (r) => r.endsOn],
  ['状态', (r) => CREDIT_CODE_NAMES_ZH[r.status] ?? r.status],
  ['公布时间', (r) => r.publishedAt],
  ['实际终止日期', (r) => r.endedOn],
  ['终止原因', (r) => r.endReason],
  ['决定文书SHA-256', (r) => r.decisionFileSha256],
  ['变更序号', (r) => r.feedSeq],
];

/** UTF-8 with a BOM (for spreadsheets), CRLF line ends, formula-like cells neutralised (EX-1). */
export function recordsCsv(records: readonly ExportRecord[]): Buffer {
  const lines = [csvLine(CSV_COLUMNS.map(([h]) => h)), ...records.map((r) => csvLine(CSV_COLUMNS.map(([, get]) => get(r))))];
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

export interface Bundle {
  manifest: Manifest;
  files: Array<{ name: string; data: Buffer }>;
}

/** Builds and signs a bundle of the given records (already in feed order). */
export function buildBundle(keys: ExportKeys, records: readonly ExportRecord[], cursor: { from: string; to: string }, at: Date): Bundle {
  const json = Buffer.from(`${JSON.stringify(records, null, 2)}\n`, 'utf8');
  const csv = recordsCsv(records);
  const manifest: Manifest = {
    format: CREDIT_EXPORT_FORMAT,
    formatVersion: CREDIT_EXPORT_VERSION,
    generatedAt: at.toISOString(),
    generator: `xinzhi ${VERSION}`,
    cursor,
    recordCount: records.length,
    files: [
      { name: CREDIT_EXPORT_FILES.records, size: json.length, sha256: sha256Hex(json) },
      { name: CREDIT_EXPORT_FILES.csv, size: csv.length, sha256: sha256Hex(csv) },
    ],
    signatures: {
      hmac: { file: CREDIT_EXPORT_FILES.hmac, algorithm: 'HMAC-SHA256', keyId: hmacKeyId(keys.hmacKey) },
      ed25519: { file: CREDIT_EXPORT_FILES.ed25519, algorithm: 'Ed25519', publicKeySha256: publicKeySha256(keys.publicKey) },
    },
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  return {
    manifest,
    files: [
      { name: CREDIT_EXPORT_FILES.records, data: json },
      { name: CREDIT_EXPORT_FILES.csv, data: csv },
      { name: CREDIT_EXPORT_FILES.manifest, data: manifestBytes },
      { name: CREDIT_EXPORT_FILES.hmac, data: Buffer.from(hmacOf(keys.hmacKey, manifestBytes), 'ascii') },
      { name: CREDIT_EXPORT_FILES.ed25519, data: sign(null, manifestBytes, keys.privateKey) },
    ],
  };
}

export interface VerifyResult {
  ok: boolean;
  recordCount: number | null;
  cursor: { from: string; to: string } | null;
  files: number;
  hmac: boolean | null;
  ed25519: boolean | null;
  problems: string[];
}

/**
 * Checks a bundle as the platform would: the manifest's signatures over its exact bytes, then each
 * named file's size and SHA-256. A key not given is not checked (null).
 */
export function verifyBundle(read: (name: string) => Buffer | null, keys: { hmacKey?: Buffer; publicKey?: KeyObject }): VerifyResult {
  const problems: string[] = [];
  const out: VerifyResult = { ok: false, recordCount: null, cursor: null, files: 0, hmac: null, ed25519: null, problems };
  const manifestBytes = read(CREDIT_EXPORT_FILES.manifest);
  if (!manifestBytes) {
    problems.push(`缺少 ${CREDIT_EXPORT_FILES.manifest} / ${CREDIT_EXPORT_FILES.manifest} is missing`);
    return out;
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
  } catch {
    problems.push(`${CREDIT_EXPORT_FILES.manifest} 不是有效的 JSON / ${CREDIT_EXPORT_FILES.manifest} is not valid JSON`);
    return out;
  }
  if (manifest.format !== CREDIT_EXPORT_FORMAT || manifest.formatVersion !== CREDIT_EXPORT_VERSION) {
    problems.push(`不认识的格式 ${String(manifest.format)} v${String(manifest.formatVersion)} / Unknown format`);
    return out;
  }
  out.recordCount = manifest.recordCount;
  out.cursor = manifest.cursor;
  if (keys.hmacKey) {
    const sig = read(manifest.signatures?.hmac?.file ?? CREDIT_EXPORT_FILES.hmac);
    out.hmac = !!sig && safeEqual(sig.toString('ascii').trim(), hmacOf(keys.hmacKey, manifestBytes));
    if (!out.hmac) problems.push('HMAC 签名不符：清单被改动，或密钥不同 / The HMAC does not match: the manifest was changed or the key differs');
  }
  if (keys.publicKey) {
    const sig = read(manifest.signatures?.ed25519?.file ?? CREDIT_EXPORT_FILES.ed25519);
    out.ed25519 = !!sig && verify(null, manifestBytes, keys.publicKey, sig);
    if (!out.ed25519) problems.push('Ed25519 签名不符：清单被改动，或不是本平台签发 / The Ed25519 signature does not verify: the manifest was changed or not signed by this platform');
  }
  for (const f of manifest.files ?? []) {
    const data = read(f.name);
    if (!data) problems.push(`缺少文件 ${f.name} / ${f.name} is missing`);
    else if (data.length !== f.size || sha256Hex(data) !== f.sha256) problems.push(`${f.name} 的 SHA-256 与清单不符 / ${f.name} does not match its SHA-256 in the manifest`);
    else out.files++;
  }
  if (keys.hmacKey === undefined && keys.publicKey === undefined) problems.push('未校验签名 / No signature was checked');
  out.ok = problems.length === 0;
  return out;
}
