import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { reportsCsvPieces } from '../../lib/opendata/reports.ts';

/** Streamed piece by piece: the whole file's rows at once were the build's largest allocation. */
export const GET: APIRoute = async () => {
  const pieces = reportsCsvPieces(await loadArchive());
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
