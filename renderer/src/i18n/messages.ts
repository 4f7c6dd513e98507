import type th from './th';

/** The shape every translation must have: exactly the keys of th.ts, each a string. */
export type Messages = typeof th;
