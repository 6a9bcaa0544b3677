/**
 * Hostile and broken inputs, made at run time (no binary fixtures): whatever a
 * careless or hostile contributor hands the importer or leaves in content/,
 * nothing is written outside content/, nothing is lost, nothing hangs or takes
 * the machine, and every refusal names the file and the limit or reason.
 * Memory and time are asserted through the limits the code enforces (the
 * refusal names the limit that stopped the file), never through a stopwatch.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, inflateRawSync, inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { importAll } from '../../src/cli/import-pool.ts';
import { importFile, ImportError, reportFileText } from '../../src/lib/importer/import-report.ts';
import { INPUT_LIMITS, InputLimitError } from '../../src/lib/importer/inputs/limits.ts';
import { stubAgencyId } from '../../src/lib/importer/publisher/report-year.ts';
import { parseYaml } from '../../src/lib/validate/front-matter.ts';
import { buildDir, buildSite } from '../helpers/build.ts';
import { ROOT } from '../helpers/content.ts';
import { makePdf, textOp } from '../helpers/make-pdf.ts';
import { deflateBomb, docxEntries, makeZip } from '../helpers/make-zip.ts';

const IMPORT = join(ROOT, 'src/cli/import.ts');
const CHECK = join(ROOT, 'src/cli/check.ts');
const SEED_FILE = join(ROOT, 'tests/fixtures/sources/seeds/004_7d7d75c68847a608.txt');
const SEED = readFileSync(SEED_FILE, 'utf8');
const SEED_LINES = SEED.split('\n').filter((l) => l.trim());

const sandboxes: string[] = [];
afterAll(() => {
  for (const dir of sandboxes) rmSync(dir, { recursive: true, force: true });
});

/** A sandbox: <dir>/project/content with the archive's agencies, and <dir>/outside, which nothing may touch. */
function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-hostile-'));
  sandboxes.push(dir);
  const content = join(dir, 'project/content');
  mkdirSync(join(content, 'reports'), { recursive: true });
  cpSync(join(ROOT, 'content/agencies'), join(content, 'agencies'), { recursive: true });
  mkdirSync(join(dir, 'outside'));
  writeFileSync(join(dir, 'outside/keep.txt'), 'not yours');
  return { dir, content, outside: join(dir, 'outside'), inputs: join(dir, 'inputs') };
}

/** Every file under a folder (links listed as links), relative, sorted: a snapshot to compare before and after. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .map((e) => `${join(e.parentPath, e.name).slice(dir.length + 1)}${e.isSymbolicLink() ? ' ->' : e.isDirectory() ? '/' : ''}`)
    .sort();
}

const runImport = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [IMPORT, ...args], { cwd, encoding: 'utf8' });

function input(box: ReturnType<typeof sandbox>, name: string, data: string | Buffer): string {
  mkdirSync(box.inputs, { recursive: true });
  writeFileSync(join(box.inputs, name), data);
  return join(box.inputs, name);
}

describe('nothing is written outside content/', () => {
  it.each([
    ['--agency', '../escaped-by-cli', '机构 id“../escaped-by-cli”无效'],
    ['--agency', '/tmp/absolute', '机构 id“/tmp/absolute”无效'],
    ['--agency', '.', '机构 id“.”无效'],
    ['--year', '2022.5', '年度“2022.5”无效'],
    ['--year', '1e+21', '年度“1e+21”无效'],
    ['--year', '0099', '年度“0099”无效'],
  ])('refuses %s %s before making any path', (flag, value, message) => {
    const box = sandbox();
    const before = tree(box.dir);
    const result = runImport(join(box.dir, 'project'), SEED_FILE, flag, value);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(tree(box.dir)).toEqual(before);
  });

  it('refuses an archive .md whose front-matter names an agency outside the archive’s pattern or a fractional year, naming the file', () => {
    const box = sandbox();
    const escape = input(box, 'escape.md', `---\nagency: ../../x\nyear: 2014\ntitle: 门头沟区教委2014年政府信息公开工作年度报告\n---\n\n${SEED}`);
    const fraction = input(box, 'fraction.md', `---\nagency: 110109-jiaowei\nyear: 2022.5\ntitle: 门头沟区教委2014年政府信息公开工作年度报告\n---\n\n${SEED}`);
    const before = tree(box.dir);
    const result = runImport(join(box.dir, 'project'), escape, fraction);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/escape\.md\t.*失败：机构 id“\.\.\/\.\.\/x”无效/);
    expect(result.stdout).toMatch(/fraction\.md\t.*失败：年度“2022\.5”无效/);
    expect(tree(box.dir)).toEqual(before);
  });

  it('never follows a link: a report file linked outside (even with --force twice), a dangling link, an agency folder linked outside', () => {
    const box = sandbox();
    const folder = join(box.content, 'reports/110109-jiaowei');
    mkdirSync(folder);
    symlinkSync(join(box.outside, 'keep.txt'), join(folder, '2014.md'));
    let result = runImport(join(box.dir, 'project'), SEED_FILE, '--force', '--force');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('2014.md 是符号链接：不跟随链接写入');
    expect(readFileSync(join(box.outside, 'keep.txt'), 'utf8')).toBe('not yours');

    rmSync(join(folder, '2014.md'));
    symlinkSync(join(box.outside, 'dangling.md'), join(folder, '2014.md'));
    result = runImport(join(box.dir, 'project'), SEED_FILE);
    expect(result.status).toBe(1);
    expect(existsSync(join(box.outside, 'dangling.md'))).toBe(false);

    rmSync(folder, { recursive: true });
    symlinkSync(box.outside, folder);
    result = runImport(join(box.dir, 'project'), SEED_FILE);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('110109-jiaowei 是符号链接：不跟随链接写入');
    expect(readdirSync(box.outside)).toEqual(['keep.txt']);
  });
});

describe('agency names cannot break the YAML or pass for another agency', () => {
  const titled = (name: string) => SEED.replace('门头沟区教委2014年', `${name}2014年`);

  it.each(['[某县]教育局', '*某县教育局', '&某县教育局', '!某县教育局', '@某县教育局', "'某县教育局", '"某县教育局', '|某县教育局', '#某县教育局', '某县教育局:别名'])(
    'writes the stub of %s so that it reads back as the same name',
    (name) => {
      const box = sandbox();
      const result = runImport(join(box.dir, 'project'), input(box, 'r.txt', titled(name)));
      expect(result.status, result.stdout + result.stderr).toBe(0);
      const id = stubAgencyId(name);
      const yaml = parseYaml(readFileSync(join(box.content, `agencies/${id}.yaml`), 'utf8'));
      expect(yaml.errors).toEqual([]);
      expect(yaml.data).toMatchObject({ name, shortName: name, stub: true, divisionCode: '000000' });
      const check = spawnSync(process.execPath, [CHECK, join(box.dir, 'project')], { encoding: 'utf8' });
      expect(check.status, check.stdout).toBe(0);
    },
  );

  it.each([
    ['NUL', '门头沟区\u0000教委'],
    ['a bidi override', '门头沟区教委\u202e'],
    ['a zero-width space', '门头\u200b沟区教委'],
    ['a word joiner', '门头沟\u2060区教委'],
    ['a soft hyphen', '门头沟区\u00ad教委'],
    ['a variation selector', '门头沟区教\ufe0f委'],
  ])('matches a name with %s to the agency it reads as, and makes no stub', (_, name) => {
    const box = sandbox();
    const agencies = readdirSync(join(box.content, 'agencies'));
    // An archive .md carries any character in its (YAML-escaped) title; a text file with NUL is refused as binary.
    const md = `---\ntitle: ${JSON.stringify(`${name}2014年政府信息公开工作年度报告`)}\n---\n\n${SEED.split('\n').slice(1).join('\n')}`;
    const result = runImport(join(box.dir, 'project'), input(box, 'r.md', md));
    expect(result.status, result.stdout).toBe(0);
    expect(readdirSync(join(box.content, 'agencies'))).toEqual(agencies);
    const written = readFileSync(join(box.content, 'reports/110109-jiaowei/2014.md'), 'utf8');
    expect(written).toContain('title: 门头沟区教委2014年政府信息公开工作年度报告');
  });
});

describe('every input within its limits, refused by name otherwise', () => {
  const refusal = async (path: string, bytes: Uint8Array, limits = INPUT_LIMITS) => {
    try {
      // As the worker does: import, then the file text (which has its own size limit).
      reportFileText(await importFile(path, bytes, { agencies: [], limits }));
    } catch (error) {
      return error as Error;
    }
    throw new Error(`${path} was imported`);
  };
  const zlibBomb = (mebibytes: number) => Buffer.concat([Buffer.from([0x78, 0x9c]), deflateBomb(mebibytes)]);

  it('refuses a PDF of 2,000 pages, and one whose page tree names one page 5,000 times, by the page limit', async () => {
    const pages = makePdf({ pages: Array.from({ length: 2000 }, (_, i) => ({ content: textOp(`page ${i}`, 72, 700, 2) })) });
    expect((await refusal('pages.pdf', pages)).message).toContain(`PDF 的页数 2000 页，超过导入上限 ${INPUT_LIMITS.pdfPages} 页`);
    const repeated = makePdf({ pages: [{ content: textOp('hello', 72, 700) }], repeatKids: 5000 });
    const error = await refusal('tree.pdf', repeated);
    expect(error).toBeInstanceOf(InputLimitError);
    expect(error.message).toContain('PDF 的页数 5000 页');
  });

  it('refuses a 1 GiB Flate bomb, in a content stream, an unused stream or behind ASCIIHex, by the decompression limit', async () => {
    const bomb = zlibBomb(1024);
    for (const pdf of [
      makePdf({ pages: [{ content: textOp('hello', 72, 700) }], extraStreams: [{ data: bomb, filter: '/FlateDecode' }] }),
      makePdf({ pages: [{ content: textOp('hello', 72, 700) }], extraStreams: [{ data: Buffer.from(bomb.toString('hex')), filter: '[/ASCIIHexDecode /FlateDecode]' }] }),
    ]) {
      expect(pdf.length).toBeLessThan(3 * 1024 * 1024);
      const error = await refusal('bomb.pdf', pdf);
      expect(error).toBeInstanceOf(InputLimitError);
      expect(error.message).toContain(`PDF 中的数据流解压后超过 ${INPUT_LIMITS.decompressedBytes / 1024 / 1024} MiB`);
    }
    // The same limit, lowered, stops a content stream that PDF.js itself would inflate.
    const content = makePdf({ compress: true, pages: [{ content: 'BT /F1 12 Tf 72 700 Td (x) Tj ET\n'.repeat(100_000) }] });
    expect((await refusal('content.pdf', content, { ...INPUT_LIMITS, decompressedBytes: 1024 * 1024 })).message).toContain('解压后超过 1 MiB');
  });

  it('refuses a PDF past the text limits (200,000 glyphs each on its own baseline, with the limit lowered) and reads it without a hang at the default', async () => {
    const glyphs = Array.from({ length: 200_000 }, (_, i) => `BT /F1 1 Tf 72 ${(800 - i * 0.0035).toFixed(4)} Td (x) Tj ET`).join('\n');
    const pdf = makePdf({ compress: true, pages: [{ content: glyphs }] });
    expect((await refusal('glyphs.pdf', pdf, { ...INPUT_LIMITS, pdfTextItems: 100_000 })).message).toContain('文字块 200000 个，超过导入上限 100000 个');
    expect((await refusal('glyphs.pdf', pdf, { ...INPUT_LIMITS, pdfCharacters: 150_000 })).message).toContain('文字 200000 字，超过导入上限 150000 字');
    // Within the default limits it is read to the end and refused for what it is: no report.
    const error = await refusal('glyphs.pdf', pdf);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toContain('找不到标题');
  });

  it('refuses Word zip bombs: an entry inflating to 1 GiB that declares 1 KB, 5,000 entries, a declared size past the limit', async () => {
    const [types, rels] = docxEntries(SEED_LINES);
    const lying = makeZip([types!, rels!, { name: 'word/document.xml', deflated: deflateBomb(1024), size: 1000 }]);
    expect(lying.length).toBeLessThan(2 * 1024 * 1024);
    expect((await refusal('bomb.docx', lying)).message).toContain('Word 文件（zip）解压后超过 256 MiB');
    const many = makeZip([...docxEntries(SEED_LINES), ...Array.from({ length: 5000 }, (_, i) => ({ name: `custom/${i}.xml`, data: Buffer.from('x') }))]);
    expect((await refusal('many.docx', many)).message).toContain(`条目 5003 个，超过导入上限 ${INPUT_LIMITS.zipEntries} 个`);
    const declared = makeZip([types!, rels!, { name: 'word/document.xml', deflated: deflateBomb(1), size: 0xfffffff0 }]);
    expect((await refusal('declared.docx', declared)).message).toContain('声明的解压大小');
    // And the same Word file without the bomb imports.
    expect((await importFile('good.docx', makeZip(docxEntries(SEED_LINES)), { agencies: [] })).title).toBe('门头沟区教委2014年政府信息公开工作年度报告');
  });

  it('refuses a file past the size limit and a report past the content limit, naming each limit', async () => {
    expect((await refusal('big.txt', Buffer.from(SEED), { ...INPUT_LIMITS, fileBytes: 1000 })).message).toMatch(/文件大小 \d+ KB，超过导入上限 1000 B/);
    const padded = `${SEED}\n${Array.from({ length: 60_000 }, (_, i) => `第${i}段为填充文字，用来检查报告文件的大小上限。`).join('\n')}`;
    expect((await refusal('long.txt', Buffer.from(padded))).message).toContain('超过内容文件的上限 2 MiB');
  });

  it('stops a file when its time is up, at the next check inside the importer', async () => {
    const error = await refusal('slow.txt', Buffer.from(SEED), { ...INPUT_LIMITS, seconds: 0 });
    expect(error).toBeInstanceOf(InputLimitError);
    expect(error.message).toContain('超过每个文件 0 秒的导入时间上限');
  });

  it('reads a text with thousands of short lines among good ones (the path that grew faster than its input)', async () => {
    const lines = SEED.split('\n');
    const middle = Math.floor(lines.length / 2);
    for (const short of [(i: number) => `项目${i}`, () => '公开', (i: number) => `（${i}）`]) {
      const text = [...lines.slice(0, middle), ...Array.from({ length: 20_000 }, (_, i) => short(i)), ...lines.slice(middle)].join('\n');
      const report = await importFile('short.txt', Buffer.from(text), { agencies: [] });
      expect(report.title).toBe('门头沟区教委2014年政府信息公开工作年度报告');
    }
  });

  it('reads CJK text from a PDF whose font has only a predefined CMap (UniGB-UCS2-H, no ToUnicode)', async () => {
    const pdf = makePdf({ cjk: true, pages: [{ content: SEED_LINES.slice(0, 45).map((l, i) => textOp(l.slice(0, 45), 30, 810 - i * 17, 10, true)).join('') }] });
    const report = await importFile('cmap.pdf', pdf, { agencies: [] });
    expect(report.title).toBe('门头沟区教委2014年政府信息公开工作年度报告');
    expect(report.body).toContain('二、做好主动公开，保障群众知情权。');
    expect(report.body).toContain('到目前，2014年监测到教育舆情信息512条。');
  });
});

describe('a file that breaks its worker is refused alone', () => {
  it('replaces a worker that ran out of memory and imports the other files of the batch', async () => {
    // A heap of 96 MB: the good files fit, the huge page does not (at the default 1 GB the same happens to bigger files).
    const huge = Buffer.from(`<html><head><title>某局2014年政府信息公开工作年度报告</title></head><body>${'<table><tr><td>一、</td><td>1</td></tr></table>'.repeat(300_000)}</body></html>`);
    const jobs = [SEED, 'huge', SEED, SEED].map((text, i) => ({ path: `${i}.${text === 'huge' ? 'html' : 'txt'}`, bytes: text === 'huge' ? huge : Buffer.from(text) }));
    const results = await importAll(jobs, [], {}, undefined, { size: 2, heapMb: 96 });
    expect(results.map((r) => r.report?.title ?? r.error)).toEqual([
      '门头沟区教委2014年政府信息公开工作年度报告',
      '导入时内存超过每个文件 96 MB 的上限（文件可能是“压缩炸弹”或异常庞大）：不导入',
      '门头沟区教委2014年政府信息公开工作年度报告',
      '门头沟区教委2014年政府信息公开工作年度报告',
    ]);
  });

  it('refuses a file whose worker does not answer in the hard time limit, and goes on with a new worker', async () => {
    const jobs = [{ path: 'a.txt', bytes: Buffer.from(SEED) }, { path: 'b.txt', bytes: Buffer.from(SEED) }];
    const results = await importAll(jobs, [], {}, undefined, { size: 1, hardSeconds: 0 });
    expect(results.map((r) => r.error)).toEqual(['超过每个文件 0 秒的硬性时间上限，导入被中止', '超过每个文件 0 秒的硬性时间上限，导入被中止']);
  });

  it('imports the three good reports of a batch of four whose fourth is a Word zip bomb, and names the bomb', () => {
    const box = sandbox();
    const others = SEED.replace('门头沟区教委2014年', '门头沟区教委2015年');
    const files = [
      input(box, 'a.txt', SEED),
      input(box, 'b.txt', others),
      input(box, 'c.txt', SEED.replace('门头沟区教委2014年', '门头沟区教委2016年')),
      input(box, 'bomb.docx', makeZip([...docxEntries(SEED_LINES).slice(0, 2), { name: 'word/document.xml', deflated: deflateBomb(2048), size: 4096 }])),
    ];
    const result = runImport(join(box.dir, 'project'), ...files);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/bomb\.docx\t.*失败：Word 文件（zip）解压后超过 256 MiB/);
    expect(readdirSync(join(box.content, 'reports/110109-jiaowei')).sort()).toEqual(['2014.md', '2015.md', '2016.md']);
    expect(result.stdout).toContain('导入 4 个文件：3 个成功，1 个失败。');
  });

  it('refuses a file past the size limit before reading it', () => {
    const box = sandbox();
    const sparse = input(box, 'sparse.txt', '');
    truncateSync(sparse, INPUT_LIMITS.fileBytes + 1); // sparse: no disk used
    const result = runImport(join(box.dir, 'project'), sparse, SEED_FILE);
    expect(result.stdout).toMatch(/sparse\.txt\t.*失败：文件大小 100 MiB，超过导入上限 100 MiB/);
    expect(result.stdout).toContain('导入 2 个文件：1 个成功，1 个失败。');
  });
});

describe('check sees what the build sees', () => {
  const report = (title: string) => `---\nagency: 110109-jiaowei\nyear: 2014\ntitle: ${title}\nedition: pre2019\nsource:\n  file: x.txt\nmetrics: {}\n---\n\n正文。\n`;

  it('names links (to a file outside, to a folder outside, in a loop), oversized files and two agencies of one name; the build refuses the same', () => {
    const box = sandbox();
    const reports = join(box.content, 'reports');
    mkdirSync(join(reports, '110109-jiaowei'));
    writeFileSync(join(reports, '110109-jiaowei/2014.md'), report('门头沟区教委2014年政府信息公开工作年度报告'));
    symlinkSync('/etc/passwd', join(reports, '110109-jiaowei/2015.md'));
    writeFileSync(join(box.outside, '2016.md'), report('x'));
    symlinkSync(box.outside, join(reports, '370303-jiaoyuju'));
    symlinkSync(join(reports, 'loop'), join(reports, 'loop'));
    writeFileSync(join(reports, '110109-jiaowei/2017.md'), `${report('门头沟区教委2017年政府信息公开工作年度报告').replace('2014', '2017')}${'长'.repeat(1024 * 1024)}`);
    const twin = readFileSync(join(box.content, 'agencies/110109-jiaowei.yaml'), 'utf8').replace(/^name: (.+)$/m, (_, n: string) => `name: "${[...n].join('\\u200b')}"`);
    writeFileSync(join(box.content, 'agencies/110109-twin.yaml'), twin);

    const check = spawnSync(process.execPath, [CHECK, join(box.dir, 'project')], { encoding: 'utf8' });
    expect(check.status).toBe(1);
    for (const expected of [
      /content\/reports\/110109-jiaowei\/2015\.md\n\s+错误 是符号链接/,
      /content\/reports\/370303-jiaoyuju\n\s+错误 是符号链接/,
      /content\/reports\/loop\n\s+错误 是符号链接/,
      /content\/reports\/110109-jiaowei\/2017\.md\n\s+错误 文件有 3 MiB，超过内容文件的上限 2 MiB/,
      /content\/agencies\/110109-jiaowei\.yaml\n(?:.*\n)*?\s+1 错误 name: 机构名称“北京市门头沟区教育委员会”与 content\/agencies\/110109-twin\.yaml 相同/,
      /content\/agencies\/110109-twin\.yaml\n(?:.*\n)*?.*看不见的字符/,
    ]) expect(check.stdout).toMatch(expected);

    const out = buildDir('hostile-check-');
    try {
      const build = buildSite({ NIANBAO_CONTENT: box.content, NIANBAO_OUT: out });
      expect(build.status).not.toBe(0);
      const said = build.stdout + build.stderr;
      for (const file of ['reports/110109-jiaowei/2015.md', 'reports/370303-jiaoyuju', 'reports/loop', 'reports/110109-jiaowei/2017.md', 'agencies/110109-twin.yaml']) expect(said).toContain(`content/${file}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('checks the files it is given against the whole archive, and names a file it cannot read', () => {
    const box = sandbox();
    mkdirSync(join(box.content, 'reports/110109-jiaowei'));
    writeFileSync(join(box.content, 'reports/110109-jiaowei/2014.md'), report('门头沟区教委2014年政府信息公开工作年度报告'));
    writeFileSync(join(box.content, 'reports/110109-jiaowei/2013.md'), report('门头沟区教委2014年政府信息公开工作年度报告'));
    const project = join(box.dir, 'project');
    const one = spawnSync(process.execPath, [CHECK, 'content/reports/110109-jiaowei/2013.md'], { cwd: project, encoding: 'utf8' });
    expect(one.status).toBe(1);
    expect(one.stdout).toContain('content/reports/110109-jiaowei/2013.md');
    expect(one.stdout).toContain('重复'); // the duplicate is found only against the whole archive
    expect(one.stdout).not.toContain('ENOTDIR');
    const missing = spawnSync(process.execPath, [CHECK, 'content/reports/110109-jiaowei/2099.md'], { cwd: project, encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('content/reports/110109-jiaowei/2099.md：不存在');
  });
});

// The bombs above really are bombs: what they claim to expand to, they do.
describe('the generated bombs', () => {
  it('inflate to what they say (checked on small ones)', () => {
    expect(inflateSync(Buffer.concat([Buffer.from([0x78, 0x9c]), deflateBomb(3)]), { finishFlush: constants.Z_SYNC_FLUSH }).length).toBe(3 * 1024 * 1024);
    expect(inflateRawSync(deflateBomb(2)).length).toBe(2 * 1024 * 1024);
  });
});
