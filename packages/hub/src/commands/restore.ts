import path from 'node:path';
import { restoreDatabase } from '@judgehub/store';
import { ExitCode, shellPath, usageError, type CliCommand } from './command.js';

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Make a data folder from a backup file',
  help: `Usage: judgehub restore BACKUP_FILE --data DIR

Checks BACKUP_FILE (made by \`judgehub backup\`) and makes DIR a data folder holding it, ready
for \`judgehub serve --data DIR\`. DIR must not already hold a database: nothing is replaced.

Tablets that scored after the backup was taken send those values again when they reconnect.
`,
  options: ['data'],
  async run({ values, positionals }, io) {
    const [file, ...extra] = positionals;
    if (!file)
      return usageError(
        io,
        'restore',
        'name the backup file: judgehub restore BACKUP_FILE --data DIR',
      );
    if (extra.length > 0) return usageError(io, 'restore', `unexpected argument "${extra[0]}"`);
    if (!values.data) return usageError(io, 'restore', 'say which new data folder with --data DIR');
    const dataDir = path.resolve(values.data);
    const result = await restoreDatabase(path.resolve(file), dataDir);
    if (!result.ok) {
      io.stderr(`judgehub restore: ${result.problem}\n`);
      return ExitCode.Failed;
    }
    io.stdout(
      `Restored into ${result.file}.\nStart the hub with: judgehub serve --data ${shellPath(dataDir)}\n`,
    );
    return ExitCode.Ok;
  },
};
