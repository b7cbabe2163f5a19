/** The machine a measurement came from, stored beside the numbers so they can be compared. */
import { cpus, totalmem } from 'node:os';

export const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform}-${process.arch}`
};
