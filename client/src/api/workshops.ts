import {
  AttendanceReportSchema,
  CreatedWorkshopSchema,
  DocumentSectionListSchema,
  PollListSchema,
  WorkshopListSchema,
  WorkshopOutcomeListSchema,
  WorkshopViewSchema,
  type CreateWorkshopRequest,
  type DocumentSection,
  type RecordOutcomeRequest,
  type UpdateWorkshopRequest,
  type WorkshopListQuery,
} from '@polisee/contracts';
import { WorkshopOutcomeSchema } from '@polisee/domain';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError } from './ApiError';
import { api, apiUrl } from './http';
import { queryKeys } from './queryKeys';

const enc = encodeURIComponent;

/**
 * Workshop answers are parsed with their contract schemas: the live page computes the shared
 * timer and the poll state from them, and a server that drifted from the contract must fail
 * loudly here rather than show a wrong countdown or a result that should be hidden.
 */
function parseWith<S extends z.ZodType>(schema: S) {
  return (body: unknown): z.output<S> => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiError('unexpected_response', 200, 'The server answered outside the contract.');
    }
    return parsed.data;
  };
}

const parseWorkshopList = parseWith(WorkshopListSchema);
const parseWorkshop = parseWith(WorkshopViewSchema);
const parseCreated = parseWith(CreatedWorkshopSchema);
const parsePolls = parseWith(PollListSchema);
const parseOutcomes = parseWith(WorkshopOutcomeListSchema);
const parseOutcome = parseWith(WorkshopOutcomeSchema);
const parseAttendance = parseWith(AttendanceReportSchema);
const parseSections = parseWith(DocumentSectionListSchema);

export function fetchWorkshops(filter: WorkshopListQuery, signal?: AbortSignal) {
  return api
    .get<unknown>(
      '/workshops',
      { workingGroupId: filter.workingGroupId, status: filter.status?.join(',') },
      signal,
    )
    .then(parseWorkshopList);
}

export function fetchWorkshop(workshopId: string, signal?: AbortSignal) {
  return api.get<unknown>(`/workshops/${enc(workshopId)}`, undefined, signal).then(parseWorkshop);
}

export function fetchPolls(workshopId: string, signal?: AbortSignal) {
  return api
    .get<unknown>(`/workshops/${enc(workshopId)}/polls`, undefined, signal)
    .then(parsePolls);
}

export function fetchOutcomes(workshopId: string, signal?: AbortSignal) {
  return api
    .get<unknown>(`/workshops/${enc(workshopId)}/outcomes`, undefined, signal)
    .then(parseOutcomes);
}

export function fetchAttendance(workshopId: string, signal?: AbortSignal) {
  return api
    .get<unknown>(`/workshops/${enc(workshopId)}/attendance`, undefined, signal)
    .then(parseAttendance);
}

export function fetchDocumentSections(documentId: string, signal?: AbortSignal) {
  return api
    .get<unknown>(`/documents/${enc(documentId)}/sections`, undefined, signal)
    .then(parseSections);
}

/** The workshop as an `.ics` file, for a plain download link (the session cookie goes along). */
export function calendarUrl(workshopId: string): string {
  return apiUrl(`/workshops/${enc(workshopId)}/calendar.ics`);
}

/** Workshops the reader may see; filter by group and by status (`['scheduled', 'live']`). */
export function useWorkshops(filter: WorkshopListQuery = {}) {
  return useQuery({
    queryKey: queryKeys.workshops.list(filter),
    queryFn: ({ signal }) => fetchWorkshops(filter, signal),
    select: (data) => data.items,
    placeholderData: (previous) => previous,
  });
}

export function useWorkshop(workshopId: string) {
  return useQuery({
    queryKey: queryKeys.workshops.detail(workshopId),
    queryFn: ({ signal }) => fetchWorkshop(workshopId, signal),
  });
}

/** Creating a workshop also creates its notes document: document lists refresh too. */
export function useCreateWorkshop() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWorkshopRequest) =>
      api.post<unknown>('/workshops', body).then(parseCreated),
    onSuccess: (workshop) => {
      queryClient.setQueryData(queryKeys.workshops.detail(workshop.id), workshop);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.workshops.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.documents.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.activity.all }),
      ]);
    },
  });
}

/** A facilitator changes the plan before the start; the room hears of it over the socket too. */
export function useUpdateWorkshop(workshopId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWorkshopRequest) =>
      api.patch<unknown>(`/workshops/${enc(workshopId)}`, body).then(parseWorkshop),
    onSuccess: (workshop) => {
      queryClient.setQueryData(queryKeys.workshops.detail(workshop.id), workshop);
      return queryClient.invalidateQueries({ queryKey: queryKeys.workshops.all });
    },
  });
}

/** Polls with their status; results only once closed (or live, if the facilitator chose so). */
export function usePolls(workshopId: string) {
  return useQuery({
    queryKey: queryKeys.workshops.polls(workshopId),
    queryFn: ({ signal }) => fetchPolls(workshopId, signal),
    select: (data) => data.items,
  });
}

export function useOutcomes(workshopId: string) {
  return useQuery({
    queryKey: queryKeys.workshops.outcomes(workshopId),
    queryFn: ({ signal }) => fetchOutcomes(workshopId, signal),
    select: (data) => data.items,
  });
}

export function useRecordOutcome(workshopId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordOutcomeRequest) =>
      api.post<unknown>(`/workshops/${enc(workshopId)}/outcomes`, body).then(parseOutcome),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.workshops.outcomes(workshopId) }),
  });
}

/** Facilitators only (403 for others): pass `enabled` so others never ask. */
export function useAttendance(workshopId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.workshops.attendance(workshopId),
    queryFn: ({ signal }) => fetchAttendance(workshopId, signal),
    select: (data) => data.items,
    enabled,
  });
}

/** A document's headings, for binding agenda items; null asks for nothing. */
export function useDocumentSections(documentId: string | null) {
  return useQuery({
    queryKey: queryKeys.documents.sections(documentId ?? ''),
    queryFn: ({ signal }) => fetchDocumentSections(documentId!, signal),
    select: (data) => data.items,
    enabled: documentId !== null,
  });
}

/** The headings of several documents at once (the linked ones), each cached as above. */
export function useSectionsOf(documentIds: readonly string[]) {
  return useQueries({
    queries: documentIds.map((documentId) => ({
      queryKey: queryKeys.documents.sections(documentId),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchDocumentSections(documentId, signal),
      select: (data: { items: DocumentSection[] }) => data.items,
    })),
  });
}
