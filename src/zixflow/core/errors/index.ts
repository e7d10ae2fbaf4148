export * from './zixflow.error';
export * from './zixflow-configuration.error';
export * from './zixflow-validation.error';
export * from './zixflow-api.error';
export * from './zixflow-network.error';
export * from './zixflow-session-window-closed.error';
