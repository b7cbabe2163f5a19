/**
 * Times as the pages print them: UTC and locale-free, so the server-rendered HTML and the
 * hydrated page agree whatever the browser's time zone.
 */
export function formatTime(at: Date | string | null, raw: string | null = null): string {
  if (at === null) return raw ?? '';
  const iso = (typeof at === 'string' ? new Date(at) : at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function formatScore(score: number): string {
  return score.toFixed(2);
}

/** `identity_attack` → `identity attack`. */
export function labelName(label: string): string {
  return label.replaceAll('_', ' ');
}
