import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { inspectZip } from './zip-check';

/** What evidence may be: pictures, PDF, video and Office documents, recognised by their bytes. */
export const EVIDENCE_TYPES = {
  jpg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type EvidenceExt = keyof typeof EVIDENCE_TYPES;

/** Office documents are zips: their directory is judged before anything reads inside them. */
const ZIP_LIMITS = { maxUnpackedBytes: 300 * 1024 * 1024, maxEntries: 5000 };

async function startsWithZip(filePath: string): Promise<boolean> {
  const fh = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(4);
    await fh.read(head, 0, 4, 0);
    return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } finally {
    await fh.close();
  }
}

/**
 * The type of a stored file read from its content (magic bytes), or null when it is none we accept
 * (a damaged archive or a zip bomb included).
 */
export async function sniffEvidence(filePath: string): Promise<{ ext: EvidenceExt; mime: string } | null> {
  if ((await startsWithZip(filePath)) && !(await inspectZip(filePath, ZIP_LIMITS)).ok) return null;
  const found = await fileTypeFromFile(filePath);
  if (!found || !(found.ext in EVIDENCE_TYPES)) return null;
  const ext = found.ext as EvidenceExt;
  return { ext, mime: EVIDENCE_TYPES[ext] };
}
