import { useRouteParts } from '../app/routes';
import { PeopleListPage } from './PeopleListPage';
import { PersonForm } from './PersonForm';
import { PersonPage } from './PersonPage';

/** "#/people" the list, "#/people/new" the form, "#/people/42" a person, "#/people/42/edit" their form. */
export function PeoplePage() {
  const [first, second] = useRouteParts();
  if (first === 'new') return <PersonForm key="new" personId={null} />;
  const id = Number(first);
  if (first && Number.isInteger(id) && id > 0) {
    return second === 'edit' ? <PersonForm key={`edit-${id}`} personId={id} /> : <PersonPage key={id} personId={id} />;
  }
  return <PeopleListPage />;
}
