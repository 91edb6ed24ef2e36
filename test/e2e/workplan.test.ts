/**
 * Journey through the plan's breakdown and progress:
 *   1. the city office gives 固始县 its share of key task (四) of this year's plan, and 固始县's desk
 *      reports progress with a photo;
 *   2. the city office returns it with a comment; the desk reads the comment and reports again, as
 *      completed;
 *   3. the city office accepts it, the assignment shows completed on both sides, and the assessment,
 *      recomputed, credits 固始县 with the completed assignment;
 *   4. another county's desk cannot open it.
 * The steps live in workplan-journey.ts so that other journeys can continue from the last one. Each
 * test goes on from the one before (they run in order, in one file).
 */
import { describe, expect, test } from 'vitest';
import { signedIn } from './journey';
import { assignmentShowsCompleted, cityAccepts, cityAssigns, cityReturns, gushiPlanScore, unitReports, type Assignment } from './workplan-journey';

const TITLE = `侵权假冒商品集中销毁（测试 ${Date.now().toString(36)}）`;
const COMMENT = '请补充销毁清单和现场照片说明。';
let assigned: Assignment | undefined;

function assignment(): Assignment {
  if (!assigned) throw new Error('the assignment was not created: see the first test');
  return assigned;
}

describe('工作方案：分解、报送、退回、完成', () => {
  test('the city assigns 固始县 its share and the county desk reports progress with a photo', async () => {
    const city = await signedIn('city');
    assigned = await cityAssigns(city, TITLE);
    expect(assigned.path).toMatch(/^\/workplan\/assignments\/\d+$/);

    const gushi = await signedIn('gushi');
    await unitReports(gushi, assigned, { body: '已于 5 月组织第一次集中销毁，销毁假冒商品 1.2 吨。', photo: true });
    await gushi.getByRole('img', { name: '销毁现场.png' }).waitFor();
  });

  test('the city returns the report with a comment; the desk reads it and reports again, as completed', async () => {
    const a = assignment();
    const city = await signedIn('city');
    await cityReturns(city, a, COMMENT);

    const gushi = await signedIn('gushi');
    await gushi.goto(a.path);
    await gushi.getByText(COMMENT).first().waitFor();
    await unitReports(gushi, a, { body: '两次集中销毁均已完成，销毁清单和现场照片说明见附件。', final: true });
  });

  test('the city accepts it: completed on both sides, and 固始县\'s assessment score rises', async () => {
    const a = assignment();
    const city = await signedIn('city');
    const before = await gushiPlanScore(city);
    await cityAccepts(city, a);
    await assignmentShowsCompleted(city, a);
    const gushi = await signedIn('gushi');
    await assignmentShowsCompleted(gushi, a);

    // 固始县 now has one more completed assignment of the same number: its rate, points and total rise.
    const after = await gushiPlanScore(city);
    expect(after.rate).toBeGreaterThan(before.rate);
    expect(after.points).toBeGreaterThan(before.points);
    expect(after.total).toBeCloseTo(before.total + (after.points - before.points), 2);
  });

  test('another county\'s desk cannot open it', async () => {
    const other = await signedIn('shangtianti');
    await other.goto(assignment().path);
    await other.getByRole('link', { name: '返回任务列表' }).waitFor();
    expect(await other.getByRole('heading', { name: TITLE }).count()).toBe(0);
  });
});
