export { type AxisSplit, axisLevels } from './axis-levels';
export { movementMatrix } from './movement-matrix';
export {
  NINE_GRID_CELLS,
  type NineGrid,
  type NineGridCell,
  type NineGridCellSummary,
  type NineGridInput,
  nineGrid,
} from './nine-grid';
