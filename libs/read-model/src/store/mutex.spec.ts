import { Mutex } from './mutex.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Mutex', () => {
  it('runs one section at a time, in the order they were asked for', async () => {
    const mutex = new Mutex();
    const steps: string[] = [];
    const section = (name: string) => async () => {
      steps.push(`${name} in`);
      await tick();
      steps.push(`${name} out`);
      return name;
    };
    await expect(Promise.all([mutex.run(section('a')), mutex.run(section('b'))])).resolves.toEqual(['a', 'b']);
    expect(steps).toEqual(['a in', 'a out', 'b in', 'b out']);
  });

  it('throws on a re-entry made while the section starts, and stays usable', async () => {
    const mutex = new Mutex();
    await expect(mutex.run(() => mutex.run(async () => 1))).rejects.toThrow(/nested/);
    await expect(mutex.run(async () => 2)).resolves.toBe(2);
  });

  it('lets the next section in after one fails', async () => {
    const mutex = new Mutex();
    const failed = mutex.run(async () => {
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(mutex.run(async () => 'next')).resolves.toBe('next');
  });

  it('does not take a concurrent caller for a nested one', async () => {
    const mutex = new Mutex();
    const outer = mutex.run(async () => {
      await tick();
      return 1;
    });
    const concurrent = mutex.run(async () => 2);
    await expect(Promise.all([outer, concurrent])).resolves.toEqual([1, 2]);
  });
});
