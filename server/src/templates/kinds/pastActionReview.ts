import type { Language } from '@polisee/domain';
import type { DocumentTemplate } from '../types.js';

export const pastActionReview: Record<Language, DocumentTemplate> = {
  en: {
    summary:
      'Learning by analysing past actions: what earlier cluster policies did, what they achieved and what they taught us.',
    sections: [
      {
        heading: 'Policies reviewed',
        prompt:
          'List the past policies, programmes or measures under review, with the region, period and responsible body for each.',
        block: {
          type: 'table',
          header: ['Policy or measure', 'Region', 'Period', 'Responsible body'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'What the policies did',
        prompt:
          'Describe the objectives, target groups, instruments and budget of each policy reviewed.',
      },
      {
        heading: 'Results',
        prompt:
          'Describe the results achieved against the original objectives, drawing on evidence such as evaluations or monitoring data.',
      },
      {
        heading: 'Lessons learned',
        prompt:
          'List the main lessons, covering both what worked and what did not, and explain why.',
      },
      {
        heading: 'Barriers and how they were removed',
        prompt:
          'Identify the barriers the policies faced and explain how each was removed or worked around, or why it remained.',
        block: {
          type: 'table',
          header: ['Barrier', 'How it was addressed', 'Outcome'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Implications for current policy',
        prompt:
          'Explain what these lessons mean for current and future cluster policy in the partner regions.',
      },
    ],
  },
  sq: {
    summary:
      'Të mësuarit përmes analizës së veprimeve të kaluara: çfarë bënë, çfarë arritën dhe çfarë na mësuan politikat e mëparshme të klasterëve.',
    sections: [
      {
        heading: 'Politikat e shqyrtuara',
        prompt:
          'Rendisni politikat, programet ose masat e kaluara që shqyrtohen, me rajonin, periudhën dhe organin përgjegjës për secilën.',
        block: {
          type: 'table',
          header: ['Politika ose masa', 'Rajoni', 'Periudha', 'Organi përgjegjës'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Çfarë bënë politikat',
        prompt:
          'Përshkruani objektivat, grupet e synuara, instrumentet dhe buxhetin e secilës politikë të shqyrtuar.',
      },
      {
        heading: 'Rezultatet',
        prompt:
          'Përshkruani rezultatet e arritura në krahasim me objektivat fillestarë, duke u mbështetur në të dhëna si vlerësimet ose të dhënat e monitorimit.',
      },
      {
        heading: 'Mësimet e nxjerra',
        prompt:
          'Rendisni mësimet kryesore, si për atë që funksionoi ashtu edhe për atë që nuk funksionoi, dhe shpjegoni pse.',
      },
      {
        heading: 'Pengesat dhe si u kapërcyen',
        prompt:
          'Identifikoni pengesat me të cilat u përballën politikat dhe shpjegoni si u hoq ose u anashkalua secila prej tyre, ose pse mbeti.',
        block: {
          type: 'table',
          header: ['Pengesa', 'Si u trajtua', 'Rezultati'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Implikimet për politikat aktuale',
        prompt:
          'Shpjegoni çfarë nënkuptojnë këto mësime për politikat aktuale dhe të ardhshme të klasterëve në rajonet partnere.',
      },
    ],
  },
  bg: {
    summary:
      'Учене чрез анализ на минали действия: какво са направили и постигнали предишните клъстерни политики и какви поуки дават.',
    sections: [
      {
        heading: 'Разгледани политики',
        prompt:
          'Избройте разглежданите минали политики, програми или мерки, като за всяка посочите региона, периода и отговорния орган.',
        block: {
          type: 'table',
          header: ['Политика или мярка', 'Регион', 'Период', 'Отговорен орган'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Какво са направили политиките',
        prompt:
          'Опишете целите, целевите групи, инструментите и бюджета на всяка от разгледаните политики.',
      },
      {
        heading: 'Резултати',
        prompt:
          'Опишете постигнатите резултати спрямо първоначалните цели, като се позовете на данни от оценки или мониторинг.',
      },
      {
        heading: 'Поуки',
        prompt:
          'Избройте основните поуки – както какво е проработило, така и какво не – и обяснете защо.',
      },
      {
        heading: 'Пречки и как са били преодолени',
        prompt:
          'Посочете пречките, пред които са се изправили политиките, и обяснете как всяка от тях е била премахната или заобиколена, или защо е останала.',
        block: {
          type: 'table',
          header: ['Пречка', 'Как е била преодоляна', 'Резултат'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Изводи за настоящите политики',
        prompt:
          'Обяснете какво означават тези поуки за настоящата и бъдещата клъстерна политика в партньорските региони.',
      },
    ],
  },
  el: {
    summary:
      'Μάθηση μέσω της ανάλυσης παλαιότερων δράσεων: τι έκαναν, τι πέτυχαν και τι μας δίδαξαν οι προηγούμενες πολιτικές για τους συνεργατικούς σχηματισμούς.',
    sections: [
      {
        heading: 'Πολιτικές που εξετάστηκαν',
        prompt:
          'Απαριθμήστε τις παλαιότερες πολιτικές, τα προγράμματα ή τα μέτρα που εξετάζονται, με την περιφέρεια, την περίοδο και τον αρμόδιο φορέα για το καθένα.',
        block: {
          type: 'table',
          header: ['Πολιτική ή μέτρο', 'Περιφέρεια', 'Περίοδος', 'Αρμόδιος φορέας'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Τι έκαναν οι πολιτικές',
        prompt:
          'Περιγράψτε τους στόχους, τις ομάδες-στόχους, τα εργαλεία και τον προϋπολογισμό κάθε πολιτικής που εξετάστηκε.',
      },
      {
        heading: 'Αποτελέσματα',
        prompt:
          'Περιγράψτε τα αποτελέσματα που επιτεύχθηκαν σε σχέση με τους αρχικούς στόχους, με βάση τεκμήρια όπως αξιολογήσεις ή δεδομένα παρακολούθησης.',
      },
      {
        heading: 'Διδάγματα',
        prompt:
          'Απαριθμήστε τα κύρια διδάγματα, τόσο για όσα λειτούργησαν όσο και για όσα δεν λειτούργησαν, και εξηγήστε γιατί.',
      },
      {
        heading: 'Εμπόδια και πώς αντιμετωπίστηκαν',
        prompt:
          'Προσδιορίστε τα εμπόδια που αντιμετώπισαν οι πολιτικές και εξηγήστε πώς άρθηκε ή παρακάμφθηκε το καθένα ή γιατί παρέμεινε.',
        block: {
          type: 'table',
          header: ['Εμπόδιο', 'Τρόπος αντιμετώπισης', 'Έκβαση'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Συνέπειες για την τρέχουσα πολιτική',
        prompt:
          'Εξηγήστε τι σημαίνουν αυτά τα διδάγματα για την τρέχουσα και τη μελλοντική πολιτική συνεργατικών σχηματισμών στις συμμετέχουσες περιφέρειες.',
      },
    ],
  },
  hu: {
    summary:
      'Tanulás a korábbi intézkedések elemzésével: mit tettek és mit értek el a korábbi klaszterpolitikák, és milyen tanulságokkal szolgálnak.',
    sections: [
      {
        heading: 'Vizsgált szakpolitikák',
        prompt:
          'Sorolja fel a vizsgált korábbi szakpolitikákat, programokat vagy intézkedéseket, mindegyiknél megadva a régiót, az időszakot és a felelős szervet.',
        block: {
          type: 'table',
          header: ['Szakpolitika vagy intézkedés', 'Régió', 'Időszak', 'Felelős szerv'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'A szakpolitikák tartalma',
        prompt:
          'Írja le az egyes vizsgált szakpolitikák célkitűzéseit, célcsoportjait, eszközeit és költségvetését.',
      },
      {
        heading: 'Eredmények',
        prompt:
          'Írja le az elért eredményeket az eredeti célkitűzésekhez képest, értékelésekre vagy monitoringadatokra támaszkodva.',
      },
      {
        heading: 'Tanulságok',
        prompt: 'Sorolja fel a fő tanulságokat – mi működött és mi nem –, és magyarázza el, miért.',
      },
      {
        heading: 'Akadályok és elhárításuk',
        prompt:
          'Azonosítsa a szakpolitikák útjában álló akadályokat, és fejtse ki, hogyan sikerült mindegyiket elhárítani vagy megkerülni, illetve miért maradt fenn.',
        block: {
          type: 'table',
          header: ['Akadály', 'Kezelés módja', 'Eredmény'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Következmények a jelenlegi szakpolitikára',
        prompt:
          'Fejtse ki, mit jelentenek ezek a tanulságok a partnerrégiók jelenlegi és jövőbeli klaszterpolitikája számára.',
      },
    ],
  },
  ro: {
    summary:
      'Învățare prin analiza acțiunilor anterioare: ce au făcut, ce au realizat și ce lecții au oferit politicile de clustere anterioare.',
    sections: [
      {
        heading: 'Politici analizate',
        prompt:
          'Enumerați politicile, programele sau măsurile anterioare analizate, precizând pentru fiecare regiunea, perioada și organismul responsabil.',
        block: {
          type: 'table',
          header: ['Politică sau măsură', 'Regiune', 'Perioadă', 'Organism responsabil'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Conținutul politicilor',
        prompt:
          'Descrieți obiectivele, grupurile-țintă, instrumentele și bugetul fiecărei politici analizate.',
      },
      {
        heading: 'Rezultate',
        prompt:
          'Descrieți rezultatele obținute în raport cu obiectivele inițiale, pe baza unor dovezi precum evaluările sau datele de monitorizare.',
      },
      {
        heading: 'Lecții învățate',
        prompt:
          'Enumerați principalele lecții, atât despre ce a funcționat, cât și despre ce nu a funcționat, și explicați de ce.',
      },
      {
        heading: 'Bariere și modul în care au fost eliminate',
        prompt:
          'Identificați barierele întâmpinate de politici și explicați cum a fost eliminată sau ocolită fiecare ori de ce a persistat.',
        block: {
          type: 'table',
          header: ['Barieră', 'Cum a fost abordată', 'Rezultat'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Implicații pentru politica actuală',
        prompt:
          'Explicați ce înseamnă aceste lecții pentru politica actuală și viitoare de clustere din regiunile partenere.',
      },
    ],
  },
};
