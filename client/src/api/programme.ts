import {
  ProgrammeCellDetailSchema,
  ProgrammeHeatmapSchema,
  type ProgrammeCellQuery,
  type ProgrammeFilter,
} from '@polisee/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError } from './ApiError';
import { api } from './http';
import { queryKeys } from './queryKeys';

/** Parsed with the contract: a drifted server fails loudly rather than colour a wrong heatmap. */
function parseWith<S extends z.ZodType>(schema: S) {
  return (body: unknown): z.output<S> => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiError('unexpected_response', 200, 'The server answered outside the contract.');
    }
    return parsed.data;
  };
}

const parseHeatmap = parseWith(ProgrammeHeatmapSchema);
const parseCell = parseWith(ProgrammeCellDetailSchema);

export function fetchProgrammeHeatmap(filter: ProgrammeFilter, signal?: AbortSignal) {
  return api.get<unknown>('/programme/assessments', { ...filter }, signal).then(parseHeatmap);
}

export function fetchProgrammeCell(query: ProgrammeCellQuery, signal?: AbortSignal) {
  return api.get<unknown>('/programme/assessments/cell', { ...query }, signal).then(parseCell);
}

/** The heatmap under a filter; the previous one stays shown while another filter loads. */
export function useProgrammeHeatmap(filter: ProgrammeFilter) {
  return useQuery({
    queryKey: queryKeys.programme.heatmap(filter),
    queryFn: ({ signal }) => fetchProgrammeHeatmap(filter, signal),
    placeholderData: (previous) => previous,
  });
}

/** What is behind one number; nothing is asked while no cell is open. */
export function useProgrammeCell(query: ProgrammeCellQuery | null) {
  return useQuery({
    queryKey: queryKeys.programme.cell(query ?? { priority: 'none', country: 'ZZ' }),
    queryFn: ({ signal }) => fetchProgrammeCell(query!, signal),
    enabled: query !== null,
  });
}
