// Types of placeholders.mjs (a plain module: the recording harness runs it without a TypeScript loader).
export type Ports = Readonly<Record<'page' | 'api' | 'other', number>>;
export interface PlaceholderScenario {
  id: string;
  hops: ReadonlyArray<{ host?: string }>;
}
export function hostBase(ports: Ports, host: 'page' | 'api' | 'other'): string;
export function hopUrlOf(ports: Ports, s: PlaceholderScenario, k: number): string;
export function substitute(ports: Ports, s: PlaceholderScenario, value: string): string;
