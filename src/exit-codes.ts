/** 0: ran; 1: ran, with findings at or above --fail-on; 2: could not run. */
export const EXIT = { OK: 0, FINDINGS: 1, ERROR: 2 } as const;
