import { parse } from 'yaml';
import type { EvidenceFile } from '../../evidence/evidence-file.js';
import { msg, s, type TypedCatalog } from '../../i18n/types.js';

/** Largest configuration export read, in bytes. */
export const CONFIG_LIMIT = 16 * 1024 * 1024;

/** A configuration export (JSON or YAML) as a value, or the finding code of why it could not be read. */
export async function readConfig(file: EvidenceFile): Promise<{ value: unknown } | { problem: 'config.too-large' | 'config.unparsable' }> {
  if (file.bytes > CONFIG_LIMIT) return { problem: 'config.too-large' };
  const text = await file.text(CONFIG_LIMIT);
  try {
    return { value: file.kind === 'json' || file.kind === 'fhir-json' ? JSON.parse(text) : parse(text, { maxAliasCount: 100, uniqueKeys: false }) };
  } catch {
    return { problem: 'config.unparsable' };
  }
}

export interface KeyHit {
  /** Dotted path of the key (`realm.ssoSessionIdleTimeout`). */
  path: string;
  value: unknown;
}

/** Every value under one of `names` (case-insensitive, `_` and `-` ignored), at any depth up to 32. */
export function findKeys(value: unknown, names: readonly string[]): KeyHit[] {
  const wanted = new Set(names.map(loose));
  const out: KeyHit[] = [];
  const walk = (v: unknown, at: string, depth: number): void => {
    if (depth > 32 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${at}[${i}]`, depth + 1));
      return;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const p = at ? `${at}.${k}` : k;
      if (wanted.has(loose(k))) out.push({ path: p, value: x });
      walk(x, p, depth + 1);
    }
  };
  walk(value, '', 0);
  return out;
}

function loose(k: string): string {
  return k.toLowerCase().replace(/[-_]/g, '');
}

/** Seconds in a duration: a number (seconds), `900`, `15m`, `2h`, `1d`, or ISO 8601 `PT15M`. */
export function durationSeconds(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const short = /^(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)$/i.exec(s);
  if (short) return Number(short[1]) * { s: 1, sec: 1, m: 60, min: 60, h: 3600, d: 86400 }[short[2]!.toLowerCase() as 's'];
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(s);
  if (iso && s.length > 1 && s.toUpperCase() !== 'PT') return Number(iso[1] ?? 0) * 86400 + Number(iso[2] ?? 0) * 3600 + Number(iso[3] ?? 0) * 60 + Number(iso[4] ?? 0);
  return undefined;
}

/** Wording of what the configuration reader finds wrong (every check of this folder declares it). */
export const CONFIG_MESSAGES = {
  'config.too-large': msg<'file'>({
    en: (p) => `${s(p.file)} is larger than a configuration export is read up to (16 MiB).`,
    fr: (p) => `${s(p.file)} dépasse la taille lue pour un export de configuration (16 Mio).`,
  }),
  'config.unparsable': msg<'file'>({
    en: (p) => `${s(p.file)} is neither valid JSON nor valid YAML.`,
    fr: (p) => `${s(p.file)} n’est ni un JSON ni un YAML valide.`,
    hint: { en: () => 'Give the configuration as the identity provider or the application exports it.', fr: () => 'Fournissez la configuration telle que le fournisseur d’identité ou l’application l’exporte.' },
  }),
} satisfies TypedCatalog;
