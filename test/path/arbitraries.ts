import fc from 'fast-check';
import type { IndexerKey, IndexerPosition, PathSegment } from '../../src/path/index.js';

/** Characters that stress the grammar: quotes, separators, brackets, backslashes, spaces. */
const NASTY = [..."'\":.[]@,= \\/*!?+-"];

export const valueArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom(...NASTY, 'a', 'Z', '0', 'é'), maxLength: 12 }),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

export const keyArb: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9._-]{1,10}$/);

/** Element names: mostly identifiers, sometimes any character the grammar allows in a name. */
export const nameArb: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,11}$/),
  fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/[.[\]'":=\s]/.test(s)),
);

export const positionArb: fc.Arbitrary<IndexerPosition> = fc.oneof(
  fc.constant<IndexerPosition>({ kind: 'start' }),
  fc.constant<IndexerPosition>({ kind: 'end' }),
  fc.nat({ max: 10_000 }).map((index): IndexerPosition => ({ kind: 'index', index })),
);

const keysArb: fc.Arbitrary<IndexerKey[]> = fc.array(
  // A tuple, not fc.record: records have a null prototype, which deepStrictEqual tells apart.
  fc.tuple(keyArb, valueArb).map(([name, value]): IndexerKey => ({ name, value })),
  { maxLength: 4 },
);

export const indexerArb: fc.Arbitrary<PathSegment> = fc
  .tuple(keysArb, fc.option(positionArb, { nil: undefined }))
  .filter(([keys, position]) => keys.length > 0 || position !== undefined)
  // No `position` property at all when absent, as the parser produces.
  .map(([keys, position]): PathSegment =>
    position === undefined ? { kind: 'indexer', keys } : { kind: 'indexer', keys, position },
  );

export const segmentArb: fc.Arbitrary<PathSegment> = fc.oneof(
  nameArb.map((name): PathSegment => ({ kind: 'name', name })),
  indexerArb,
);

export const segmentsArb: fc.Arbitrary<PathSegment[]> = fc.array(segmentArb, { minLength: 1, maxLength: 6 });
