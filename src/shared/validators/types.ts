/** User-facing message in both interface languages. */
export interface BilingualMessage {
  zh: string;
  en: string;
}
