import { useEffect, useRef, useState } from 'react';
import { reportError } from './apiErrors';

/** A keystroke waits this long for the next before asking the core (a fast typist sends one query, not five). */
const DEBOUNCE_MS = 100;

/**
 * Search as the user types: `search` runs a moment after the typing stops, and an answer older than the text is
 * dropped, so a slow answer for "ปุ" never replaces the one for "ปุณณ์".
 */
export function useTypedSearch<T>(text: string, search: (query: string) => Promise<T[]>): { found: T[]; answered: boolean; failure: string | null } {
  const [results, setResults] = useState<{ text: string; found: T[] } | null>(null);
  // a failure belongs to the text it was for: typing on clears it, as a new answer would
  const [failure, setFailure] = useState<{ text: string; message: string } | null>(null);
  const latestAsked = useRef(0);
  // the caller's search is a new function each render: the latest one is kept for the timer
  const searchRef = useRef(search);
  useEffect(() => {
    searchRef.current = search;
  });
  useEffect(() => {
    const query = text.trim();
    if (!query) return;
    const timer = setTimeout(() => {
      const asked = ++latestAsked.current;
      searchRef
        .current(query)
        .then((found) => asked === latestAsked.current && (setFailure(null), setResults({ text: query, found })))
        .catch((error: unknown) => asked === latestAsked.current && setFailure({ text: query, message: reportError(error) }));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const current = results && results.text === text.trim() ? results : null;
  return { found: current?.found ?? [], answered: current !== null, failure: failure && failure.text === text.trim() ? failure.message : null };
}
