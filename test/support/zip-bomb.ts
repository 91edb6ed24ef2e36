import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A workbook-shaped zip whose sheet unpacks to ~4 GB of zeros (declared in its directory, as in
 * real zip bombs), built in memory: the file itself is a few kilobytes.
 */
export function zipBomb(): Buffer {
  const entries: Array<{ name: string; data: Buffer; size: number; crc: number }> = [];
  const add = (name: string, content: Buffer, declaredSize = content.length) =>
    entries.push({ name, data: deflateRawSync(content), size: declaredSize, crc: crc32(content) });
  add('[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types/>'));
  add('xl/workbook.xml', Buffer.from('<?xml version="1.0"?><workbook/>'));
  add('xl/worksheets/sheet1.xml', Buffer.alloc(1024 * 1024), 0xfffffff0);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
