import type { Language, PollKind } from '@polisee/domain';

/**
 * The words of the outcome section written into a workshop's notes, in the document's
 * language. The server writes this text into the document once, for every reader, so it lives
 * here rather than in the client's catalogs.
 */
interface OutcomeWords {
  title: string;
  itemTitle: string;
  agenda: string;
  timing: string;
  attendance: string;
  organisation: string;
  country: string;
  people: string;
  polls: string;
  kinds: Record<PollKind, string>;
  option: string;
  votes: string;
  dots: string;
  meanScore: string;
  share: string;
  voters: string;
  noVotes: string;
  /** Plural forms by `Intl.PluralRules` category; `other` is required. */
  voterCount: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  decisions: string;
  actions: string;
  owner: string;
  due: string;
  none: string;
}

const WORDS: Record<Language, OutcomeWords> = {
  en: {
    title: 'Workshop outcome — {date}',
    itemTitle: 'Outcome of “{item}” — {date}',
    agenda: 'Agenda',
    timing: 'planned {planned} min, spent {spent} min',
    attendance: 'Attendance',
    organisation: 'Organisation',
    country: 'Country',
    people: 'People',
    polls: 'Polls',
    kinds: {
      single: 'single choice',
      multiple: 'multiple choice',
      dots: 'dot vote',
      score: 'score from 1 to 5',
    },
    option: 'Option',
    votes: 'Votes',
    dots: 'Dots',
    meanScore: 'Mean score',
    share: 'Share',
    voters: 'Voters',
    noVotes: 'no votes',
    voterCount: { one: '{n} voter', other: '{n} voters' },
    decisions: 'Decisions',
    actions: 'Actions',
    owner: 'owner',
    due: 'due',
    none: 'None recorded.',
  },
  sq: {
    title: 'Rezultati i punëtorisë — {date}',
    itemTitle: 'Rezultati për «{item}» — {date}',
    agenda: 'Rendi i ditës',
    timing: 'planifikuar {planned} min, kohëzgjatja {spent} min',
    attendance: 'Pjesëmarrja',
    organisation: 'Organizata',
    country: 'Vendi',
    people: 'Persona',
    polls: 'Sondazhet',
    kinds: {
      single: 'zgjedhje e vetme',
      multiple: 'zgjedhje e shumëfishtë',
      dots: 'votim me pika',
      score: 'vlerësim nga 1 në 5',
    },
    option: 'Opsioni',
    votes: 'Vota',
    dots: 'Pika',
    meanScore: 'Vlerësimi mesatar',
    share: 'Përqindja',
    voters: 'Votues',
    noVotes: 'asnjë votë',
    voterCount: { one: '{n} votues', other: '{n} votues' },
    decisions: 'Vendimet',
    actions: 'Veprimet',
    owner: 'përgjegjës',
    due: 'afati',
    none: 'Asgjë e regjistruar.',
  },
  bg: {
    title: 'Резултати от работната среща — {date}',
    itemTitle: 'Резултати по „{item}“ — {date}',
    agenda: 'Дневен ред',
    timing: 'планирани {planned} мин., отделени {spent} мин.',
    attendance: 'Присъствие',
    organisation: 'Организация',
    country: 'Държава',
    people: 'Участници',
    polls: 'Гласувания',
    kinds: {
      single: 'единичен избор',
      multiple: 'множествен избор',
      dots: 'гласуване с точки',
      score: 'оценка от 1 до 5',
    },
    option: 'Вариант',
    votes: 'Гласове',
    dots: 'Точки',
    meanScore: 'Средна оценка',
    share: 'Дял',
    voters: 'Гласували',
    noVotes: 'няма гласове',
    voterCount: { one: '{n} гласувал', other: '{n} гласували' },
    decisions: 'Решения',
    actions: 'Действия',
    owner: 'отговорник',
    due: 'срок',
    none: 'Няма записани.',
  },
  el: {
    title: 'Αποτελέσματα εργαστηρίου — {date}',
    itemTitle: 'Αποτελέσματα για «{item}» — {date}',
    agenda: 'Ημερήσια διάταξη',
    timing: 'προγραμματισμός {planned} λεπ., διάρκεια {spent} λεπ.',
    attendance: 'Συμμετοχή',
    organisation: 'Φορέας',
    country: 'Χώρα',
    people: 'Άτομα',
    polls: 'Ψηφοφορίες',
    kinds: {
      single: 'μία επιλογή',
      multiple: 'πολλαπλές επιλογές',
      dots: 'ψηφοφορία με κουκκίδες',
      score: 'βαθμολογία από 1 έως 5',
    },
    option: 'Επιλογή',
    votes: 'Ψήφοι',
    dots: 'Κουκκίδες',
    meanScore: 'Μέση βαθμολογία',
    share: 'Ποσοστό',
    voters: 'Ψηφίσαντες',
    noVotes: 'καμία ψήφος',
    voterCount: { one: 'ψήφισε {n} άτομο', other: 'ψήφισαν {n} άτομα' },
    decisions: 'Αποφάσεις',
    actions: 'Ενέργειες',
    owner: 'υπεύθυνος',
    due: 'προθεσμία',
    none: 'Δεν καταγράφηκε τίποτα.',
  },
  hu: {
    title: 'A műhelymunka eredménye — {date}',
    itemTitle: '„{item}” eredménye — {date}',
    agenda: 'Napirend',
    timing: 'tervezett {planned} perc, tényleges {spent} perc',
    attendance: 'Részvétel',
    organisation: 'Szervezet',
    country: 'Ország',
    people: 'Résztvevők',
    polls: 'Szavazások',
    kinds: {
      single: 'egyszeres választás',
      multiple: 'többszörös választás',
      dots: 'pontszavazás',
      score: 'értékelés 1-től 5-ig',
    },
    option: 'Lehetőség',
    votes: 'Szavazatok',
    dots: 'Pontok',
    meanScore: 'Átlagos értékelés',
    share: 'Arány',
    voters: 'Szavazók',
    noVotes: 'nincs szavazat',
    voterCount: { one: '{n} szavazó', other: '{n} szavazó' },
    decisions: 'Döntések',
    actions: 'Teendők',
    owner: 'felelős',
    due: 'határidő',
    none: 'Nincs rögzítve.',
  },
  ro: {
    title: 'Rezultatul atelierului — {date}',
    itemTitle: 'Rezultatul pentru „{item}” — {date}',
    agenda: 'Ordinea de zi',
    timing: 'planificat {planned} min, durată efectivă {spent} min',
    attendance: 'Participare',
    organisation: 'Organizație',
    country: 'Țară',
    people: 'Persoane',
    polls: 'Sondaje',
    kinds: {
      single: 'alegere unică',
      multiple: 'alegere multiplă',
      dots: 'vot cu puncte',
      score: 'notă de la 1 la 5',
    },
    option: 'Opțiune',
    votes: 'Voturi',
    dots: 'Puncte',
    meanScore: 'Nota medie',
    share: 'Procent',
    voters: 'Votanți',
    noVotes: 'niciun vot',
    // Romanian counts 2–19 without "de" and 20 and up with it: "3 votanți", "20 de votanți".
    voterCount: { one: '{n} votant', few: '{n} votanți', other: '{n} de votanți' },
    decisions: 'Decizii',
    actions: 'Acțiuni',
    owner: 'responsabil',
    due: 'termen',
    none: 'Nimic înregistrat.',
  },
};

/**
 * Dates are written in UTC. The text is written once into a document that readers in many time
 * zones share and that never re-renders per reader, so it must not depend on the server's zone
 * or on any one reader's; UTC is how every instant is stored, and for a workshop held in the
 * daytime anywhere between UTC−1 and UTC+3 (the programme's partners) its UTC date is the local
 * date of every participant. A due date is a calendar date: in UTC it stays the day it names.
 */
const TIME_ZONE = 'UTC';

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** The outcome's words and number, date and country formats in one language. */
export function outcomeText(language: Language) {
  const words = WORDS[language];
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: TIME_ZONE });
  const plural = new Intl.PluralRules(language);
  const numbers = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const percents = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const regions = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  const date = (isoOrDay: string) => dates.format(new Date(isoOrDay));
  return {
    words,
    date,
    title: (day: string) => fill(words.title, { date: date(day) }),
    itemTitle: (item: string, day: string) => fill(words.itemTitle, { item, date: date(day) }),
    timing: (planned: number, spent: number) =>
      fill(words.timing, { planned: numbers.format(planned), spent: numbers.format(spent) }),
    voterCount: (n: number) =>
      fill(words.voterCount[plural.select(n)] ?? words.voterCount.other, {
        n: numbers.format(n),
      }),
    number: (n: number) => numbers.format(n),
    /** `percent` is 0–100, as the tally gives it. */
    percent: (percent: number) => percents.format(percent / 100),
    country: (code: string) => regions.of(code) ?? code,
  };
}

export type OutcomeText = ReturnType<typeof outcomeText>;
