import type { Language } from '@polisee/domain';
import type { DocumentTemplate } from '../types.js';

export const jointStrategicPlan: Record<Language, DocumentTemplate> = {
  en: {
    summary:
      'Shared vision, objectives and actions of the partners across the six thematic priorities, with timeline and indicators.',
    sections: [
      {
        heading: 'Vision',
        prompt:
          'Describe the shared long-term vision for cluster policy in the partner regions. Say what should be different once the plan has been implemented.',
      },
      {
        heading: 'Objectives',
        prompt:
          'List the strategic objectives that translate the vision into measurable goals, ideally one or two per thematic priority.',
      },
      {
        heading: 'Actions per thematic priority',
        prompt:
          'For each thematic priority, describe the main joint action, the partners responsible, when it takes place and the indicator used to track it. Add rows where a priority needs more than one action.',
        block: {
          type: 'table',
          header: ['Thematic priority', 'Action', 'Responsible partners', 'Timeline', 'Indicator'],
          rows: [
            ['Innovation and R&D-driven cluster development', '', '', '', ''],
            ['Sustainability through cluster development', '', '', '', ''],
            ['International cluster cooperation and networking', '', '', '', ''],
            ['Cluster financing', '', '', '', ''],
            ['Smart specialisation', '', '', '', ''],
            ['New skills and jobs', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Timeline',
        prompt:
          'Set out the main phases and milestones of the plan with indicative dates, and note any dependencies between actions.',
        block: {
          type: 'table',
          header: ['Milestone', 'Target date', 'Related actions'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Indicators',
        prompt:
          'List the indicators used to measure progress towards the objectives, with baseline and target values and the source of the data.',
        block: {
          type: 'table',
          header: ['Indicator', 'Baseline', 'Target', 'Data source', 'Frequency of measurement'],
          rows: [
            ['', '', '', '', ''],
            ['', '', '', '', ''],
            ['', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Responsible partners',
        prompt:
          'Name the partner organisations involved and describe the role and commitments of each, including who coordinates the plan.',
        block: {
          type: 'table',
          header: ['Partner', 'Country / region', 'Role and commitments'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
    ],
  },
  sq: {
    summary:
      'Vizioni, objektivat dhe veprimet e përbashkëta të partnerëve për gjashtë prioritetet tematike, me kalendar dhe tregues.',
    sections: [
      {
        heading: 'Vizioni',
        prompt:
          'Përshkruani vizionin e përbashkët afatgjatë për politikën e klasterëve në rajonet partnere. Tregoni çfarë duhet të ketë ndryshuar pasi plani të jetë zbatuar.',
      },
      {
        heading: 'Objektivat',
        prompt:
          'Rendisni objektivat strategjikë që e shndërrojnë vizionin në qëllime të matshme, mundësisht një ose dy për çdo prioritet tematik.',
      },
      {
        heading: 'Veprimet sipas prioritetit tematik',
        prompt:
          'Për çdo prioritet tematik, përshkruani veprimin kryesor të përbashkët, partnerët përgjegjës, kohën e zbatimit dhe treguesin me të cilin do të ndiqet. Shtoni rreshta kur një prioritet kërkon më shumë se një veprim.',
        block: {
          type: 'table',
          header: [
            'Prioriteti tematik',
            'Veprimi',
            'Partnerët përgjegjës',
            'Afati kohor',
            'Treguesi',
          ],
          rows: [
            ['Zhvillimi i klasterëve i bazuar në inovacion dhe kërkim-zhvillim', '', '', '', ''],
            ['Qëndrueshmëria përmes zhvillimit të klasterëve', '', '', '', ''],
            ['Bashkëpunimi dhe rrjetëzimi ndërkombëtar i klasterëve', '', '', '', ''],
            ['Financimi i klasterëve', '', '', '', ''],
            ['Specializimi i zgjuar', '', '', '', ''],
            ['Aftësi të reja dhe vende të reja pune', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Kalendari',
        prompt:
          'Paraqitni fazat kryesore dhe etapat kyçe të planit me data orientuese, si dhe çdo varësi ndërmjet veprimeve.',
        block: {
          type: 'table',
          header: ['Etapa kyçe', 'Data e synuar', 'Veprimet përkatëse'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Treguesit',
        prompt:
          'Rendisni treguesit me të cilët matet përparimi drejt objektivave, me vlerat bazë, vlerat e synuara dhe burimin e të dhënave.',
        block: {
          type: 'table',
          header: [
            'Treguesi',
            'Vlera bazë',
            'Vlera e synuar',
            'Burimi i të dhënave',
            'Shpeshtësia e matjes',
          ],
          rows: [
            ['', '', '', '', ''],
            ['', '', '', '', ''],
            ['', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Partnerët përgjegjës',
        prompt:
          'Emërtoni organizatat partnere të përfshira dhe përshkruani rolin dhe angazhimet e secilës, duke përfshirë edhe atë që koordinon planin.',
        block: {
          type: 'table',
          header: ['Partneri', 'Vendi / rajoni', 'Roli dhe angazhimet'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
    ],
  },
  bg: {
    summary:
      'Обща визия, цели и действия на партньорите по шестте тематични приоритета, с график и индикатори.',
    sections: [
      {
        heading: 'Визия',
        prompt:
          'Опишете общата дългосрочна визия за клъстерната политика в партньорските региони. Посочете какво трябва да се е променило след изпълнението на плана.',
      },
      {
        heading: 'Цели',
        prompt:
          'Избройте стратегическите цели, които превръщат визията в измерими резултати, в идеалния случай по една или две за всеки тематичен приоритет.',
      },
      {
        heading: 'Действия по тематични приоритети',
        prompt:
          'За всеки тематичен приоритет опишете основното съвместно действие, отговорните партньори, срока за изпълнение и индикатора за проследяване. Добавете редове, ако даден приоритет изисква повече от едно действие.',
        block: {
          type: 'table',
          header: ['Тематичен приоритет', 'Действие', 'Отговорни партньори', 'Срок', 'Индикатор'],
          rows: [
            [
              'Развитие на клъстерите, основано на иновации и научноизследователска и развойна дейност',
              '',
              '',
              '',
              '',
            ],
            ['Устойчивост чрез развитие на клъстерите', '', '', '', ''],
            ['Международно клъстерно сътрудничество и работа в мрежа', '', '', '', ''],
            ['Финансиране на клъстерите', '', '', '', ''],
            ['Интелигентна специализация', '', '', '', ''],
            ['Нови умения и работни места', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Времеви график',
        prompt:
          'Представете основните етапи и ключови моменти на плана с ориентировъчни дати и отбележете зависимостите между действията.',
        block: {
          type: 'table',
          header: ['Ключов етап', 'Целева дата', 'Свързани действия'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Индикатори',
        prompt:
          'Избройте индикаторите за измерване на напредъка към целите, с базови и целеви стойности и източник на данните.',
        block: {
          type: 'table',
          header: [
            'Индикатор',
            'Базова стойност',
            'Целева стойност',
            'Източник на данни',
            'Честота на измерване',
          ],
          rows: [
            ['', '', '', '', ''],
            ['', '', '', '', ''],
            ['', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Отговорни партньори',
        prompt:
          'Посочете участващите партньорски организации и опишете ролята и ангажиментите на всяка от тях, включително коя координира плана.',
        block: {
          type: 'table',
          header: ['Партньор', 'Държава / регион', 'Роля и ангажименти'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
    ],
  },
  el: {
    summary:
      'Κοινό όραμα, στόχοι και δράσεις των εταίρων για τις έξι θεματικές προτεραιότητες, με χρονοδιάγραμμα και δείκτες.',
    sections: [
      {
        heading: 'Όραμα',
        prompt:
          'Περιγράψτε το κοινό μακροπρόθεσμο όραμα για την πολιτική συνεργατικών σχηματισμών (clusters) στις συμμετέχουσες περιφέρειες. Αναφέρετε τι θα πρέπει να έχει αλλάξει μετά την υλοποίηση του σχεδίου.',
      },
      {
        heading: 'Στόχοι',
        prompt:
          'Απαριθμήστε τους στρατηγικούς στόχους που μετατρέπουν το όραμα σε μετρήσιμα αποτελέσματα, κατά προτίμηση έναν ή δύο ανά θεματική προτεραιότητα.',
      },
      {
        heading: 'Δράσεις ανά θεματική προτεραιότητα',
        prompt:
          'Για κάθε θεματική προτεραιότητα, περιγράψτε την κύρια κοινή δράση, τους υπεύθυνους εταίρους, το χρονικό διάστημα υλοποίησης και τον δείκτη παρακολούθησης. Προσθέστε γραμμές όταν μια προτεραιότητα απαιτεί περισσότερες από μία δράσεις.',
        block: {
          type: 'table',
          header: [
            'Θεματική προτεραιότητα',
            'Δράση',
            'Υπεύθυνοι εταίροι',
            'Χρονοδιάγραμμα',
            'Δείκτης',
          ],
          rows: [
            [
              'Ανάπτυξη συνεργατικών σχηματισμών με βάση την καινοτομία και την Ε&Α',
              '',
              '',
              '',
              '',
            ],
            ['Βιωσιμότητα μέσω της ανάπτυξης συνεργατικών σχηματισμών', '', '', '', ''],
            ['Διεθνής συνεργασία και δικτύωση συνεργατικών σχηματισμών', '', '', '', ''],
            ['Χρηματοδότηση συνεργατικών σχηματισμών', '', '', '', ''],
            ['Έξυπνη εξειδίκευση', '', '', '', ''],
            ['Νέες δεξιότητες και θέσεις εργασίας', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Χρονοδιάγραμμα',
        prompt:
          'Παρουσιάστε τις κύριες φάσεις και τα ορόσημα του σχεδίου με ενδεικτικές ημερομηνίες και σημειώστε τυχόν αλληλεξαρτήσεις μεταξύ των δράσεων.',
        block: {
          type: 'table',
          header: ['Ορόσημο', 'Ημερομηνία-στόχος', 'Σχετικές δράσεις'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Δείκτες',
        prompt:
          'Απαριθμήστε τους δείκτες με τους οποίους μετράται η πρόοδος προς τους στόχους, με τιμές βάσης, τιμές-στόχους και πηγή δεδομένων.',
        block: {
          type: 'table',
          header: ['Δείκτης', 'Τιμή βάσης', 'Τιμή-στόχος', 'Πηγή δεδομένων', 'Συχνότητα μέτρησης'],
          rows: [
            ['', '', '', '', ''],
            ['', '', '', '', ''],
            ['', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Υπεύθυνοι εταίροι',
        prompt:
          'Κατονομάστε τους εταίρους που συμμετέχουν και περιγράψτε τον ρόλο και τις δεσμεύσεις καθενός, καθώς και ποιος συντονίζει το σχέδιο.',
        block: {
          type: 'table',
          header: ['Εταίρος', 'Χώρα / περιφέρεια', 'Ρόλος και δεσμεύσεις'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
    ],
  },
  hu: {
    summary:
      'A partnerek közös jövőképe, célkitűzései és intézkedései a hat tematikus prioritás mentén, ütemtervvel és mutatókkal.',
    sections: [
      {
        heading: 'Jövőkép',
        prompt:
          'Írja le a partnerrégiók klaszterpolitikájára vonatkozó közös, hosszú távú jövőképet. Fogalmazza meg, mi lesz másként a terv megvalósítása után.',
      },
      {
        heading: 'Célkitűzések',
        prompt:
          'Sorolja fel azokat a stratégiai célkitűzéseket, amelyek a jövőképet mérhető célokká alakítják, lehetőleg tematikus prioritásonként egyet vagy kettőt.',
      },
      {
        heading: 'Intézkedések tematikus prioritásonként',
        prompt:
          'Minden tematikus prioritásnál írja le a fő közös intézkedést, a felelős partnereket, a megvalósítás idejét és a nyomon követésre szolgáló mutatót. Adjon hozzá sorokat, ha egy prioritáshoz több intézkedés tartozik.',
        block: {
          type: 'table',
          header: ['Tematikus prioritás', 'Intézkedés', 'Felelős partnerek', 'Ütemezés', 'Mutató'],
          rows: [
            ['Innováció- és K+F-vezérelt klaszterfejlesztés', '', '', '', ''],
            ['Fenntarthatóság a klaszterfejlesztés révén', '', '', '', ''],
            ['Nemzetközi klaszter-együttműködés és hálózatépítés', '', '', '', ''],
            ['Klaszterfinanszírozás', '', '', '', ''],
            ['Intelligens szakosodás', '', '', '', ''],
            ['Új készségek és munkahelyek', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Ütemterv',
        prompt:
          'Mutassa be a terv fő szakaszait és mérföldköveit tájékoztató jellegű dátumokkal, és jelezze az intézkedések közötti esetleges függőségeket.',
        block: {
          type: 'table',
          header: ['Mérföldkő', 'Céldátum', 'Kapcsolódó intézkedések'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Mutatók',
        prompt:
          'Sorolja fel a célkitűzések felé tett előrehaladás mérésére szolgáló mutatókat a kiinduló és a célértékkel, valamint az adatforrással együtt.',
        block: {
          type: 'table',
          header: ['Mutató', 'Kiinduló érték', 'Célérték', 'Adatforrás', 'Mérés gyakorisága'],
          rows: [
            ['', '', '', '', ''],
            ['', '', '', '', ''],
            ['', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Felelős partnerek',
        prompt:
          'Nevezze meg a részt vevő partnerszervezeteket, és írja le mindegyik szerepét és vállalásait, azt is feltüntetve, ki koordinálja a tervet.',
        block: {
          type: 'table',
          header: ['Partner', 'Ország / régió', 'Szerep és vállalások'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
    ],
  },
  ro: {
    summary:
      'Viziunea, obiectivele și acțiunile comune ale partenerilor pentru cele șase priorități tematice, cu calendar și indicatori.',
    sections: [
      {
        heading: 'Viziune',
        prompt:
          'Descrieți viziunea comună pe termen lung pentru politica de clustere în regiunile partenere. Precizați ce ar trebui să se fi schimbat după implementarea planului.',
      },
      {
        heading: 'Obiective',
        prompt:
          'Enumerați obiectivele strategice care transpun viziunea în ținte măsurabile, ideal unul sau două pentru fiecare prioritate tematică.',
      },
      {
        heading: 'Acțiuni pe priorități tematice',
        prompt:
          'Pentru fiecare prioritate tematică, descrieți principala acțiune comună, partenerii responsabili, perioada de desfășurare și indicatorul folosit pentru monitorizare. Adăugați rânduri dacă o prioritate necesită mai multe acțiuni.',
        block: {
          type: 'table',
          header: [
            'Prioritate tematică',
            'Acțiune',
            'Parteneri responsabili',
            'Calendar',
            'Indicator',
          ],
          rows: [
            ['Dezvoltarea clusterelor bazată pe inovare și cercetare-dezvoltare', '', '', '', ''],
            ['Sustenabilitate prin dezvoltarea clusterelor', '', '', '', ''],
            ['Cooperare internațională și colaborare în rețea între clustere', '', '', '', ''],
            ['Finanțarea clusterelor', '', '', '', ''],
            ['Specializare inteligentă', '', '', '', ''],
            ['Noi competențe și locuri de muncă', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Calendar de implementare',
        prompt:
          'Prezentați principalele etape și repere ale planului, cu date orientative, și menționați eventualele interdependențe între acțiuni.',
        block: {
          type: 'table',
          header: ['Reper', 'Termen-țintă', 'Acțiuni asociate'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Indicatori',
        prompt:
          'Enumerați indicatorii folosiți pentru a măsura progresul către obiective, cu valorile de referință, valorile-țintă și sursa datelor.',
        block: {
          type: 'table',
          header: [
            'Indicator',
            'Valoare de referință',
            'Valoare-țintă',
            'Sursa datelor',
            'Frecvența măsurării',
          ],
          rows: [
            ['', '', '', '', ''],
            ['', '', '', '', ''],
            ['', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Parteneri responsabili',
        prompt:
          'Numiți organizațiile partenere implicate și descrieți rolul și angajamentele fiecăreia, inclusiv cine coordonează planul.',
        block: {
          type: 'table',
          header: ['Partener', 'Țară / regiune', 'Rol și angajamente'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
    ],
  },
};
