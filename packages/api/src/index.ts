export { appRouter, type AppRouter } from './root';
export { createContext, type Context, type ServiceContext } from './context';
export { handleRequest } from './http/handle-request';
export { createCaller } from './caller';
export * from './bootstrap';
export { rotateServerSecretKey, type RotationOutcome } from './secrets/rotate-secret-key';
