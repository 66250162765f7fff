export const PLACE_KINDS = ['walk_and_talk', 'room', 'video'] as const;
