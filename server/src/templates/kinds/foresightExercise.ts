import type { Language } from '@polisee/domain';
import type { DocumentTemplate } from '../types.js';

export const foresightExercise: Record<Language, DocumentTemplate> = {
  en: {
    summary:
      'Learning by prefiguring the future: trends, drivers, uncertainties and scenarios that inform cluster policy choices today.',
    sections: [
      {
        heading: 'Focal question',
        prompt:
          'State the question the exercise addresses and its time horizon, for example "What will cluster policy in our regions need to deliver by 2040?"',
      },
      {
        heading: 'Trends',
        prompt:
          'List the trends already visible that will shape the answer to the focal question, grouped by area.',
        block: {
          type: 'bullets',
          items: [
            'Technological:',
            'Economic:',
            'Social:',
            'Environmental:',
            'Political and regulatory:',
          ],
        },
      },
      {
        heading: 'Drivers of change',
        prompt:
          'Identify the key drivers behind these trends and explain how strongly each one affects clusters in the partner regions.',
        block: {
          type: 'table',
          header: ['Driver', 'Effect on clusters', 'Importance (high / medium / low)'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Critical uncertainties',
        prompt:
          'List the important factors whose future direction is hard to predict, and select the two most decisive ones as the axes of the scenarios.',
      },
      {
        heading: 'Wildcards',
        prompt:
          'Describe low-probability, high-impact events that could upset the scenarios, and how the regions could respond to them.',
      },
      {
        heading: 'Scenarios',
        prompt:
          'Use the two critical uncertainties as axes, name the two ends of each axis, and describe the four resulting scenarios, each with a short name and a narrative of what it means for clusters.',
        block: {
          type: 'table',
          header: ['Axis 2 ↓ / Axis 1 →', 'Axis 1: low end', 'Axis 1: high end'],
          rows: [
            ['Axis 2: high end', '', ''],
            ['Axis 2: low end', '', ''],
          ],
        },
      },
      {
        heading: 'Roadmap',
        prompt:
          'Set out what the regions should do now to be prepared for all four scenarios: no-regret actions, early-warning signals to watch, and milestones.',
        block: {
          type: 'table',
          header: ['Action', 'Scenarios concerned', 'Responsible', 'By when'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
    ],
  },
  sq: {
    summary:
      'Të mësuarit duke parafytyruar të ardhmen: prirje, faktorë nxitës, pasiguri dhe skenarë që orientojnë sot zgjedhjet e politikës së klasterëve.',
    sections: [
      {
        heading: 'Pyetja qendrore',
        prompt:
          'Formuloni pyetjen që trajton ushtrimi dhe horizontin e tij kohor, për shembull „Çfarë do të duhet të arrijë politika e klasterëve në rajonet tona deri në vitin 2040?“',
      },
      {
        heading: 'Prirjet',
        prompt:
          'Rendisni prirjet që tashmë janë të dukshme dhe që do të ndikojnë në përgjigjen e pyetjes qendrore, të grupuara sipas fushës.',
        block: {
          type: 'bullets',
          items: [
            'Teknologjike:',
            'Ekonomike:',
            'Sociale:',
            'Mjedisore:',
            'Politike dhe rregullatore:',
          ],
        },
      },
      {
        heading: 'Faktorët nxitës të ndryshimit',
        prompt:
          'Identifikoni faktorët kryesorë nxitës që qëndrojnë pas këtyre prirjeve dhe shpjegoni sa fort ndikon secili te klasterët në rajonet partnere.',
        block: {
          type: 'table',
          header: [
            'Faktori nxitës',
            'Ndikimi te klasterët',
            'Rëndësia (e lartë / mesatare / e ulët)',
          ],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Pasiguritë kritike',
        prompt:
          'Rendisni faktorët e rëndësishëm, drejtimi i ardhshëm i të cilëve është i vështirë të parashikohet, dhe zgjidhni dy më vendimtarët si boshte të skenarëve.',
      },
      {
        heading: 'Ngjarjet e papritura (wildcards)',
        prompt:
          'Përshkruani ngjarje me probabilitet të ulët, por me ndikim të lartë, që mund të përmbysin skenarët, dhe si mund të reagojnë rajonet ndaj tyre.',
      },
      {
        heading: 'Skenarët',
        prompt:
          'Përdorni dy pasiguritë kritike si boshte, emërtoni dy skajet e secilit bosht dhe përshkruani katër skenarët që dalin, secilin me një emër të shkurtër dhe me një përshkrim të asaj që nënkupton për klasterët.',
        block: {
          type: 'table',
          header: ['Boshti 2 ↓ / Boshti 1 →', 'Boshti 1: skaji i ulët', 'Boshti 1: skaji i lartë'],
          rows: [
            ['Boshti 2: skaji i lartë', '', ''],
            ['Boshti 2: skaji i ulët', '', ''],
          ],
        },
      },
      {
        heading: 'Udhërrëfyesi',
        prompt:
          'Paraqitni çfarë duhet të bëjnë rajonet që tani për të qenë të përgatitura për të katër skenarët: veprime të dobishme në çdo skenar, sinjale të hershme paralajmëruese që duhen ndjekur dhe etapa kyçe.',
        block: {
          type: 'table',
          header: ['Veprimi', 'Skenarët përkatës', 'Përgjegjësi', 'Afati'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
    ],
  },
  bg: {
    summary:
      'Учене чрез предвиждане на бъдещето: тенденции, движещи сили, несигурности и сценарии, които насочват днешните решения в клъстерната политика.',
    sections: [
      {
        heading: 'Фокусен въпрос',
        prompt:
          'Формулирайте въпроса, на който отговаря упражнението, и неговия времеви хоризонт, например „Какво ще трябва да постига клъстерната политика в нашите региони до 2040 г.?“',
      },
      {
        heading: 'Тенденции',
        prompt:
          'Избройте вече видимите тенденции, които ще повлияят на отговора на фокусния въпрос, групирани по области.',
        block: {
          type: 'bullets',
          items: [
            'Технологични:',
            'Икономически:',
            'Социални:',
            'Екологични:',
            'Политически и регулаторни:',
          ],
        },
      },
      {
        heading: 'Движещи сили на промяната',
        prompt:
          'Определете основните движещи сили зад тези тенденции и обяснете доколко силно всяка от тях влияе на клъстерите в партньорските региони.',
        block: {
          type: 'table',
          header: [
            'Движеща сила',
            'Влияние върху клъстерите',
            'Значимост (висока / средна / ниска)',
          ],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Критични несигурности',
        prompt:
          'Избройте важните фактори, чието бъдещо развитие е трудно предвидимо, и изберете двата най-определящи като оси на сценариите.',
      },
      {
        heading: 'Неочаквани събития (wildcards)',
        prompt:
          'Опишете малко вероятни събития с голямо въздействие, които биха могли да преобърнат сценариите, и как регионите биха могли да реагират на тях.',
      },
      {
        heading: 'Сценарии',
        prompt:
          'Използвайте двете критични несигурности като оси, назовете двата полюса на всяка ос и опишете четирите получени сценария – всеки с кратко име и описание какво означава за клъстерите.',
        block: {
          type: 'table',
          header: ['Ос 2 ↓ / Ос 1 →', 'Ос 1: ниска стойност', 'Ос 1: висока стойност'],
          rows: [
            ['Ос 2: висока стойност', '', ''],
            ['Ос 2: ниска стойност', '', ''],
          ],
        },
      },
      {
        heading: 'Пътна карта',
        prompt:
          'Представете какво трябва да направят регионите още сега, за да бъдат подготвени и за четирите сценария: действия „без съжаление“, сигнали за ранно предупреждение, които да се следят, и ключови етапи.',
        block: {
          type: 'table',
          header: ['Действие', 'Засегнати сценарии', 'Отговорник', 'Срок'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
    ],
  },
  el: {
    summary:
      'Μάθηση μέσω της προεικόνισης του μέλλοντος: τάσεις, κινητήριες δυνάμεις, αβεβαιότητες και σενάρια που καθοδηγούν τις σημερινές επιλογές πολιτικής για τους συνεργατικούς σχηματισμούς.',
    sections: [
      {
        heading: 'Κεντρικό ερώτημα',
        prompt:
          'Διατυπώστε το ερώτημα που εξετάζει η άσκηση και τον χρονικό της ορίζοντα, για παράδειγμα «Τι θα πρέπει να επιτυγχάνει η πολιτική συνεργατικών σχηματισμών στις περιφέρειές μας έως το 2040;»',
      },
      {
        heading: 'Τάσεις',
        prompt:
          'Απαριθμήστε τις ήδη ορατές τάσεις που θα επηρεάσουν την απάντηση στο κεντρικό ερώτημα, ομαδοποιημένες ανά πεδίο.',
        block: {
          type: 'bullets',
          items: [
            'Τεχνολογικές:',
            'Οικονομικές:',
            'Κοινωνικές:',
            'Περιβαλλοντικές:',
            'Πολιτικές και ρυθμιστικές:',
          ],
        },
      },
      {
        heading: 'Κινητήριες δυνάμεις αλλαγής',
        prompt:
          'Προσδιορίστε τις βασικές κινητήριες δυνάμεις πίσω από αυτές τις τάσεις και εξηγήστε πόσο έντονα επηρεάζει η καθεμία τους συνεργατικούς σχηματισμούς στις συμμετέχουσες περιφέρειες.',
        block: {
          type: 'table',
          header: [
            'Κινητήρια δύναμη',
            'Επίδραση στους συνεργατικούς σχηματισμούς',
            'Σημασία (υψηλή / μέτρια / χαμηλή)',
          ],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Κρίσιμες αβεβαιότητες',
        prompt:
          'Απαριθμήστε τους σημαντικούς παράγοντες των οποίων η μελλοντική εξέλιξη είναι δύσκολο να προβλεφθεί και επιλέξτε τους δύο πιο καθοριστικούς ως άξονες των σεναρίων.',
      },
      {
        heading: 'Απρόβλεπτα γεγονότα (wildcards)',
        prompt:
          'Περιγράψτε γεγονότα χαμηλής πιθανότητας αλλά υψηλού αντίκτυπου που θα μπορούσαν να ανατρέψουν τα σενάρια, καθώς και πώς θα μπορούσαν να αντιδράσουν οι περιφέρειες.',
      },
      {
        heading: 'Σενάρια',
        prompt:
          'Χρησιμοποιήστε τις δύο κρίσιμες αβεβαιότητες ως άξονες, ονομάστε τα δύο άκρα κάθε άξονα και περιγράψτε τα τέσσερα σενάρια που προκύπτουν, το καθένα με ένα σύντομο όνομα και μια αφήγηση για το τι σημαίνει για τους συνεργατικούς σχηματισμούς.',
        block: {
          type: 'table',
          header: ['Άξονας 2 ↓ / Άξονας 1 →', 'Άξονας 1: χαμηλό άκρο', 'Άξονας 1: υψηλό άκρο'],
          rows: [
            ['Άξονας 2: υψηλό άκρο', '', ''],
            ['Άξονας 2: χαμηλό άκρο', '', ''],
          ],
        },
      },
      {
        heading: 'Οδικός χάρτης',
        prompt:
          'Παρουσιάστε τι πρέπει να κάνουν οι περιφέρειες από τώρα ώστε να είναι προετοιμασμένες και για τα τέσσερα σενάρια: δράσεις «χωρίς μεταμέλεια» (no-regret), σήματα έγκαιρης προειδοποίησης που πρέπει να παρακολουθούνται και ορόσημα.',
        block: {
          type: 'table',
          header: ['Δράση', 'Σχετικά σενάρια', 'Υπεύθυνος', 'Προθεσμία'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
    ],
  },
  hu: {
    summary:
      'Tanulás a jövő előrevetítésével: trendek, hajtóerők, bizonytalanságok és forgatókönyvek, amelyek a mai klaszterpolitikai döntéseket megalapozzák.',
    sections: [
      {
        heading: 'Fókuszkérdés',
        prompt:
          'Fogalmazza meg a gyakorlat központi kérdését és időhorizontját, például: „Mit kell nyújtania a klaszterpolitikának régióinkban 2040-ig?”',
      },
      {
        heading: 'Trendek',
        prompt:
          'Sorolja fel a már most érzékelhető trendeket, amelyek befolyásolják a fókuszkérdésre adott választ, területek szerint csoportosítva.',
        block: {
          type: 'bullets',
          items: [
            'Technológiai:',
            'Gazdasági:',
            'Társadalmi:',
            'Környezeti:',
            'Politikai és szabályozási:',
          ],
        },
      },
      {
        heading: 'A változás hajtóerői',
        prompt:
          'Azonosítsa a trendek mögött álló legfontosabb hajtóerőket, és fejtse ki, mennyire erősen hat mindegyik a partnerrégiók klasztereire.',
        block: {
          type: 'table',
          header: ['Hajtóerő', 'Hatás a klaszterekre', 'Jelentőség (magas / közepes / alacsony)'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Kritikus bizonytalanságok',
        prompt:
          'Sorolja fel azokat a fontos tényezőket, amelyek jövőbeli alakulása nehezen jelezhető előre, és válassza ki közülük a két legmeghatározóbbat a forgatókönyvek tengelyeiként.',
      },
      {
        heading: 'Váratlan események (wildcards)',
        prompt:
          'Írjon le olyan kis valószínűségű, de nagy hatású eseményeket, amelyek felboríthatják a forgatókönyveket, és azt, hogyan reagálhatnának rájuk a régiók.',
      },
      {
        heading: 'Forgatókönyvek',
        prompt:
          'Használja a két kritikus bizonytalanságot tengelyként, nevezze el mindkét tengely két végpontját, és írja le a négy így kapott forgatókönyvet, mindegyiket rövid névvel és annak leírásával, mit jelent a klaszterek számára.',
        block: {
          type: 'table',
          header: [
            '2. tengely ↓ / 1. tengely →',
            '1. tengely: alacsony végpont',
            '1. tengely: magas végpont',
          ],
          rows: [
            ['2. tengely: magas végpont', '', ''],
            ['2. tengely: alacsony végpont', '', ''],
          ],
        },
      },
      {
        heading: 'Útiterv',
        prompt:
          'Mutassa be, mit kell a régióknak már most megtenniük, hogy mind a négy forgatókönyvre felkészüljenek: minden esetben hasznos („no-regret”) intézkedéseket, figyelendő korai jelzéseket és mérföldköveket.',
        block: {
          type: 'table',
          header: ['Intézkedés', 'Érintett forgatókönyvek', 'Felelős', 'Határidő'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
    ],
  },
  ro: {
    summary:
      'Învățare prin prefigurarea viitorului: tendințe, factori determinanți, incertitudini și scenarii care fundamentează deciziile actuale de politică privind clusterele.',
    sections: [
      {
        heading: 'Întrebarea centrală',
        prompt:
          'Formulați întrebarea la care răspunde exercițiul și orizontul său de timp, de exemplu „Ce va trebui să realizeze politica de clustere în regiunile noastre până în 2040?”',
      },
      {
        heading: 'Tendințe',
        prompt:
          'Enumerați tendințele deja vizibile care vor influența răspunsul la întrebarea centrală, grupate pe domenii.',
        block: {
          type: 'bullets',
          items: [
            'Tehnologice:',
            'Economice:',
            'Sociale:',
            'De mediu:',
            'Politice și de reglementare:',
          ],
        },
      },
      {
        heading: 'Factori determinanți ai schimbării',
        prompt:
          'Identificați principalii factori care stau la baza acestor tendințe și explicați cât de puternic afectează fiecare clusterele din regiunile partenere.',
        block: {
          type: 'table',
          header: [
            'Factor determinant',
            'Efect asupra clusterelor',
            'Importanță (mare / medie / mică)',
          ],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Incertitudini critice',
        prompt:
          'Enumerați factorii importanți a căror evoluție viitoare este greu de anticipat și alegeți-i pe cei doi mai decisivi drept axe ale scenariilor.',
      },
      {
        heading: 'Evenimente neprevăzute (wildcards)',
        prompt:
          'Descrieți evenimente cu probabilitate redusă, dar cu impact major, care ar putea răsturna scenariile, și modul în care regiunile ar putea reacționa.',
      },
      {
        heading: 'Scenarii',
        prompt:
          'Folosiți cele două incertitudini critice drept axe, denumiți cele două extreme ale fiecărei axe și descrieți cele patru scenarii rezultate, fiecare cu un nume scurt și o descriere a ceea ce înseamnă pentru clustere.',
        block: {
          type: 'table',
          header: ['Axa 2 ↓ / Axa 1 →', 'Axa 1: extrema inferioară', 'Axa 1: extrema superioară'],
          rows: [
            ['Axa 2: extrema superioară', '', ''],
            ['Axa 2: extrema inferioară', '', ''],
          ],
        },
      },
      {
        heading: 'Foaie de parcurs',
        prompt:
          'Prezentați ce ar trebui să facă regiunile de acum pentru a fi pregătite pentru toate cele patru scenarii: acțiuni utile în orice situație („no-regret”), semnale de avertizare timpurie de urmărit și repere.',
        block: {
          type: 'table',
          header: ['Acțiune', 'Scenarii vizate', 'Responsabil', 'Termen'],
          rows: [
            ['', '', '', ''],
            ['', '', '', ''],
            ['', '', '', ''],
          ],
        },
      },
    ],
  },
};
