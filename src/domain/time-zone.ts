/** True when `tz` is an IANA time zone this runtime knows (e.g. "Europe/Stockholm"). */
export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The IANA zones offered in pickers, Nordic ones first. */
export function timeZoneChoices(): string[] {
  const nordic = [
    'Europe/Stockholm',
    'Europe/Copenhagen',
    'Europe/Oslo',
    'Europe/Helsinki',
    'Atlantic/Reykjavik',
    'Atlantic/Faroe',
    'America/Nuuk',
  ];
  const all = Intl.supportedValuesOf('timeZone');
  return [...nordic, ...all.filter((z) => !nordic.includes(z))];
}
