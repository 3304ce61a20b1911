import { CATALOGUES, type MessageKey } from '../i18n/messages';

/** Every event type the catalogue names, for the type filter. */
export const EVENT_TYPES: string[] = Object.keys(CATALOGUES['zh-CN'])
  .filter((key): key is MessageKey => key.startsWith('eventType.'))
  .map((key) => key.slice('eventType.'.length));
