import { readFileSync } from 'node:fs';
import { pdfToText } from './src/lib/importer/inputs/pdf.ts';
console.log(await pdfToText(new Uint8Array(readFileSync(process.argv[2]!))));
