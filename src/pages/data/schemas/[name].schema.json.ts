import type { APIRoute, GetStaticPaths } from 'astro';
import { DATA_SCHEMAS, jsonSchemaOf, type DataSchemaName } from '../../../lib/opendata/schemas.ts';

export const getStaticPaths = (() => Object.keys(DATA_SCHEMAS).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => Response.json(jsonSchemaOf(params['name'] as DataSchemaName));
