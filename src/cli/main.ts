import { Command, CommanderError, Option, type OptionValues } from '@commander-js/extra-typings';
import { printable } from '../diagnostics/printable.js';
import { formatProblem, problemPrefix, UserInputError } from '../diagnostics/user-input-error.js';
import { detectLang } from '../i18n/index.js';
import { say } from '../i18n/text.js';
import { CLI_TEXT } from './messages.js';
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

/** The help text in the language of the run: `(en, fr) => the one to show`. */
type Pick2 = (en: string, fr: string) => string;

/** The options every command takes; typed through commander's extra typings, so `opts` are not `any`. */
function commonOptions<Args extends unknown[], Opts extends OptionValues, Globals extends OptionValues>(cmd: Command<Args, Opts, Globals>, t: Pick2, lang: Lang) {
  cmd.configureHelp(helpConfig(lang));
  cmd.helpOption('-h, --help', t('display help for command', 'affiche l’aide de la commande'));
  return cmd
    .option('--rules <file>', t('ruleset file, or a bundled ruleset as id@version such as ans-dmn-complete@1.2.2 (default: the bundled rules/ans-dmn-1.2.2.yaml)', 'fichier de référentiel, ou référentiel fourni sous la forme id@version comme ans-dmn-complete@1.2.2 (par défaut\u00a0: rules/ans-dmn-1.2.2.yaml, fourni)'))
    .addOption(
      new Option(
        '--lang <lang>',
        t('language of messages: fr or en (default: DMN_CHECK_LANG, then LC_ALL/LC_MESSAGES/LANG, then the system locale)', 'langue des messages\u00a0: fr ou en (par défaut\u00a0: DMN_CHECK_LANG, puis LC_ALL/LC_MESSAGES/LANG, puis la langue du système)'),
      ),
    )
    .option('--no-color', t('no ANSI colours (also NO_COLOR)', 'sans couleurs ANSI (aussi NO_COLOR)'))
    .option('-q, --quiet', t('print only what is not satisfied, and the summary', 'n’affiche que ce qui n’est pas satisfait, et la synthèse'));
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
  const t: Pick2 = (en, fr) => (lang === 'fr' ? fr : en);
  const program = new Command('dmn-check')
    .description(
      t(
        'Conformity checker for French digital medical devices (DMN) — ANS interoperability and security referential',
        'Vérification de conformité des dispositifs médicaux numériques (DMN) au référentiel d’interopérabilité et de sécurité de l’ANS',
      ),
    )
    .version(TOOL.version, '-V, --version', t('output the version number', 'affiche le numéro de version'))
    .helpOption('-h, --help', t('display help for command', 'affiche l’aide de la commande'))
    .helpCommand('help [command]', t('display help for command', 'affiche l’aide d’une commande'))
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
      .description(t('evaluate a dossier (default manifest: ./dmn-evidence.yaml)', 'évalue un dossier (manifeste par défaut\u00a0: ./dmn-evidence.yaml)'))
      .argument('[manifest]', t('evidence manifest', 'manifeste des preuves'))
      .option('--as-of <date>', t('date statements are judged against, YYYY-MM-DD (default: today)', 'date à laquelle les déclarations sont jugées, AAAA-MM-JJ (par défaut\u00a0: aujourd’hui)'))
      .addOption(new Option('-f, --format <name>', t(`output format: ${FORMAT_NAMES.join(', ')} (repeatable)`, `format de sortie\u00a0: ${FORMAT_NAMES.join(', ')} (répétable)`)).argParser(collect('format')))
      .addOption(new Option('-o, --output <file>', t('write the preceding --format to FILE (repeatable)', 'écrit le --format qui précède dans FICHIER (répétable)')).argParser(collect('output')))
      .addOption(
        new Option(
          '--fail-on <level>',
          t(
            'exit 1 when a requirement is at least this bad: warning (also any warning finding), missing, failed, error',
            'code de sortie 1 dès qu’une exigence atteint ce niveau\u00a0: warning (aussi tout avertissement), missing (manquante), failed (en échec), error (erreur)',
          ),
        )
          .choices([...FAIL_ON_LEVELS])
          .default(DEFAULT_FAIL_ON),
      )
      .option('--offline', t('refuse network evidence sources (FHIR servers)', 'refuse les sources de preuve en réseau (serveurs FHIR)'))
      .option('--save-evidence <dir>', t('save what FHIR servers returned (canonical NDJSON) for an offline replay', 'enregistre ce que les serveurs FHIR ont renvoyé (NDJSON canonique) pour un rejeu hors ligne'))
      .option('--grid-template <file>', t("with --format xlsx: fill your own copy of the official ANS grid (.xlsx) instead of the project's own", 'avec --format xlsx\u00a0: remplit votre copie de la grille officielle de l’ANS (.xlsx) au lieu de celle du projet'))
      .option('--no-read', t('do not read what the evidence shows (OCR of screenshots, document text): a fast structural check', 'ne lit pas ce que montrent les preuves (OCR des captures, texte des documents)\u00a0: un contrôle structurel rapide')),
    t,
    lang,
  ).action(async (manifest, opts) => {
    code = await (await import('./check-command.js')).checkCommand(manifest, { ...opts, outputs }, io);
  });

  commonOptions(
    program
      .command('init')
      .description(t('write a commented manifest template from the ruleset', 'écrit un modèle de manifeste commenté d’après le référentiel'))
      .option('--out <file>', t('where to write it', 'où l’écrire'), 'dmn-evidence.yaml')
      .option('--force', t('overwrite an existing file', 'remplace un fichier existant')),
    t,
    lang,
  ).action(async (opts) => {
    code = await (await import('./init-command.js')).initCommand(opts, io);
  });

  commonOptions(
    program
      .command('schema')
      .description(
        t(
          "write the manifest's JSON Schema for the ruleset (facts, requirement ids, slots with what they expect), for editors",
          'écrit le schéma JSON du manifeste pour le référentiel (faits, exigences, emplacements et ce qu’ils attendent), pour les éditeurs',
        ),
      )
      .option('--out <file>', t('where to write it (default: standard output)', 'où l’écrire (par défaut\u00a0: la sortie standard)')),
    t,
    lang,
  ).action(async (opts) => {
    code = await (await import('./init-command.js')).schemaCommand(opts, io);
  });

  commonOptions(
    program
      .command('explain')
      .description(t('describe one requirement', 'décrit une exigence'))
      .argument('<id>', t('requirement or scenario id, e.g. "IEU 9" or ieu-9.1', 'identifiant d’exigence ou de scénario, par exemple « IEU 9 » ou ieu-9.1')),
    t,
    lang,
  ).action(
    async (id, opts) => {
      code = (await import('./rules-command.js')).explainCommand(id, opts, io);
    },
  );

  const rules = program.command('rules').description(t('inspect and validate rulesets', 'consulte et valide les référentiels'));
  rules.configureHelp(helpConfig(lang)).helpOption('-h, --help', t('display help for command', 'affiche l’aide de la commande'));
  rules.helpCommand('help [command]', t('display help for command', 'affiche l’aide d’une commande'));
  commonOptions(
    rules
      .command('list')
      .description(t("list the ruleset's requirements", 'liste les exigences du référentiel'))
      .option('--checks', t('list the available checks instead', 'liste plutôt les contrôles disponibles'))
      .option('--section <id>', t('only the requirements of this section (e.g. INS, IEU, or the grid id PGSSI-S)', 'seulement les exigences de cette section (par exemple INS, IEU, ou l’identifiant de la grille PGSSI-S)'))
      .option('--profile <name>', t('only the requirements with a scenario of this profile (e.g. "Accès Usager"; case and accents do not matter)', 'seulement les exigences ayant un scénario de ce profil (par exemple « Accès Usager » ; casse et accents indifférents)')),
    t,
    lang,
  ).action(async (opts) => {
    code = (await import('./rules-command.js')).rulesListCommand(opts, io);
  });
  commonOptions(
    rules
      .command('lint')
      .description(t('validate a ruleset file (schema and semantics)', 'valide un fichier de référentiel (schéma et sémantique)'))
      .argument('<file>', t('ruleset YAML', 'référentiel YAML')),
    t,
    lang,
  ).action(async (file, opts) => {
    code = (await import('./rules-command.js')).rulesLintCommand(file, opts, io);
  });

  commonOptions(
    program
      .command('replay')
      .description(
        t(
          're-hash the evidence a JSON report (or a bag from `pack`) names, re-evaluate, and say whether the result is identical',
          'recalcule les empreintes des preuves qu’un rapport JSON (ou une archive de `pack`) cite, réévalue, et dit si le résultat est identique',
        ),
      )
      .argument('<report>', t('JSON report, or a bag made by `pack` (folder or .zip)', 'rapport JSON, ou archive écrite par `pack` (dossier ou .zip)'))
      .option('--root <dir>', t("folder replay may read in, where it looks for the dossier: the folder the check ran in, or the dossier itself (default: the report's folder)", 'dossier où le rejeu peut lire et cherche le dossier de preuves\u00a0: celui où la vérification a été lancée, ou le dossier de preuves lui-même (par défaut\u00a0: le dossier du rapport)'))
      .option('--evidence <dir>', t('folder of FHIR snapshots saved with `check --save-evidence` (a bag holds its own)', 'dossier des instantanés FHIR enregistrés par `check --save-evidence` (une archive a les siens)'))
      .option('--expect-seal <sha256>', t('with a bag: fail unless its seal (sha256 of tagmanifest-sha256.txt, printed by pack) is this one', 'avec une archive\u00a0: échoue si son sceau (sha256 de tagmanifest-sha256.txt, affiché par pack) n’est pas celui-ci'))
      .addOption(
        new Option('--trust <pubkey>', t("with a bag: the signer's Ed25519 public key (PEM); fail unless the bag is signed by one of these keys (repeatable)", 'avec une archive\u00a0: clé publique Ed25519 (PEM) du signataire ; échoue si l’archive n’est pas signée par l’une de ces clés (répétable)')).argParser(
          (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
        ),
      )
      .addOption(new Option('-f, --format <name>', t('output: text or json', 'sortie\u00a0: text ou json')).choices(['text', 'json']).default('text')),
    t,
    lang,
  ).action(async (report, opts) => {
    code = await (await import('./replay-command.js')).replayCommand(report, opts, io);
  });

  commonOptions(
    program
      .command('diff')
      .description(
        t(
          'compare two JSON reports: requirements newly failing, resolved, changed, added, removed (exit 1 when anything got worse)',
          'compare deux rapports JSON\u00a0: exigences nouvellement en échec, résolues, modifiées, ajoutées, retirées (code 1 si quelque chose s’est dégradé)',
        ),
      )
      .argument('<old>', t('older JSON report', 'rapport JSON le plus ancien'))
      .argument('<new>', t('newer JSON report', 'rapport JSON le plus récent'))
      .addOption(new Option('-f, --format <name>', t('output: text or json', 'sortie\u00a0: text ou json')).choices(['text', 'json']).default('text')),
    t,
    lang,
  ).action(async (oldReport, newReport, opts) => {
    code = await (await import('./diff-command.js')).diffCommand(oldReport, newReport, opts, io);
  });

  commonOptions(
    program
      .command('pack')
      .description(
        t(
          'check a dossier and seal it as a BagIt bag (folder or .zip): manifest, evidence, statements, report.json, report.html',
          'vérifie un dossier et le scelle en archive BagIt (dossier ou .zip)\u00a0: manifeste, preuves, déclarations, report.json, report.html',
        ),
      )
      .argument('[manifest]', t('evidence manifest (default: ./dmn-evidence.yaml)', 'manifeste des preuves (par défaut\u00a0: ./dmn-evidence.yaml)'))
      .requiredOption('--out <path>', t('bag to write: a folder, or a file ending in .zip', 'archive à écrire\u00a0: un dossier, ou un fichier en .zip'))
      .option('--as-of <date>', t('date statements are judged against, YYYY-MM-DD (default: today)', 'date à laquelle les déclarations sont jugées, AAAA-MM-JJ (par défaut\u00a0: aujourd’hui)'))
      .option('--force', t('replace an existing bag or file at --out', 'remplace l’archive ou le fichier existant à --out'))
      .option('--offline', t('refuse network evidence sources (FHIR servers)', 'refuse les sources de preuve en réseau (serveurs FHIR)'))
      .option('--no-read', t('do not read what the evidence shows (OCR of screenshots, document text): a fast structural check', 'ne lit pas ce que montrent les preuves (OCR des captures, texte des documents)\u00a0: un contrôle structurel rapide'))
      .option('--sign <key>', t('sign the bag with this Ed25519 private key (PEM file): tagmanifest-sha256.txt.sig', 'signe l’archive avec cette clé privée Ed25519 (fichier PEM)\u00a0: tagmanifest-sha256.txt.sig')),
    t,
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
