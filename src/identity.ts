/**
 * `instanceof` that holds across copies of corsproof. Each module system has one copy of the library (the
 * build shares chunks between entries), but a project can still load both: an `import` in one file and a
 * `require` in another, or a tool that bundles its own copy. Branded classes mark their instances with a
 * registered symbol, so `error instanceof TransportError` and the `PreflightCache` check in `simulate()` also
 * accept instances made by another copy of the same class.
 */
const BRANDS = Symbol.for('corsproof.brands');
const BRAND = Symbol.for('corsproof.brand');

type Class = abstract new (...args: never[]) => unknown;

/** Mark `cls` (and, through its prototype, every instance) with `name`; subclasses keep their parents' brands. */
export function brand(cls: Class, name: string): void {
  const inherited = (Object.getPrototypeOf(cls.prototype) as Record<symbol, unknown> | null)?.[BRANDS];
  const brands = Object.freeze([...(Array.isArray(inherited) ? (inherited as string[]) : []), name]);
  Object.defineProperty(cls.prototype, BRANDS, { value: brands });
  Object.defineProperty(cls, BRAND, { value: name });
  Object.defineProperty(cls, Symbol.hasInstance, { value: hasInstance, configurable: true });
}

/** Ordinary `instanceof` first; then the brand, for classes branded themselves (not for unbranded subclasses). */
function hasInstance(this: Class, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
  if (!Object.hasOwn(this, BRAND) || (typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const brands = (value as Record<symbol, unknown>)[BRANDS];
  return Array.isArray(brands) && brands.includes((this as unknown as Record<symbol, string>)[BRAND]);
}
