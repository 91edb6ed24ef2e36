import yauzl from 'yauzl';

export interface ZipLimits {
  /** The most the archive may unpack to, in bytes. */
  maxUnpackedBytes: number;
  maxEntries: number;
}

export type ZipVerdict = { ok: true; names: Set<string> } | { ok: false; reason: 'damaged' | 'bomb' };

/**
 * UP-1: judges a zip archive (XLSX, DOCX) from its central directory alone, before a single entry
 * is unpacked: too many entries, too much unpacked data or an absurd compression ratio is a bomb.
 */
export async function inspectZip(path: string, limits: ZipLimits): Promise<ZipVerdict> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(path, { lazyEntries: true, autoClose: true }, (err, z) => (err || !z ? reject(err ?? new Error('zip')) : resolve(z))),
    );
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  const names = new Set<string>();
  let unpacked = 0;
  return new Promise<ZipVerdict>((resolve) => {
    zip.on('entry', (e: yauzl.Entry) => {
      names.add(e.fileName);
      unpacked += e.uncompressedSize;
      const ratio = e.compressedSize > 0 ? e.uncompressedSize / e.compressedSize : 0;
      if (names.size > limits.maxEntries || unpacked > limits.maxUnpackedBytes || ratio > 1000) {
        zip.close();
        resolve({ ok: false, reason: 'bomb' });
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve({ ok: true, names }));
    zip.on('error', () => resolve({ ok: false, reason: 'damaged' }));
    zip.readEntry();
  });
}
