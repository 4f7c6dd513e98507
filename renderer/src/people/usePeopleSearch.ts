import { call } from '../api';
import { useTypedSearch } from '../ui/useTypedSearch';

/** The register searched as it is typed (names, IDs with or without dashes, phones, "หมู่ 3"), ten at a time. */
export function usePeopleSearch(text: string) {
  const { found, answered, failure } = useTypedSearch(text, (query) => call('people.persons.search', { text: query, limit: 10 }));
  return { people: found, answered, failure };
}
