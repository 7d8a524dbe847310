import { hblockUsers, sql } from '@opsledger/db';

/**
 * Selects the HBlock user called `name` in any case: names are unique regardless of case
 * (hblock_users_user_name_lower_key), and this condition is what that index answers.
 */
export const hblockUserNamed = (name: string) =>
  sql`lower(${hblockUsers.userName}) = ${name.toLowerCase()}`;
