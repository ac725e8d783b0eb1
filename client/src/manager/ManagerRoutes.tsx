import { Route, Switch } from 'wouter';
import { NotFound } from '../app/NotFound.tsx';
import { AdmissionsPage } from './AdmissionsPage.tsx';
import { ApprovalsPage } from './ApprovalsPage.tsx';
import { BoardHome } from './BoardHome.tsx';
import { CohortBoard } from './CohortBoard.tsx';
import { CohortsPage } from './CohortsPage.tsx';
import { ProposalsPage } from './ProposalsPage.tsx';
import { ReportsPage } from './ReportsPage.tsx';
import './manager.css';

/** This role's screens (loaded on demand by the shell): managers and admins. */
export default function ManagerRoutes() {
  return (
    <Switch>
      <Route path="/board" component={BoardHome} />
      <Route path="/cohorts" component={CohortsPage} />
      <Route path="/cohorts/:id/board">{(params) => <CohortBoard key={params.id} cohortId={params.id} />}</Route>
      <Route path="/cohorts/:id/admissions">{(params) => <AdmissionsPage key={params.id} cohortId={params.id} />}</Route>
      <Route path="/cohorts/:id/proposals">{(params) => <ProposalsPage key={params.id} cohortId={params.id} />}</Route>
      <Route path="/cohorts/:id">{(params) => <CohortBoard key={params.id} cohortId={params.id} />}</Route>
      <Route path="/approvals" component={ApprovalsPage} />
      <Route path="/reports" component={ReportsPage} />
      <Route component={NotFound} />
    </Switch>
  );
}
