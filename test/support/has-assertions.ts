// Every unit test must assert something (table-driven tests whose
// rows set nothing passed while checking nothing). vitest runs this before each
// test: a test that ends without one expect() fails with "expected any number
// of assertion, but got none". A test that checks by throwing (node:assert)
// counts nothing here: use expect.
import { beforeEach, expect } from 'vitest';

beforeEach(() => {
  expect.hasAssertions();
});
