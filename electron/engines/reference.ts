// Image references by the Docker reference grammar (distribution/reference): parsing,
// validation with words a user can act on, and the registry a reference points at.

export interface ImageReference {
  /** Registry host[:port], as written, or docker.io when none was written. */
  domain: string;
  /** Repository path within the registry (library/ added for official docker.io images). */
  path: string;
  tag?: string;
  digest?: string;
}

export class ReferenceError extends Error {}

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
export const DEFAULT_DOMAIN = 'docker.io';

export function parseReference(raw: string): ImageReference {
  const text = raw.trim();
  if (!text) throw new ReferenceError('Enter an image reference, such as nginx:1.27 or registry.example.com/team/app:v2.');
  if (/\s/.test(text)) throw new ReferenceError(`"${text}" contains spaces; an image reference cannot.`);

  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new ReferenceError(`"${digest}" is not a digest (expected algorithm:hex, as in sha256:…).`);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      throw new ReferenceError(`"${tag}" is not a valid tag: use letters, digits, _ . - (at most 128, not starting with . or -).`);
    }
  }
  if (!rest) throw new ReferenceError(`"${text}" has no repository name.`);
  if (rest.length > 255) throw new ReferenceError('The repository name is longer than 255 characters.');

  const parts = rest.split('/');
  let domain = DEFAULT_DOMAIN;
  const first = parts[0]!;
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
    if (!DOMAIN.test(first)) throw new ReferenceError(`"${first}" is not a valid registry host.`);
    domain = first;
    parts.shift();
  }
  for (const p of parts) {
    if (!PATH_COMPONENT.test(p)) {
      throw new ReferenceError(
        p !== p.toLowerCase()
          ? `"${rest}": repository names must be lowercase.`
          : `"${p}" is not a valid name component: use lowercase letters and digits, separated by . _ __ or -.`,
      );
    }
  }
  let path = parts.join('/');
  if (domain === DEFAULT_DOMAIN && parts.length === 1) path = `library/${path}`;
  return { domain, path, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** The reference in the short form the CLIs print (docker.io and library/ dropped). */
export function formatReference(r: ImageReference): string {
  let name = r.domain === DEFAULT_DOMAIN ? r.path.replace(/^library\//, '') : `${r.domain}/${r.path}`;
  if (r.tag) name += `:${r.tag}`;
  if (r.digest) name += `@${r.digest}`;
  return name;
}

/** Repository (without tag) and tag, as the engine's push/tag calls want them. */
export function repoAndTag(raw: string): { repo: string; tag: string } {
  const r = parseReference(raw);
  return { repo: formatReference({ domain: r.domain, path: r.path }), tag: r.tag ?? 'latest' };
}
