import { Route, Switch } from 'wouter';
import { NotFound } from '../app/NotFound.tsx';
import { BookingPage } from './BookingPage.tsx';
import { MentorsPage } from './MentorsPage.tsx';
import { MilestonesPage } from './MilestonesPage.tsx';
import { SessionsPage } from './SessionsPage.tsx';
import { StartupPage } from './StartupPage.tsx';
import './founder.css';

/** This role's screens (loaded on demand by the shell). */
export default function FounderRoutes() {
  return (
    <Switch>
      <Route path="/startup" component={StartupPage} />
      <Route path="/mentors" component={MentorsPage} />
      <Route path="/mentors/:id/book">{(params) => <BookingPage mentorId={params.id} />}</Route>
      <Route path="/sessions" component={SessionsPage} />
      <Route path="/milestones" component={MilestonesPage} />
      <Route component={NotFound} />
    </Switch>
  );
}
