// The connection fields of a mail server, the same for the outgoing (SMTP) and the incoming (IMAP) one:
// one definition, so both settings screens refuse the same host names, ports and passwords alike.
import { z } from 'zod';

const oneLine = (s: string) => !/[\r\n\0]/.test(s);

/** `exampleHost` names the kind of server in the host error (smtp.example.co.jp, imap.example.co.jp). */
export const mailServerConnection = (exampleHost: string) => ({
  /** Empty: no server configured. */
  host: z
    .string()
    .trim()
    .max(253, 'A host name is at most 253 characters.')
    .regex(/^$|^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[[0-9A-Fa-f:.]+\]$/, `Give the mail server’s host name (e.g. ${exampleHost}) or IP address.`),
  port: z.number().int().min(1, 'A port is 1–65535.').max(65_535, 'A port is 1–65535.'),
  tls: z.enum(['none', 'starttls', 'tls']),
  user: z.string().trim().max(256, 'At most 256 characters.').refine(oneLine, 'The user name must be one line.'),
  /** Omitted: keep the stored password. A string replaces it. Never normalised, never returned. */
  password: z.string().max(1024, 'At most 1024 characters.').refine(oneLine, 'The password must be one line.').optional(),
});
