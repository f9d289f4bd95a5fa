import { describe, expect, it } from 'vitest';
import { formatReference, parseReference, repoAndTag } from '../../electron/engines/reference';

describe('image references', () => {
  it.each([
    ['nginx', { domain: 'docker.io', path: 'library/nginx' }],
    ['nginx:1.27', { domain: 'docker.io', path: 'library/nginx', tag: '1.27' }],
    ['team/app', { domain: 'docker.io', path: 'team/app' }],
    ['127.0.0.1:5001/berth/app:v1', { domain: '127.0.0.1:5001', path: 'berth/app', tag: 'v1' }],
    ['localhost/app', { domain: 'localhost', path: 'app' }],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/web:2', { domain: '123456789012.dkr.ecr.us-east-1.amazonaws.com', path: 'web', tag: '2' }],
    [`app@sha256:${'a'.repeat(64)}`, { domain: 'docker.io', path: 'library/app', digest: `sha256:${'a'.repeat(64)}` }],
    ['a/b__c/d-e.f:T_1', { domain: 'docker.io', path: 'a/b__c/d-e.f', tag: 'T_1' }],
  ])('parses %s', (raw, expected) => expect(parseReference(raw)).toEqual(expected));

  it.each([
    ['', /Enter an image reference/],
    ['my app', /spaces/],
    ['Nginx', /lowercase/],
    ['nginx:', /not a valid tag/],
    ['nginx:-x', /not a valid tag/],
    ['app@sha256:xyz', /not a digest/],
    ['a//b', /not a valid name component/],
    ['team/-app', /not a valid name component/],
    ['bad_host:x/app', /not a valid registry host/],
  ])('refuses %j in words', (raw, message) => expect(() => parseReference(raw)).toThrow(message));

  it('formats short names and splits repo and tag for the engine', () => {
    expect(formatReference(parseReference('library/nginx:1'))).toBe('nginx:1');
    expect(repoAndTag('127.0.0.1:5001/x/y')).toEqual({ repo: '127.0.0.1:5001/x/y', tag: 'latest' });
    expect(repoAndTag('x:v2')).toEqual({ repo: 'x', tag: 'v2' });
  });
});
