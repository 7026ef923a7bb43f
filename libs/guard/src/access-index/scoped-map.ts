/**
 * A map keyed by (scope, id), e.g. (environment, connector), held as a map per scope. Looking up
 * builds no composite key string, which the guard would otherwise allocate and hash on every call.
 */
export class ScopedMap<V> {
  private readonly scopes = new Map<string, Map<string, V>>();

  get(scope: string, id: string): V | undefined {
    return this.scopes.get(scope)?.get(id);
  }

  set(scope: string, id: string, value: V): void {
    const inScope = this.scopes.get(scope);
    if (inScope !== undefined) inScope.set(id, value);
    else this.scopes.set(scope, new Map([[id, value]]));
  }

  delete(scope: string, id: string): void {
    const inScope = this.scopes.get(scope);
    if (inScope?.delete(id) && inScope.size === 0) this.scopes.delete(scope);
  }
}
