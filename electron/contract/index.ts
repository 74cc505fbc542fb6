export * from './errors.ts';
export * from './fields.ts';
export * from './types.ts';
export * from './methods.ts';
export * from './api.ts';
export * from './case-vocabulary.ts';
export * from './cases.ts';
export * from './case-types.ts';
