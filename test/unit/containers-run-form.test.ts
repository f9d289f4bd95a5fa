import { describe, expect, it } from 'vitest';
import { eachLine, FormError, parseEnvFile, parseLabel, parseMount, parsePort, splitArgs } from '../../renderer/src/features/containers/run-form';
import { parseContainersRoute } from '../../renderer/src/features/containers/route';

describe('run form', () => {
  it('splits a command line like a shell, quotes kept together', () => {
    expect(splitArgs(`httpd -f -p 8080`)).toEqual(['httpd', '-f', '-p', '8080']);
    expect(splitArgs(`sh -c 'echo "a b"; exit 3'`)).toEqual(['sh', '-c', 'echo "a b"; exit 3']);
    expect(splitArgs(`echo "x \\"y\\"" '' z\\ w`)).toEqual(['echo', 'x "y"', '', 'z w']);
    expect(() => splitArgs(`echo "open`)).toThrow(FormError);
  });

  it('reads port mappings as the CLI writes them', () => {
    expect(parsePort('8080:80')).toEqual({ hostPort: 8080, containerPort: 80, protocol: 'tcp' });
    expect(parsePort('127.0.0.1:5353:53/udp')).toEqual({ hostIp: '127.0.0.1', hostPort: 5353, containerPort: 53, protocol: 'udp' });
    expect(parsePort('80')).toEqual({ containerPort: 80, protocol: 'tcp' });
    expect(parsePort('[::1]:8080:80')).toEqual({ hostIp: '::1', hostPort: 8080, containerPort: 80, protocol: 'tcp' });
    expect(() => parsePort('8080:99999')).toThrow(/not a port/);
    expect(() => parsePort('x:80')).toThrow(FormError);
  });

  it('reads binds, named and anonymous volumes, read-only', () => {
    expect(parseMount('/srv:/data:ro')).toEqual({ type: 'bind', source: '/srv', target: '/data', readOnly: true });
    expect(parseMount('cache:/var/cache')).toEqual({ type: 'volume', source: 'cache', target: '/var/cache', readOnly: false });
    expect(parseMount('/scratch')).toEqual({ type: 'volume', source: '', target: '/scratch', readOnly: false });
    expect(() => parseMount('a:relative')).toThrow(/absolute/);
  });

  it('fills environment rows from a .env file', () => {
    const text = '# comment\nexport A=1\nB = "two words"\nC=\'single\'\nD=plain # trailing\n\nnot a line\nE="multi\\nline"';
    expect(parseEnvFile(text)).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: 'two words' },
      { key: 'C', value: 'single' },
      { key: 'D', value: 'plain' },
      { key: 'E', value: 'multi\nline' },
    ]);
  });

  it('parses labels line by line and skips blank lines', () => {
    expect(eachLine('a=1\n\n b=x=y \nflag', parseLabel)).toEqual([['a', '1'], ['b', 'x=y'], ['flag', '']]);
  });
});

describe('containers routes', () => {
  it('opens the Run dialog prefilled from a link, and the detail tabs', () => {
    expect(parseContainersRoute('#containers/run?engine=docker-abc123&image=127.0.0.1%3A5001%2Fapp%3Av1')).toEqual({
      kind: 'run',
      engine: 'docker-abc123',
      image: '127.0.0.1:5001/app:v1',
    });
    expect(parseContainersRoute('#containers/run?engine=e&image=127.0.0.1:5001/app:v1')).toMatchObject({ image: '127.0.0.1:5001/app:v1' });
    expect(parseContainersRoute('#containers/run')).toEqual({ kind: 'run' });
    expect(parseContainersRoute('#containers/e1/abc/terminal')).toEqual({ kind: 'detail', engineId: 'e1', id: 'abc', tab: 'terminal' });
    expect(parseContainersRoute('#containers/e1/abc')).toMatchObject({ tab: 'logs' });
    expect(parseContainersRoute('#containers')).toEqual({ kind: 'list' });
  });
});
