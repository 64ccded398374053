import type { WorkshopPerson, WorkshopView } from '@polisee/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';

/** Those present, grouped by organisation (with its country), organisations by name. */
export function groupByOrganisation(people: readonly WorkshopPerson[], language: string) {
  const groups = new Map<
    string,
    { organisation: string; country: string; people: WorkshopPerson[] }
  >();
  for (const person of people) {
    const key = `${person.organisationName}|${person.country}`;
    const group = groups.get(key) ?? {
      organisation: person.organisationName,
      country: person.country,
      people: [],
    };
    group.people.push(person);
    groups.set(key, group);
  }
  const collator = new Intl.Collator(language);
  return [...groups.values()]
    .sort((a, b) => collator.compare(a.organisation, b.organisation))
    .map((g) => ({ ...g, people: g.people.sort((a, b) => collator.compare(a.name, b.name)) }));
}

/** Who is in the live session now, by organisation and country. */
export function WorkshopPresence({ workshop }: { workshop: WorkshopView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const present = workshop.present
    .map((id) => workshop.people.find((p) => p.id === id))
    .filter((p): p is WorkshopPerson => p !== undefined);
  const groups = groupByOrganisation(present, format.language);

  return (
    <section className="card workshop-panel" aria-labelledby="workshop-presence-title">
      <h2 id="workshop-presence-title">
        {t('workshopLive.presence.title', { count: present.length })}
      </h2>
      {groups.length === 0 ? (
        <p className="empty-state">{t('workshopLive.presence.nobody')}</p>
      ) : (
        <ul className="workshop-presence" data-testid="presence-list">
          {groups.map((group) => (
            <li key={`${group.organisation}|${group.country}`}>
              <span className="workshop-organisation">
                {t('workshopLive.presence.organisation', {
                  organisation: group.organisation,
                  country: format.country(group.country),
                })}
              </span>
              <ul>
                {group.people.map((person) => (
                  <li key={person.id} data-user-id={person.id}>
                    {person.name}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
