import { BAG_INFO_TXT, MAX_TAG_FILE_BYTES, PAYLOAD_DIR, parseBagInfo } from './bagit.js';
import { openZip, ZipError } from './zip.js';

/** `bag-info.txt` is a few labels: more than this is not read. */
const MAX_BAG_INFO_BYTES = 1024 * 1024;
/** All tag files of a bag together (the manifests hold a line per file): more than this is not unpacked. */
const MAX_TAG_BYTES = MAX_TAG_FILE_BYTES;

const MIB = 1024 * 1024;

/**
 * Unpacks a zipped bag below `destDir`, within a budget: the payload (entries under `data/`) to
 * what the bag's Payload-Oxum declares, when it declares it, and the tag files to 64 MiB. Every
 * entry is also held to its own declared size while it is inflated (see zip-read.ts).
 */
export async function extractBagZip(file: string, destDir: string): Promise<void> {
  const zip = await openZip(file);
  try {
    const info = zip.entries.find((e) => !e.isDirectory && (e.name === BAG_INFO_TXT || new RegExp(`^[^/]+/${BAG_INFO_TXT.replace('.', '\\.')}$`).test(e.name)));
    const base = info ? info.name.slice(0, -BAG_INFO_TXT.length) : '';
    const files = zip.entries.filter((e) => !e.isDirectory);
    const inPayload = (name: string): boolean => name.startsWith(`${base}${PAYLOAD_DIR}/`);
    const payloadDeclared = files.filter((e) => inPayload(e.name)).reduce((n, e) => n + e.size, 0);
    const tagDeclared = files.filter((e) => !inPayload(e.name)).reduce((n, e) => n + e.size, 0);
    if (tagDeclared > MAX_TAG_BYTES) {
      throw new ZipError(
        `its tag files (outside ${PAYLOAD_DIR}/) declare ${tagDeclared} bytes, over the ${MAX_TAG_BYTES / MIB} MiB a bag's tag files may hold`,
        undefined,
        `ses fichiers d’étiquettes (hors de ${PAYLOAD_DIR}/) déclarent ${tagDeclared} octets, au-delà des ${MAX_TAG_BYTES / MIB} Mio admis`,
        'limit',
      );
    }
    let payloadBudget = payloadDeclared;
    if (info) {
      const oxum = parseBagInfo((await zip.read(info, MAX_BAG_INFO_BYTES)).toString('utf8')).find(([label]) => label.toLowerCase() === 'payload-oxum')?.[1];
      const declared = /^(\d{1,15})\.\d+$/.exec(oxum ?? '')?.[1];
      if (declared !== undefined && payloadDeclared > Number(declared)) {
        throw new ZipError(
          `its payload entries declare ${payloadDeclared} bytes, more than the ${declared} of its Payload-Oxum (${BAG_INFO_TXT})`,
          undefined,
          `ses entrées de ${PAYLOAD_DIR}/ déclarent ${payloadDeclared} octets, plus que les ${declared} de son Payload-Oxum (${BAG_INFO_TXT})`,
          'limit',
        );
      }
      if (declared !== undefined) payloadBudget = Number(declared);
    }
    await zip.extract(destDir, payloadBudget + tagDeclared);
  } finally {
    await zip.close();
  }
}
