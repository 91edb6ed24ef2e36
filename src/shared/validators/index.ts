export * from './types';
export * from './fullwidth';
export * from './patent-number';
export * from './uscc';
export * from './mobile';
export * from './id-number';
export * from './region';
export * from './masking';
