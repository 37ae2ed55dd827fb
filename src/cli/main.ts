import { Command, CommanderError, Option, type OptionValues } from '@commander-js/extra-typings';
import { printable } from '../diagnostics/printable.js';
import { formatProblem, problemPrefix, UserInputError } from '../diagnostics/user-input-error.js';
import { detectLang } from '../i18n/index.js';
import { say } from '../i18n/text.js';
import { CLI_TEXT } from './messages.js';
import { HELP_TEXT } from './messages-help.js';
import type { MessageDef } from '../i18n/types.js';
import { FORMAT_NAMES } from '../formatters/names.js';
import { inputErrorAnnotation } from '../formatters/github.js';
import { TOOL } from '../api/tool.js';
import { DEFAULT_FAIL_ON, FAIL_ON_LEVELS } from './fail-on.js';
import type { CliIo } from './io.js';
import { commanderMessage, helpConfig } from './commander-fr.js';
import type { Lang } from '../i18n/index.js';
import type { OutputToken } from './outputs.js';

// Each command's code is imported when that command runs, so `--version`, `--help` and a usage error
// load none of it (start-up time; the bundle makes each of these imports a chunk).

export type { CliIo } from './io.js';

/** A help text in the language of the run. */
type Help = (def: MessageDef<never>) => string;

/** The options every command takes; typed through commander's extra typings, so `opts` are not `any`. */
function commonOptions<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(cmd: Command<Args, Opts, Globals>, h: Help, lang: Lang) {
  cmd.configureHelp(helpConfig(lang));
  cmd.helpOption('-h, --help', h(HELP_TEXT.helpOption));
  return cmd
    .option('--rules <file>', h(HELP_TEXT.rulesOption))
    .addOption(
      new Option(
        '--lang <lang>',
        h(HELP_TEXT.langOption),
      ),
    )
    .option('--no-color', h(HELP_TEXT.noColorOption))
    .option('-q, --quiet', h(HELP_TEXT.quietOption));
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
  // Help and commander's messages are worded before options are parsed: the language comes from argv and env.
  const lang = detectLang(langArg(argv), io.env);
  const h: Help = (def) => say(def, {}, lang);
  const program = new Command('dmn-check')
    .description(
      h(HELP_TEXT.program),
    )
    .version(TOOL.version, '-V, --version', h(HELP_TEXT.versionOption))
    .helpOption('-h, --help', h(HELP_TEXT.helpOption))
    .helpCommand('help [command]', h(HELP_TEXT.helpCommand))
    .configureHelp(helpConfig(lang))
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(commanderMessage(s, lang)),
    });

  commonOptions(
    program
      .command('check')
      .description(h(HELP_TEXT.check))
      .argument('[manifest]', h(HELP_TEXT.checkManifest))
      .option('--as-of <date>', h(HELP_TEXT.asOfOption))
      .addOption(new Option('-f, --format <name>', say(HELP_TEXT.formatOption, { formats: FORMAT_NAMES.join(', ') }, lang)).argParser(collect('format')))
      .addOption(new Option('-o, --output <file>', h(HELP_TEXT.outputOption)).argParser(collect('output')))
      .addOption(
        new Option(
          '--fail-on <level>',
          h(HELP_TEXT.failOnOption),
        )
          .choices([...FAIL_ON_LEVELS])
          .default(DEFAULT_FAIL_ON),
      )
      .option('--offline', h(HELP_TEXT.offlineOption))
      .option('--save-evidence <dir>', h(HELP_TEXT.saveEvidenceOption))
      .option('--grid-template <file>', h(HELP_TEXT.gridTemplateOption))
      .option('--no-read', h(HELP_TEXT.noReadOption)),
    h,
    lang,
  ).action(async (manifest, opts) => {
    code = await (await import('./check-command.js')).checkCommand(manifest, { ...opts, outputs }, io);
  });

  commonOptions(
    program
      .command('init')
      .description(h(HELP_TEXT.init))
      .option('--out <file>', h(HELP_TEXT.initOut), 'dmn-evidence.yaml')
      .option('--force', h(HELP_TEXT.forceOption)),
    h,
    lang,
  ).action(async (opts) => {
    code = await (await import('./init-command.js')).initCommand(opts, io);
  });

  commonOptions(
    program
      .command('schema')
      .description(
        h(HELP_TEXT.schema),
      )
      .option('--out <file>', h(HELP_TEXT.schemaOut)),
    h,
    lang,
  ).action(async (opts) => {
    code = await (await import('./init-command.js')).schemaCommand(opts, io);
  });

  commonOptions(
    program
      .command('explain')
      .description(h(HELP_TEXT.explain))
      .argument('<id>', h(HELP_TEXT.explainId)),
    h,
    lang,
  ).action(
    async (id, opts) => {
      code = (await import('./rules-command.js')).explainCommand(id, opts, io);
    },
  );

  const rules = program.command('rules').description(h(HELP_TEXT.rules));
  rules.configureHelp(helpConfig(lang)).helpOption('-h, --help', h(HELP_TEXT.helpOption));
  rules.helpCommand('help [command]', h(HELP_TEXT.helpCommand));
  commonOptions(
    rules
      .command('list')
      .description(h(HELP_TEXT.rulesList))
      .option('--checks', h(HELP_TEXT.checksOption))
      .option('--section <id>', h(HELP_TEXT.sectionOption))
      .option('--profile <name>', h(HELP_TEXT.profileOption)),
    h,
    lang,
  ).action(async (opts) => {
    code = (await import('./rules-command.js')).rulesListCommand(opts, io);
  });
  commonOptions(
    rules
      .command('lint')
      .description(h(HELP_TEXT.rulesLint))
      .argument('<file>', h(HELP_TEXT.rulesLintFile)),
    h,
    lang,
  ).action(async (file, opts) => {
    code = (await import('./rules-command.js')).rulesLintCommand(file, opts, io);
  });

  commonOptions(
    program
      .command('replay')
      .description(
        h(HELP_TEXT.replay),
      )
      .argument('<report>', h(HELP_TEXT.replayReport))
      .option('--root <dir>', h(HELP_TEXT.rootOption))
      .option('--evidence <dir>', h(HELP_TEXT.evidenceOption))
      .option('--expect-seal <sha256>', h(HELP_TEXT.expectSealOption))
      .addOption(
        new Option('--trust <pubkey>', h(HELP_TEXT.trustOption)).argParser(
          (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
        ),
      )
      .addOption(new Option('-f, --format <name>', h(HELP_TEXT.textOrJson)).choices(['text', 'json']).default('text')),
    h,
    lang,
  ).action(async (report, opts) => {
    code = await (await import('./replay-command.js')).replayCommand(report, opts, io);
  });

  commonOptions(
    program
      .command('diff')
      .description(
        h(HELP_TEXT.diff),
      )
      .argument('<old>', h(HELP_TEXT.diffOld))
      .argument('<new>', h(HELP_TEXT.diffNew))
      .addOption(new Option('-f, --format <name>', h(HELP_TEXT.textOrJson)).choices(['text', 'json']).default('text')),
    h,
    lang,
  ).action(async (oldReport, newReport, opts) => {
    code = await (await import('./diff-command.js')).diffCommand(oldReport, newReport, opts, io);
  });

  commonOptions(
    program
      .command('pack')
      .description(
        h(HELP_TEXT.pack),
      )
      .argument('[manifest]', h(HELP_TEXT.packManifest))
      .requiredOption('--out <path>', h(HELP_TEXT.packOut))
      .option('--as-of <date>', h(HELP_TEXT.asOfOption))
      .option('--force', h(HELP_TEXT.packForce))
      .option('--offline', h(HELP_TEXT.offlineOption))
      .option('--no-read', h(HELP_TEXT.noReadOption))
      .option('--sign <key>', h(HELP_TEXT.signOption)),
    h,
    lang,
  ).action(async (manifest, opts) => {
    code = await (await import('./pack-command.js')).packCommand(manifest, opts, io);
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof UserInputError && outputs.some((o) => o.kind === 'format' && o.value === 'github')) {
      // In GitHub Actions the input error becomes an annotation on the line to fix (workflow commands on stdout).
      const lang = detectLang(langArg(argv), io.env);
      for (const p of err.problems) {
        const { message, hint, ...where } = p;
        io.stdout.write(`${inputErrorAnnotation({ ...where, message: message[lang], ...(hint ? { hint: hint[lang] } : {}) }, lang)}\n`);
      }
    }
    return reportError(err, argv, io);
  }
}

function langArg(argv: readonly string[]): string | undefined {
  const langIdx = argv.indexOf('--lang');
  return langIdx >= 0 ? argv[langIdx + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
}

function reportError(err: unknown, argv: readonly string[], io: CliIo): number {
  const lang = detectLang(langArg(argv), io.env);
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    // commander already printed its message; add the hint
    io.stderr.write(`${say(CLI_TEXT.seeHelp, {}, lang)}\n`);
    return 2;
  }
  if (err instanceof UserInputError) {
    for (const p of err.problems) io.stderr.write(`${problemPrefix('error', lang)}${printable(formatProblem(p, lang))}\n`);
    return 2;
  }
  const message = printable(err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err));
  io.stderr.write(`${say(CLI_TEXT.internalError, { message }, lang)}\n`);
  return 2;
}
