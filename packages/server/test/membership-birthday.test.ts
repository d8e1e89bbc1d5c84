// Birthday gifts (issue 17): the tier's points once a year, by the daily job, whatever the
// number of runs or instances (a unique key per customer and year).
import { describe, expect, it } from 'vitest';
import { birthdayGiftsJob } from '../src/jobs/birthday-gifts.js';
import { giveBirthdayGift } from '../src/services/birthday-gifts.js';
import { createTestCustomer, runJob, type TestCustomer, useTestApp } from './harness.js';
import { customerWith, membershipStore } from './membership-fixtures.js';

const t = useTestApp();
const DAY = 86_400_000;

async function setBirthday(s: { pk: string }, c: TestCustomer, month: number, day: number) {
  return t.current.request('/v1/membership/birthday', {
    key: s.pk,
    token: c.token,
    method: 'PUT',
    body: { month, day },
  });
}

async function gifts(s: { pk: string }, c: TestCustomer) {
  const history = await t.current.request('/v1/points/history', { key: s.pk, token: c.token });
  return history.body.items.filter((e: { kind: string }) => e.kind === 'gift');
}

describe('birthday gifts', () => {
  it('are given once a year to tiers that have one, by the job run any number of times', async () => {
    const s = await membershipStore(t.current);
    const gold = await customerWith(t.current, s, 2000);
    const silver = await customerWith(t.current, s, 500);
    const today = t.current.now();
    const month = today.getUTCMonth() + 1;
    const day = today.getUTCDate();
    const set = await setBirthday(s, gold, month, day);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      tier: 'Gold',
      birthday: { month, day },
      perks: { birthdayPoints: 300, pointsMultiplier: 2 },
    });
    expect((await setBirthday(s, silver, month, day)).status).toBe(200);

    await runJob(t.current, birthdayGiftsJob);
    await runJob(t.current, birthdayGiftsJob);
    const given = await gifts(s, gold);
    expect(given).toHaveLength(1);
    expect(given[0]).toMatchObject({ points: 300, reason: 'Birthday gift' });
    expect(await gifts(s, silver)).toHaveLength(0);
    // A gift is not earned: it does not count toward the tier.
    const points = await t.current.request('/v1/points', { key: s.pk, token: gold.token });
    expect(points.body).toMatchObject({ balance: 2300, lifetime: 2000 });

    // Moving the birthday to another day of the year (tomorrow, or yesterday on 31 December)
    // gives nothing more this year.
    const ahead =
      new Date(today.getTime() + DAY).getUTCFullYear() === today.getUTCFullYear() ? DAY : -DAY;
    const other = new Date(today.getTime() + ahead);
    await setBirthday(s, gold, other.getUTCMonth() + 1, other.getUTCDate());
    await runJob(t.current, birthdayGiftsJob, ahead);
    expect(await gifts(s, gold)).toHaveLength(1);
  });

  it('is given once when runs race (PostgreSQL: concurrent transactions)', async () => {
    const s = await membershipStore(t.current);
    const gold = await customerWith(t.current, s, 2000);
    const now = t.current.now();
    await setBirthday(s, gold, now.getUTCMonth() + 1, now.getUTCDate());
    const results = await Promise.all(
      Array.from({ length: 6 }, () => giveBirthdayGift(t.current.db, s.store, gold.id, now)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await gifts(s, gold)).toHaveLength(1);
  });

  it('refuses a day the month does not have; 29 February is a birthday', async () => {
    const s = await membershipStore(t.current);
    const c = await createTestCustomer(t.current, s.store);
    expect((await setBirthday(s, c, 2, 30)).status).toBe(400);
    expect((await setBirthday(s, c, 4, 31)).status).toBe(400);
    expect((await setBirthday(s, c, 13, 1)).status).toBe(400);
    expect((await setBirthday(s, c, 2, 29)).body.birthday).toEqual({ month: 2, day: 29 });
    const anon = await t.current.request('/v1/membership/birthday', {
      key: s.pk,
      method: 'PUT',
      body: { month: 1, day: 1 },
    });
    expect(anon.status).toBe(401);
  });
});
