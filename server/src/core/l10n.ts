import type { Message } from './types';

export type Lang = 'vi' | 'en';

/** Vietnamese for a Vietnamese UI locale (`vi`, `vi-VN`), English otherwise. */
export function langOf(locale: string | undefined): Lang {
  return locale && /^vi\b/i.test(locale.replace('_', '-')) ? 'vi' : 'en';
}

export function say(message: Message, lang: Lang): string {
  return message[lang];
}
