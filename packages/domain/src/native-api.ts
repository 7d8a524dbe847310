/**
 * Most operations one HTTP request to the native API may batch. The typed client batches up to
 * this many, the server refuses more: a batch is answered as a whole, so its size bounds how much
 * work (and how many result rows) one request can ask for.
 */
export const MAX_OPERATIONS_PER_REQUEST = 10;
