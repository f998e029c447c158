export declare function apiClient(
  baseUrl: string,
  fetchImpl?: (input: string, init?: RequestInit) => Promise<Response>,
): {
  listItems(): Promise<{ items: unknown[]; total: number }>;
  renameItem(id: string, name: string): Promise<unknown>;
  deleteItem(id: string, csrfToken: string): Promise<void>;
};
