export * from './ports/runtime.port.js';
export * from './ports/node-runtime.js';
export * from './commands/command-context.js';
export * from './commands/precondition-failed.error.js';
export * from './commands/execute-command.js';
export * from './use-cases/use-case-deps.js';
export * from './use-cases/facts.js';
