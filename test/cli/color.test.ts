// When the CLI colours its output: flags first, then NO_COLOR, FORCE_COLOR, a dumb terminal, and the TTY.
import { describe, expect, it } from 'vitest';
import { createStyle, useColor } from '../../src/cli/render.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('useColor', () => {
  it.each([
    ['a TTY', tty, {}, undefined, true],
    ['a pipe', pipe, {}, undefined, false],
    ['NO_COLOR on a TTY', tty, { NO_COLOR: '1' }, undefined, false],
    ['empty NO_COLOR (unset, per no-color.org)', tty, { NO_COLOR: '' }, undefined, true],
    ['FORCE_COLOR=0 on a TTY', tty, { FORCE_COLOR: '0' }, undefined, false],
    ['FORCE_COLOR=false on a TTY', tty, { FORCE_COLOR: 'false' }, undefined, false],
    ['FORCE_COLOR=1 on a pipe', pipe, { FORCE_COLOR: '1' }, undefined, true],
    ['NO_COLOR over FORCE_COLOR', pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }, undefined, false],
    ['TERM=dumb on a TTY', tty, { TERM: 'dumb' }, undefined, false],
    ['--color on a pipe with NO_COLOR', pipe, { NO_COLOR: '1' }, true, true],
    ['--no-color on a TTY with FORCE_COLOR=1', tty, { FORCE_COLOR: '1' }, false, false],
  ] as const)('%s', (_label, stream, env, flag, expected) => {
    expect(useColor(stream, env, flag)).toBe(expected);
  });
});

describe('createStyle', () => {
  it("colours with Node's SGR codes when enabled, and leaves text alone when not", () => {
    expect(createStyle(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(createStyle(true).bold('x')).toBe('\u001b[1mx\u001b[22m');
    expect(createStyle(false).red('x')).toBe('x');
  });
});
