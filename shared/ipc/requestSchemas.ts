// Validators for every IPC request, run in main before a handler sees the payload: the renderer
// is treated as untrusted (a compromised page must not be able to write arbitrary files).
import { z } from 'zod';
import { isExternalLink } from '../links/externalLink';
import { COMMAND_ID_PATTERN, MENU_NAMES, type MainMethod } from './contract';

const MAX_SAVE_BYTES = 512 * 1024 * 1024;
const extension = z.string().regex(/^[A-Za-z0-9]{1,10}$/);

/** A bare file name: no directories, no traversal, nothing the OS would reinterpret. */
const fileName = z
  .string()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  .refine((name) => !/[/\\:*?"<>|\u0000-\u001f]/.test(name) && name !== '.' && name !== '..', {
    message: 'must be a plain file name',
  });

export const requestSchemas = {
  openSourceFiles: z.strictObject({ extensions: z.array(extension).min(1).max(30) }),
  saveFile: z.strictObject({
    suggestedName: fileName,
    content: z.union([
      z.string().max(MAX_SAVE_BYTES),
      z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_SAVE_BYTES, { message: 'too large' }),
    ]),
    filters: z
      .array(z.strictObject({ name: z.string().min(1).max(100), extensions: z.array(extension).min(1).max(10) }))
      .max(10),
  }),
  getAppInfo: z.undefined(),
  setMenuCommands: z.strictObject({
    commands: z
      .array(
        z.strictObject({
          id: z.string().max(80).regex(COMMAND_ID_PATTERN),
          label: z.string().min(1).max(120),
          menu: z.enum(MENU_NAMES),
          group: z.string().max(40).regex(/^[a-z]*$/),
          enabled: z.boolean(),
          // Electron parses accelerators; keep them to the characters its syntax uses.
          accelerator: z.string().max(40).regex(/^[A-Za-z0-9+?/,.=-]+$/).optional(),
        }),
      )
      .max(200),
  }),
  openExternalLink: z.strictObject({
    url: z.string().max(2048).refine(isExternalLink, { message: 'must be an https link' }),
  }),
} satisfies Record<MainMethod, z.ZodType>;
