const PER_ENVIRONMENT = /^UPSTREAM_URL_([A-Za-z0-9]{1,32})$/;

/** Where each environment's connector calls go; a base URL may carry a path prefix. */
export class ProfitUpstreams {
  constructor(
    private readonly fallback: string | null,
    private readonly perEnvironment: ReadonlyMap<string, string>,
  ) {}

  /** `null`: no upstream for this environment (the call is answered 503). */
  baseFor(environmentId: string): string | null {
    return this.perEnvironment.get(environmentId) ?? this.fallback;
  }
}

/** Throws (at startup) for a value that is not an absolute http(s) URL. */
export function loadProfitUpstreams(env: Readonly<Record<string, string | undefined>>): ProfitUpstreams {
  const perEnvironment = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    const environmentId = PER_ENVIRONMENT.exec(name)?.[1];
    if (environmentId !== undefined && value) perEnvironment.set(environmentId, baseUrl(name, value));
  }
  return new ProfitUpstreams(env.UPSTREAM_URL ? baseUrl('UPSTREAM_URL', env.UPSTREAM_URL) : null, perEnvironment);
}

function baseUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new TypeError(`${name}: "${value}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`${name}: only http and https upstreams are supported`);
  if (url.search || url.hash) throw new TypeError(`${name}: an upstream URL carries no query or fragment`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
