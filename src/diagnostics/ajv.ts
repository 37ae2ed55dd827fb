import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Options } from 'ajv';

// ajv and ajv-formats are CommonJS; under NodeNext their default export is the module object.
type AjvClass = typeof AjvModule.default;
const Ajv = ((AjvModule as unknown as { default?: AjvClass }).default ?? AjvModule) as AjvClass;
type AddFormats = typeof addFormatsModule.default;
/** ajv-formats' plugin, whichever way the module was loaded. */
export const addFormats: AddFormats = addFormatsModule.default ?? (addFormatsModule as unknown as AddFormats);

export type AjvInstance = InstanceType<AjvClass>;

/** An ajv instance with formats, reporting every error (rulesets and manifests list all problems at once). */
export function createAjv(options: Options = {}): AjvInstance {
  const ajv = new Ajv({ allErrors: true, strict: false, ...options });
  addFormats(ajv);
  return ajv;
}
