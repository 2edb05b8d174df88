/**
 * A schema folder of every shape IIS's inetsrv\config\schema holds (test/fixtures/schema-shapes,
 * files written for this test) loads with the bundled schema, as IIS loads its folder.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { bundledSchemaDir, loadSchemaDirs } from '../../src/schema/loader.js';
import { repoRoot } from '../helpers/paths.js';

export const shapesDir = join(repoRoot, 'test', 'fixtures', 'schema-shapes');

describe('schema folder: every shape IIS ships', () => {
  const set = loadSchemaDirs([bundledSchemaDir(), shapesDir]);

  it('reads two <collection>s of one element as one list with an item schema per tag', () => {
    const properties = set.getSection('system.web/profile')?.getElement('properties')?.collection;
    assert.ok(properties !== undefined);
    assert.deepEqual(properties.addElementNames, ['add', 'group']);
    assert.equal(properties.removeElementName, 'remove');
    assert.equal(properties.item.name, 'add');
    assert.deepEqual(properties.item.attributes.map((a) => a.name), ['name', 'type', 'allowAnonymous']);
    const group = properties.itemSchema('group');
    assert.equal(group.name, 'group');
    // The second file adds `description` to the group item, merged by its tag.
    assert.deepEqual(group.attributes.map((a) => a.name), ['name', 'description']);
    assert.deepEqual(group.collection?.addElementNames, ['add']);
    assert.equal(properties.itemSchema('add'), properties.item);
    assert.deepEqual(properties.keyAttributes.map((a) => a.name), ['name']);
    // Each declaration keys its own items: the group's name is the group's key, not the add's.
    assert.equal(properties.itemKey('group').attributes[0], group.getAttribute('name'));
    assert.equal(properties.itemKey('add').attributes, properties.keyAttributes);
  });

  it('merges a section declared across files (BOM, CRLF), skipping runtime-only parts', () => {
    const profile = set.getSection('system.web/profile');
    assert.deepEqual(profile?.attributes.map((a) => a.name), ['enabled', 'defaultProvider', 'automaticSaveEnabled']);
    assert.deepEqual(profile?.elements.map((e) => e.name), ['properties', 'providers']);
    assert.equal(profile?.getElement('providers')?.collection?.allowUnrecognizedAttributes, true);
  });

  it('ignores schema attributes it has no use for and keeps validationTypes it does not know', () => {
    assert.equal(set.getSection('system.web/profile')?.getAttribute('defaultProvider')?.validationType, 'someNewerValidator');
    assert.equal(set.getSection('system.web/webParts')?.getElement('personalization')?.getElement('authorization')?.collection?.combinedKey, true);
  });

  it('reads sections of elements only, empty sections, comma-separated add tags and ASP.NET time spans', () => {
    assert.deepEqual(set.getSection('system.web/webParts')?.elements.map((e) => e.name), ['personalization', 'transformers']);
    assert.equal(set.getSection('system.web/emptyOne')?.attributes.length, 0);
    const authorization = set.getSection('system.web/authorization')?.collection;
    assert.deepEqual(authorization?.addElementNames, ['allow', 'deny']);
    assert.equal(authorization?.itemSchema('deny'), authorization?.item);
    const runtime = set.getSection('system.web/httpRuntime');
    assert.equal(runtime?.allowUnrecognizedAttributes, true);
    assert.equal(runtime?.getAttribute('executionTimeout')?.timeSpanFormat, 'seconds');
    assert.equal(runtime?.getAttribute('idleTime')?.allowInfinite, true);
  });

  it('still holds every bundled section', () => {
    assert.ok(set.getSection('system.applicationHost/sites')?.collection?.item.getElement('ftpServer') !== undefined);
  });
});
