export * from './office';
export * from './people';
