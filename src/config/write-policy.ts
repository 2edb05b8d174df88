import { AppcmdError } from '../errors.js';
import { bundledPolicyCacheFile, bundledPolicyDir, loadSchemaDir } from '../schema/loader.js';
import { readSchemaCache } from '../schema/schema-cache.js';
import { POLICY_VALIDATORS, type PolicyResult } from '../schema/policy-validators.js';
import type { AttributeSchema, ElementSchema, SchemaSet } from '../schema/types.js';

/** A rule on a collection's items rather than on one value: checked by ConfigurationElementCollection.reusedKeyWarnings. */
const UNIQUE_ON_ITS_OWN = 'uniqueOnItsOwn';

/**
 * This tool's own rules for values being set (schema/policy/*.xml), matched onto whichever schema
 * is in use by position in the tree, so they hold with the bundled schema and with a real IIS
 * schema folder alike.
 */
export class WritePolicy {
  private matched: Map<AttributeSchema, string> | undefined;

  /**
   * The policy is matched onto the schema when a value is first set: a command that only reads
   * never builds the models of the sections the policy names (bench/NOTES.md).
   */
  constructor(
    private readonly schema: SchemaSet,
    private readonly policy: () => SchemaSet,
  ) {}

  private get rules(): Map<AttributeSchema, string> {
    if (this.matched === undefined) {
      this.matched = new Map();
      for (const p of this.policy().sections) {
        const target = this.schema.getSection(p.path);
        if (target !== undefined) this.match(target, p);
      }
    }
    return this.matched;
  }

  /** Cleans and checks a value before the schema's own validation; identity for most attributes. */
  apply(attr: AttributeSchema, input: string): PolicyResult {
    const rule = this.rules.get(attr);
    if (rule === undefined || rule === UNIQUE_ON_ITS_OWN) return { text: input, notes: [] };
    const validator = POLICY_VALIDATORS[rule];
    if (validator === undefined) throw new AppcmdError('SCHEMA_INVALID', `Unknown policy validationType "${rule}" for ${attr.name}`);
    return validator(attr.name, input);
  }

  /** Whether the server needs this key attribute unique by itself, not only with the others of the key (a site's id). */
  uniqueOnItsOwn(attr: AttributeSchema): boolean {
    return this.rules.get(attr) === UNIQUE_ON_ITS_OWN;
  }

  private match(target: ElementSchema, policy: ElementSchema): void {
    for (const a of policy.attributes) {
      const t = target.getAttribute(a.name);
      if (t !== undefined && a.validationType !== undefined) this.rules.set(t, a.validationType);
    }
    for (const e of policy.elements) {
      const t = target.getElement(e.name);
      if (t !== undefined) this.match(t, e);
    }
    if (policy.collection !== undefined && target.collection !== undefined) this.match(target.collection.item, policy.collection.item);
  }
}

let bundledPolicy: SchemaSet | undefined;

/** The policy files shipped in schema/policy/, read from the build's cache of them when current. */
export function loadBundledPolicy(): SchemaSet {
  bundledPolicy ??= readSchemaCache(bundledPolicyDir(), bundledPolicyCacheFile()) ?? loadSchemaDir(bundledPolicyDir());
  return bundledPolicy;
}
