#!/usr/bin/env node
// Pre-reads the bundled schema (schema/*.xml) into dist/schema-cache.json and the write policy
// (schema/policy/*.xml) into dist/policy-cache.json; see src/schema/schema-cache.ts.
import { bundledPolicyCacheFile, bundledPolicyDir, bundledSchemaCacheFile, bundledSchemaDir } from '../dist/src/schema/loader.js';
import { writeSchemaCache } from '../dist/src/schema/schema-cache.js';

writeSchemaCache(bundledSchemaDir(), bundledSchemaCacheFile());
writeSchemaCache(bundledPolicyDir(), bundledPolicyCacheFile());
