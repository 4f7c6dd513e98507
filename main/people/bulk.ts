// The register's bulk statements: an import and the sample tambon write people through these, many rows in one
// transaction (DESIGN.md: per-row inserts through the query builder are ~24× slower than a prepared statement).
import type { BulkWritePlan, SqlValue } from '../../db/bulk-write';
import type { PersonFields } from './schemas';
import { personValues } from './register';

/** The stored columns in statement order (the derived keys included). */
const personColumns = [
  ['title', 'title'],
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['citizenId', 'citizen_id'],
  ['noCitizenIdReason', 'no_citizen_id_reason'],
  ['sex', 'sex'],
  ['birthDate', 'birth_date'],
  ['houseNumber', 'house_number'],
  ['villageId', 'village_id'],
  ['address', 'address'],
  ['phone', 'phone'],
  ['consentGiven', 'consent_given'],
  ['consentDate', 'consent_date'],
  ['consentScope', 'consent_scope'],
  ['notes', 'notes'],
  ['lifeStatus', 'life_status'],
  ['lifeStatusDate', 'life_status_date'],
  ['sortKey', 'sort_key'],
  ['searchText', 'search_text'],
  ['updatedAt', 'updated_at'],
] as const;

export const peopleStatements = {
  insertPerson: `INSERT INTO people (${personColumns.map(([, column]) => column).join(', ')}, created_at) VALUES (${personColumns.map(() => '?').join(', ')}, ?)`,
  /** with the id chosen beforehand: an import that writes the person's membership in the same plan refers to it */
  insertPersonWithId: `INSERT INTO people (id, ${personColumns.map(([, column]) => column).join(', ')}, created_at) VALUES (?, ${personColumns.map(() => '?').join(', ')}, ?)`,
  updatePerson: `UPDATE people SET ${personColumns.map(([, column]) => `${column} = ?`).join(', ')} WHERE id = ?`,
  insertVillage: 'INSERT INTO villages (id, number, name, position) VALUES (?, ?, ?, ?)',
};

function personParams(fields: PersonFields, at: string): SqlValue[] {
  const values = personValues(fields, at);
  return personColumns.map(([key]) => {
    const value = values[key];
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value ?? null;
  });
}

export function insertPersonStep(fields: PersonFields, at: string): BulkWritePlan['steps'][number] {
  return { statement: 'insertPerson', params: [...personParams(fields, at), at] };
}

export function updatePersonStep(id: number, fields: PersonFields, at: string): BulkWritePlan['steps'][number] {
  return { statement: 'updatePerson', params: [...personParams(fields, at), id] };
}

export function insertPersonWithIdStep(id: number, fields: PersonFields, at: string): BulkWritePlan['steps'][number] {
  return { statement: 'insertPersonWithId', params: [id, ...personParams(fields, at), at] };
}
