import { plural } from '../i18n/format.js';
import { msg, s, type TypedCatalog } from '../i18n/types.js';

/**
 * The parts of `check`'s progress line on a terminal. Counts come already written as each language
 * writes them (`formatNumber`), but where the wording agrees with one.
 */
export const PROGRESS_TEXT = {
  checking: msg({ en: () => 'Checking…', fr: () => 'Vérification…' }),
  opened: msg<'done' | 'total'>({ en: (p) => `${s(p.done)}/${s(p.total)} files opened`, fr: (p) => `${s(p.done)}/${s(p.total)} fichiers ouverts` }),
  requirement: msg<'done' | 'total' | 'id'>({
    en: (p) => `requirement ${s(p.done)}/${s(p.total)}${p.id === undefined ? '' : ` (${s(p.id)})`}`,
    fr: (p) => `exigence ${s(p.done)}/${s(p.total)}${p.id === undefined ? '' : ` (${s(p.id)})`}`,
  }),
  /** `312/1,024 MiB streamed, about 0:42 left`; the time left once it can be reckoned. */
  streamed: msg<'sizes' | 'left'>({
    en: (p) => `${s(p.sizes)} streamed${p.left === undefined ? '' : `, about ${s(p.left)} left`}`,
    fr: (p) => `${s(p.sizes)} lus${p.left === undefined ? '' : `, encore environ ${s(p.left)}`}`,
  }),
  mebibytes: msg({ en: () => 'MiB', fr: () => 'Mio' }),
  gibibytes: msg({ en: () => 'GiB', fr: () => 'Gio' }),
  filesRead: msg<'count'>({
    en: (p) => `${plural(Number(p.count), 'en', 'file')} read`,
    fr: (p) => `${plural(Number(p.count), 'fr', 'fichier')} lu${Number(p.count) > 1 ? 's' : ''}`,
  }),
} satisfies TypedCatalog;
