export * from './tenancy';
export * from './events';
export * from './runs';
export * from './traffic';
export * from './foreign-credentials';
export * from './people';
