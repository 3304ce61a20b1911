/** What the audit services need from a logger; the app's JsonLogger (a Nest LoggerService) fits. */
export interface AuditLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
