import { Route, Switch } from 'wouter';
import { NotFound } from '../app/NotFound.tsx';

/** This role's screens (loaded on demand by the shell). */
export default function FounderRoutes() {
  return (
    <Switch>
      <Route component={NotFound} />
    </Switch>
  );
}
