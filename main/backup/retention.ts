// Which automatic backups to keep: the newest of each of the last 7 days, of the last 4 weeks and of the last 12
// months (issue 11). A backup kept for one reason is kept; everything else is deleted.

export interface DatedBackup {
  file: string;
  /** ISO date-time of the backup */
  madeAt: string;
}

function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${week}`;
}

export function backupsToKeep(backups: readonly DatedBackup[], limits = { daily: 7, weekly: 4, monthly: 12 }): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.madeAt.localeCompare(a.madeAt));
  const keep = new Set<string>();
  const buckets: [(backup: DatedBackup) => string, number][] = [
    [(backup) => backup.madeAt.slice(0, 10), limits.daily],
    [(backup) => isoWeek(new Date(backup.madeAt)), limits.weekly],
    [(backup) => backup.madeAt.slice(0, 7), limits.monthly],
  ];
  for (const [bucketOf, limit] of buckets) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const bucket = bucketOf(backup);
      if (seen.has(bucket)) continue;
      if (seen.size >= limit) break;
      seen.add(bucket);
      keep.add(backup.file);
    }
  }
  return keep;
}
