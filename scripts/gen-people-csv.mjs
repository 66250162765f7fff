#!/usr/bin/env node
// Writes a realistic people CSV for trying the import at scale:
//   node scripts/gen-people-csv.mjs 50000 > people.csv
// Nordic names (å ä ö æ ø), a department tree three units deep, a reporting tree with about one
// manager per eight people, rows shuffled so reports often come before their manager.
// Options: --sep ";"|","  (default ";", as Excel writes in sv/da locales)
//          --headers sv|en (default sv)   --bom (UTF-8 byte-order mark, like Excel's "CSV UTF-8")
//          --seed N (same N, same file)    --retitle P (change P % of job titles: an update run)
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sep: { type: 'string', default: ';' },
    headers: { type: 'string', default: 'sv' },
    bom: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    retitle: { type: 'string', default: '0' },
  },
});
const count = Number(positionals[0] ?? 1000);
if (!Number.isInteger(count) || count < 1) {
  console.error('usage: node scripts/gen-people-csv.mjs <rows> [--sep ";"] [--headers sv|en]');
  process.exit(1);
}
const SEP = values.sep === '\\t' ? '\t' : values.sep;

// A small deterministic generator (mulberry32), so a seed gives the same file every time.
let state = Number(values.seed) >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const FIRST = {
  sv: [
    'Åsa',
    'Björn',
    'Märta',
    'Göran',
    'Ingrid',
    'Jörgen',
    'Linnéa',
    'Måns',
    'Sofia',
    'Örjan',
    'Karin',
    'Erik',
    'Ahmed',
    'Elin',
    'Pär',
    'Tove',
  ],
  da: [
    'Søren',
    'Mette',
    'Jørgen',
    'Birgitte',
    'Rasmus',
    'Åge',
    'Sørine',
    'Mads',
    'Freja',
    'Bjørn',
    'Ida',
    'Troels',
    'Asger',
    'Line',
  ],
  nb: [
    'Kåre',
    'Øystein',
    'Ingrid',
    'Bjørg',
    'Håkon',
    'Åse',
    'Sigrid',
    'Ola',
    'Kari',
    'Jørn',
    'Solveig',
    'Per',
    'Torbjørn',
    'Maren',
  ],
};
const LAST = {
  sv: [
    'Öberg',
    'Åkesson',
    'Ström',
    'Lindqvist',
    'Näslund',
    'Sjöberg',
    'Hägg',
    'Johansson',
    'Ek',
    'Wästberg',
    'Bäckström',
    'Nilsson',
  ],
  da: [
    'Ørsted',
    'Sørensen',
    'Jørgensen',
    'Kjær',
    'Mølgaard',
    'Bæk',
    'Nielsen',
    'Østergaard',
    'Dahl',
    'Højer',
    'Læssøe',
    'Holm',
  ],
  nb: [
    'Bråten',
    'Østby',
    'Sæther',
    'Løvås',
    'Haugen',
    'Dæhli',
    'Nordmann',
    'Brække',
    'Lien',
    'Røed',
    'Aasen',
    'Moe',
  ],
};
const ZONE = { sv: 'Europe/Stockholm', da: 'Europe/Copenhagen', nb: 'Europe/Oslo' };
const TITLES = [
  'Undersköterska',
  'Sjuksköterska',
  'Handläggare',
  'Sygeplejerske',
  'Pædagog',
  'Konsulent',
  'Rådgiver',
  'Saksbehandler',
  'Ingeniør',
  'Ekonom',
  'Lærer',
  'Kock',
];
const MANAGER_TITLES = [
  'Enhetschef',
  'Afdelingsleder',
  'Avdelingsleder',
  'Områdeschef',
  'Teamleder',
];
const AREAS = [
  'Vård och omsorg',
  'Barn och utbildning',
  'Ældre og sundhed',
  'Teknik og miljø',
  'Helse og omsorg',
  'Kultur og fritid',
  'Samhällsbyggnad',
  'Økonomi og HR',
];
const UNITS = [
  'Hemtjänst',
  'Förskola',
  'Hjemmepleje',
  'Skole',
  'Sykehjem',
  'Byggnadsnämnd',
  'Løn',
  'Kundeservice',
];
const PLACES = ['Norr', 'Söder', 'Øst', 'Vest', 'Centrum', 'Åby', 'Ørestad', 'Møllebakken'];

const ascii = (s) =>
  s
    .toLowerCase()
    .replace(/[åäá]/g, 'a')
    .replace(/æ/g, 'ae')
    .replace(/[öø]/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z]/g, '');

// An 8-ary reporting tree over person indices: person i reports to (i - 1) >> 3.
// Levels 1 to 3 of that tree head the department units: area / unit / place.
const level = (i) => (i === 0 ? 0 : level((i - 1) >> 3) + 1);
// Siblings differ in (i - 1) % 8, so each unit's name is unique under its parent.
function unitName(i) {
  const k = (i - 1) % 8;
  const l = level(i);
  return l === 1 ? AREAS[k] : l === 2 ? UNITS[k] : `Team ${PLACES[k]}`;
}
function departmentOf(i) {
  const chain = [];
  for (let n = i; n > 0; n = (n - 1) >> 3) chain.unshift(n);
  return chain
    .slice(0, 3)
    .map((n) => unitName(n))
    .join(' / ');
}

const retitle = Number(values.retitle) / 100;
const people = [];
for (let i = 0; i < count; i++) {
  const lang = pick(['sv', 'sv', 'da', 'nb']);
  const first = pick(FIRST[lang]);
  const last = pick(LAST[lang]);
  const isManager = 8 * i + 1 < count;
  let title = isManager ? pick(MANAGER_TITLES) : pick(TITLES);
  // Decided by the row number, not the generator: the rest of the file stays the same.
  if (((i * 2654435761) >>> 0) % 1000 < retitle * 1000) title = `${title} (ny)`;
  people.push({
    number: `E${String(i + 1).padStart(6, '0')}`,
    name: `${first} ${last}`,
    email: `${ascii(first)}.${ascii(last)}.${i + 1}@example.org`,
    title: i === 0 ? 'Kommundirektör' : title,
    department: i === 0 ? 'Ledning' : departmentOf(i),
    manager: i === 0 ? '' : (i - 1) >> 3,
    locale: lang,
    zone: ZONE[lang],
    roles: i === 0 ? 'admin' : i % 997 === 0 ? 'hr' : '',
  });
}
// The manager column names the manager by employee number, now and then by e-mail.
for (const p of people) {
  if (p.manager === '') continue;
  const m = people[p.manager];
  p.manager = random() < 0.1 ? m.email : m.number;
}
// Shuffle (Fisher–Yates): an export is seldom ordered top-down.
for (let i = people.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [people[i], people[j]] = [people[j], people[i]];
}

const HEADERS = {
  sv: [
    'Anställningsnummer',
    'Namn',
    'E-post',
    'Befattning',
    'Avdelning',
    'Chef',
    'Språk',
    'Tidszon',
    'Roller',
  ],
  en: [
    'employee_number',
    'name',
    'email',
    'job_title',
    'department',
    'manager',
    'locale',
    'time_zone',
    'roles',
  ],
};
const quote = (v) => {
  const s = String(v);
  return s.includes(SEP) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
};
const lines = [(HEADERS[values.headers] ?? HEADERS.sv).join(SEP)];
for (const p of people)
  lines.push(
    [p.number, p.name, p.email, p.title, p.department, p.manager, p.locale, p.zone, p.roles]
      .map(quote)
      .join(SEP),
  );
process.stdout.write((values.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n');
