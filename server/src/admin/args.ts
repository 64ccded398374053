import { parseArgs } from 'node:util';
import type { CreateAdminInput } from './createAdmin.js';

/** The command line of admin:create (parsed apart from cli.ts, which runs on import). */
export const USAGE = `usage: npm run admin:create -- --email <email> --name "<full name>" \\
         --organisation "<organisation name>" --country <ISO code, e.g. GR> \\
         [--type public_authority|development_agency|university_research|innovation_agency|cluster_network] \\
         [--language en|sq|bg|el|hu|ro] [--password-stdin]
  Without --password-stdin a password is generated and printed once: change it after signing in.`;

export function parseAdminArgs(argv: string[]): {
  input: Omit<CreateAdminInput, 'password'>;
  passwordStdin: boolean;
  help: boolean;
} {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      organisation: { type: 'string' },
      country: { type: 'string' },
      type: { type: 'string' },
      language: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  return {
    input: {
      email: values.email ?? '',
      name: values.name ?? '',
      organisation: values.organisation ?? '',
      country: values.country ?? '',
      ...(values.type ? { type: values.type as CreateAdminInput['type'] } : {}),
      ...(values.language ? { language: values.language as CreateAdminInput['language'] } : {}),
    },
    passwordStdin: values['password-stdin'] ?? false,
    help: values.help ?? false,
  };
}
