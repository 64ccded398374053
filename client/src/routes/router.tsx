import { createBrowserRouter } from 'react-router';
import { AdminPage } from '../features/admin/AdminPage';
import { AcceptInvitationPage } from '../features/auth/AcceptInvitationPage';
import { LoginPage } from '../features/auth/LoginPage';
import { PublicLayout } from '../features/auth/PublicLayout';
import { RequireSession } from '../features/auth/RequireSession';
import { CreateDocumentPage } from '../features/documents/CreateDocumentPage';
import { DocumentPage } from '../features/documents/DocumentPage';
import { DocumentsPage } from '../features/documents/DocumentsPage';
import { HistoryPage } from '../features/history/HistoryPage';
import { PublishedPage } from '../features/history/PublishedPage';
import { InboxPage } from '../features/inbox/InboxPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { ProgrammePage } from '../features/programme/ProgrammePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { EditWorkshopPage } from '../features/workshops/EditWorkshopPage';
import { WorkshopPage } from '../features/workshops/live/WorkshopPage';
import { NewWorkshopPage } from '../features/workshops/NewWorkshopPage';
import { WorkshopsPage } from '../features/workshops/WorkshopsPage';
import { AppLayout } from '../features/workspace/AppLayout';
import { DashboardPage } from '../features/workspace/DashboardPage';
import { NotFoundPage } from '../features/workspace/NotFoundPage';
import { RouteErrorPage } from '../features/workspace/RouteErrorPage';
import { WorkingGroupPage } from '../features/workspace/WorkingGroupPage';
import { WorkingGroupsPage } from '../features/workspace/WorkingGroupsPage';

/*
 * The route table is the client's composition root: the one module outside `features/`
 * that imports screens. Nothing else may import from `features/`.
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteErrorPage />,
      children: [
        {
          element: <PublicLayout />,
          children: [
            { path: '/login', element: <LoginPage /> },
            { path: '/invite/:token', element: <AcceptInvitationPage /> },
          ],
        },
        {
          element: <RequireSession />,
          children: [
            {
              element: <AppLayout />,
              children: [
                { index: true, element: <DashboardPage /> },
                { path: 'documents', element: <DocumentsPage /> },
                { path: 'documents/new', element: <CreateDocumentPage /> },
                { path: 'documents/:id', element: <DocumentPage /> },
                { path: 'documents/:id/history', element: <HistoryPage /> },
                { path: 'documents/:id/published', element: <PublishedPage /> },
                { path: 'workshops', element: <WorkshopsPage /> },
                { path: 'workshops/new', element: <NewWorkshopPage /> },
                { path: 'workshops/:id', element: <WorkshopPage /> },
                { path: 'workshops/:id/edit', element: <EditWorkshopPage /> },
                { path: 'programme', element: <ProgrammePage /> },
                { path: 'inbox', element: <InboxPage /> },
                { path: 'inbox/:priority', element: <InboxPage /> },
                { path: 'notifications', element: <NotificationsPage /> },
                { path: 'working-groups', element: <WorkingGroupsPage /> },
                { path: 'working-groups/:id', element: <WorkingGroupPage /> },
                { path: 'admin', element: <AdminPage /> },
                { path: 'settings', element: <SettingsPage /> },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
