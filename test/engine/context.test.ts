/** contextFrom — "IAM policy elements: Variables and tags" ("Key names are case-insensitive") and "Single-valued vs multivalued context keys". */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextFrom, isMultivaluedType, withDefaults } from '../../src/engine/context.js';

test('contextFrom: keys are stored lower-cased and keep their spelling; values are kept as given', () => {
  const c = contextFrom([{ key: 'aws:PrincipalTag/Team', values: ['red'] }]);
  assert.deepEqual(c.get('aws:principaltag/team'), { key: 'aws:PrincipalTag/Team', type: 'STRING', values: ['red'] });
});

test('contextFrom: type from the entry, else typeOf(key), else STRING / STRING_LIST by count', () => {
  const typeOf = (k: string) => (k.toLowerCase() === 'aws:sourceip' ? ('IP' as const) : undefined);
  const c = contextFrom(
    [
      { key: 'aws:SourceIp', values: ['1.2.3.4'] },
      { key: 'aws:TagKeys', values: ['a', 'b'] },
      { key: 'x', values: ['1'], type: 'NUMERIC' },
      { key: 'y', values: ['1', '2'], type: 'STRING' },
    ],
    typeOf,
  );
  assert.equal(c.get('aws:sourceip')!.type, 'IP');
  assert.equal(c.get('aws:tagkeys')!.type, 'STRING_LIST');
  assert.equal(c.get('x')!.type, 'NUMERIC');
  assert.deepEqual(c.get('y')!.values, ['1', '2'], 'a single-valued type with several values is kept');
});

test('isMultivaluedType and withDefaults (caller keys win over stored ones)', () => {
  assert.equal(isMultivaluedType('STRING_LIST'), true);
  assert.equal(isMultivaluedType('IP'), false);
  const caller = contextFrom([{ key: 'aws:username', values: ['override'] }]);
  const stored = contextFrom([
    { key: 'AWS:UserName', values: ['stored'] },
    { key: 'aws:PrincipalArn', values: ['arn'] },
  ]);
  const merged = withDefaults(caller, stored);
  assert.deepEqual(merged.get('aws:username')!.values, ['override']);
  assert.deepEqual(merged.get('aws:principalarn')!.values, ['arn']);
});
