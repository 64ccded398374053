import type { DocumentPlace, WorkshopView } from '@polisee/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../api/ApiError';
import { useSessionInfo } from '../../../api/auth';
import { queryKeys } from '../../../api/queryKeys';
import { useWorkshop } from '../../../api/workshops';
import { useWorkshopSession, type WorkshopSession } from '../../../realtime/useWorkshopSession';
import { paths } from '../../../routes/paths';
import { useWorkshopLive } from '../../../stores/workshopLive';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Loading } from '../../../ui/Loading';
import { usePageTitle } from '../../../ui/usePageTitle';
import { BoardWorkshopContext } from '../../blocks/foresight/boardContext';
import { AgendaPanel } from './AgendaPanel';
import { AttendancePanel } from './AttendancePanel';
import { FacilitatorControls } from './FacilitatorControls';
import { FollowToggle } from './FollowToggle';
import { HandQueue } from './HandQueue';
import { OutcomesPanel } from './OutcomesPanel';
import { PollPanel } from './PollPanel';
import { SharedTimer } from './SharedTimer';
import { useWorkshopErrorMessage } from './useCommand';
import { WorkshopHeader } from './WorkshopHeader';
import { WorkshopPresence } from './WorkshopPresence';
import { mayOnWorkshop } from './workshopPermissions';
import './workshopLive.css';

// The editor and Yjs are large: load them with the documents, not with the page.
const WorkshopDocuments = lazy(() =>
  import('./WorkshopDocuments').then((m) => ({ default: m.WorkshopDocuments })),
);

/**
 * A workshop: its plan before it starts, the live session while it runs, its record after. The
 * live state comes over the socket (useWorkshopSession) into the same cache the REST answer
 * fills, so the page reads one source.
 */
export function WorkshopPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const workshop = useWorkshop(id);
  const session = useWorkshopSession(id);
  usePageTitle(workshop.data?.title ?? t('workshopLive.title'));

  // The follow choice, the sound and the pending place belong to this workshop's page only.
  useEffect(() => () => useWorkshopLive.getState().reset(), [id]);

  if (workshop.isPending) return <Loading />;
  if (workshop.isError) return <WorkshopUnavailable error={workshop.error} />;
  return <LiveWorkshop workshop={workshop.data} session={session} />;
}

function LiveWorkshop({ workshop, session }: { workshop: WorkshopView; session: WorkshopSession }) {
  const { t } = useTranslation();
  const user = useSessionInfo();
  const errorMessage = useWorkshopErrorMessage();
  const facilitates = mayOnWorkshop(user, 'workshop.facilitate', workshop);
  const mayVote = mayOnWorkshop(user, 'workshop.vote', workshop);
  const mayRaise = mayOnWorkshop(user, 'workshop.raiseHand', workshop);
  const live = workshop.status === 'live';
  useAgendaPlace(workshop, facilitates);
  useJoinWhenLive(workshop, session);

  const { view } = session;
  const sendPlace = useCallback((place: DocumentPlace) => void view(place), [view]);
  // A foresight board in the documents opens and takes dot votes through this session.
  const boardWorkshop = useMemo(
    () => ({ workshop, session, facilitates, mayVote }),
    [workshop, session, facilitates, mayVote],
  );

  return (
    <div
      className="page workshop-page"
      data-testid="workshop-page"
      data-status={workshop.status}
      data-joined={session.join.status === 'joined' || undefined}
    >
      <WorkshopHeader workshop={workshop} join={session.join} connected={session.connected} />
      {session.join.status === 'refused' && live ? (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">{t('workshopLive.joinFailed')}</p>
          <p>{errorMessage(session.join.error)}</p>
        </div>
      ) : null}
      {workshop.status === 'scheduled' ? (
        <div className="alert alert-info" role="status">
          <p>{t('workshopLive.notStarted')}</p>
          {facilitates ? (
            <p>
              <Link to={paths.editWorkshop(workshop.id)} className="button">
                {t('workshops.edit.link')}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {workshop.status === 'ended' ? (
        <div className="alert alert-info" role="status">
          <p>{t('workshopLive.ended')}</p>
        </div>
      ) : null}
      <div className="workshop-layout">
        <div className="workshop-main">
          <Suspense fallback={<Loading />}>
            <BoardWorkshopContext.Provider value={boardWorkshop}>
              <WorkshopDocuments
                workshop={workshop}
                sendPlace={facilitates && live ? sendPlace : null}
              />
            </BoardWorkshopContext.Provider>
          </Suspense>
        </div>
        <div className="workshop-side">
          <AgendaPanel workshop={workshop} session={session} facilitates={facilitates} />
          {live || facilitates ? (
            <SharedTimer workshop={workshop} session={session} facilitates={facilitates} />
          ) : null}
          {facilitates ? <FacilitatorControls workshop={workshop} session={session} /> : null}
          {live && !facilitates ? <FollowToggle /> : null}
          {live ? (
            <HandQueue
              workshop={workshop}
              session={session}
              userId={user.user.id}
              mayRaise={mayRaise}
              facilitates={facilitates}
            />
          ) : null}
          {live ? <WorkshopPresence workshop={workshop} /> : null}
          <PollPanel
            workshop={workshop}
            session={session}
            facilitates={facilitates}
            mayVote={mayVote}
          />
          <OutcomesPanel workshop={workshop} facilitates={facilitates} />
          {facilitates ? <AttendancePanel workshop={workshop} /> : null}
        </div>
      </div>
    </div>
  );
}

/**
 * When the current item changes, followers (and the facilitators who moved it) are taken to its
 * section. The item the page opened on does not move anyone: a reload keeps the reader's place.
 */
function useAgendaPlace(workshop: WorkshopView, facilitates: boolean) {
  const follow = useWorkshopLive((s) => s.follow);
  const seen = useRef(workshop.currentItem);
  const current = workshop.currentItem === null ? null : workshop.agenda[workshop.currentItem];

  useEffect(() => {
    if (seen.current === workshop.currentItem) return;
    seen.current = workshop.currentItem;
    if (!current?.section || !(follow || facilitates)) return;
    useWorkshopLive
      .getState()
      .requestPlace(
        { documentId: current.section.documentId, anchor: current.section.anchor },
        'agenda',
      );
  }, [workshop.currentItem, current, follow, facilitates]);
}

/** A page opened before the start learns of it and joins then, whether or not the server let it in early. */
const SCHEDULED_REFRESH_MS = 15_000;

function useJoinWhenLive(workshop: WorkshopView, session: WorkshopSession) {
  const queryClient = useQueryClient();
  const refused = session.join.status === 'refused';
  const { rejoin } = session;

  useEffect(() => {
    if (!refused || workshop.status !== 'scheduled') return;
    const timer = window.setInterval(
      () =>
        void queryClient.invalidateQueries({ queryKey: queryKeys.workshops.detail(workshop.id) }),
      SCHEDULED_REFRESH_MS,
    );
    return () => window.clearInterval(timer);
  }, [refused, workshop.status, workshop.id, queryClient]);

  useEffect(() => {
    if (refused && workshop.status === 'live') rejoin();
  }, [refused, workshop.status, rejoin]);
}

/** 404 means "not there, or not yours to see" (the server does not say which). */
function WorkshopUnavailable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const notFound = isApiError(error, 'not_found') || isApiError(error, 'forbidden');
  return (
    <div className="page page-narrow" data-testid="workshop-page">
      <h1>{notFound ? t('workshopLive.notFoundTitle') : t('workshopLive.title')}</h1>
      {notFound ? (
        <p>{t('workshopLive.notFoundBody')}</p>
      ) : (
        <ErrorAlert error={error} context={t('workshopLive.loadFailed')} />
      )}
      <p>
        <Link to={paths.workingGroups()} className="button">
          {t('workshopLive.backToGroups')}
        </Link>
      </p>
    </div>
  );
}
