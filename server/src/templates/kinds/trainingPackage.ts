import type { Language } from '@polisee/domain';
import type { DocumentTemplate } from '../types.js';

export const trainingPackage: Record<Language, DocumentTemplate> = {
  en: {
    summary:
      'Smart-specialisation (S3) training material and good-practice notes for the common knowledge base.',
    sections: [
      {
        heading: 'Learning objectives',
        prompt: 'List what participants should know or be able to do after the training.',
      },
      {
        heading: 'Target audience',
        prompt:
          'Describe who the training is for (for example regional authorities, cluster managers or researchers) and what prior knowledge is assumed.',
      },
      {
        heading: 'Modules',
        prompt:
          'Outline the modules of the training, with the topics, format (presentation, case study, group work) and duration of each. Adapt or replace the suggested modules as needed.',
        block: {
          type: 'table',
          header: ['Module', 'Topics', 'Format', 'Duration'],
          rows: [
            ['Introduction to smart specialisation (S3)', '', '', ''],
            ['The entrepreneurial discovery process', '', '', ''],
            ['Clusters as drivers of S3 implementation', '', '', ''],
            ['Monitoring and evaluation of S3', '', '', ''],
          ],
        },
      },
      {
        heading: 'Good practices',
        prompt:
          'Describe good practices from the partner regions that show S3 in action: what was done, by whom, and why it worked.',
        block: {
          type: 'table',
          header: ['Practice', 'Region', 'Why it is transferable'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Exercises',
        prompt:
          'Set out practical exercises or case studies for participants, with instructions and the expected output of each.',
      },
      {
        heading: 'Further reading',
        prompt:
          'List key documents, guides and online resources, such as the European Commission guidance on S3, with a short note on each.',
      },
    ],
  },
  sq: {
    summary:
      'Material trajnimi për specializimin e zgjuar (S3) dhe shënime mbi praktikat e mira për bazën e përbashkët të njohurive.',
    sections: [
      {
        heading: 'Objektivat e të nxënit',
        prompt:
          'Rendisni çfarë duhet të dinë ose të jenë në gjendje të bëjnë pjesëmarrësit pas trajnimit.',
      },
      {
        heading: 'Publiku i synuar',
        prompt:
          'Përshkruani për kë është trajnimi (për shembull autoritetet rajonale, menaxherët e klasterëve ose studiuesit) dhe çfarë njohurish paraprake supozohen.',
      },
      {
        heading: 'Modulet',
        prompt:
          'Përshkruani modulet e trajnimit, me temat, formatin (prezantim, rast studimi, punë në grup) dhe kohëzgjatjen e secilit. Përshtatni ose zëvendësoni modulet e sugjeruara sipas nevojës.',
        block: {
          type: 'table',
          header: ['Moduli', 'Temat', 'Formati', 'Kohëzgjatja'],
          rows: [
            ['Hyrje në specializimin e zgjuar (S3)', '', '', ''],
            ['Procesi i zbulimit sipërmarrës', '', '', ''],
            ['Klasterët si shtytës të zbatimit të S3', '', '', ''],
            ['Monitorimi dhe vlerësimi i S3', '', '', ''],
          ],
        },
      },
      {
        heading: 'Praktikat e mira',
        prompt:
          'Përshkruani praktika të mira nga rajonet partnere që tregojnë S3 në veprim: çfarë u bë, nga kush dhe pse funksionoi.',
        block: {
          type: 'table',
          header: ['Praktika', 'Rajoni', 'Pse mund të transferohet'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Ushtrimet',
        prompt:
          'Paraqitni ushtrime praktike ose raste studimi për pjesëmarrësit, me udhëzime dhe rezultatin e pritur për secilin.',
      },
      {
        heading: 'Lexime të mëtejshme',
        prompt:
          'Rendisni dokumentet, udhëzuesit dhe burimet kryesore në internet, si udhëzimet e Komisionit Evropian për S3, me një shënim të shkurtër për secilin.',
      },
    ],
  },
  bg: {
    summary:
      'Обучителни материали по интелигентна специализация (S3) и бележки за добри практики за общата база знания.',
    sections: [
      {
        heading: 'Учебни цели',
        prompt:
          'Избройте какво трябва да знаят или да могат да правят участниците след обучението.',
      },
      {
        heading: 'Целева аудитория',
        prompt:
          'Опишете за кого е предназначено обучението (например регионални власти, мениджъри на клъстери или изследователи) и какви предварителни знания се предполагат.',
      },
      {
        heading: 'Модули',
        prompt:
          'Представете модулите на обучението с темите, формата (презентация, казус, групова работа) и продължителността на всеки от тях. Адаптирайте или заменете предложените модули според нуждите.',
        block: {
          type: 'table',
          header: ['Модул', 'Теми', 'Формат', 'Продължителност'],
          rows: [
            ['Въведение в интелигентната специализация (S3)', '', '', ''],
            ['Процесът на предприемаческо откритие', '', '', ''],
            ['Клъстерите като двигател на изпълнението на S3', '', '', ''],
            ['Мониторинг и оценка на S3', '', '', ''],
          ],
        },
      },
      {
        heading: 'Добри практики',
        prompt:
          'Опишете добри практики от партньорските региони, които показват S3 в действие: какво е направено, от кого и защо е било успешно.',
        block: {
          type: 'table',
          header: ['Практика', 'Регион', 'Защо е приложима и другаде'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Упражнения',
        prompt:
          'Представете практически упражнения или казуси за участниците, с указания и очаквания резултат от всяко.',
      },
      {
        heading: 'Допълнителни материали',
        prompt:
          'Избройте ключови документи, ръководства и онлайн ресурси, като насоките на Европейската комисия за S3, с кратка бележка за всеки.',
      },
    ],
  },
  el: {
    summary:
      'Εκπαιδευτικό υλικό για την έξυπνη εξειδίκευση (S3) και σημειώσεις καλών πρακτικών για την κοινή βάση γνώσεων.',
    sections: [
      {
        heading: 'Μαθησιακοί στόχοι',
        prompt:
          'Απαριθμήστε τι πρέπει να γνωρίζουν ή να μπορούν να κάνουν οι συμμετέχοντες μετά την εκπαίδευση.',
      },
      {
        heading: 'Κοινό-στόχος',
        prompt:
          'Περιγράψτε σε ποιους απευθύνεται η εκπαίδευση (για παράδειγμα περιφερειακές αρχές, διαχειριστές συνεργατικών σχηματισμών ή ερευνητές) και ποιες προηγούμενες γνώσεις προϋποτίθενται.',
      },
      {
        heading: 'Ενότητες',
        prompt:
          'Παρουσιάστε τις ενότητες της εκπαίδευσης, με τα θέματα, τη μορφή (παρουσίαση, μελέτη περίπτωσης, ομαδική εργασία) και τη διάρκεια καθεμιάς. Προσαρμόστε ή αντικαταστήστε τις προτεινόμενες ενότητες όπως χρειάζεται.',
        block: {
          type: 'table',
          header: ['Ενότητα', 'Θέματα', 'Μορφή', 'Διάρκεια'],
          rows: [
            ['Εισαγωγή στην έξυπνη εξειδίκευση (S3)', '', '', ''],
            ['Η διαδικασία επιχειρηματικής ανακάλυψης', '', '', ''],
            ['Οι συνεργατικοί σχηματισμοί ως μοχλός υλοποίησης της S3', '', '', ''],
            ['Παρακολούθηση και αξιολόγηση της S3', '', '', ''],
          ],
        },
      },
      {
        heading: 'Καλές πρακτικές',
        prompt:
          'Περιγράψτε καλές πρακτικές από τις συμμετέχουσες περιφέρειες που δείχνουν την S3 στην πράξη: τι έγινε, από ποιον και γιατί πέτυχε.',
        block: {
          type: 'table',
          header: ['Πρακτική', 'Περιφέρεια', 'Γιατί μπορεί να μεταφερθεί'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Ασκήσεις',
        prompt:
          'Παρουσιάστε πρακτικές ασκήσεις ή μελέτες περίπτωσης για τους συμμετέχοντες, με οδηγίες και το αναμενόμενο αποτέλεσμα καθεμιάς.',
      },
      {
        heading: 'Προτεινόμενη βιβλιογραφία',
        prompt:
          'Απαριθμήστε βασικά έγγραφα, οδηγούς και διαδικτυακούς πόρους, όπως τις κατευθυντήριες γραμμές της Ευρωπαϊκής Επιτροπής για την S3, με σύντομο σχόλιο για το καθένα.',
      },
    ],
  },
  hu: {
    summary:
      'Intelligens szakosodási (S3) képzési anyag és jógyakorlat-leírások a közös tudásbázis számára.',
    sections: [
      {
        heading: 'Tanulási célok',
        prompt:
          'Sorolja fel, mit kell tudniuk, illetve mire kell képesnek lenniük a résztvevőknek a képzés után.',
      },
      {
        heading: 'Célközönség',
        prompt:
          'Írja le, kinek szól a képzés (például regionális hatóságoknak, klasztermenedzsereknek vagy kutatóknak), és milyen előzetes ismereteket feltételez.',
      },
      {
        heading: 'Modulok',
        prompt:
          'Vázolja a képzés moduljait, mindegyiknél megadva a témákat, a formát (előadás, esettanulmány, csoportmunka) és az időtartamot. A javasolt modulokat szükség szerint módosítsa vagy cserélje le.',
        block: {
          type: 'table',
          header: ['Modul', 'Témák', 'Forma', 'Időtartam'],
          rows: [
            ['Bevezetés az intelligens szakosodásba (S3)', '', '', ''],
            ['A vállalkozói felfedezési folyamat', '', '', ''],
            ['A klaszterek szerepe az S3 megvalósításában', '', '', ''],
            ['Az S3 nyomon követése és értékelése', '', '', ''],
          ],
        },
      },
      {
        heading: 'Jó gyakorlatok',
        prompt:
          'Mutasson be olyan jó gyakorlatokat a partnerrégiókból, amelyek az S3-at működés közben szemléltetik: mit valósítottak meg, kik, és miért volt sikeres.',
        block: {
          type: 'table',
          header: ['Jó gyakorlat', 'Régió', 'Miért vehető át'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Feladatok',
        prompt:
          'Ismertesse a résztvevőknek szánt gyakorlati feladatokat vagy esettanulmányokat, az utasításokkal és az egyes feladatok várt eredményével együtt.',
      },
      {
        heading: 'További olvasnivaló',
        prompt:
          'Sorolja fel a legfontosabb dokumentumokat, útmutatókat és online forrásokat, például az Európai Bizottság S3-útmutatóit, mindegyikhez rövid megjegyzéssel.',
      },
    ],
  },
  ro: {
    summary:
      'Materiale de formare privind specializarea inteligentă (S3) și note de bune practici pentru baza comună de cunoștințe.',
    sections: [
      {
        heading: 'Obiective de învățare',
        prompt:
          'Enumerați ce ar trebui să știe sau să fie capabili să facă participanții după formare.',
      },
      {
        heading: 'Public-țintă',
        prompt:
          'Descrieți cui se adresează formarea (de exemplu autorităților regionale, managerilor de clustere sau cercetătorilor) și ce cunoștințe prealabile se presupun.',
      },
      {
        heading: 'Module',
        prompt:
          'Prezentați modulele formării, cu temele, formatul (prezentare, studiu de caz, lucru în grup) și durata fiecăruia. Adaptați sau înlocuiți modulele propuse, după caz.',
        block: {
          type: 'table',
          header: ['Modul', 'Teme', 'Format', 'Durată'],
          rows: [
            ['Introducere în specializarea inteligentă (S3)', '', '', ''],
            ['Procesul de descoperire antreprenorială', '', '', ''],
            ['Clusterele ca motor al implementării S3', '', '', ''],
            ['Monitorizarea și evaluarea S3', '', '', ''],
          ],
        },
      },
      {
        heading: 'Bune practici',
        prompt:
          'Descrieți bune practici din regiunile partenere care ilustrează S3 în acțiune: ce s-a făcut, de către cine și de ce a funcționat.',
        block: {
          type: 'table',
          header: ['Practică', 'Regiune', 'De ce este transferabilă'],
          rows: [
            ['', '', ''],
            ['', '', ''],
            ['', '', ''],
          ],
        },
      },
      {
        heading: 'Exerciții',
        prompt:
          'Prezentați exerciții practice sau studii de caz pentru participanți, cu instrucțiuni și rezultatul așteptat al fiecăruia.',
      },
      {
        heading: 'Lecturi suplimentare',
        prompt:
          'Enumerați documentele, ghidurile și resursele online esențiale, cum ar fi ghidurile Comisiei Europene privind S3, cu o scurtă notă pentru fiecare.',
      },
    ],
  },
};
