export * from './read';
export * from './labs';
export * from './parts';
export * from './transfer';
export * from './exam';
