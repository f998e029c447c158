import { expect, test } from 'vitest';
import 'corsproof/vitest';
import * as corsproof from 'corsproof';
import * as mock from 'corsproof/mock';
import * as corsMsw from 'corsproof/msw';
import * as mswCore from 'msw';
import * as mswNode from 'msw/node';
import mswSuite from './msw.suite.cjs';

mswSuite({ test, expect, msw: { ...mswCore, node: mswNode }, corsproof, mock, corsMsw });
