import { plural } from '../../i18n/format.js';
import { defineBuiltinCheck } from '../codes.js';
import { msg, s, type TypedCatalog } from '../../i18n/types.js';

interface Options {
  /** How many distinct files the slot needs at least. */
  count: number;
}

/** Its findings' wording. */
const MESSAGES = {
  'slot.too-few-files': msg<'count' | 'min' | 'slot'>({
    en: (p) => `"${s(p.slot)}" needs at least ${s(p.min)} files; ${s(p.count)} given.`,
    fr: (p) => `« ${s(p.slot)} » demande au moins ${plural(Number(p.min), 'fr', 'fichier')} ; ${plural(Number(p.count), 'fr', 'fourni', 'fournis')}.`,
  }),
} satisfies TypedCatalog;

/** The codes it emits. */
export type MinFilesMessages = typeof MESSAGES;

/** A slot that needs several views (e.g. the login page and the second-factor page). */
export const minFiles = defineBuiltinCheck<Options>({
  name: 'min-files',
  description: 'The slot holds at least `count` files.',
  descriptionFr: 'L’emplacement contient au moins `count` fichiers.',
  schema: {
    type: 'object',
    required: ['count'],
    additionalProperties: false,
    properties: { count: { type: 'integer', minimum: 1, maximum: 1000 } },
  },
  messages: MESSAGES,
  run({ files, options, slot }) {
    if (files.length >= options.count) return { findings: [] };
    return {
      findings: [{ code: 'slot.too-few-files', severity: 'error', status: 'missing', slot, params: { count: files.length, min: options.count } }],
    };
  },
});
