// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { markdownPipeline } from './src/lib/markdown/pipeline.ts';

// SITE_URL and BASE_PATH let a deployment put the archive under its own address and sub-path.
export default defineConfig({
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    processor: unified(markdownPipeline),
  },
});
