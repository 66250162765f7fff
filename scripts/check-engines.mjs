// Fails when an installed package declares an `engines.node` range that excludes a Node line
// Samtal supports (decision 023). The legacy line (past end of life, still tested in CI while
// the machines run it) is reported, not enforced.
import fs from 'node:fs';
import semver from 'semver';

/** The lowest release of each line Samtal supports; keep in step with README and decision 023. */
export const SUPPORTED = ['22.13.0', '24.0.0', '26.0.0'];
export const LEGACY = ['20.19.0'];

const lock = JSON.parse(fs.readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const root = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const excluded = (range, lines) =>
  lines.filter((v) => !semver.satisfies(v, range, { includePrerelease: true }));

let failures = 0;
const rootMissing = excluded(root.engines.node, [...SUPPORTED, ...LEGACY]);
if (rootMissing.length) {
  console.error(
    `package.json engines.node "${root.engines.node}" excludes ${rootMissing.join(', ')}`,
  );
  failures++;
}
const legacyNotes = [];
for (const [where, pkg] of Object.entries(lock.packages)) {
  const range = where && typeof pkg.engines === 'object' ? pkg.engines?.node : undefined;
  if (!range || pkg.optional) continue;
  const name = where.replace(/^.*node_modules\//, '');
  const bad = excluded(range, SUPPORTED);
  if (bad.length) {
    console.error(`${name}@${pkg.version} requires node "${range}": excludes ${bad.join(', ')}`);
    failures++;
  }
  const legacy = excluded(range, LEGACY);
  if (legacy.length) legacyNotes.push(`${name}@${pkg.version} (${range})`);
}
if (legacyNotes.length) {
  console.log(
    `Legacy Node ${LEGACY.join(', ')} is excluded by ${legacyNotes.length} package(s), ` +
      `covered only by CI's run on that line: ${legacyNotes.join(', ')}`,
  );
}
if (failures) process.exit(1);
console.log(`engines: every package allows Node ${SUPPORTED.join(', ')}`);
