/**
 * Words for the benchmark organisation: names, units, and the sentences its 1:1 history is
 * written in. Each list has the same length in every language, so SQL can pick by index.
 */
export const LANGS = ['sv', 'da', 'nb', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const ZONE: Record<Lang, string> = {
  sv: 'Europe/Stockholm',
  da: 'Europe/Copenhagen',
  nb: 'Europe/Oslo',
  en: 'Europe/Stockholm',
};

export const FIRST_NAMES: Record<Lang, string[]> = {
  sv: ['Åsa', 'Björn', 'Märta', 'Göran', 'Ingrid', 'Jörgen', 'Linnéa', 'Måns', 'Sofia', 'Örjan'],
  da: ['Søren', 'Mette', 'Jørgen', 'Birgitte', 'Rasmus', 'Åge', 'Freja', 'Bjørn', 'Ida', 'Asger'],
  nb: [
    'Kåre',
    'Øystein',
    'Bjørg',
    'Håkon',
    'Åse',
    'Sigrid',
    'Torbjørn',
    'Solveig',
    'Eirik',
    'Ragnhild',
  ],
  en: ['Amira', 'Daniel', 'Fatima', 'Jonas', 'Leila', 'Marco', 'Nadia', 'Omar', 'Sara', 'Yusuf'],
};

export const LAST_NAMES: Record<Lang, string[]> = {
  sv: [
    'Andersson',
    'Lindqvist',
    'Öberg',
    'Åkesson',
    'Nyström',
    'Sjöberg',
    'Ek',
    'Holm',
    'Berg',
    'Sandström',
  ],
  da: [
    'Jensen',
    'Sørensen',
    'Møller',
    'Kjær',
    'Nørgaard',
    'Hansen',
    'Lund',
    'Bech',
    'Dahl',
    'Thomsen',
  ],
  nb: [
    'Hansen',
    'Østby',
    'Bråten',
    'Haugland',
    'Solberg',
    'Lie',
    'Dahl',
    'Strand',
    'Aasen',
    'Berge',
  ],
  en: ['Hassan', 'Rossi', 'Khalil', 'Novak', 'Ahmadi', 'Silva', 'Popescu', 'Kaya', 'Murphy', 'Ali'],
};

export const STAFF_TITLES = [
  'Undersköterska',
  'Sjuksköterska',
  'Handläggare',
  'Sygeplejerske',
  'Pædagog',
  'Lärare',
  'Saksbehandler',
  'Ingeniør',
  'Ekonom',
  'Kock',
  'Lokalvårdare',
  'Socialsekreterare',
];
export const MANAGER_TITLES = ['Enhetschef', 'Afdelingsleder', 'Avdelingsleder', 'Områdeschef'];

export const AREAS = [
  'Vård och omsorg',
  'Barn och utbildning',
  'Ældre og sundhed',
  'Teknik og miljø',
  'Helse og omsorg',
  'Kultur og fritid',
  'Samhällsbyggnad',
  'Økonomi og HR',
  'Socialtjänst',
  'Digitalisering',
];
export const UNITS = [
  'Hemtjänst',
  'Förskola',
  'Hjemmepleje',
  'Skole',
  'Sykehjem',
  'Bygglov',
  'Løn',
  'Kundeservice',
  'Äldreboende',
  'Gymnasium',
  'Vatten och avlopp',
  'Bibliotek',
];
export const PLACES = ['Norr', 'Söder', 'Øst', 'Vest', 'Centrum', 'Åby', 'Ørestad', 'Møllebakken'];

/** Sentences of shared notes: what was said, in the pair's language. */
export const NOTE_SENTENCES: Record<Lang, string[]> = {
  sv: [
    'Det har varit en intensiv period med många nya brukare.',
    'Schemat fungerar bättre sedan vi bytte till fasta pass.',
    'Vill gärna gå utbildningen i handledning under hösten.',
    'Samarbetet med nattpersonalen har blivit smidigare.',
    'Känner mig lite trött, mycket övertid de senaste veckorna.',
    'Vi kom överens om att dela upp ärendet i två delar.',
    'Introduktionen av den nya kollegan gick bra.',
    'Det är oklart vem som äger frågan om nycklarna.',
    'Bra återkoppling från anhöriga på sistone.',
    'Behöver mer tid för dokumentation varje vecka.',
    'Arbetsmiljöronden visade att ljudnivån är hög.',
    'Vi pratade om att prova promenadmöten igen.',
  ],
  da: [
    'Der har været travlt med mange nye borgere.',
    'Vagtplanen fungerer bedre, efter vi fik faste hold.',
    'Vil gerne på kursus i vejledning i efteråret.',
    'Samarbejdet med nattevagterne er blevet nemmere.',
    'Føler mig lidt træt, meget overarbejde på det seneste.',
    'Vi aftalte at dele sagen op i to dele.',
    'Introduktionen af den nye kollega gik godt.',
    'Det er uklart, hvem der ejer spørgsmålet om nøglerne.',
    'God feedback fra de pårørende for nylig.',
    'Har brug for mere tid til dokumentation hver uge.',
    'Arbejdsmiljørunden viste, at støjniveauet er højt.',
    'Vi talte om at prøve gå-møder igen.',
  ],
  nb: [
    'Det har vært en hektisk periode med mange nye brukere.',
    'Turnusen fungerer bedre etter at vi fikk faste vakter.',
    'Vil gjerne ta kurset i veiledning til høsten.',
    'Samarbeidet med nattevakten har blitt enklere.',
    'Føler meg litt sliten, mye overtid de siste ukene.',
    'Vi ble enige om å dele saken i to.',
    'Opplæringen av den nye kollegaen gikk fint.',
    'Det er uklart hvem som eier saken om nøklene.',
    'Gode tilbakemeldinger fra pårørende i det siste.',
    'Trenger mer tid til dokumentasjon hver uke.',
    'Vernerunden viste at støynivået er høyt.',
    'Vi snakket om å prøve gåmøter igjen.',
  ],
  en: [
    'It has been a busy period with many new clients.',
    'The rota works better since we moved to fixed shifts.',
    'Would like to take the coaching course this autumn.',
    'Working with the night staff has become easier.',
    'Feeling a bit tired, a lot of overtime lately.',
    'We agreed to split the case into two parts.',
    'Onboarding the new colleague went well.',
    'It is unclear who owns the question about the keys.',
    'Good feedback from relatives recently.',
    'Need more time for documentation every week.',
    'The safety round showed that the noise level is high.',
    'We talked about trying walking meetings again.',
  ],
};

/** Short decisions recorded under a topic. */
export const DECISIONS: Record<Lang, string[]> = {
  sv: [
    'Vi testar i en månad.',
    'Chefen tar frågan vidare.',
    'Ingen ändring just nu.',
    'Följs upp nästa gång.',
  ],
  da: [
    'Vi prøver i en måned.',
    'Lederen tager det videre.',
    'Ingen ændring lige nu.',
    'Følges op næste gang.',
  ],
  nb: [
    'Vi prøver i en måned.',
    'Lederen tar det videre.',
    'Ingen endring nå.',
    'Følges opp neste gang.',
  ],
  en: [
    'We try it for a month.',
    'The manager takes it further.',
    'No change for now.',
    'Follow up next time.',
  ],
};

/** Topics someone adds to the agenda. */
export const TOPICS: Record<Lang, string[]> = {
  sv: [
    'Semesterplanering',
    'Kompetensutveckling',
    'Arbetsbelastning',
    'Nytt journalsystem',
    'Schemaönskemål',
    'Friskvård',
    'Lönekriterier',
    'Samverkan med skolan',
  ],
  da: [
    'Ferieplanlægning',
    'Kompetenceudvikling',
    'Arbejdsbyrde',
    'Nyt journalsystem',
    'Vagtønsker',
    'Trivsel',
    'Lønkriterier',
    'Samarbejde med skolen',
  ],
  nb: [
    'Ferieplanlegging',
    'Kompetanseutvikling',
    'Arbeidsbelastning',
    'Nytt journalsystem',
    'Turnusønsker',
    'Trivsel',
    'Lønnskriterier',
    'Samarbeid med skolen',
  ],
  en: [
    'Holiday planning',
    'Learning and development',
    'Workload',
    'New records system',
    'Shift wishes',
    'Wellbeing',
    'Pay criteria',
    'Working with the school',
  ],
};

/** Actions agreed in a meeting. */
export const ACTIONS: Record<Lang, string[]> = {
  sv: [
    'Boka kurs i handledning',
    'Skicka förslag på nytt schema',
    'Prata med facility om ljudet',
    'Läsa in nya rutinen',
    'Uppdatera introduktionsplanen',
    'Ta fram semesterlista',
  ],
  da: [
    'Book kursus i vejledning',
    'Send forslag til ny vagtplan',
    'Tal med drift om støjen',
    'Læse den nye procedure',
    'Opdatere introduktionsplanen',
    'Lave ferieliste',
  ],
  nb: [
    'Bestille kurs i veiledning',
    'Sende forslag til ny turnus',
    'Snakke med drift om støyen',
    'Lese den nye rutinen',
    'Oppdatere opplæringsplanen',
    'Lage ferieliste',
  ],
  en: [
    'Book the coaching course',
    'Send a proposal for the new rota',
    'Talk to facilities about the noise',
    'Read the new routine',
    'Update the onboarding plan',
    'Draw up the holiday list',
  ],
};

/** Why someone cancelled or moved a meeting. */
export const REASONS: Record<Lang, string[]> = {
  sv: ['Sjuk', 'Krock med APT', 'Utbildningsdag', 'Akut ärende'],
  da: ['Syg', 'Overlap med personalemøde', 'Kursusdag', 'Akut sag'],
  nb: ['Syk', 'Kollisjon med personalmøte', 'Kursdag', 'Akutt sak'],
  en: ['Ill', 'Clash with the staff meeting', 'Training day', 'Urgent case'],
};

/** A manager's private support notes and reflections. */
export const PRIVATE: Record<Lang, string[]> = {
  sv: [
    'Verkar stressad, fråga igen nästa gång.',
    'Pratade för mycket själv, låt medarbetaren börja.',
    'Bra energi idag.',
    'Kom ihåg att ge beröm för rapporten.',
  ],
  da: [
    'Virker presset, spørg igen næste gang.',
    'Talte for meget selv, lad medarbejderen starte.',
    'God energi i dag.',
    'Husk at rose rapporten.',
  ],
  nb: [
    'Virker stresset, spør igjen neste gang.',
    'Snakket for mye selv, la medarbeideren begynne.',
    'God energi i dag.',
    'Husk å gi ros for rapporten.',
  ],
  en: [
    'Seems stressed, ask again next time.',
    'Talked too much myself, let them start.',
    'Good energy today.',
    'Remember to praise the report.',
  ],
};
