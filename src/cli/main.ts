import { Command } from 'commander';
import { ConfigError } from '../config';
import { registerAccountCommands } from './commands/accounts';
import { registerAuditCommands } from './commands/audit';
import { registerBackupCommands } from './commands/backup';
import { registerCalendarCommands } from './commands/calendars';
import { registerClassifyCommand } from './commands/classify';
import { registerClvCommands } from './commands/clv';
import { registerCustomerCommands } from './commands/customers';
import { registerDemoCommand } from './commands/demo';
import { registerImportCommand } from './commands/import';
import { registerKeyCommands } from './commands/keys';
import { registerMigrateCommand } from './commands/migrate';
import { registerOpenApiCommand } from './commands/openapi';
import { registerPolicyCommands } from './commands/policy';
import { registerReportCommands } from './commands/reports';
import { registerRoleCommands } from './commands/roles';
import { registerServeCommand } from './commands/serve';
import { registerTokenCommands } from './commands/tokens';
import { registerUserCommands } from './commands/users';

const program = new Command()
  .name('tierdesk')
  .description('Tierdesk: compute, review and enforce customer tiers')
  .version('0.1.0')
  .showHelpAfterError();

registerServeCommand(program);
registerMigrateCommand(program);
registerDemoCommand(program);
registerUserCommands(program);
registerCustomerCommands(program);
registerImportCommand(program);
registerClassifyCommand(program);
registerOpenApiCommand(program);
registerPolicyCommands(program);
registerAccountCommands(program);
registerCalendarCommands(program);
registerClvCommands(program);
registerReportCommands(program);
registerAuditCommands(program);
registerKeyCommands(program);
registerBackupCommands(program);
registerTokenCommands(program);
registerRoleCommands(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof ConfigError) {
    process.stderr.write(`${e.message}\n`);
  } else if (e instanceof Error && e.name === 'DomainError') {
    const d = (e as Error & { details?: { issues?: { field: string; message: string }[] } })
      .details;
    process.stderr.write(`Error: ${e.message}\n`);
    for (const i of d?.issues ?? []) process.stderr.write(`  - ${i.field}: ${i.message}\n`);
  } else {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
  process.exit(1);
});
