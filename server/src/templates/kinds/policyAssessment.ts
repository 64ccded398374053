import type { Language } from '@polisee/domain';
import type { DocumentTemplate } from '../types.js';

export const policyAssessment: Record<Language, DocumentTemplate> = {
  en: {
    summary:
      'Learning by mutual study of current regional policy frameworks: the six priorities scored against common criteria, region by region.',
    sections: [
      {
        heading: 'Scope',
        prompt:
          'Describe the policy frameworks assessed (strategies, programmes, measures), the regions covered and the period under review.',
      },
      {
        heading: 'Scoring method',
        prompt:
          'Explain the scoring scale (for example 1 = weak to 5 = strong) and how the partners agreed on the scores.',
      },
      {
        heading: 'Assessment matrix',
        prompt:
          'Score each thematic priority against each criterion for the region concerned, adding a short justification where a score needs explaining. Use one matrix per region and state which region it covers.',
        block: {
          type: 'table',
          header: [
            'Thematic priority',
            'Relevance',
            'Effectiveness',
            'Efficiency',
            'Barriers',
            'Good practice',
          ],
          rows: [
            ['Innovation and R&D-driven cluster development', '', '', '', '', ''],
            ['Sustainability through cluster development', '', '', '', '', ''],
            ['International cluster cooperation and networking', '', '', '', '', ''],
            ['Cluster financing', '', '', '', '', ''],
            ['Smart specialisation', '', '', '', '', ''],
            ['New skills and jobs', '', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Regional findings',
        prompt:
          'Summarise the main strengths and weaknesses found in each region, backed by evidence from the matrix.',
        block: {
          type: 'table',
          header: ['Region', 'Strengths', 'Weaknesses'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Aggregated view',
        prompt:
          'Compare the regions: where scores converge or diverge, which barriers are shared, and which good practices could be transferred to other regions.',
      },
      {
        heading: 'Recommendations',
        prompt:
          'List concrete recommendations for improving the policy frameworks, stating who should act on each and by when.',
      },
    ],
  },
  sq: {
    summary:
      'Të mësuarit përmes studimit të ndërsjellë të kuadrove aktuale rajonale të politikave: gjashtë prioritetet vlerësohen sipas kritereve të përbashkëta, rajon për rajon.',
    sections: [
      {
        heading: 'Fusha e vlerësimit',
        prompt:
          'Përshkruani kuadrot e politikave që vlerësohen (strategji, programe, masa), rajonet e përfshira dhe periudhën që shqyrtohet.',
      },
      {
        heading: 'Metoda e pikëzimit',
        prompt:
          'Shpjegoni shkallën e pikëzimit (për shembull nga 1 = e dobët deri në 5 = e fortë) dhe si ranë dakord partnerët për pikët.',
      },
      {
        heading: 'Matrica e vlerësimit',
        prompt:
          'Vlerësoni çdo prioritet tematik sipas çdo kriteri për rajonin përkatës, duke shtuar një arsyetim të shkurtër kur një pikë ka nevojë për shpjegim. Përdorni një matricë për çdo rajon dhe tregoni cilin rajon mbulon.',
        block: {
          type: 'table',
          header: [
            'Prioriteti tematik',
            'Relevanca',
            'Efektiviteti',
            'Efikasiteti',
            'Pengesat',
            'Praktikat e mira',
          ],
          rows: [
            [
              'Zhvillimi i klasterëve i bazuar në inovacion dhe kërkim-zhvillim',
              '',
              '',
              '',
              '',
              '',
            ],
            ['Qëndrueshmëria përmes zhvillimit të klasterëve', '', '', '', '', ''],
            ['Bashkëpunimi dhe rrjetëzimi ndërkombëtar i klasterëve', '', '', '', '', ''],
            ['Financimi i klasterëve', '', '', '', '', ''],
            ['Specializimi i zgjuar', '', '', '', '', ''],
            ['Aftësi të reja dhe vende të reja pune', '', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Gjetjet rajonale',
        prompt:
          'Përmblidhni pikat e forta dhe të dobëta kryesore të gjetura në secilin rajon, të mbështetura me të dhëna nga matrica.',
        block: {
          type: 'table',
          header: ['Rajoni', 'Pikat e forta', 'Pikat e dobëta'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Pamja e përmbledhur',
        prompt:
          'Krahasoni rajonet: ku përputhen ose ndryshojnë pikët, cilat pengesa janë të përbashkëta dhe cilat praktika të mira mund të transferohen në rajone të tjera.',
      },
      {
        heading: 'Rekomandimet',
        prompt:
          'Rendisni rekomandime konkrete për përmirësimin e kuadrove të politikave, duke treguar kush duhet të veprojë për secilin dhe brenda çfarë afati.',
      },
    ],
  },
  bg: {
    summary:
      'Учене чрез взаимно проучване на действащите регионални политически рамки: шестте приоритета, оценени по общи критерии за всеки регион.',
    sections: [
      {
        heading: 'Обхват',
        prompt:
          'Опишете оценяваните политически рамки (стратегии, програми, мерки), обхванатите региони и разглеждания период.',
      },
      {
        heading: 'Метод на оценяване',
        prompt:
          'Обяснете скалата за оценяване (например от 1 = слабо до 5 = силно) и как партньорите са постигнали съгласие за оценките.',
      },
      {
        heading: 'Матрица за оценка',
        prompt:
          'Оценете всеки тематичен приоритет по всеки критерий за съответния регион, като добавите кратка обосновка, когато дадена оценка се нуждае от пояснение. Използвайте по една матрица за всеки регион и посочете за кой регион се отнася.',
        block: {
          type: 'table',
          header: [
            'Тематичен приоритет',
            'Уместност',
            'Ефективност',
            'Ефикасност',
            'Пречки',
            'Добри практики',
          ],
          rows: [
            [
              'Развитие на клъстерите, основано на иновации и научноизследователска и развойна дейност',
              '',
              '',
              '',
              '',
              '',
            ],
            ['Устойчивост чрез развитие на клъстерите', '', '', '', '', ''],
            ['Международно клъстерно сътрудничество и работа в мрежа', '', '', '', '', ''],
            ['Финансиране на клъстерите', '', '', '', '', ''],
            ['Интелигентна специализация', '', '', '', '', ''],
            ['Нови умения и работни места', '', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Регионални констатации',
        prompt:
          'Обобщете основните силни и слаби страни, установени във всеки регион, подкрепени с данни от матрицата.',
        block: {
          type: 'table',
          header: ['Регион', 'Силни страни', 'Слаби страни'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Обобщен поглед',
        prompt:
          'Сравнете регионите: къде оценките съвпадат или се различават, кои пречки са общи и кои добри практики биха могли да бъдат пренесени в други региони.',
      },
      {
        heading: 'Препоръки',
        prompt:
          'Избройте конкретни препоръки за подобряване на политическите рамки, като посочите кой трябва да предприеме действия по всяка от тях и в какъв срок.',
      },
    ],
  },
  el: {
    summary:
      'Μάθηση μέσω της αμοιβαίας μελέτης των ισχυόντων περιφερειακών πλαισίων πολιτικής: οι έξι προτεραιότητες αξιολογούνται με κοινά κριτήρια, ανά περιφέρεια.',
    sections: [
      {
        heading: 'Πεδίο αξιολόγησης',
        prompt:
          'Περιγράψτε τα πλαίσια πολιτικής που αξιολογούνται (στρατηγικές, προγράμματα, μέτρα), τις περιφέρειες που καλύπτονται και την περίοδο αναφοράς.',
      },
      {
        heading: 'Μέθοδος βαθμολόγησης',
        prompt:
          'Εξηγήστε την κλίμακα βαθμολόγησης (για παράδειγμα από 1 = αδύναμο έως 5 = ισχυρό) και πώς συμφώνησαν οι εταίροι στις βαθμολογίες.',
      },
      {
        heading: 'Πίνακας αξιολόγησης',
        prompt:
          'Βαθμολογήστε κάθε θεματική προτεραιότητα ως προς κάθε κριτήριο για την οικεία περιφέρεια, προσθέτοντας σύντομη αιτιολόγηση όπου μια βαθμολογία χρειάζεται εξήγηση. Χρησιμοποιήστε έναν πίνακα ανά περιφέρεια και αναφέρετε σε ποια περιφέρεια αφορά.',
        block: {
          type: 'table',
          header: [
            'Θεματική προτεραιότητα',
            'Συνάφεια',
            'Αποτελεσματικότητα',
            'Αποδοτικότητα',
            'Εμπόδια',
            'Καλές πρακτικές',
          ],
          rows: [
            [
              'Ανάπτυξη συνεργατικών σχηματισμών με βάση την καινοτομία και την Ε&Α',
              '',
              '',
              '',
              '',
              '',
            ],
            ['Βιωσιμότητα μέσω της ανάπτυξης συνεργατικών σχηματισμών', '', '', '', '', ''],
            ['Διεθνής συνεργασία και δικτύωση συνεργατικών σχηματισμών', '', '', '', '', ''],
            ['Χρηματοδότηση συνεργατικών σχηματισμών', '', '', '', '', ''],
            ['Έξυπνη εξειδίκευση', '', '', '', '', ''],
            ['Νέες δεξιότητες και θέσεις εργασίας', '', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Ευρήματα ανά περιφέρεια',
        prompt:
          'Συνοψίστε τα κύρια δυνατά και αδύνατα σημεία που εντοπίστηκαν σε κάθε περιφέρεια, τεκμηριωμένα με στοιχεία από τον πίνακα.',
        block: {
          type: 'table',
          header: ['Περιφέρεια', 'Δυνατά σημεία', 'Αδύνατα σημεία'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Συνολική εικόνα',
        prompt:
          'Συγκρίνετε τις περιφέρειες: πού συγκλίνουν ή αποκλίνουν οι βαθμολογίες, ποια εμπόδια είναι κοινά και ποιες καλές πρακτικές θα μπορούσαν να μεταφερθούν σε άλλες περιφέρειες.',
      },
      {
        heading: 'Συστάσεις',
        prompt:
          'Απαριθμήστε συγκεκριμένες συστάσεις για τη βελτίωση των πλαισίων πολιτικής, αναφέροντας ποιος πρέπει να αναλάβει δράση για την καθεμία και έως πότε.',
      },
    ],
  },
  hu: {
    summary:
      'Tanulás a jelenlegi regionális szakpolitikai keretek kölcsönös vizsgálatával: a hat prioritás értékelése közös szempontok szerint, régiónként.',
    sections: [
      {
        heading: 'Hatókör',
        prompt:
          'Írja le az értékelt szakpolitikai kereteket (stratégiák, programok, intézkedések), az érintett régiókat és a vizsgált időszakot.',
      },
      {
        heading: 'Pontozási módszer',
        prompt:
          'Ismertesse a pontozási skálát (például 1 = gyenge és 5 = erős között), és azt, hogyan állapodtak meg a partnerek a pontszámokban.',
      },
      {
        heading: 'Értékelési mátrix',
        prompt:
          'Pontozza az egyes tematikus prioritásokat minden szempont szerint az adott régióra vonatkozóan, és fűzzön rövid indoklást azokhoz a pontszámokhoz, amelyek magyarázatra szorulnak. Régiónként egy mátrixot használjon, és jelölje, melyik régióra vonatkozik.',
        block: {
          type: 'table',
          header: [
            'Tematikus prioritás',
            'Relevancia',
            'Eredményesség',
            'Hatékonyság',
            'Akadályok',
            'Jó gyakorlatok',
          ],
          rows: [
            ['Innováció- és K+F-vezérelt klaszterfejlesztés', '', '', '', '', ''],
            ['Fenntarthatóság a klaszterfejlesztés révén', '', '', '', '', ''],
            ['Nemzetközi klaszter-együttműködés és hálózatépítés', '', '', '', '', ''],
            ['Klaszterfinanszírozás', '', '', '', '', ''],
            ['Intelligens szakosodás', '', '', '', '', ''],
            ['Új készségek és munkahelyek', '', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Regionális megállapítások',
        prompt:
          'Foglalja össze az egyes régiókban feltárt fő erősségeket és gyengeségeket, a mátrixból származó adatokkal alátámasztva.',
        block: {
          type: 'table',
          header: ['Régió', 'Erősségek', 'Gyengeségek'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Összesített kép',
        prompt:
          'Hasonlítsa össze a régiókat: hol egyeznek vagy térnek el a pontszámok, mely akadályok közösek, és mely jó gyakorlatok vehetők át más régiókban.',
      },
      {
        heading: 'Ajánlások',
        prompt:
          'Sorolja fel a szakpolitikai keretek javítására vonatkozó konkrét ajánlásokat, és mindegyiknél jelölje meg, kinek és milyen határidővel kell eljárnia.',
      },
    ],
  },
  ro: {
    summary:
      'Învățare prin studierea reciprocă a cadrelor actuale de politici regionale: cele șase priorități evaluate după criterii comune, pentru fiecare regiune.',
    sections: [
      {
        heading: 'Domeniul de aplicare',
        prompt:
          'Descrieți cadrele de politici evaluate (strategii, programe, măsuri), regiunile acoperite și perioada analizată.',
      },
      {
        heading: 'Metoda de punctare',
        prompt:
          'Explicați scala de punctare (de exemplu de la 1 = slab la 5 = puternic) și modul în care partenerii au convenit asupra punctajelor.',
      },
      {
        heading: 'Matricea de evaluare',
        prompt:
          'Acordați un punctaj fiecărei priorități tematice pentru fiecare criteriu, în regiunea vizată, adăugând o scurtă justificare acolo unde punctajul necesită explicații. Folosiți câte o matrice pentru fiecare regiune și precizați la ce regiune se referă.',
        block: {
          type: 'table',
          header: [
            'Prioritate tematică',
            'Relevanță',
            'Eficacitate',
            'Eficiență',
            'Bariere',
            'Bune practici',
          ],
          rows: [
            [
              'Dezvoltarea clusterelor bazată pe inovare și cercetare-dezvoltare',
              '',
              '',
              '',
              '',
              '',
            ],
            ['Sustenabilitate prin dezvoltarea clusterelor', '', '', '', '', ''],
            ['Cooperare internațională și colaborare în rețea între clustere', '', '', '', '', ''],
            ['Finanțarea clusterelor', '', '', '', '', ''],
            ['Specializare inteligentă', '', '', '', '', ''],
            ['Noi competențe și locuri de muncă', '', '', '', '', ''],
          ],
        },
      },
      {
        heading: 'Constatări regionale',
        prompt:
          'Rezumați principalele puncte tari și puncte slabe identificate în fiecare regiune, susținute de datele din matrice.',
        block: {
          type: 'table',
          header: ['Regiune', 'Puncte tari', 'Puncte slabe'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Imagine de ansamblu',
        prompt:
          'Comparați regiunile: unde punctajele converg sau diferă, ce bariere sunt comune și ce bune practici ar putea fi transferate în alte regiuni.',
      },
      {
        heading: 'Recomandări',
        prompt:
          'Enumerați recomandări concrete pentru îmbunătățirea cadrelor de politici, precizând cine trebuie să acționeze pentru fiecare și până când.',
      },
    ],
  },
};
