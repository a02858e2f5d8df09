import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locateJsonError, parseJsonStrict, JsonSyntaxError } from '../../src/policy/json.js';

// RFC 8259 forbids trailing commas; positions are 1-based like an editor's.
test('trailing comma in an object is reported at the closing brace (RFC 8259 §4)', () => {
  const e = locateJsonError('{\n  "a": 1,\n}');
  assert.ok(e);
  assert.equal(e.line, 3);
  assert.equal(e.column, 1);
});

test('missing comma between array items names the second item', () => {
  const e = locateJsonError('[\n  "a"\n  "b"\n]');
  assert.ok(e);
  assert.deepEqual([e.line, e.column], [3, 3]);
});

test('trailing comma in an array, where V8 gives no position, is still located', () => {
  const e = locateJsonError('[1,]');
  assert.ok(e);
  assert.deepEqual([e.line, e.column], [1, 4]);
});

test('valid JSON has no error, even 10,000 levels deep', () => {
  assert.equal(locateJsonError('['.repeat(10000) + ']'.repeat(10000)), undefined);
});

test('parseJsonStrict throws a JsonSyntaxError with position', () => {
  assert.throws(
    () => parseJsonStrict('{"a" 1}'),
    (e: unknown) => e instanceof JsonSyntaxError && e.line === 1 && e.column === 6,
  );
});
