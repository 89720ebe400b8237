/** `merge-gate history` could not list any pull request (the API refused the first page): exit 2. */
export class HistoryError extends Error {
  override name = 'HistoryError';
}
