import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { sessionQuery } from '../api/auth';
import { PublicLayout } from '../features/auth/PublicLayout';
import { RequireSession } from '../features/auth/RequireSession';
import { documentRoute } from '../features/documents/documentRoute';
import { AppLayout } from '../features/workspace/AppLayout';
import { RouteErrorPage } from '../features/workspace/RouteErrorPage';
import { Loading } from '../ui/Loading';

/**
 * A screen fetched with its route: each page is a chunk of its own, so the first page a user
 * opens does not wait for the code of every other one (the editor above all).
 */
function page<Module>(load: () => Promise<Module>, pick: (module: Module) => ComponentType) {
  return { lazy: async () => ({ Component: pick(await load()) }) };
}

/*
 * The route table is the client's composition root: the one module outside `features/`
 * that imports screens. Nothing else may import from `features/`.
 */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      errorElement: <RouteErrorPage />,
      // Shown while the first page's code arrives.
      hydrateFallbackElement: <Loading />,
      children: [
        {
          element: <PublicLayout />,
          children: [
            {
              path: '/login',
              ...page(
                () => import('../features/auth/LoginPage'),
                (m) => m.LoginPage,
              ),
            },
            {
              path: '/invite/:token',
              ...page(
                () => import('../features/auth/AcceptInvitationPage'),
                (m) => m.AcceptInvitationPage,
              ),
            },
          ],
        },
        {
          element: <RequireSession />,
          // Asks who is signed in while the page's code loads; the guard renders the answer.
          loader: () => {
            void queryClient.prefetchQuery(sessionQuery);
            return null;
          },
          children: [
            {
              element: <AppLayout />,
              children: [
                {
                  index: true,
                  ...page(
                    () => import('../features/workspace/DashboardPage'),
                    (m) => m.DashboardPage,
                  ),
                },
                {
                  path: 'documents',
                  ...page(
                    () => import('../features/documents/DocumentsPage'),
                    (m) => m.DocumentsPage,
                  ),
                },
                {
                  path: 'documents/new',
                  ...page(
                    () => import('../features/documents/CreateDocumentPage'),
                    (m) => m.CreateDocumentPage,
                  ),
                },
                { path: 'documents/:id', ...documentRoute(queryClient) },
                {
                  path: 'documents/:id/history',
                  ...page(
                    () => import('../features/history/HistoryPage'),
                    (m) => m.HistoryPage,
                  ),
                },
                {
                  path: 'documents/:id/published',
                  ...page(
                    () => import('../features/history/PublishedPage'),
                    (m) => m.PublishedPage,
                  ),
                },
                {
                  path: 'workshops',
                  ...page(
                    () => import('../features/workshops/WorkshopsPage'),
                    (m) => m.WorkshopsPage,
                  ),
                },
                {
                  path: 'workshops/new',
                  ...page(
                    () => import('../features/workshops/NewWorkshopPage'),
                    (m) => m.NewWorkshopPage,
                  ),
                },
                {
                  path: 'workshops/:id',
                  ...page(
                    () => import('../features/workshops/live/WorkshopPage'),
                    (m) => m.WorkshopPage,
                  ),
                },
                {
                  path: 'workshops/:id/edit',
                  ...page(
                    () => import('../features/workshops/EditWorkshopPage'),
                    (m) => m.EditWorkshopPage,
                  ),
                },
                {
                  path: 'programme',
                  ...page(
                    () => import('../features/programme/ProgrammePage'),
                    (m) => m.ProgrammePage,
                  ),
                },
                {
                  path: 'programme/contributions',
                  ...page(
                    () => import('../features/attribution/ContributionsReportPage'),
                    (m) => m.ContributionsReportPage,
                  ),
                },
                {
                  path: 'knowledge',
                  ...page(
                    () => import('../features/knowledge/KnowledgePage'),
                    (m) => m.KnowledgePage,
                  ),
                },
                {
                  path: 'knowledge/:id',
                  ...page(
                    () => import('../features/knowledge/KnowledgeEntryPage'),
                    (m) => m.KnowledgeEntryPage,
                  ),
                },
                {
                  path: 'inbox',
                  ...page(
                    () => import('../features/inbox/InboxPage'),
                    (m) => m.InboxPage,
                  ),
                },
                {
                  path: 'inbox/:priority',
                  ...page(
                    () => import('../features/inbox/InboxPage'),
                    (m) => m.InboxPage,
                  ),
                },
                {
                  path: 'notifications',
                  ...page(
                    () => import('../features/notifications/NotificationsPage'),
                    (m) => m.NotificationsPage,
                  ),
                },
                {
                  path: 'working-groups',
                  ...page(
                    () => import('../features/workspace/WorkingGroupsPage'),
                    (m) => m.WorkingGroupsPage,
                  ),
                },
                {
                  path: 'working-groups/:id',
                  ...page(
                    () => import('../features/workspace/WorkingGroupPage'),
                    (m) => m.WorkingGroupPage,
                  ),
                },
                {
                  path: 'search',
                  ...page(
                    () => import('../features/search/SearchPage'),
                    (m) => m.SearchPage,
                  ),
                },
                {
                  path: 'admin',
                  ...page(
                    () => import('../features/admin/AdminPage'),
                    (m) => m.AdminPage,
                  ),
                },
                {
                  path: 'admin/audit',
                  ...page(
                    () => import('../features/admin/AuditLogPage'),
                    (m) => m.AuditLogPage,
                  ),
                },
                {
                  path: 'settings',
                  ...page(
                    () => import('../features/settings/SettingsPage'),
                    (m) => m.SettingsPage,
                  ),
                },
                {
                  path: '*',
                  ...page(
                    () => import('../features/workspace/NotFoundPage'),
                    (m) => m.NotFoundPage,
                  ),
                },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
