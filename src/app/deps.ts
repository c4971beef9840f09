import type { Config } from '../config';
import type { Store } from '../store/database';

/** What use cases need from the outside world; built once at boot, passed to every use case. */
export interface Deps {
  store: Store;
  config: Config;
}
