/** How long a 1:1 may be, in minutes: the server refuses other lengths and the form says so. */
export const DURATION_MIN = 15;
export const DURATION_MAX = 90;
