#!/usr/bin/env node
// Gzipped JavaScript each area downloads on first load (entry + the area's lazy chunk + everything
// they import statically), from Vite's manifest. Fails when an area exceeds the budget in
// ENGINEERING.md (200 KB). Runs at the end of every web build (`npm run build -w @undercurrent/web`).
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET_KB = 200;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../packages/web/dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));

const gzipped = (file) => gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;

function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const dep of chunk.imports ?? []) closure(dep, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const areas = {
  'public (help, not found)': [entryKey],
  'signed out (setup, sign-in, invitation, reset)': [entryKey, 'src/pages/auth/index.ts'],
  'home and clients': [entryKey, 'src/pages/workspace/index.ts'],
  account: [entryKey, 'src/pages/account/index.ts'],
  admin: [entryKey, 'src/pages/admin/index.ts'],
  'therapy frame (caseload, calendar, breaks, rooms)': [entryKey, 'src/pages/frame/index.ts'],
  'client portal (sessions, absences, charges)': [entryKey, 'src/pages/portal/index.ts'],
  'client journal (entries, not ready, export)': [entryKey, 'src/pages/journal/index.ts'],
  'therapist journal (shared entries)': [entryKey, 'src/pages/journal-shared/index.ts'],
  'clinical record (notes, process notes, template)': [entryKey, 'src/pages/record/index.ts'],
  'letters (letters, letterhead, templates)': [entryKey, 'src/pages/letters/index.ts'],
  'subject access (requests, packs, process-note review)': [entryKey, 'src/pages/subject-access/index.ts'],
  'outcome measures (instruments, results, paper entry)': [entryKey, 'src/pages/measures/index.ts'],
  'public site (pages, reflection, directory)': [entryKey, 'src/pages/site/index.ts'],
  'public site editing (pages, profiles)': [entryKey, 'src/pages/site-admin/index.ts'],
  'results (my progress, outcomes report)': [entryKey, 'src/pages/results/index.ts'],
  'client questionnaires (to complete, one question per screen)': [entryKey, 'src/pages/questionnaires/index.ts'],
  'enquiries, the practice side (queue, waiting list, one enquiry)': [entryKey, 'src/pages/intake-queue/index.ts'],
  'patterns (therapist tab, My patterns)': [entryKey, 'src/pages/patterns/index.ts'],
};

let failed = false;
for (const [area, roots] of Object.entries(areas)) {
  const keys = new Set();
  for (const root of roots) closure(root, keys);
  const files = [...keys].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
  const kb = files.reduce((sum, file) => sum + gzipped(file), 0) / 1024;
  const css = [...keys].flatMap((key) => manifest[key].css ?? []);
  const cssKb = [...new Set(css)].reduce((sum, file) => sum + gzipped(file), 0) / 1024;
  const over = kb > BUDGET_KB;
  failed ||= over;
  console.log(
    `${over ? '✗' : '✓'} ${area.padEnd(48)} ${kb.toFixed(1).padStart(6)} KB JS gzipped (${files.length} files)` +
      `, ${cssKb.toFixed(1)} KB CSS`,
  );
}
if (failed) {
  console.error(`An area is over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
