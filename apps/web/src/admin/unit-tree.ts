import type { UnitFieldsFragment } from '../generated/graphql';

export interface UnitNode extends UnitFieldsFragment {
  children?: UnitNode[];
}

/** The flat unit list (parents before children) as a tree for the table; orphans become roots. */
export function unitTree(units: readonly UnitFieldsFragment[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>(units.map((unit) => [unit.id, { ...unit }]));
  const roots: UnitNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    if (parent) parent.children = [...(parent.children ?? []), node];
    else roots.push(node);
  }
  return roots;
}
