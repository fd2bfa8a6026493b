/**
 * `@storeport/core/kit`: what adapter authors build a platform with. Users of adapters need only
 * `@storeport/core`.
 */

export { checkId } from '../ids';
export { raceAbort } from '../transport/http-client';
export {
  type AdapterDeclaration,
  type CustomersDeclaration,
  type DeclaredAdapter,
  defineAdapter,
  type OrdersDeclaration,
  type PlatformClient,
  type ProductsDeclaration,
  type ResourcesDeclaration,
} from './define-adapter';
export { PagingGuard } from './guards';
export { type FetchedPage, type ListDeclaration, makeLister, type PageRequest } from './listing';
export { parseOptions, type TransportSettings, TransportSettingsSchema } from './options';
export { nativeCursors, type Paging, pageNumbers } from './paging';
export {
  defaultId,
  depthOver,
  MAX_RECORD_DEPTH,
  type ReadRecord,
  type RecordReader,
  readRecords,
  recordId,
} from './records';
