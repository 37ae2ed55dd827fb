import type { BuiltinFinding } from '../codes.js';

import { defineBuiltinCheck } from '../codes.js';
import { durationSeconds, findKeys, readConfig } from './config.js';

interface Options {
  /** Longest idle time accepted, in seconds, when the ruleset sets one (the grid gives no figure). */
  max_seconds?: number;
}

/** Keys that hold an idle timeout in common identity providers and frameworks. */
export const IDLE_KEYS = ['ssoSessionIdleTimeout', 'clientSessionIdleTimeout', 'idle_timeout', 'idleTimeout', 'session_idle_timeout', 'inactivity_timeout', 'inactivityTimeout', 'sessionIdleTimeout', 'idleTimeoutSeconds', 'auto_logout_after'];

/**
 * IEU 12 / IEPS 13: a configuration export (JSON or YAML: Keycloak realm, IdP or application settings)
 * sets an idle timeout (a positive duration) after which the session ends. The value is reported;
 * the grid imposes none, so a maximum applies only when the ruleset sets `max_seconds`.
 */
export const idleTimeout = defineBuiltinCheck<Options>({
  name: 'idle-timeout',
  description: 'Configuration export (JSON/YAML) sets a positive idle timeout (ssoSessionIdleTimeout, idle_timeout…); the value is reported.',
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
