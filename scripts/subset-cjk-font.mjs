// Rebuilds src/assessment/fonts/NotoSansSC-Subset.otf, the chart's fallback font for Chinese and
// Japanese names: Noto Sans Hans Regular (SIL Open Font License 1.1) cut down to GB2312 (all 6,763
// hanzi), Big5's frequent hanzi, kana, CJK punctuation and full-width forms, so the bundled file stays small.
//
// The two packages are needed only to rebuild the file, so they are not project dependencies:
//   npm install --no-save @embedpdf/fonts-sc@1.0.0 subset-font@2.4.0
//   node scripts/subset-cjk-font.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
// The package exports no font paths, so the file is found beside its entry point (dist/).
const source = join(dirname(require.resolve('@embedpdf/fonts-sc')), '../fonts/NotoSansHans-Regular.otf');
const target = new URL('../src/assessment/fonts/NotoSansSC-Subset.otf', import.meta.url);

const chars = new Set();
const gb = new TextDecoder('gbk');
// GB2312 rows 0xA1-0xF7: symbols (rows A1-A9) and the two levels of hanzi (B0-F7).
for (let row = 0xa1; row <= 0xf7; row++) {
  for (let col = 0xa1; col <= 0xfe; col++) {
    const char = gb.decode(new Uint8Array([row, col]));
    if (char !== '\ufffd' && char.length === 1) chars.add(char);
  }
}
// Big5's frequent hanzi (rows A4-C6), so common traditional characters (東, 臺) draw too.
const big5 = new TextDecoder('big5');
for (let row = 0xa4; row <= 0xc6; row++) {
  for (const col of [...Array(0x3f).keys()].map((i) => 0x40 + i).concat([...Array(0x5e).keys()].map((i) => 0xa1 + i))) {
    const char = big5.decode(new Uint8Array([row, col]));
    if (char !== '\ufffd' && char.length === 1) chars.add(char);
  }
}
const ranges = [
  [0x3000, 0x303f], // CJK punctuation
  [0x3040, 0x30ff], // hiragana, katakana
  [0xff00, 0xffef], // full-width forms
];
for (const [from, to] of ranges) for (let c = from; c <= to; c++) chars.add(String.fromCodePoint(c));

const subset = await subsetFont(readFileSync(source), [...chars].join(''), { targetFormat: 'sfnt' });
writeFileSync(target, subset);
console.log(`${chars.size} characters, ${(subset.length / 1e6).toFixed(2)} MB -> ${target.pathname}`);
