import fs from 'node:fs';
import path from 'node:path';
import type { Resource } from 'i18next';
import { LOCALES, NAMESPACES } from './index';
import { projectPath } from '../project-root';

export const LOCALES_DIR = projectPath('src', 'i18n', 'locales');

/** Reads every catalog from disk (server side; the web bundles load theirs lazily). */
export function loadAllCatalogs(): Resource {
  const resources: Resource = {};
  for (const lng of LOCALES) {
    resources[lng] = {};
    for (const ns of NAMESPACES) {
      const file = path.join(LOCALES_DIR, lng, `${ns}.json`);
      resources[lng][ns] = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    }
  }
  return resources;
}
