import { Command, CommanderError, Option, type OptionValues } from '@commander-js/extra-typings';
import { formatProblem, UserInputError } from '../diagnostics/user-input-error.js';
import { detectLang } from '../i18n/index.js';
import { FORMATTERS } from '../formatters/registry.js';
import { checkCommand } from './check-command.js';
import { diffCommand } from './diff-command.js';
import { TOOL } from './common.js';
import { initCommand } from './init-command.js';
import type { CliIo } from './io.js';
import type { OutputToken } from './outputs.js';
import { packCommand } from './pack-command.js';
import { replayCommand } from './replay-command.js';
import { explainCommand, rulesLintCommand, rulesListCommand } from './rules-command.js';

export type { CliIo } from './io.js';

/** The options every command takes; typed through commander's extra typings, so `opts` are not `any`. */
function commonOptions<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(cmd: Command<Args, Opts, Globals>) {
  return cmd
    .option('--rules <file>', 'ruleset file (default: the bundled rules/ans-dmn-1.2.2.yaml)')
    .addOption(new Option('--lang <lang>', 'language of messages: fr or en (default from LC_ALL/LANG)'))
    .option('--no-color', 'no ANSI colours (also NO_COLOR)')
    .option('-q, --quiet', 'print only what is not satisfied, and the summary');
}

/**
 * The whole CLI: parses `argv`, runs the command, and returns the exit code (0 pass, 1 dossier not
 * conformant, 2 unusable input). Never calls process.exit and never throws.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  const outputs: OutputToken[] = [];
  const collect = (kind: OutputToken['kind']) => (value: string) => {
    outputs.push({ kind, value });
    return value;
  };
  const program = new Command('dmn-check')
    .description('Conformity checker for French digital medical devices (DMN) — ANS interoperability and security referential')
    .version(TOOL.version, '-V, --version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  commonOptions(
    program
      .command('check')
      .description('evaluate a dossier (default manifest: ./dmn-evidence.yaml)')
      .argument('[manifest]', 'evidence manifest')
      .option('--as-of <date>', 'date statements are judged against, YYYY-MM-DD (default: today)')
      .addOption(new Option('-f, --format <name>', `output format: ${[...FORMATTERS.keys()].join(', ')} (repeatable)`).argParser(collect('format')))
      .addOption(new Option('-o, --output <file>', 'write the preceding --format to FILE (repeatable)').argParser(collect('output')))
      .option('--offline', 'refuse network evidence sources (FHIR servers)')
      .option('--save-evidence <dir>', 'save what FHIR servers returned (canonical NDJSON) for an offline replay')
      .option('--no-read', 'do not read what the evidence shows (OCR of screenshots, document text): a fast structural check'),
  ).action(async (manifest, opts) => {
    code = await checkCommand(manifest, { ...opts, outputs }, io);
  });

  commonOptions(
    program
      .command('init')
      .description('write a commented manifest template from the ruleset')
      .option('--out <file>', 'where to write it', 'dmn-evidence.yaml')
      .option('--force', 'overwrite an existing file'),
  ).action(async (opts) => {
    code = await initCommand(opts, io);
  });

  commonOptions(program.command('explain').description('describe one requirement').argument('<id>', 'requirement or scenario id, e.g. "IEU 9" or ieu-9.1')).action(
    (id, opts) => {
      code = explainCommand(id, opts, io);
    },
  );

  const rules = program.command('rules').description('inspect and validate rulesets');
  commonOptions(rules.command('list').description("list the ruleset's requirements").option('--checks', 'list the available checks instead')).action((opts) => {
    code = rulesListCommand(opts, io);
  });
  commonOptions(rules.command('lint').description('validate a ruleset file (schema and semantics)').argument('<file>', 'ruleset YAML')).action((file, opts) => {
    code = rulesLintCommand(file, opts, io);
  });

  commonOptions(
    program
      .command('replay')
      .description('re-hash the evidence a JSON report (or a bag from `pack`) names, re-evaluate, and say whether the result is identical')
      .argument('<report>', 'JSON report, or a bag made by `pack` (folder or .zip)')
      .option('--root <dir>', "folder the check ran in; the report's manifest path is relative to it (default: the current folder)")
      .option('--evidence <dir>', 'folder of FHIR snapshots saved with `check --save-evidence` (a bag holds its own)')
      .addOption(new Option('-f, --format <name>', 'output: text or json').choices(['text', 'json']).default('text')),
  ).action(async (report, opts) => {
    code = await replayCommand(report, opts, io);
  });

  commonOptions(
    program
      .command('diff')
      .description('compare two JSON reports: requirements newly failing, resolved, changed, added, removed (exit 1 when anything got worse)')
      .argument('<old>', 'older JSON report')
      .argument('<new>', 'newer JSON report')
      .addOption(new Option('-f, --format <name>', 'output: text or json').choices(['text', 'json']).default('text')),
  ).action(async (oldReport, newReport, opts) => {
    code = await diffCommand(oldReport, newReport, opts, io);
  });

  commonOptions(
    program
      .command('pack')
      .description('check a dossier and seal it as a BagIt bag (folder or .zip): manifest, evidence, statements, report.json, report.html')
      .argument('[manifest]', 'evidence manifest (default: ./dmn-evidence.yaml)')
      .requiredOption('--out <path>', 'bag to write: a folder, or a file ending in .zip')
      .option('--as-of <date>', 'date statements are judged against, YYYY-MM-DD (default: today)')
      .option('--force', 'replace an existing bag or file at --out')
      .option('--offline', 'refuse network evidence sources (FHIR servers)')
      .option('--no-read', 'do not read what the evidence shows (OCR of screenshots, document text): a fast structural check'),
  ).action(async (manifest, opts) => {
    code = await packCommand(manifest, opts, io);
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    return reportError(err, argv, io);
  }
}

function reportError(err: unknown, argv: readonly string[], io: CliIo): number {
  const langIdx = argv.indexOf('--lang');
  const lang = detectLang(langIdx >= 0 ? argv[langIdx + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7), io.env);
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    // commander already printed its message; add the hint
    io.stderr.write(lang === 'fr' ? "Voir `dmn-check --help`.\n" : 'See `dmn-check --help`.\n');
    return 2;
  }
  if (err instanceof UserInputError) {
    const label = lang === 'fr' ? 'erreur' : 'error';
    for (const p of err.problems) io.stderr.write(`dmn-check: ${label}: ${formatProblem(p, lang)}\n`);
    return 2;
  }
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  io.stderr.write(
    lang === 'fr'
      ? `dmn-check: erreur interne : ${message}. Merci de la signaler avec la commande lancée.\n`
      : `dmn-check: internal error: ${message}. Please report it with the command you ran.\n`,
  );
  return 2;
}
