import { runCli } from './run-cli.js';

// pnpm --filter runs scripts in the package folder; INIT_CWD is where the user typed the command.
process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
