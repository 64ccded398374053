import type { Language } from '@polisee/domain';
import type { DocumentTemplate } from '../types.js';

export const pilotInitiative: Record<Language, DocumentTemplate> = {
  en: {
    summary: 'Plan and evaluation of a pilot that tests a policy-learning mechanism in practice.',
    sections: [
      {
        heading: 'Objective',
        prompt:
          'State what the pilot aims to achieve and which policy problem or thematic priority it addresses.',
      },
      {
        heading: 'Mechanism tested',
        prompt:
          'Describe the policy-learning mechanism being tested (for example peer review, staff exchange or joint foresight) and how it is expected to work.',
      },
      {
        heading: 'Partners',
        prompt:
          'List the partners involved, their role in the pilot and the stakeholders they will engage.',
        block: {
          type: 'table',
          header: ['Partner', 'Role in the pilot', 'Stakeholders engaged'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Activities',
        prompt: 'List the activities of the pilot in order, with who does what and by when.',
        block: {
          type: 'tasks',
          items: [
            'Prepare the pilot and agree roles with the partners',
            'Carry out the pilot activities',
            'Collect feedback from participants',
            'Evaluate the results and report to the working group',
          ],
        },
      },
      {
        heading: 'Evaluation criteria',
        prompt:
          'Define how the pilot will be judged: for each criterion, the indicator, the target and where the data will come from.',
        block: {
          type: 'table',
          header: ['Criterion', 'Indicator', 'Target', 'Data source'],
          rows: [
            ['Relevance', '', '', ''],
            ['Effectiveness', '', '', ''],
            ['Efficiency', '', '', ''],
            ['Transferability', '', '', ''],
            ['Sustainability', '', '', ''],
          ],
        },
      },
      {
        heading: 'Results and evaluation',
        prompt:
          'Describe what happened and the results against each criterion, and conclude whether the mechanism should be scaled up, adapted or discontinued.',
      },
    ],
  },
  sq: {
    summary:
      'Plani dhe vlerësimi i një nisme pilote që teston në praktikë një mekanizëm të të mësuarit të politikave.',
    sections: [
      {
        heading: 'Objektivi',
        prompt:
          'Tregoni çfarë synon të arrijë nisma pilote dhe cilin problem politikash ose prioritet tematik trajton.',
      },
      {
        heading: 'Mekanizmi që testohet',
        prompt:
          'Përshkruani mekanizmin e të mësuarit të politikave që testohet (për shembull vlerësimi nga homologët, shkëmbimi i stafit ose ushtrimet e përbashkëta të parashikimit strategjik) dhe si pritet të funksionojë.',
      },
      {
        heading: 'Partnerët',
        prompt:
          'Rendisni partnerët e përfshirë, rolin e tyre në nismën pilote dhe palët e interesuara që do të angazhojnë.',
        block: {
          type: 'table',
          header: ['Partneri', 'Roli në nismën pilote', 'Palët e interesuara të angazhuara'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Aktivitetet',
        prompt:
          'Rendisni me radhë aktivitetet e nismës pilote, duke treguar kush bën çfarë dhe deri kur.',
        block: {
          type: 'tasks',
          items: [
            'Përgatitja e nismës pilote dhe përcaktimi i roleve me partnerët',
            'Zbatimi i aktiviteteve të nismës pilote',
            'Mbledhja e komenteve nga pjesëmarrësit',
            'Vlerësimi i rezultateve dhe raportimi në grupin e punës',
          ],
        },
      },
      {
        heading: 'Kriteret e vlerësimit',
        prompt:
          'Përcaktoni si do të gjykohet nisma pilote: për çdo kriter, treguesin, vlerën e synuar dhe burimin e të dhënave.',
        block: {
          type: 'table',
          header: ['Kriteri', 'Treguesi', 'Vlera e synuar', 'Burimi i të dhënave'],
          rows: [
            ['Relevanca', '', '', ''],
            ['Efektiviteti', '', '', ''],
            ['Efikasiteti', '', '', ''],
            ['Transferueshmëria', '', '', ''],
            ['Qëndrueshmëria', '', '', ''],
          ],
        },
      },
      {
        heading: 'Rezultatet dhe vlerësimi',
        prompt:
          'Përshkruani çfarë ndodhi dhe rezultatet sipas çdo kriteri, dhe konkludoni nëse mekanizmi duhet zgjeruar, përshtatur apo ndërprerë.',
      },
    ],
  },
  bg: {
    summary:
      'План и оценка на пилотна инициатива, която изпитва на практика механизъм за учене в областта на политиките.',
    sections: [
      {
        heading: 'Цел',
        prompt:
          'Посочете какво цели да постигне пилотната инициатива и към кой проблем на политиката или тематичен приоритет е насочена.',
      },
      {
        heading: 'Изпитван механизъм',
        prompt:
          'Опишете изпитвания механизъм за учене в областта на политиките (например партньорска оценка, обмен на служители или съвместен форсайт) и как се очаква да работи.',
      },
      {
        heading: 'Партньори',
        prompt:
          'Избройте участващите партньори, тяхната роля в пилотната инициатива и заинтересованите страни, които ще привлекат.',
        block: {
          type: 'table',
          header: ['Партньор', 'Роля в пилотната инициатива', 'Привлечени заинтересовани страни'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Дейности',
        prompt:
          'Избройте дейностите на пилотната инициатива в хронологичен ред, като посочите кой какво прави и в какъв срок.',
        block: {
          type: 'tasks',
          items: [
            'Подготовка на пилотната инициатива и договаряне на ролите с партньорите',
            'Изпълнение на пилотните дейности',
            'Събиране на обратна връзка от участниците',
            'Оценка на резултатите и доклад пред работната група',
          ],
        },
      },
      {
        heading: 'Критерии за оценка',
        prompt:
          'Определете как ще бъде оценена пилотната инициатива: за всеки критерий посочете индикатора, целевата стойност и източника на данни.',
        block: {
          type: 'table',
          header: ['Критерий', 'Индикатор', 'Целева стойност', 'Източник на данни'],
          rows: [
            ['Уместност', '', '', ''],
            ['Ефективност', '', '', ''],
            ['Ефикасност', '', '', ''],
            ['Преносимост', '', '', ''],
            ['Устойчивост', '', '', ''],
          ],
        },
      },
      {
        heading: 'Резултати и оценка',
        prompt:
          'Опишете какво се е случило и резултатите по всеки критерий и направете заключение дали механизмът трябва да бъде разширен, адаптиран или прекратен.',
      },
    ],
  },
  el: {
    summary:
      'Σχεδιασμός και αξιολόγηση πιλοτικής δράσης που δοκιμάζει στην πράξη έναν μηχανισμό μάθησης πολιτικής.',
    sections: [
      {
        heading: 'Στόχος',
        prompt:
          'Αναφέρετε τι επιδιώκει να επιτύχει η πιλοτική δράση και ποιο ζήτημα πολιτικής ή ποια θεματική προτεραιότητα αφορά.',
      },
      {
        heading: 'Μηχανισμός που δοκιμάζεται',
        prompt:
          'Περιγράψτε τον μηχανισμό μάθησης πολιτικής που δοκιμάζεται (για παράδειγμα αξιολόγηση από ομοτίμους, ανταλλαγή προσωπικού ή κοινή άσκηση στρατηγικής πρόβλεψης) και πώς αναμένεται να λειτουργήσει.',
      },
      {
        heading: 'Εταίροι',
        prompt:
          'Απαριθμήστε τους εταίρους που συμμετέχουν, τον ρόλο τους στην πιλοτική δράση και τους ενδιαφερόμενους φορείς που θα εμπλέξουν.',
        block: {
          type: 'table',
          header: ['Εταίρος', 'Ρόλος στην πιλοτική δράση', 'Εμπλεκόμενοι φορείς'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Δραστηριότητες',
        prompt:
          'Απαριθμήστε με χρονολογική σειρά τις δραστηριότητες της πιλοτικής δράσης, με το ποιος κάνει τι και έως πότε.',
        block: {
          type: 'tasks',
          items: [
            'Προετοιμασία της πιλοτικής δράσης και συμφωνία για τους ρόλους με τους εταίρους',
            'Υλοποίηση των πιλοτικών δραστηριοτήτων',
            'Συλλογή ανατροφοδότησης από τους συμμετέχοντες',
            'Αξιολόγηση των αποτελεσμάτων και ενημέρωση της ομάδας εργασίας',
          ],
        },
      },
      {
        heading: 'Κριτήρια αξιολόγησης',
        prompt:
          'Καθορίστε πώς θα κριθεί η πιλοτική δράση: για κάθε κριτήριο, τον δείκτη, την τιμή-στόχο και την πηγή των δεδομένων.',
        block: {
          type: 'table',
          header: ['Κριτήριο', 'Δείκτης', 'Τιμή-στόχος', 'Πηγή δεδομένων'],
          rows: [
            ['Συνάφεια', '', '', ''],
            ['Αποτελεσματικότητα', '', '', ''],
            ['Αποδοτικότητα', '', '', ''],
            ['Δυνατότητα μεταφοράς', '', '', ''],
            ['Βιωσιμότητα', '', '', ''],
          ],
        },
      },
      {
        heading: 'Αποτελέσματα και αξιολόγηση',
        prompt:
          'Περιγράψτε τι συνέβη και τα αποτελέσματα ανά κριτήριο και καταλήξτε αν ο μηχανισμός πρέπει να επεκταθεί, να προσαρμοστεί ή να διακοπεί.',
      },
    ],
  },
  hu: {
    summary:
      'Egy szakpolitikai tanulási mechanizmust a gyakorlatban kipróbáló pilotprojekt terve és értékelése.',
    sections: [
      {
        heading: 'Cél',
        prompt:
          'Fogalmazza meg, mit kíván elérni a pilotprojekt, és melyik szakpolitikai problémára vagy tematikus prioritásra irányul.',
      },
      {
        heading: 'A kipróbált mechanizmus',
        prompt:
          'Írja le a kipróbált szakpolitikai tanulási mechanizmust (például kölcsönös szakértői értékelés, munkatársak cseréje vagy közös jövőkutatás) és várható működését.',
      },
      {
        heading: 'Partnerek',
        prompt:
          'Sorolja fel a részt vevő partnereket, a pilotprojektben betöltött szerepüket és az általuk bevont érdekelt feleket.',
        block: {
          type: 'table',
          header: ['Partner', 'Szerep a pilotprojektben', 'Bevont érdekelt felek'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Tevékenységek',
        prompt:
          'Sorolja fel időrendben a pilotprojekt tevékenységeit, megadva, ki mit és milyen határidőre végez.',
        block: {
          type: 'tasks',
          items: [
            'A pilotprojekt előkészítése és a szerepek egyeztetése a partnerekkel',
            'A pilotprojekt tevékenységeinek végrehajtása',
            'Visszajelzések gyűjtése a résztvevőktől',
            'Az eredmények értékelése és beszámoló a munkacsoportnak',
          ],
        },
      },
      {
        heading: 'Értékelési szempontok',
        prompt:
          'Határozza meg, hogyan értékelik a pilotprojektet: minden szempontnál adja meg a mutatót, a célértéket és az adatforrást.',
        block: {
          type: 'table',
          header: ['Szempont', 'Mutató', 'Célérték', 'Adatforrás'],
          rows: [
            ['Relevancia', '', '', ''],
            ['Eredményesség', '', '', ''],
            ['Hatékonyság', '', '', ''],
            ['Átvehetőség', '', '', ''],
            ['Fenntarthatóság', '', '', ''],
          ],
        },
      },
      {
        heading: 'Eredmények és értékelés',
        prompt:
          'Írja le, mi történt, és milyen eredmények születtek az egyes szempontok szerint, majd vonja le a következtetést: érdemes-e a mechanizmust kiterjeszteni, módosítani vagy megszüntetni.',
      },
    ],
  },
  ro: {
    summary:
      'Planul și evaluarea unui proiect-pilot care testează în practică un mecanism de învățare în domeniul politicilor.',
    sections: [
      {
        heading: 'Obiectiv',
        prompt:
          'Precizați ce urmărește să realizeze proiectul-pilot și ce problemă de politică sau prioritate tematică abordează.',
      },
      {
        heading: 'Mecanismul testat',
        prompt:
          'Descrieți mecanismul de învățare în domeniul politicilor care este testat (de exemplu evaluarea inter pares, schimbul de personal sau un exercițiu comun de prospectivă) și modul în care se așteaptă să funcționeze.',
      },
      {
        heading: 'Parteneri',
        prompt:
          'Enumerați partenerii implicați, rolul lor în proiectul-pilot și părțile interesate pe care le vor implica.',
        block: {
          type: 'table',
          header: ['Partener', 'Rol în proiectul-pilot', 'Părți interesate implicate'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Activități',
        prompt:
          'Enumerați în ordine activitățile proiectului-pilot, precizând cine ce face și până când.',
        block: {
          type: 'tasks',
          items: [
            'Pregătirea proiectului-pilot și stabilirea rolurilor cu partenerii',
            'Desfășurarea activităților-pilot',
            'Colectarea feedbackului de la participanți',
            'Evaluarea rezultatelor și raportarea către grupul de lucru',
          ],
        },
      },
      {
        heading: 'Criterii de evaluare',
        prompt:
          'Stabiliți cum va fi evaluat proiectul-pilot: pentru fiecare criteriu, indicatorul, ținta și sursa datelor.',
        block: {
          type: 'table',
          header: ['Criteriu', 'Indicator', 'Țintă', 'Sursa datelor'],
          rows: [
            ['Relevanță', '', '', ''],
            ['Eficacitate', '', '', ''],
            ['Eficiență', '', '', ''],
            ['Transferabilitate', '', '', ''],
            ['Sustenabilitate', '', '', ''],
          ],
        },
      },
      {
        heading: 'Rezultate și evaluare',
        prompt:
          'Descrieți ce s-a întâmplat și rezultatele pentru fiecare criteriu și concluzionați dacă mecanismul ar trebui extins, adaptat sau abandonat.',
      },
    ],
  },
};
