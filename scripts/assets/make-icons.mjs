// Draws the PNG app icons (192 and 512 px) that the web manifest needs for
// installability, without an image library: a rounded teal square, a white
// envelope and a red "plus" badge, like public/icon.svg. Run once; the PNGs
// are committed. `node scripts/assets/make-icons.mjs`
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size) {
  const s = size / 64; // draw in the SVG's 64-unit space
  const teal = [15, 118, 110, 255],
    white = [255, 255, 255, 255],
    red = [220, 38, 38, 255],
    clear = [0, 0, 0, 0];
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / s,
        v = (y + 0.5) / s;
      let c = clear;
      const r = 14,
        inCorner = (cx, cy) => (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
      const inRound =
        (u >= r || v >= r || inCorner(r, r)) &&
        (u <= 64 - r || v >= r || inCorner(64 - r, r)) &&
        (u >= r || v <= 64 - r || inCorner(r, 64 - r)) &&
        (u <= 64 - r || v <= 64 - r || inCorner(64 - r, 64 - r));
      if (inRound) c = teal;
      if (u >= 10 && u <= 54 && v >= 18 && v <= 48) {
        c = white;
        const fold = 22 + (u <= 32 ? u - 10 : 54 - u) * (14 / 22);
        if (Math.abs(v - fold) < 1.6) c = teal;
      }
      const d = Math.hypot(u - 48, v - 46);
      if (d <= 11) {
        c = red;
        if ((Math.abs(u - 48) < 1.8 && Math.abs(v - 46) <= 6) || (Math.abs(v - 46) < 1.8 && Math.abs(u - 48) <= 6)) c = white;
      }
      row.push(...c);
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
for (const size of [192, 512]) writeFileSync(new URL(`../../public/icon-${size}.png`, import.meta.url), png(size));
console.log('icons written');
