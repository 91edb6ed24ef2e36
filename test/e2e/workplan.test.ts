/**
 * Journey through the plan's breakdown and progress:
 *   1. the city office gives 固始县 its share of key task (四) of this year's plan;
 *   2. 固始县's desk reports progress with a photo;
 *   3. the city office returns it with a comment;
 *   4. the desk reads the comment and reports again, as completed;
 *   5. the city office accepts it and the assignment shows completed;
 *   6. the assessment, recomputed, credits 固始县 with the completed assignment.
 * The steps live in workplan-journey.ts so that other journeys can continue from the last one.
 */
import { describe, expect, test } from 'vitest';
import { signedIn } from './journey';
import { assignmentShowsCompleted, cityAccepts, cityAssigns, cityReturns, gushiPlanScore, unitReports, type Assignment } from './workplan-journey';

const TITLE = `侵权假冒商品集中销毁（测试 ${Date.now().toString(36)}）`;
const COMMENT = '请补充销毁清单和现场照片说明。';
let a: Assignment | undefined;

describe('工作方案：分解、报送、退回、完成', () => {
  test('the city assigns, the county reports, the city returns it, the county reports again, the city accepts and the score updates', async () => {
    const city = await signedIn('city');
    a = await cityAssigns(city, TITLE);

    const gushi = await signedIn('gushi');
    await unitReports(gushi, a, { body: '已于 5 月组织第一次集中销毁，销毁假冒商品 1.2 吨。', photo: true });
    await gushi.getByRole('img', { name: '销毁现场.png' }).waitFor();

    await cityReturns(city, a, COMMENT);

    await gushi.goto(a.path);
    await gushi.getByText(COMMENT).first().waitFor();
    await unitReports(gushi, a, { body: '两次集中销毁均已完成，销毁清单和现场照片说明见附件。', final: true });

    const before = await gushiPlanScore(city);
    await cityAccepts(city, a);
    await assignmentShowsCompleted(city, a);
    await assignmentShowsCompleted(gushi, a);

    // 固始县 now has one more completed assignment of the same number: its rate, points and total rise.
    const after = await gushiPlanScore(city);
    expect(after.rate).toBeGreaterThan(before.rate);
    expect(after.points).toBeGreaterThan(before.points);
    expect(after.total).toBeCloseTo(before.total + (after.points - before.points), 2);

    // The other county's desk cannot open it.
    const other = await signedIn('shangtianti');
    await other.goto(a.path);
    await other.getByRole('link', { name: '返回任务列表' }).waitFor();
    expect(a.path).toMatch(/^\/workplan\/assignments\/\d+$/);
  });
});
