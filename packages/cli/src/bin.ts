#!/usr/bin/env node
import { processIo } from './io';
import { runCli } from './run';

// `storeport … | head` closes stdout early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void runCli(process.argv.slice(2), processIo()).then((code) => {
  // Open keep-alive sockets must not hold the process once the command is done.
  process.exit(code);
});
