/** A person's mail choices; everything on by default, topics asked for two days ahead. */
export type NotificationSettings = {
  invitations: boolean;
  addTopics: boolean;
  addTopicsDays: number;
  prepare: boolean;
  reflect: boolean;
  minutes: boolean;
  digest: boolean;
  /** A conversation round HR opens that includes the person (as manager or employee). */
  rounds: boolean;
  quietStart: string;
  quietEnd: string;
};

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  invitations: true,
  addTopics: true,
  addTopicsDays: 2,
  prepare: true,
  reflect: true,
  minutes: true,
  digest: true,
  rounds: true,
  quietStart: '20:00',
  quietEnd: '07:00',
};

/** The settings of `personId` among stored rows, or the defaults. */
export function settingsFor(
  rows: readonly (NotificationSettings & { personId: string })[],
  personId: string,
): NotificationSettings {
  const row = rows.find((r) => r.personId === personId);
  if (!row) return DEFAULT_NOTIFICATION_SETTINGS;
  const pick = {} as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_NOTIFICATION_SETTINGS)) {
    pick[key] = (row as Record<string, unknown>)[key];
  }
  return pick as NotificationSettings;
}
