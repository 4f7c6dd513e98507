export * from './office';
export * from './people';
export * from './welfare';
export * from './backups';
export * from './welfare-money';
export * from './welfare-paid';
export * from './access';
export * from './welfare-codi';
