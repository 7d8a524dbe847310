export { freePort, startNextServer, type NextServer, type StartOptions } from './next-server';
export { waitForHealth } from './wait-for-health';
