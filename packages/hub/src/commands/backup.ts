import path from 'node:path';
import { backupDatabase } from '@judgehub/store';
import { ExitCode, shellPath, usageError, type CliCommand } from './command.js';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Copy a data folder to one file, safely, even while the hub runs',
  help: `Usage: judgehub backup --data DIR --out FILE

Copies the hub's database in DIR to FILE using SQLite's online backup: consistent even while
\`judgehub serve\` is running and judges are scoring. The copy is checked before it is kept.
An existing FILE is never overwritten.

Restore it with: judgehub restore FILE --data NEW_DIR
`,
  options: ['data', 'out'],
  async run({ values, positionals }, io) {
    if (positionals.length > 0)
      return usageError(io, 'backup', `unexpected argument "${positionals[0]}"`);
    if (!values.data) return usageError(io, 'backup', 'say which data folder with --data DIR');
    if (!values.out)
      return usageError(io, 'backup', 'say where to write the backup with --out FILE');
    const out = path.resolve(values.out);
    const result = await backupDatabase(path.resolve(values.data), out);
    if (!result.ok) {
      io.stderr(`judgehub backup: ${result.problem}\n`);
      return ExitCode.Failed;
    }
    io.stdout(
      `Backup written: ${out} (${(result.bytes / 1024).toFixed(0)} KiB), checked.\nRestore it with: judgehub restore ${shellPath(out)} --data NEW_DIR\n`,
    );
    return ExitCode.Ok;
  },
};
