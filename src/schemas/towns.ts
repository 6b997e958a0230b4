/**
 * `towns` (content/directory/towns.json): 台山市's 1 街道 and 16 镇, the units
 * the directory is organised by and the application forms route by.
 * JSON, not YAML, so that functions can import the same list (esbuild bundles JSON).
 */
import { z } from 'astro/zod';

export const townSchema = z.object({
  /** URL slug in pinyin: /directory/town/taicheng/. Never change a published one. */
  id: z.string().regex(/^[a-z]+$/),
  /** Official name: 台城街道, 大江镇. */
  name: z.string().regex(/^\p{Script=Han}{2,4}(镇|街道)$/u),
  /** 镇 or 街道. */
  kind: z.enum(['镇', '街道']),
});

export type Town = z.infer<typeof townSchema>;
