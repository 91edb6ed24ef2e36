import { PNG_PIXEL } from '../../src/server/domains/protection/evidence/sample';
import { solveChallenge } from '../../src/shared/challenge';
import type { Agent, Reply } from './app';
import { postFile } from './registry';

/** A real 1×1 PNG with a few bytes after its end, so that its hash is the tests' own. */
export const PNG = Buffer.concat([PNG_PIXEL, Buffer.from('xinzhi-test')]);
/** A small but well-formed PDF. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** A fresh anti-spam answer, solved as the browser does. */
export async function proof(agent: Agent): Promise<{ challenge: string; nonce: string }> {
  const res = await agent.get('/api/public/challenge');
  if (res.statusCode !== 200) throw new Error(`challenge: ${res.statusCode} ${res.body}`);
  return { challenge: res.data.challenge, nonce: solveChallenge(res.data.challenge, res.data.bits) };
}

export async function uploadEvidence(agent: Agent, name: string, content: Buffer | string): Promise<Reply> {
  return postFile(agent, '/api/public/evidence', name, content);
}

export const GUSHI_ADDRESS = '河南省信阳市固始县城关镇蓼城大道88号';

/** Files a report from the public form; returns the reply (201 with the tracking code). */
export async function fileReport(agent: Agent, overrides: Record<string, unknown> = {}): Promise<Reply> {
  return agent.post('/api/public/reports', {
    rightKind: 'gi',
    rightRef: '信阳毛尖',
    subject: '冒用“信阳毛尖”地理标志专用标志的散装茶叶',
    infringer: '固始县某茶叶商行',
    address: GUSHI_ADDRESS,
    description: '该商行在门店销售外地茶叶，包装印有“信阳毛尖”地理标志专用标志，但不在核准使用企业名单内。',
    anonymous: true,
    files: [],
    ...(await proof(agent)),
    ...overrides,
  });
}
