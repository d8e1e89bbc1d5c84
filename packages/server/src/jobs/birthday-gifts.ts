import { giveBirthdayGifts } from '../services/birthday-gifts.js';
import type { Job } from './scheduler.js';

/**
 * Members' birthday points (issue 17). Hourly rather than once a day at a set time: a gift is
 * given once per customer and year (a unique key), so repeats and other instances give nothing
 * twice, and a day the server was down at midnight is still covered.
 */
export const birthdayGiftsJob: Job = {
  name: 'birthday-gifts',
  everyMs: 60 * 60 * 1000,
  run: (deps) => giveBirthdayGifts(deps.db, deps.now()),
};
