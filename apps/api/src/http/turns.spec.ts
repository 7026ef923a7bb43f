import { Turns } from './turns.js';

describe('Turns', () => {
  it('lets so many waiting tasks go per turn of the event loop, in order', async () => {
    const order: string[] = [];
    const turns = new Turns(2);
    const done = Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => turns.next().then(() => order.push(name))));
    // What else the loop does meanwhile, once per turn: it gets in between the tasks.
    const turn = (n: number) =>
      setImmediate(() => {
        order.push(`turn ${n}`);
        if (n < 3) turn(n + 1);
      });
    turn(1);
    await done;
    expect(order).toEqual(['a', 'b', 'turn 1', 'c', 'd', 'turn 2', 'e']);
  });
});
