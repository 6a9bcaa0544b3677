import type { APIRoute } from 'astro';
import { pinyin } from 'pinyin-pro';
import { loadArchive } from '../../data/archive.ts';
import { agencyIndex } from '../../lib/agency-picker.ts';

/** A name's pinyin initials ("平潭综合实验区" → "ptzhsyq"); pinyin-pro reads polyphones by word (重庆 → cq). */
const initialsOf = (name: string) => pinyin(name, { pattern: 'first', toneType: 'none', separator: '' }).toLowerCase().replace(/[^a-z]/g, '');

/** A name's full pinyin without tones or spaces ("平潭" → "pingtan"). */
const pinyinOf = (name: string) => pinyin(name, { toneType: 'none', separator: '' }).toLowerCase().replace(/[^a-z]/g, '');

/** The compare page's type-ahead index: the agencies that have reports (src/lib/agency-picker.ts). */
export const GET: APIRoute = async () => {
  const archive = await loadArchive();
  return Response.json(agencyIndex(archive.agencies.filter((a) => archive.reportsByAgency.get(a.id)?.length), initialsOf, pinyinOf));
};
