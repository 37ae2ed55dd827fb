import type { BuiltinFinding } from '../codes.js';

import { defineBuiltinCheck } from '../codes.js';
import { CONFIG_MESSAGES, findKeys, readConfig } from './config.js';
import { plural } from '../../i18n/format.js';
import { msg, s, type TypedCatalog } from '../../i18n/types.js';

interface Options {
  /** Shortest password the policy must impose (the grid: 8). */
  min_length: number;
  /** Character classes (upper case, lower case, digits, special) the policy must require (the grid: 3 for professionals). */
  min_classes: number;
  /** Whether a lockout after repeated failures must be configured (scenario x.1 of IEU 10 / IEPS 9). */
  require_lockout?: boolean;
}

type CharClass = 'upper' | 'lower' | 'digit' | 'special';
const ALPHABET: Record<CharClass, number> = { upper: 26, lower: 26, digit: 10, special: 33 };

/** What a policy export says, whatever its dialect. */
export interface PasswordPolicy {
  minLength: number | undefined;
  classes: Set<CharClass>;
  /** Failures before lockout, when a lockout is configured. */
  lockoutAfter: number | undefined;
  lockoutEnabled: boolean | undefined;
}

/**
 * Reads Keycloak realm exports (`passwordPolicy: "length(12) and upperCase(1) …"`, `bruteForceProtected`,
 * `failureFactor`), AWS Cognito (`PasswordPolicy.MinimumLength`, `RequireUppercase`…), and a plain
 * policy file (`min_length`, `require_upper`/`require_lower`/`require_digit`/`require_special` or
 * `character_classes`, `lockout.max_failures`).
 */
export function readPolicy(value: unknown): PasswordPolicy {
  const p: PasswordPolicy = { minLength: undefined, classes: new Set(), lockoutAfter: undefined, lockoutEnabled: undefined };
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
  const yes = (v: unknown): boolean => v === true || v === 'true';
  for (const h of findKeys(value, ['passwordPolicy'])) {
    if (typeof h.value !== 'string') continue;
    for (const m of h.value.matchAll(/(\w+)\(\s*(\d*)\s*\)/g)) {
      const n = m[2] ? Number(m[2]) : 1;
      const name = m[1]!.toLowerCase();
      if (name === 'length') p.minLength = Math.max(p.minLength ?? 0, n);
      if (name === 'uppercase' && n > 0) p.classes.add('upper');
      if (name === 'lowercase' && n > 0) p.classes.add('lower');
      if (name === 'digits' && n > 0) p.classes.add('digit');
      if (name === 'specialchars' && n > 0) p.classes.add('special');
    }
  }
  for (const h of findKeys(value, ['MinimumLength', 'min_length', 'minLength', 'minimum_length'])) {
    const n = num(h.value);
    if (n !== undefined) p.minLength = Math.max(p.minLength ?? 0, n);
  }
  const flags: [CharClass, string[]][] = [
    ['upper', ['RequireUppercase', 'require_upper', 'require_uppercase']],
    ['lower', ['RequireLowercase', 'require_lower', 'require_lowercase']],
    ['digit', ['RequireNumbers', 'require_digit', 'require_digits', 'require_numbers']],
    ['special', ['RequireSymbols', 'require_special', 'require_symbols']],
  ];
  for (const [cls, keys] of flags) if (findKeys(value, keys).some((h) => yes(h.value))) p.classes.add(cls);
  for (const h of findKeys(value, ['character_classes', 'required_classes'])) {
    if (Array.isArray(h.value)) for (const c of h.value) if (typeof c === 'string' && c in ALPHABET) p.classes.add(c as CharClass);
  }
  for (const h of findKeys(value, ['bruteForceProtected', 'lockout_enabled'])) if (typeof h.value === 'boolean') p.lockoutEnabled = h.value;
  for (const h of findKeys(value, ['failureFactor', 'max_failures', 'maxFailures', 'max_attempts'])) {
    const n = num(h.value);
    if (n !== undefined && n > 0) p.lockoutAfter = n;
  }
  return p;
}

/** Bits of the weakest password the policy allows: length × log2 of the required classes' alphabet (digits when none is required). */
export function policyBits(p: PasswordPolicy): number {
  const alphabet = p.classes.size === 0 ? ALPHABET.digit : [...p.classes].reduce((n, c) => n + ALPHABET[c], 0);
  return Math.round((p.minLength ?? 0) * Math.log2(alphabet) * 10) / 10;
}

/** Wording of the password policy check (IEU 10 / IEPS 9), with the configuration reader’s. */
const MESSAGES = {
  ...CONFIG_MESSAGES,
  'password.no-length': msg<'file'>({
    en: (p) => `${s(p.file)} sets no minimum password length.`,
    fr: (p) => `${s(p.file)} ne fixe pas de longueur minimale de mot de passe.`,
    hint: {
      en: () => 'Give the password-policy export (Keycloak passwordPolicy, Cognito PasswordPolicy, or min_length and the required character classes).',
      fr: () => 'Fournissez l’export de la politique de mot de passe (passwordPolicy de Keycloak, PasswordPolicy de Cognito, ou min_length et les catégories de caractères exigées).',
    },
  }),
  'password.too-short': msg<'length' | 'min'>({
    en: (p) => `The policy allows passwords of ${s(p.length)} characters; the grid asks for at least ${s(p.min)}.`,
    fr: (p) => `La politique admet des mots de passe de ${s(p.length)} caractères ; la grille en demande au moins ${s(p.min)}.`,
  }),
  'password.few-classes': msg<'classes' | 'min'>({
    en: (p) => `The policy requires ${s(p.classes)} character class(es) (upper case, lower case, digits, special); the grid asks for ${s(p.min)}.`,
    fr: (p) => `La politique exige ${plural(Number(p.classes), 'fr', 'catégorie')} de caractères (majuscules, minuscules, chiffres, spéciaux) ; la grille en demande ${s(p.min)}.`,
  }),
  'password.no-lockout': msg<'file'>({
    en: (p) => `${s(p.file)} configures no lockout after repeated failed logins.`,
    fr: (p) => `${s(p.file)} ne prévoit pas de blocage après des échecs de connexion répétés.`,
    hint: {
      en: () => 'Scenario x.1 restricts the account after a number of failures (Keycloak bruteForceProtected and failureFactor, or lockout.max_failures).',
      fr: () => 'Le scénario x.1 restreint le compte après un nombre d’échecs (bruteForceProtected et failureFactor de Keycloak, ou lockout.max_failures).',
    },
  }),
  'password.policy': msg<'bits' | 'classes' | 'failures' | 'length'>({
    en: (p) => `Password policy: at least ${s(p.length)} characters from ${s(p.classes)} class(es), about ${s(p.bits)} bits; lockout after ${s(p.failures)} failures.`,
    fr: (p) => `Politique de mot de passe\u00a0: au moins ${s(p.length)} caractères de ${plural(Number(p.classes), 'fr', 'catégorie')}, environ ${s(p.bits)} bits ; blocage après ${s(p.failures)} échecs.`,
  }),
} satisfies TypedCatalog;

/** Its messages (their codes join `FindingCode`). */
export type PasswordPolicyMessages = typeof MESSAGES;

/**
 * IEU 10 / IEPS 9: a password-policy export imposes at least the grid's figures (IEU 10.2: 8 decimal
 * digits; IEPS 9.2: 8 characters from 3 of the 4 classes) and, unless told otherwise, a lockout after
 * repeated failures (x.1). The strength in bits is reported as information (the PGSSI-S formula is not
 * given by the grid).
 */
export const passwordPolicy = defineBuiltinCheck<Options>({
  name: 'password-policy',
  messages: MESSAGES,
  description: 'Password-policy export (Keycloak realm, Cognito, plain YAML/JSON) imposes a minimum length and character classes, and a lockout after failures.',
  descriptionFr: 'L’export de la politique de mots de passe (royaume Keycloak, Cognito, YAML/JSON simple) impose une longueur minimale, des classes de caractères et un verrouillage après échecs.',
  schema: {
    type: 'object',
    required: ['min_length', 'min_classes'],
    additionalProperties: false,
    properties: {
      min_length: { type: 'integer', minimum: 1 },
      min_classes: { type: 'integer', minimum: 1, maximum: 4 },
      require_lockout: { type: 'boolean', nullable: true },
    },
  },
  async run({ files, options, slot }) {
    const findings: BuiltinFinding[] = [];
    for (const f of files) {
      const read = await readConfig(f);
      if ('problem' in read) {
        findings.push({ code: read.problem, severity: 'error', slot, file: f.path });
        continue;
      }
      const p = readPolicy(read.value);
      const before = findings.length;
      if (p.minLength === undefined) findings.push({ code: 'password.no-length', severity: 'error', slot, file: f.path });
      else if (p.minLength < options.min_length) findings.push({ code: 'password.too-short', severity: 'error', slot, file: f.path, params: { length: p.minLength, min: options.min_length } });
      if (p.classes.size < options.min_classes) findings.push({ code: 'password.few-classes', severity: 'error', slot, file: f.path, params: { classes: p.classes.size, min: options.min_classes } });
      if ((options.require_lockout ?? true) && (p.lockoutEnabled === false || p.lockoutAfter === undefined)) findings.push({ code: 'password.no-lockout', severity: 'error', slot, file: f.path });
      if (findings.length === before) {
        findings.push({ code: 'password.policy', severity: 'info', slot, file: f.path, params: { length: p.minLength!, classes: p.classes.size, bits: policyBits(p), failures: p.lockoutAfter ?? 0 } });
      }
    }
    return { findings };
  },
});
