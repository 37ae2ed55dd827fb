import type { BuiltinFinding } from '../codes.js';

import { defineBuiltinCheck } from '../codes.js';
import { CONFIG_MESSAGES, durationSeconds, findKeys, readConfig } from './config.js';
import { msg, s, type TypedCatalog } from '../../i18n/types.js';

interface Options {
  /** Longest idle time accepted, in seconds, when the ruleset sets one (the grid gives no figure). */
  max_seconds?: number;
}

/** Keys that hold an idle timeout in common identity providers and frameworks. */
export const IDLE_KEYS = ['ssoSessionIdleTimeout', 'clientSessionIdleTimeout', 'idle_timeout', 'idleTimeout', 'session_idle_timeout', 'inactivity_timeout', 'inactivityTimeout', 'sessionIdleTimeout', 'idleTimeoutSeconds', 'auto_logout_after'];

/** Wording of the idle-timeout check (IEU 12 / IEPS 13), with the configuration reader’s. */
const MESSAGES = {
  ...CONFIG_MESSAGES,
  'idle-timeout.absent': msg<'file' | 'keys'>({
    en: (p) => `${s(p.file)} sets no idle timeout (${s(p.keys)}…).`,
    fr: (p) => `${s(p.file)} ne fixe pas de délai d’inactivité (${s(p.keys)}…).`,
    hint: { en: () => 'Give the export of the setting that ends an idle session.', fr: () => 'Fournissez l’export du réglage qui met fin à une session inactive.' },
  }),
  'idle-timeout.disabled': msg<'file' | 'pointer'>({
    en: (p) => `${s(p.file)}: the idle timeout ${s(p.pointer)} is 0, which disables it.`,
    fr: (p) => `${s(p.file)}\u00a0: le délai d’inactivité ${s(p.pointer)} vaut 0, ce qui le désactive.`,
  }),
  'idle-timeout.too-long': msg<'max' | 'seconds'>({
    en: (p) => `The idle timeout is ${s(p.seconds)} s; this ruleset accepts at most ${s(p.max)} s.`,
    fr: (p) => `Le délai d’inactivité est de ${s(p.seconds)} s ; ce référentiel accepte au plus ${s(p.max)} s.`,
  }),
  'idle-timeout.set': msg<'key' | 'seconds'>({
    en: (p) => `Idle timeout ${s(p.key)} = ${s(p.seconds)} s.`,
    fr: (p) => `Délai d’inactivité ${s(p.key)} = ${s(p.seconds)} s.`,
  }),
} satisfies TypedCatalog;

/** Its messages (their codes join `FindingCode`). */
export type IdleTimeoutMessages = typeof MESSAGES;

/**
 * IEU 12 / IEPS 13: a configuration export (JSON or YAML: Keycloak realm, IdP or application settings)
 * sets an idle timeout (a positive duration) after which the session ends. The value is reported;
 * the grid imposes none, so a maximum applies only when the ruleset sets `max_seconds`.
 */
export const idleTimeout = defineBuiltinCheck<Options>({
  name: 'idle-timeout',
  messages: MESSAGES,
  description: 'Configuration export (JSON/YAML) sets a positive idle timeout (ssoSessionIdleTimeout, idle_timeout…); the value is reported.',
  descriptionFr: 'L’export de configuration (JSON/YAML) fixe un délai d’inactivité positif (ssoSessionIdleTimeout, idle_timeout…) ; la valeur est indiquée.',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: { max_seconds: { type: 'integer', minimum: 1, nullable: true } },
  },
  async run({ files, options, slot }) {
    const findings: BuiltinFinding[] = [];
    for (const f of files) {
      const read = await readConfig(f);
      if ('problem' in read) {
        findings.push({ code: read.problem, severity: 'error', slot, file: f.path });
        continue;
      }
      const hits = findKeys(read.value, IDLE_KEYS).map((h) => ({ ...h, seconds: durationSeconds(h.value) }));
      const set = hits.filter((h) => h.seconds !== undefined && h.seconds > 0);
      if (set.length === 0) {
        const off = hits.find((h) => h.seconds === 0);
        findings.push(off ? { code: 'idle-timeout.disabled', severity: 'error', slot, file: f.path, pointer: off.path } : { code: 'idle-timeout.absent', severity: 'error', slot, file: f.path, params: { keys: IDLE_KEYS.slice(0, 4).join(', ') } });
        continue;
      }
      const shortest = set.reduce((a, b) => (b.seconds! < a.seconds! ? b : a));
      if (options.max_seconds !== undefined && shortest.seconds! > options.max_seconds) {
        findings.push({ code: 'idle-timeout.too-long', severity: 'error', slot, file: f.path, pointer: shortest.path, params: { seconds: shortest.seconds!, max: options.max_seconds } });
      } else findings.push({ code: 'idle-timeout.set', severity: 'info', slot, file: f.path, pointer: shortest.path, params: { seconds: shortest.seconds!, key: shortest.path } });
    }
    return { findings };
  },
});
