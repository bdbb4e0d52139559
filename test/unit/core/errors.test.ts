import * as assert from 'node:assert/strict';
import { DoctorError, errorCode } from '../../../src/core/errors';

describe('DoctorError', () => {
  it('is recognised across bundles by its brand, not by prototype', () => {
    const own = new DoctorError('toolchain.diskFull', 'Disk full.', 'Free space.');
    assert.ok(own instanceof DoctorError && own instanceof Error);
    // What a second bundle's copy of the class produces: same brand, other prototype chain.
    const other = Object.assign(new Error('x'), { [Symbol.for('go-env-doctor.DoctorError')]: true });
    assert.ok(other instanceof DoctorError);
    assert.ok(!(new Error('x') instanceof DoctorError));
    assert.ok(!((null as unknown as object) instanceof DoctorError));
  });
  it('finds the innermost code in a chain of causes', () => {
    const inner = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    assert.equal(errorCode(new TypeError('fetch failed', { cause: inner })), 'ECONNREFUSED');
    assert.equal(errorCode(new AggregateError([inner])), 'ECONNREFUSED');
  });
});
