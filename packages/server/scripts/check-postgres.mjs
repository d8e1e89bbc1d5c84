// Fails loudly when KIOSK_TEST_DATABASE_URL is set but the server cannot be reached.
import pg from 'pg';

const url = process.env.KIOSK_TEST_DATABASE_URL;
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const { rows } = await client.query('show server_version');
  console.log(`PostgreSQL ${rows[0].server_version} reachable for the PostgreSQL test run.`);
  await client.end();
} catch (err) {
  console.error(`Cannot connect to PostgreSQL at KIOSK_TEST_DATABASE_URL: ${err.message}`);
  process.exit(1);
}
