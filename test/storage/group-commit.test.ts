import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BatchItemError, groupCommit } from '../../src/server/storage/group-commit';

/** A commit that stays open until released, recording how many were open at once. */
function heldCommits() {
  const open: { items: number[]; release(): void }[] = [];
  let mostAtOnce = 0;
  const commit = (items: number[]) =>
    new Promise<(number | BatchItemError)[]>((resolve) => {
      open.push({
        items,
        release: () => resolve(items.map((item) => (item < 0 ? new BatchItemError(new Error('bad')) : item * 10))),
      });
      mostAtOnce = Math.max(mostAtOnce, open.filter(Boolean).length);
    });
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  return { open, commit, turn, mostAtOnce: () => mostAtOnce };
}

describe('group commit', () => {
  it('batches what arrives together and answers each write with its own result once its batch committed', async () => {
    const commits = heldCommits();
    const write = groupCommit(commits.commit);
    const answers = [write(1), write(-1), write(3)].map((promise) => promise.then(String, () => 'failed'));
    await commits.turn();
    assert.deepEqual(
      commits.open.map((batch) => batch.items),
      [[1, -1, 3]],
    );
    commits.open[0].release();
    assert.deepEqual(await Promise.all(answers), ['10', 'failed', '30']);
  });

  it('commits one batch at a time by default, and up to `inFlight` at once when asked', async () => {
    for (const inFlight of [1, 3]) {
      const commits = heldCommits();
      const write = groupCommit(commits.commit, inFlight);
      const answers: Promise<number>[] = [];
      for (let item = 0; item < 5; item++) {
        answers.push(write(item));
        await commits.turn();
        await commits.turn();
      }
      assert.equal(commits.open.length, inFlight, `${inFlight} batch(es) committing while the rest wait`);
      while (commits.open.some(Boolean)) {
        const index = commits.open.findIndex(Boolean);
        const batch = commits.open[index];
        delete commits.open[index];
        batch.release();
        await commits.turn();
        await commits.turn();
      }
      assert.deepEqual(await Promise.all(answers), [0, 10, 20, 30, 40]);
      assert.equal(commits.mostAtOnce(), inFlight);
    }
  });
});
