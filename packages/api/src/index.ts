export { appRouter, type AppRouter } from './root';
export { createContext, type Context, type ServiceContext } from './context';
export { handleRequest } from './http/handle-request';
export { ROUTES, type Route } from './http/routes';
export { configureLogging, logger, type LoggingOptions, type LogLevel } from './logging/logger';
export { createCaller } from './caller';
export * from './bootstrap';
export {
  DEFAULT_FAILED_AUTH_LIMITS,
  type FailedAuthLimits,
  type FailureBudget,
} from './auth/failed-auth/failed-auth-limits';
export { rotateServerSecretKey, type RotationOutcome } from './secrets/rotate-secret-key';
export { handlePortalAuth } from './auth/portal/portal-auth-handler';
export { portalAuthOf } from './auth/portal/portal-auth';
export { TEAM_HEADER } from './auth/portal/session-caller';
