export { appRouter, type AppRouter } from './root';
export { createContext, type Context, type ServiceContext } from './context';
export { handleTrpcRequest } from './http/trpc-handler';
export { createCaller } from './caller';
export * from './bootstrap';
