// Runs a command with DATABASE_URL pointing at PostgreSQL (default: the local server, trust auth).
import { spawnSync } from 'node:child_process';

const env = { ...process.env };
env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const [cmd, ...args] = process.argv.slice(2);
const res = spawnSync('npx', [cmd, ...args], { stdio: 'inherit', env });
process.exit(res.status ?? 1);
