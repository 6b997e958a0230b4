/**
 * The towns list, shared by the directory pages, the application forms (in the
 * browser) and the functions (on the server): one file, content/directory/towns.json.
 */
import towns from '../../content/directory/towns.json' with { type: 'json' };

export interface TownRecord {
  id: string;
  name: string;
  kind: '镇' | '街道';
}

export const TOWNS = towns as TownRecord[];
export const TOWN_IDS = TOWNS.map((t) => t.id) as [string, ...string[]];

export function townById(id: string): TownRecord | undefined {
  return TOWNS.find((t) => t.id === id);
}
