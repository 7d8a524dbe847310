import packageJson from '../package.json';

/** The version /api/health reports. */
export const version: string = packageJson.version;
