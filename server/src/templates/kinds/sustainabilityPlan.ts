import type { Language } from '@polisee/domain';
import type { DocumentTemplate } from '../types.js';

export const sustainabilityPlan: Record<Language, DocumentTemplate> = {
  en: {
    summary:
      'How the results of the programme will be kept alive, owned and financed after it ends.',
    sections: [
      {
        heading: 'Results to sustain',
        prompt:
          'List the results that should continue after the programme ends (tools, networks, policy changes, knowledge base) and explain why each is worth sustaining.',
        block: {
          type: 'table',
          header: ['Result', 'Type', 'Why it should continue'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Owners',
        prompt:
          'For each result, name the organisation that will take ownership after the programme and state what it commits to do.',
        block: {
          type: 'table',
          header: ['Result', 'Owner', 'Commitment'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Resources and financing',
        prompt:
          'Describe the staff, budget and funding sources needed to keep each result going, such as regional or national programmes, EU funds or membership fees, and state whether the funding is already secured.',
        block: {
          type: 'table',
          header: ['Resource needed', 'Estimated cost', 'Funding source', 'Status'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Governance',
        prompt:
          'Describe how decisions will be taken after the programme: who coordinates, how partners stay involved and how often they meet.',
      },
      {
        heading: 'Risks',
        prompt:
          'List the main risks to continuing the results, such as loss of funding or staff turnover, and how each will be mitigated.',
        block: {
          type: 'table',
          header: ['Risk', 'Likelihood', 'Impact', 'Mitigation measure'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Monitoring',
        prompt:
          'Explain how progress will be monitored after the programme: which indicators are used, who reports on them and when the plan will be reviewed.',
      },
    ],
  },
  sq: {
    summary:
      'Si do të vijojnë rezultatet e programit pas përfundimit të tij: kush i merr përsipër, me çfarë burimesh dhe si financohen.',
    sections: [
      {
        heading: 'Rezultatet që duhen ruajtur',
        prompt:
          'Rendisni rezultatet që duhet të vazhdojnë pas përfundimit të programit (mjete, rrjete, ndryshime në politika, baza e njohurive) dhe shpjegoni pse ia vlen të ruhet secili prej tyre.',
        block: {
          type: 'table',
          header: ['Rezultati', 'Lloji', 'Pse duhet të vazhdojë'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Pronësia e rezultateve',
        prompt:
          'Për çdo rezultat, emërtoni organizatën që do ta marrë përsipër pas programit dhe tregoni çfarë angazhohet të bëjë.',
        block: {
          type: 'table',
          header: ['Rezultati', 'Organizata përgjegjëse', 'Angazhimi'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Burimet dhe financimi',
        prompt:
          'Përshkruani stafin, buxhetin dhe burimet e financimit që nevojiten për të vazhduar çdo rezultat, si programet rajonale ose kombëtare, fondet e BE-së ose kuotat e anëtarësisë, dhe tregoni nëse financimi është siguruar tashmë.',
        block: {
          type: 'table',
          header: ['Burimi i nevojshëm', 'Kostoja e vlerësuar', 'Burimi i financimit', 'Statusi'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Qeverisja',
        prompt:
          'Përshkruani si do të merren vendimet pas programit: kush koordinon, si mbeten të përfshirë partnerët dhe sa shpesh takohen.',
      },
      {
        heading: 'Rreziqet',
        prompt:
          'Rendisni rreziqet kryesore për vazhdimin e rezultateve, si humbja e financimit ose largimi i stafit, dhe si do të zbutet secili prej tyre.',
        block: {
          type: 'table',
          header: ['Rreziku', 'Probabiliteti', 'Ndikimi', 'Masa zbutëse'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Monitorimi',
        prompt:
          'Shpjegoni si do të monitorohet përparimi pas programit: cilët tregues përdoren, kush raporton për to dhe kur do të rishikohet plani.',
      },
    ],
  },
  bg: {
    summary:
      'Как резултатите от програмата ще продължат да се използват, поддържат и финансират след нейния край.',
    sections: [
      {
        heading: 'Резултати, които да бъдат запазени',
        prompt:
          'Избройте резултатите, които трябва да продължат след края на програмата (инструменти, мрежи, промени в политиките, база знания), и обяснете защо си струва всеки от тях да бъде запазен.',
        block: {
          type: 'table',
          header: ['Резултат', 'Вид', 'Защо трябва да продължи'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Отговорни организации',
        prompt:
          'За всеки резултат посочете организацията, която ще поеме отговорност за него след програмата, и какво се ангажира да прави.',
        block: {
          type: 'table',
          header: ['Резултат', 'Отговорна организация', 'Ангажимент'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Ресурси и финансиране',
        prompt:
          'Опишете персонала, бюджета и източниците на финансиране, необходими за поддържането на всеки резултат, например регионални или национални програми, фондове на ЕС или членски внос, и посочете дали финансирането вече е осигурено.',
        block: {
          type: 'table',
          header: ['Необходим ресурс', 'Прогнозна стойност', 'Източник на финансиране', 'Статус'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Управление',
        prompt:
          'Опишете как ще се вземат решенията след програмата: кой координира, как партньорите остават ангажирани и колко често се срещат.',
      },
      {
        heading: 'Рискове',
        prompt:
          'Избройте основните рискове за продължаването на резултатите, като загуба на финансиране или текучество на персонала, и как ще бъде ограничен всеки от тях.',
        block: {
          type: 'table',
          header: ['Риск', 'Вероятност', 'Въздействие', 'Мярка за ограничаване'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Мониторинг',
        prompt:
          'Обяснете как ще се наблюдава напредъкът след програмата: кои индикатори се използват, кой докладва по тях и кога планът ще бъде преразгледан.',
      },
    ],
  },
  el: {
    summary:
      'Πώς τα αποτελέσματα του προγράμματος θα διατηρηθούν, ποιος θα τα αναλάβει και πώς θα χρηματοδοτηθούν μετά τη λήξη του.',
    sections: [
      {
        heading: 'Αποτελέσματα προς διατήρηση',
        prompt:
          'Απαριθμήστε τα αποτελέσματα που πρέπει να συνεχιστούν μετά τη λήξη του προγράμματος (εργαλεία, δίκτυα, αλλαγές πολιτικής, βάση γνώσεων) και εξηγήστε γιατί αξίζει να διατηρηθεί το καθένα.',
        block: {
          type: 'table',
          header: ['Αποτέλεσμα', 'Είδος', 'Γιατί πρέπει να συνεχιστεί'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Φορείς ευθύνης',
        prompt:
          'Για κάθε αποτέλεσμα, κατονομάστε τον φορέα που θα το αναλάβει μετά το πρόγραμμα και αναφέρετε τι δεσμεύεται να κάνει.',
        block: {
          type: 'table',
          header: ['Αποτέλεσμα', 'Υπεύθυνος φορέας', 'Δέσμευση'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Πόροι και χρηματοδότηση',
        prompt:
          'Περιγράψτε το προσωπικό, τον προϋπολογισμό και τις πηγές χρηματοδότησης που απαιτούνται για τη συνέχιση κάθε αποτελέσματος, όπως περιφερειακά ή εθνικά προγράμματα, ευρωπαϊκά ταμεία ή συνδρομές μελών, και αναφέρετε αν η χρηματοδότηση έχει ήδη εξασφαλιστεί.',
        block: {
          type: 'table',
          header: ['Απαιτούμενος πόρος', 'Εκτιμώμενο κόστος', 'Πηγή χρηματοδότησης', 'Κατάσταση'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Διακυβέρνηση',
        prompt:
          'Περιγράψτε πώς θα λαμβάνονται οι αποφάσεις μετά το πρόγραμμα: ποιος συντονίζει, πώς παραμένουν ενεργοί οι εταίροι και πόσο συχνά συναντώνται.',
      },
      {
        heading: 'Κίνδυνοι',
        prompt:
          'Απαριθμήστε τους κύριους κινδύνους για τη συνέχιση των αποτελεσμάτων, όπως απώλεια χρηματοδότησης ή αποχωρήσεις προσωπικού, και πώς θα μετριαστεί ο καθένας.',
        block: {
          type: 'table',
          header: ['Κίνδυνος', 'Πιθανότητα', 'Επίπτωση', 'Μέτρο μετριασμού'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Παρακολούθηση',
        prompt:
          'Εξηγήστε πώς θα παρακολουθείται η πρόοδος μετά το πρόγραμμα: ποιοι δείκτες χρησιμοποιούνται, ποιος υποβάλλει τις σχετικές αναφορές και πότε θα επανεξεταστεί το σχέδιο.',
      },
    ],
  },
  hu: {
    summary:
      'Hogyan maradnak fenn a program eredményei a program lezárása után: ki felel értük, és miből finanszírozzák őket.',
    sections: [
      {
        heading: 'Fenntartandó eredmények',
        prompt:
          'Sorolja fel azokat az eredményeket, amelyeknek a program lezárása után is fenn kell maradniuk (eszközök, hálózatok, szakpolitikai változások, tudásbázis), és indokolja, miért érdemes mindegyiket fenntartani.',
        block: {
          type: 'table',
          header: ['Eredmény', 'Típus', 'Miért kell folytatni'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Felelős szervezetek',
        prompt:
          'Minden eredménynél nevezze meg azt a szervezetet, amely a program után átveszi, és írja le, mit vállal.',
        block: {
          type: 'table',
          header: ['Eredmény', 'Felelős szervezet', 'Vállalás'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Erőforrások és finanszírozás',
        prompt:
          'Írja le, milyen személyi erőforrás, költségvetés és finanszírozási forrás szükséges az egyes eredmények fenntartásához (például regionális vagy nemzeti programok, uniós alapok, tagdíjak), és jelezze, hogy a finanszírozás már biztosított-e.',
        block: {
          type: 'table',
          header: ['Szükséges erőforrás', 'Becsült költség', 'Finanszírozási forrás', 'Állapot'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Irányítás',
        prompt:
          'Írja le, hogyan születnek majd a döntések a program után: ki koordinál, hogyan maradnak bevonva a partnerek, és milyen gyakran üléseznek.',
      },
      {
        heading: 'Kockázatok',
        prompt:
          'Sorolja fel az eredmények fenntartását veszélyeztető fő kockázatokat, például a finanszírozás elvesztését vagy a munkatársak fluktuációját, és azt, hogyan mérsékelhető mindegyik.',
        block: {
          type: 'table',
          header: ['Kockázat', 'Valószínűség', 'Hatás', 'Kockázatcsökkentő intézkedés'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Nyomon követés',
        prompt:
          'Magyarázza el, hogyan követik nyomon az előrehaladást a program után: milyen mutatókat használnak, ki számol be róluk, és mikor vizsgálják felül a tervet.',
      },
    ],
  },
  ro: {
    summary:
      'Cum vor continua rezultatele programului după încheierea acestuia: cine le preia, cu ce resurse și cum sunt finanțate.',
    sections: [
      {
        heading: 'Rezultate care trebuie menținute',
        prompt:
          'Enumerați rezultatele care ar trebui să continue după încheierea programului (instrumente, rețele, schimbări de politică, baza de cunoștințe) și explicați de ce merită menținut fiecare.',
        block: {
          type: 'table',
          header: ['Rezultat', 'Tip', 'De ce trebuie să continue'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Organizații responsabile',
        prompt:
          'Pentru fiecare rezultat, numiți organizația care îl va prelua după program și precizați la ce se angajează.',
        block: {
          type: 'table',
          header: ['Rezultat', 'Organizație responsabilă', 'Angajament'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Resurse și finanțare',
        prompt:
          'Descrieți personalul, bugetul și sursele de finanțare necesare pentru menținerea fiecărui rezultat, cum ar fi programe regionale sau naționale, fonduri UE sau cotizații ale membrilor, și precizați dacă finanțarea este deja asigurată.',
        block: {
          type: 'table',
          header: ['Resursă necesară', 'Cost estimat', 'Sursă de finanțare', 'Stadiu'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Guvernanță',
        prompt:
          'Descrieți cum vor fi luate deciziile după program: cine coordonează, cum rămân implicați partenerii și cât de des se întâlnesc.',
      },
      {
        heading: 'Riscuri',
        prompt:
          'Enumerați principalele riscuri pentru continuarea rezultatelor, cum ar fi pierderea finanțării sau fluctuația personalului, și modul în care va fi atenuat fiecare.',
        block: {
          type: 'table',
          header: ['Risc', 'Probabilitate', 'Impact', 'Măsură de atenuare'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
      {
        heading: 'Monitorizare',
        prompt:
          'Explicați cum va fi monitorizat progresul după program: ce indicatori se folosesc, cine raportează și când va fi revizuit planul.',
      },
    ],
  },
};
