#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof`): where the server's time
// went, by function (self time) and by package (node_modules/<name>, src/<folder>, node:*).
//   node bench/profile-summary.mjs bench/results/profiles/CPU.*.cpuprofile [--top 30]
import fs from 'node:fs';

const args = process.argv.slice(2);
const topIdx = args.indexOf('--top');
const top = topIdx >= 0 ? Number(args[topIdx + 1]) : 25;
const files = args.filter((a, i) => !a.startsWith('--') && (topIdx < 0 || i !== topIdx + 1));

function where(url) {
  if (!url) return '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const src = /\/(src\/[^/]+(?:\/[^/]+)?)\//.exec(url);
  if (src) return src[1];
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\//, '');
}

for (const file of files) {
  const p = JSON.parse(fs.readFileSync(file, 'utf8'));
  const self = new Map();
  const dt = new Map();
  for (let i = 0; i < p.samples.length; i++)
    dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  let total = 0;
  const byPkg = new Map();
  for (const n of p.nodes) {
    const t = dt.get(n.id) ?? 0;
    total += t;
    const cf = n.callFrame;
    const key = `${cf.functionName || '(anonymous)'} ${where(cf.url)}:${cf.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + t);
    const pkg = cf.url
      ? where(cf.url)
      : cf.functionName.startsWith('(')
        ? cf.functionName
        : '(native)';
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t);
  }
  const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
  console.log('\nby package / folder:');
  for (const [k, t] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${pct(t)}  ${k}`);
  console.log('\nby function (self time):');
  for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${pct(t)}  ${k}`);
}
