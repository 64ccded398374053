import { describe, expect, it } from 'vitest';
import { paths, safeNextPath } from './paths';

describe('safeNextPath', () => {
  it('keeps paths inside the app', () => {
    expect(safeNextPath('/documents?priority=financing')).toBe('/documents?priority=financing');
  });

  it('refuses anything that could leave the app', () => {
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath('/login?next=/x')).toBe('/');
  });
});

describe('paths', () => {
  it('builds linkable catalogue filters', () => {
    expect(paths.documents({ priority: 'financing' })).toBe('/documents?priority=financing');
    expect(paths.documents()).toBe('/documents');
    expect(paths.login('/documents/a b')).toBe('/login?next=%2Fdocuments%2Fa%20b');
  });
});
