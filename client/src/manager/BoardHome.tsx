/**
 * /board, the manager's home: the board of their current cohort (running
 * today in Vietnam, else the latest), with a switch to their other cohorts;
 * the cohort list when they have none.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { useUser } from '../app/auth.tsx';
import { useLoad } from '../app/data.ts';
import { defineStrings } from '../app/i18n.tsx';
import { Loaded, Page } from '../app/ui.tsx';
import { CohortBoard } from './CohortBoard.tsx';
import { currentCohort, managedCohorts } from './manager-data.ts';

const useT = defineStrings({
  vi: { title: 'Bảng theo dõi', none: 'Bạn chưa quản lý khoá ươm tạo nào.', create: 'Xem và mở khoá ươm tạo', cohort: 'Khoá đang xem' },
  en: { title: 'Board', none: 'You do not manage any cohort yet.', create: 'See and open cohorts', cohort: 'Cohort shown' },
});

export function BoardHome() {
  const t = useT();
  const user = useUser();
  const cohorts = useLoad(() => managedCohorts(user), [user.id]);
  const [chosen, setChosen] = useState<string>();

  if (!cohorts.data || cohorts.data.length === 0)
    return (
      <Page title={t.title}>
        <Loaded state={cohorts} isEmpty={(list) => list.length === 0} empty={<>{t.none} <Link href="/cohorts">{t.create}</Link></>}>
          {() => null}
        </Loaded>
      </Page>
    );

  const list = cohorts.data;
  const cohortId = chosen ?? currentCohort(list)?.id ?? list[0]!.id;
  const switcher =
    list.length > 1 ? (
      <div className="field cohort-switch">
        <label htmlFor="cohort-switch">{t.cohort}</label>
        <select id="cohort-switch" value={cohortId} onChange={(e) => setChosen(e.target.value)}>
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
    ) : undefined;
  return <CohortBoard key={cohortId} cohortId={cohortId} switcher={switcher} />;
}
