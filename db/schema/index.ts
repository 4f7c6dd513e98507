export * from './office';
export * from './people';
export * from './welfare';
export * from './welfare-paid';
