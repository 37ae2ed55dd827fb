import type { Lang } from '../report/report.js';

/** One parameter of a message: text or a number; an absent one reads as undefined. */
export type ParamValue = string | number | undefined;

/** Parameters a message is built from (a finding's `params`, plus `slot`, `file`…). */
export type Params = Readonly<Record<string, ParamValue>>;

/**
 * What a message that reads the parameters `K` receives: every one of them, each possibly absent.
 * Reading a parameter it did not declare does not compile.
 */
export type ParamsIn<K extends string> = { readonly [P in K]: ParamValue };

/**
 * What whoever emits a message with the parameters `K` may give: any of them, and no other, so a
 * misspelt parameter name does not compile (`slot` the engine adds itself).
 */
export type ParamsOut<K extends string> = { readonly [P in K]?: string | number };

export type { Lang };

/** A message parameter as text (an absent one is empty). */
export const s = (v: ParamValue): string => (v === undefined ? '' : String(v));

/**
 * The wording of one message in both languages, with an optional hint (what to provide or do).
 * `K` names the parameters it reads; `string` (the default) reads any, as a check from outside does.
 */
export type MessageDef<K extends string = string> = { readonly [L in Lang]: Wording<K> } & { readonly hint?: { readonly [L in Lang]: Wording<K> } };

/**
 * One language's wording of a message. Declared as a method (checked both ways), not a function
 * property, so a message that reads fewer parameters fits where any are given.
 */
type Wording<K extends string> = { wording(p: ParamsIn<K>): string }['wording'];

/** Messages by code (findings) or by name (input errors, command-line words). */
export type Catalog = Readonly<Record<string, MessageDef>>;

/**
 * A catalogue of dmn-check's own, where every message declares what it reads with `msg`:
 * an entry that reads a parameter it did not declare does not compile.
 */
export type TypedCatalog = Readonly<Record<string, MessageDef<never>>>;

/**
 * Declares a message and its parameters: those its wording reads, and those a finding carries as
 * data for the JSON report (`msg<'slot' | 'count'>({ en: (p) => …, fr: (p) => … })`; `msg({ … })`
 * has none).
 */
export function msg<K extends string = never>(def: MessageDef<K>): MessageDef<K> {
  return def;
}

/** The parameter names a message reads. */
export type ParamKeys<D> = D extends MessageDef<infer K> ? K : never;
