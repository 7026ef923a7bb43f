export { ConfigError, loadStoreConfig, parseSettings, requireOneStack, requireStoreUrls, storeSettings, toStoreConfig, type StoreConfig } from './store-config.js';
export { describeStack } from './stack-description.js';
