import type { Language } from '@polisee/domain';
import type { DocumentTemplate } from '../types.js';

export const workshopNotes: Record<Language, DocumentTemplate> = {
  en: {
    summary: 'Minutes and outcomes of an online workshop of the working group.',
    sections: [
      {
        heading: 'Date and participants',
        prompt:
          'Record the date and platform of the workshop, who moderated it and who took part, with their organisations.',
        block: {
          type: 'bullets',
          items: [
            'Date and time:',
            'Platform:',
            'Moderator:',
            'Note-taker:',
            'Participants (name, organisation):',
          ],
        },
      },
      {
        heading: 'Agenda',
        prompt: 'List the agenda items in the order in which they were discussed.',
        block: {
          type: 'bullets',
          items: [
            'Welcome and objectives of the workshop',
            'Follow-up of previous action items',
            'Main discussion topics',
            'Decisions and next steps',
          ],
        },
      },
      {
        heading: 'Discussion',
        prompt:
          'Summarise the main points raised under each agenda item, including any differing views.',
      },
      {
        heading: 'Decisions',
        prompt: 'List the decisions taken, noting who agreed to them and any conditions attached.',
      },
      {
        heading: 'Outcomes',
        prompt:
          'Describe what the workshop produced, agreed or learned, and how this feeds into the documents of the working group.',
      },
      {
        heading: 'Action items',
        prompt: 'List the follow-up actions, each with an owner and a due date.',
        block: {
          type: 'tasks',
          items: [
            '[Owner] — [action] — by [date]',
            '[Owner] — [action] — by [date]',
            '[Owner] — [action] — by [date]',
          ],
        },
      },
    ],
  },
  sq: {
    summary: 'Procesverbali dhe rezultatet e një punëtorie online të grupit të punës.',
    sections: [
      {
        heading: 'Data dhe pjesëmarrësit',
        prompt:
          'Shënoni datën dhe platformën e punëtorisë, kush e moderoi dhe kush mori pjesë, bashkë me organizatat e tyre.',
        block: {
          type: 'bullets',
          items: [
            'Data dhe ora:',
            'Platforma:',
            'Moderatori:',
            'Mbajtësi i procesverbalit:',
            'Pjesëmarrësit (emri, organizata):',
          ],
        },
      },
      {
        heading: 'Rendi i ditës',
        prompt: 'Rendisni pikat e rendit të ditës sipas radhës në të cilën u diskutuan.',
        block: {
          type: 'bullets',
          items: [
            'Mirëseardhja dhe objektivat e punëtorisë',
            'Ndjekja e detyrave nga takimi i mëparshëm',
            'Temat kryesore të diskutimit',
            'Vendimet dhe hapat e ardhshëm',
          ],
        },
      },
      {
        heading: 'Diskutimi',
        prompt:
          'Përmblidhni pikat kryesore të ngritura për secilën pikë të rendit të ditës, përfshirë edhe mendimet e ndryshme.',
      },
      {
        heading: 'Vendimet',
        prompt:
          'Rendisni vendimet e marra, duke shënuar kush ra dakord dhe çdo kusht të lidhur me to.',
      },
      {
        heading: 'Rezultatet',
        prompt:
          'Përshkruani çfarë u prodhua, çfarë u vendos dhe çfarë u mësua në punëtori, si dhe si pasqyrohen këto në dokumentet e grupit të punës.',
      },
      {
        heading: 'Detyrat për ndjekje',
        prompt: 'Rendisni veprimet pasuese, secilin me një përgjegjës dhe një afat.',
        block: {
          type: 'tasks',
          items: [
            '[Përgjegjësi] — [veprimi] — deri më [data]',
            '[Përgjegjësi] — [veprimi] — deri më [data]',
            '[Përgjegjësi] — [veprimi] — deri më [data]',
          ],
        },
      },
    ],
  },
  bg: {
    summary: 'Протокол и резултати от онлайн работна среща на работната група.',
    sections: [
      {
        heading: 'Дата и участници',
        prompt:
          'Отбележете датата и платформата на срещата, кой я е модерирал и кой е участвал, заедно с организациите им.',
        block: {
          type: 'bullets',
          items: [
            'Дата и час:',
            'Платформа:',
            'Модератор:',
            'Водещ протокола:',
            'Участници (име, организация):',
          ],
        },
      },
      {
        heading: 'Дневен ред',
        prompt: 'Избройте точките от дневния ред в реда, в който са били обсъдени.',
        block: {
          type: 'bullets',
          items: [
            'Откриване и цели на срещата',
            'Проследяване на задачите от предходната среща',
            'Основни теми за обсъждане',
            'Решения и следващи стъпки',
          ],
        },
      },
      {
        heading: 'Обсъждане',
        prompt:
          'Обобщете основните въпроси, повдигнати по всяка точка от дневния ред, включително различните мнения.',
      },
      {
        heading: 'Решения',
        prompt:
          'Избройте взетите решения, като отбележите кой ги е подкрепил и какви условия са свързани с тях.',
      },
      {
        heading: 'Резултати',
        prompt:
          'Опишете какво е създадено, договорено или научено по време на срещата и как това ще бъде отразено в документите на работната група.',
      },
      {
        heading: 'Задачи за изпълнение',
        prompt: 'Избройте последващите действия, всяко с отговорник и срок.',
        block: {
          type: 'tasks',
          items: [
            '[Отговорник] — [действие] — до [дата]',
            '[Отговорник] — [действие] — до [дата]',
            '[Отговорник] — [действие] — до [дата]',
          ],
        },
      },
    ],
  },
  el: {
    summary: 'Πρακτικά και αποτελέσματα διαδικτυακού εργαστηρίου της ομάδας εργασίας.',
    sections: [
      {
        heading: 'Ημερομηνία και συμμετέχοντες',
        prompt:
          'Καταγράψτε την ημερομηνία και την πλατφόρμα του εργαστηρίου, ποιος το συντόνισε και ποιοι συμμετείχαν, με τους φορείς τους.',
        block: {
          type: 'bullets',
          items: [
            'Ημερομηνία και ώρα:',
            'Πλατφόρμα:',
            'Συντονισμός:',
            'Τήρηση πρακτικών:',
            'Συμμετέχοντες (όνομα, φορέας):',
          ],
        },
      },
      {
        heading: 'Ημερήσια διάταξη',
        prompt: 'Απαριθμήστε τα θέματα της ημερήσιας διάταξης με τη σειρά που συζητήθηκαν.',
        block: {
          type: 'bullets',
          items: [
            'Καλωσόρισμα και στόχοι του εργαστηρίου',
            'Πορεία των εκκρεμών ενεργειών από την προηγούμενη συνάντηση',
            'Κύρια θέματα συζήτησης',
            'Αποφάσεις και επόμενα βήματα',
          ],
        },
      },
      {
        heading: 'Συζήτηση',
        prompt:
          'Συνοψίστε τα κύρια σημεία που τέθηκαν σε κάθε θέμα της ημερήσιας διάταξης, συμπεριλαμβανομένων τυχόν διαφορετικών απόψεων.',
      },
      {
        heading: 'Αποφάσεις',
        prompt:
          'Απαριθμήστε τις αποφάσεις που λήφθηκαν, σημειώνοντας ποιοι συμφώνησαν και τυχόν προϋποθέσεις που τέθηκαν.',
      },
      {
        heading: 'Αποτελέσματα',
        prompt:
          'Περιγράψτε τι προέκυψε από το εργαστήριο (προϊόντα, συμφωνίες, γνώσεις) και πώς αξιοποιείται στα έγγραφα της ομάδας εργασίας.',
      },
      {
        heading: 'Ενέργειες παρακολούθησης',
        prompt:
          'Απαριθμήστε τις ενέργειες που πρέπει να ακολουθήσουν, καθεμία με υπεύθυνο και προθεσμία.',
        block: {
          type: 'tasks',
          items: [
            '[Υπεύθυνος] — [ενέργεια] — έως [ημερομηνία]',
            '[Υπεύθυνος] — [ενέργεια] — έως [ημερομηνία]',
            '[Υπεύθυνος] — [ενέργεια] — έως [ημερομηνία]',
          ],
        },
      },
    ],
  },
  hu: {
    summary: 'A munkacsoport online műhelytalálkozójának jegyzőkönyve és eredményei.',
    sections: [
      {
        heading: 'Időpont és résztvevők',
        prompt:
          'Rögzítse a műhelytalálkozó időpontját és platformját, azt, hogy ki moderálta, és kik vettek részt rajta, szervezetükkel együtt.',
        block: {
          type: 'bullets',
          items: [
            'Dátum és időpont:',
            'Platform:',
            'Moderátor:',
            'Jegyzőkönyvvezető:',
            'Résztvevők (név, szervezet):',
          ],
        },
      },
      {
        heading: 'Napirend',
        prompt: 'Sorolja fel a napirendi pontokat abban a sorrendben, ahogyan megtárgyalták őket.',
        block: {
          type: 'bullets',
          items: [
            'Köszöntés és a műhelytalálkozó céljai',
            'Az előző alkalommal kiosztott feladatok áttekintése',
            'A megbeszélés fő témái',
            'Döntések és következő lépések',
          ],
        },
      },
      {
        heading: 'Megbeszélés',
        prompt:
          'Foglalja össze az egyes napirendi pontoknál felmerült főbb gondolatokat, az esetleges eltérő véleményeket is beleértve.',
      },
      {
        heading: 'Döntések',
        prompt:
          'Sorolja fel a meghozott döntéseket, feltüntetve, kik támogatták őket, és milyen feltételekhez kötötték.',
      },
      {
        heading: 'Eredmények',
        prompt:
          'Írja le, milyen eredmények, megállapodások vagy felismerések születtek a műhelytalálkozón, és ezek hogyan épülnek be a munkacsoport dokumentumaiba.',
      },
      {
        heading: 'Teendők',
        prompt: 'Sorolja fel a további teendőket, mindegyikhez felelőssel és határidővel.',
        block: {
          type: 'tasks',
          items: [
            '[Felelős] — [teendő] — határidő: [dátum]',
            '[Felelős] — [teendő] — határidő: [dátum]',
            '[Felelős] — [teendő] — határidő: [dátum]',
          ],
        },
      },
    ],
  },
  ro: {
    summary: 'Procesul-verbal și rezultatele unui atelier online al grupului de lucru.',
    sections: [
      {
        heading: 'Data și participanți',
        prompt:
          'Consemnați data și platforma atelierului, cine l-a moderat și cine a participat, împreună cu organizațiile lor.',
        block: {
          type: 'bullets',
          items: [
            'Data și ora:',
            'Platforma:',
            'Moderator:',
            'Secretar de ședință:',
            'Participanți (nume, organizație):',
          ],
        },
      },
      {
        heading: 'Ordinea de zi',
        prompt: 'Enumerați punctele de pe ordinea de zi în ordinea în care au fost discutate.',
        block: {
          type: 'bullets',
          items: [
            'Deschidere și obiectivele atelierului',
            'Stadiul acțiunilor stabilite anterior',
            'Principalele teme de discuție',
            'Decizii și pașii următori',
          ],
        },
      },
      {
        heading: 'Discuții',
        prompt:
          'Rezumați principalele aspecte ridicate la fiecare punct de pe ordinea de zi, inclusiv eventualele opinii divergente.',
      },
      {
        heading: 'Decizii',
        prompt:
          'Enumerați deciziile luate, menționând cine le-a susținut și eventualele condiții asociate.',
      },
      {
        heading: 'Rezultate',
        prompt:
          'Descrieți ce a produs atelierul, ce s-a convenit și ce s-a învățat, precum și modul în care acestea se reflectă în documentele grupului de lucru.',
      },
      {
        heading: 'Acțiuni de urmărire',
        prompt: 'Enumerați acțiunile ulterioare, fiecare cu un responsabil și un termen.',
        block: {
          type: 'tasks',
          items: [
            '[Responsabil] — [acțiune] — până la [data]',
            '[Responsabil] — [acțiune] — până la [data]',
            '[Responsabil] — [acțiune] — până la [data]',
          ],
        },
      },
    ],
  },
};
