export * from './errors.ts';
export * from './fields.ts';
export * from './types.ts';
export * from './methods.ts';
export * from './api.ts';
