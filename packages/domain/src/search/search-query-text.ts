import { StorableString } from '../common';
import { MAX_SEARCH_QUERY_LENGTH } from './search-query';

/** A `q` parameter: parsed by the API against its log's fields (a 400 names the column). */
export const SearchQueryText = StorableString.trim().min(1).max(MAX_SEARCH_QUERY_LENGTH);
