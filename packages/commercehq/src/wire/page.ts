import { z } from 'zod';

/** A `_links` entry: a plain URL (the seed's wrapper description) or `{href}` (its search sample, and Yii2). */
const WireLink = z.union([z.string(), z.looseObject({ href: z.string() })]);

/** The `{items, _links, _meta}` wrapper of every CommerceHQ list. */
export function wirePage<S extends z.ZodType>(item: S) {
  return z.looseObject({
    items: z.array(item),
    _links: z.record(z.string(), WireLink.nullable()).nullable().optional(),
    _meta: z
      .looseObject({
        totalCount: z.number().int().nonnegative(),
        pageCount: z.number().int().nonnegative(),
        currentPage: z.number().int().nonnegative(),
        perPage: z.number().int().nonnegative(),
      })
      .nullable()
      .optional(),
  });
}

/** The wrapper alone: its records are validated one by one (see `@storeport/core/kit` records). */
export const WireEnvelopeSchema = wirePage(z.unknown());
export type WireEnvelope = z.infer<typeof WireEnvelopeSchema>;

/** The URL of a link in either form. */
export function linkHref(link: z.infer<typeof WireLink> | null | undefined): string | undefined {
  if (link === null || link === undefined) return undefined;
  return typeof link === 'string' ? link : link.href;
}
