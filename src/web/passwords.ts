/**
 * The shortest password the server accepts (PASSWORD_MIN in src/server/services/password.ts,
 * which cannot be imported here: it pulls in argon2). Only used for hints and a first check;
 * the server decides.
 */
export const PASSWORD_MIN = 10;
