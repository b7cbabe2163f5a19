/**
 * threadwatch's command line: `npm run --silent cli -- <command>`. Results go to stdout,
 * logs and errors to stderr; an expected failure prints one clear line and exits 1.
 */
import { Command, CommanderError } from 'commander';
import { registerIngest } from './commands/ingest';
import { registerMigrate } from './commands/migrate';
import { registerModels } from './commands/models';
import { registerParse } from './commands/parse';
import { registerRescore } from './commands/rescore';
import { registerScore } from './commands/score';
import { registerServe } from './commands/serve';
import { registerStories } from './commands/stories';
import { registerToken } from './commands/token';
import { registerTrain } from './commands/train';
import { registerUser } from './commands/user';
import { registerEval } from './commands/eval';
import { registerExport } from './commands/export';
import { registerWorker } from './commands/worker';
import { describeCliError } from './errors';

const program = new Command()
  .name('threadwatch')
  .description('moderation and analysis of the comment sections under news articles')
  .showHelpAfterError()
  .exitOverride();

registerParse(program);
registerIngest(program);
registerMigrate(program);
registerServe(program);
registerScore(program);
registerToken(program);
registerTrain(program);
registerEval(program);
registerModels(program);
registerWorker(program);
registerRescore(program);
registerUser(program);
registerStories(program);
registerExport(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has already printed usage or help; keep its exit code (0 for --help).
    process.exitCode = error.exitCode;
  } else {
    const { message, expected } = describeCliError(error);
    process.stderr.write(`threadwatch: ${message}\n`);
    if (!expected && error instanceof Error && error.stack)
      process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  }
}
