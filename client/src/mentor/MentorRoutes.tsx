import { Redirect, Route, Switch } from 'wouter';
import { NotFound } from '../app/NotFound.tsx';
import { AvailabilityPage } from './AvailabilityPage.tsx';
import { MentorProvider } from './mentor-context.tsx';
import { ProfilePage } from './ProfilePage.tsx';
import { RequestsPage } from './RequestsPage.tsx';
import { SessionsPage } from './SessionsPage.tsx';
import './mentor.css';

/** This role's screens (loaded on demand by the shell). */
export default function MentorRoutes() {
  return (
    <MentorProvider>
      <div className="mentor">
        <Switch>
          <Route path="/">
            <Redirect to="/requests" replace />
          </Route>
          <Route path="/requests" component={RequestsPage} />
          <Route path="/sessions" component={SessionsPage} />
          <Route path="/profile" component={ProfilePage} />
          <Route path="/availability" component={AvailabilityPage} />
          <Route component={NotFound} />
        </Switch>
      </div>
    </MentorProvider>
  );
}
