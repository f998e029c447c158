/**
 * The token lists a response carries (`Access-Control-Allow-Methods`, `-Allow-Headers`, `-Expose-Headers`), parsed
 * once per value: a server answers with the same few lists, and each engine judging a shared response
 * reads them. At most 512 are kept (emptied when full); a parse handed out is shared: read it, never change it.
 */
import { BoundedMemo } from '../bounded-memo.js';
import { getHeader, parseTokenList, type HeaderList, type ListParse } from '../spec/header-list.js';

const lists = new BoundedMemo<ListParse>(512);

/** https://fetch.spec.whatwg.org/#extract-header-list-values for a `#token` list, remembered per value. */
export function tokenList(headers: HeaderList, name: string): ListParse | null {
  const raw = getHeader(headers, name);
  return raw === null ? null : parsedTokenList(raw);
}

/** `parseTokenList(raw)`, remembered. */
export function parsedTokenList(raw: string): ListParse {
  return lists.of(raw, parseTokenList);
}
