export { ConfigError, loadStoreConfig, parseSettings, requireStoreUrls, storeSettings, toStoreConfig, type StoreConfig } from './store-config.js';
