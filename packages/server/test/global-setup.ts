import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** 'memory://' (PGlite) or the URL of a fresh PostgreSQL database for this run. */
    databaseUrl: string;
  }
}

/**
 * With KIOSK_TEST_DATABASE_URL set, the suite runs on PostgreSQL: each run makes its own
 * database there (so parallel runs cannot disturb each other) and drops it at the end.
 * Without it, the suite runs on an in-memory PGlite.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.KIOSK_TEST_DATABASE_URL;
  if (!serverUrl) {
    project.provide('databaseUrl', 'memory://');
    return;
  }
  const name = `kiosk_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  project.provide('databaseUrl', url.toString());

  return async () => {
    const drop = new pg.Client({ connectionString: serverUrl });
    await drop.connect();
    await drop.query(`drop database if exists ${name} with (force)`);
    await drop.end();
  };
}
