import { z } from 'zod';
import type { StoredItem } from '../../application/ports/repository.js';
import { itemSchema } from '../../application/validation.js';
import type { ListName } from '../../domain/lists/schema.js';

/** The API's JSON shape for an item: envelope and fields side by side. */
export const toJson = <L extends ListName>(item: StoredItem<L>) => ({
  id: item.id,
  etag: item.etag,
  version: item.version,
  createdAt: item.createdAt,
  modifiedAt: item.modifiedAt,
  modifiedBy: item.modifiedBy,
  ...item.fields,
});

export const itemsOf = (list: ListName) => z.object({ items: z.array(itemSchema(list)) });
export const idParam = (p: Record<string, string>) => p.id ?? '';
