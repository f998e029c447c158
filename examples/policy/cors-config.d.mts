interface Scope {
  origins: Array<string | RegExp>;
  methods: string[];
  headers: string[];
  exposeHeaders?: string[];
  maxAge: number;
}
export declare const api: Scope;
export declare const admin: Scope;
