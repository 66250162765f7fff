export * from './organisation';
export * from './auth';
export * from './audit';
export * from './one-on-one';
export * from './mail';
export * from './notifications';
export * from './wellbeing';
export * from './development';
