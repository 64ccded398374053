import type { SearchFacetCount, SearchResponse } from '@polisee/contracts';
import { SEARCH_FACETS, type SearchFacet } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { facetValueLabel } from './facetLabels';
import type { SearchState } from './searchState';

interface SearchFacetsProps {
  facets: SearchResponse['facets'] | undefined;
  state: SearchState;
  groupName: (id: string) => string | undefined;
  onChange: (facet: SearchFacet, values: string[]) => void;
}

/**
 * One group of checkboxes per facet, each value with how many hits it would give. A chosen
 * value stays listed even when no hit has it any more, so it can always be unchecked.
 */
export function SearchFacets({ facets, state, groupName, onChange }: SearchFacetsProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();

  return (
    <div className="search-facets">
      {SEARCH_FACETS.map((facet) => {
        const chosen = state.filters[facet] ?? [];
        const counts: SearchFacetCount[] = [...(facets?.[facet] ?? [])];
        for (const value of chosen) {
          if (!counts.some((c) => c.value === value)) counts.push({ value, count: 0 });
        }
        if (counts.length === 0) return null;
        return (
          <CheckboxGroup
            key={facet}
            className="checkbox-group search-facet"
            legend={t(`search.facets.${facet}`)}
            name={facet}
            value={chosen}
            options={counts.map(({ value, count }) => ({
              value,
              label: (
                <>
                  {facetValueLabel(t, i18n.language, facet, value, groupName)}{' '}
                  <span className="search-facet-count">({format.number(count)})</span>
                </>
              ),
              inputProps: { 'data-facet': facet },
            }))}
            onChange={(values) => onChange(facet, values)}
          />
        );
      })}
    </div>
  );
}
