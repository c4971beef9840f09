export {
  AREA_GROUPS,
  type AreaGroup,
  type AreaGroupId,
  areaGroupOf,
  provinceCodesOf,
} from './area-groups';
export {
  childrenOf,
  findRegionsByName,
  isWithin,
  provinces,
  REGION_DATA_SOURCE,
  type Region,
  type RegionLevel,
  regionByCode,
  regionPath,
} from './gb2260';
export { shortRegionName } from './region-names';
export {
  matchForCode,
  type RegionMatch,
  type ResolveRegionResult,
  resolveRegionText,
} from './resolve';
export { type RegionParts, type ResolvePartsResult, resolveRegionParts } from './resolve-parts';
