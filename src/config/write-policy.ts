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
  /** Rules by lower-case section path, matched when a value of that section is first set. */
  private readonly bySection = new Map<string, Map<AttributeSchema, string>>();

  /**
   * The policy is matched onto the schema one section at a time, when a value of it is first set:
   * a command builds only the models of the sections it writes (bench/NOTES.md).
   */
  constructor(
    private readonly schema: SchemaSet,
    private readonly policy: () => SchemaSet,
  ) {}

  /**
   * Cleans and checks a value of `sectionPath` (undefined: an element outside any section, which
   * every rule may concern) before the schema's own validation; identity for most attributes.
   */
  apply(sectionPath: string | undefined, attr: AttributeSchema, input: string): PolicyResult {
    const rule = this.rulesOf(sectionPath).get(attr);
    if (rule === undefined || rule === UNIQUE_ON_ITS_OWN) return { text: input, notes: [] };
    const validator = POLICY_VALIDATORS[rule];
    if (validator === undefined) throw new AppcmdError('SCHEMA_INVALID', `Unknown policy validationType "${rule}" for ${attr.name}`);
    return validator(attr.name, input);
  }

  /** Whether the server needs this key attribute unique by itself, not only with the others of the key (a site's id). */
  uniqueOnItsOwn(sectionPath: string | undefined, attr: AttributeSchema): boolean {
    return this.rulesOf(sectionPath).get(attr) === UNIQUE_ON_ITS_OWN;
  }

  private rulesOf(sectionPath: string | undefined): Map<AttributeSchema, string> {
    const key = sectionPath?.toLowerCase() ?? '';
    let rules = this.bySection.get(key);
    if (rules === undefined) {
      this.bySection.set(key, (rules = new Map()));
      const policy = this.policy();
      for (const p of sectionPath === undefined ? policy.sections : [policy.getSection(sectionPath)]) {
        const target = p === undefined ? undefined : this.schema.getSection(p.path);
        if (p !== undefined && target !== undefined) this.match(rules, target, p);
      }
    }
    return rules;
  }

  private match(rules: Map<AttributeSchema, string>, target: ElementSchema, policy: ElementSchema): void {
    for (const a of policy.attributes) {
      const t = target.getAttribute(a.name);
      if (t !== undefined && a.validationType !== undefined) rules.set(t, a.validationType);
    }
    for (const e of policy.elements) {
      const t = target.getElement(e.name);
      if (t !== undefined) this.match(rules, t, e);
    }
    if (policy.collection !== undefined && target.collection !== undefined) this.match(rules, target.collection.item, policy.collection.item);
  }
}

let bundledPolicy: SchemaSet | undefined;

/** The policy files shipped in schema/policy/, read from the build's cache of them when current. */
export function loadBundledPolicy(): SchemaSet {
  bundledPolicy ??= readSchemaCache(bundledPolicyDir(), bundledPolicyCacheFile()) ?? loadSchemaDir(bundledPolicyDir());
  return bundledPolicy;
}
