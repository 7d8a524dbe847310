import { serveRequest } from '../../../../server/serve-request';

export const dynamic = 'force-dynamic';

export { serveRequest as GET };
