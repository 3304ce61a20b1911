/** Reported by systemStatus; bump with each release. */
export const API_VERSION = '0.1.0';
