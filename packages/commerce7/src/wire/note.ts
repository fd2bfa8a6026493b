import { z } from 'zod';

/** `/note`: notes attach to a customer or an order. */
export const WireNoteSchema = z.looseObject({ id: z.string().min(1), content: z.string() });
